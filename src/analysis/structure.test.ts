import { describe, expect, it } from 'vitest';
import { classifyTranscript } from './segments.ts';
import { readStructure } from './structure.ts';
import { analyzeOffline } from './offline-analyzer.ts';
import type { Language, Transcript } from './index.ts';

/** A transcript from "A:"/"C:" lines, four seconds a line. */
function call(lang: Language, lines: string[]): Transcript {
  return {
    language: lang,
    segments: lines.map((l, i) => ({ speaker: l.startsWith('A:') ? 'agent' : 'customer', startSec: i * 4, endSec: i * 4 + 3.5, text: l.slice(2).trim() })),
  };
}
const structure = (t: Transcript) => readStructure(classifyTranscript(t), t.language);
const check = (t: Transcript, id: string) => analyzeOffline(t).skills.flatMap((s) => s.checks).find((c) => c.id === id);

describe('recaps', () => {
  it('recognises a recap in the customer\'s words, in English and Hebrew', () => {
    const en = call('en', [
      'A: What happens when a job runs long?',
      'C: My dispatcher reshuffles by hand, techs cross town twice and fuel is killing us.',
      'A: So if I\'m hearing you right, the core issues are: one, manual reshuffling; two, fuel. Fair?',
    ]);
    expect(structure(en).summaries.map((s) => s.index)).toEqual([2]);
    const he = call('he', [
      'A: מה הכי חשוב לך שיהיה מכוסה?',
      'C: ניתוחים ותרופות, ושלא נחכה שוב בתור. והתקציב בערך ארבע מאות שקל.',
      'A: אז יש שלושה דברים: ניתוחים ותרופות, בלי לחכות בתור, ותקציב של ארבע מאות שקל. נכון?',
    ]);
    expect(structure(he).summaries.map((s) => s.index)).toEqual([2]);
    // a pitch that happens to start with "so" is not a recap
    const pitch = call('en', ['A: How do you schedule crews?', 'C: A whiteboard and phone calls.', 'A: So our platform schedules crews automatically and texts customers.']);
    expect(structure(pitch).summaries).toEqual([]);
  });
});

describe('objections in context', () => {
  it('does not take "Not right now, thanks." in answer to "any questions?" for an objection', () => {
    const t = call('en', ['A: Great, Tuesday at nine then. Any questions for me before then?', 'C: Not right now, thanks.', 'A: Talk Tuesday.']);
    expect(structure(t).objections).toEqual([]);
  });

  it('hears a short "I\'m not." to "are you interested?" as a refusal', () => {
    const t = call('en', ['A: We install solar panels. Are you interested?', 'C: I\'m not.', 'A: Okay, thanks for your time.']);
    expect(structure(t).objections.map((o) => o.sentence.text)).toEqual(['I\'m not.']);
  });

  it('types an argued answer as arguing, not as handling a price objection', () => {
    const t = call('en', [
      'A: The system is eighteen thousand dollars after the tax credit.',
      'C: Eighteen thousand? That\'s a lot more than I expected.',
      'A: Well it\'s actually really good value, like I said. Other companies charge way more.',
    ]);
    const [o] = structure(t).objections;
    expect(o.kind).toBe('price');
    expect([...o.types]).toContain('argue');
    expect(o.handled).toBe(false);
    expect(check(t, 'objection.no_argue')?.passed).toBe(false);
  });

  it('counts acknowledge → explore → answer as handled, in Hebrew', () => {
    const t = call('he', [
      'A: זה מאתיים ועשרים שקל בחודש.',
      'C: זה יקר לי, אני כבר משלם מספיק על ביטוחים.',
      'A: מבין לגמרי. יקר ביחס למה שאתה משלם היום?',
      'C: כן, אני משלם מאה וחמישים.',
      'A: משפחה דומה שעברה אלינו חסכה מאה שקל בחודש כי הורדנו כפילויות.',
    ]);
    const [o] = structure(t).objections;
    expect(o.handled).toBe(true);
    expect([...o.types]).toEqual(expect.arrayContaining(['acknowledge', 'explore']));
  });
});

describe('stock phrases after a clear no', () => {
  const pushy = call('en', [
    'A: Hi, this is John from BrightLedger. We cut month-end close in half.',
    'C: We already have a system and we are happy with it.',
    'A: Can I book you for a demo?',
    'C: I\'m not interested. Please take me off your list.',
    'A: I totally understand. Just so you know, we offer a free thirty-day trial. I\'ll call you back in sixteen days, would Thursday at ten work?',
    'C: No. Goodbye.',
  ]);

  it('marks the refusal and the pushing after it', () => {
    const s = structure(pushy);
    expect(s.refusalAt).toBe(3);
    expect(s.pushedAfterRefusal.map((x) => x.index)).toEqual([4]);
    expect(s.outcome).toBe('refused');
  });

  it('credits neither rapport nor a specific time for canned lines after the no', () => {
    expect(check(pushy, 'rapport.respected_refusal')?.passed).toBe(false);
    expect(check(pushy, 'closing.specific_time')?.passed).toBe(false);
    expect(check(pushy, 'closing.commitment')?.passed).toBe(false);
    // the same call, ending politely, scores higher than with the canned lines
    const polite = call('en', [...pushy.segments.slice(0, 4).map((s) => `${s.speaker === 'agent' ? 'A' : 'C'}: ${s.text}`), 'A: Of course, I\'ll take you off our list. Sorry to bother you.']);
    expect(analyzeOffline(polite).overallScore!).toBeGreaterThan(analyzeOffline(pushy).overallScore!);
  });
});

describe('outcome and short calls', () => {
  it('reads the outcome from the customer\'s side and does not punish a short call that ends in a yes', () => {
    const t = call('en', [
      'A: Hi Dana, it\'s Leo from CleanDesk, following up on the pilot proposal we sent. Did you get a chance to look at it?',
      'C: I did, and the team liked it. Let\'s go ahead with the three-month pilot.',
      'A: Great to hear. Shall we start on the first of March, with onboarding on Tuesday at ten?',
      'C: The first of March and Tuesday at ten both work.',
    ]);
    const a = analyzeOffline(t);
    expect(a.outcome).toBe('agreed');
    expect(a.overallScore!).toBeGreaterThanOrEqual(75);
    expect(a.skills.map((s) => s.id)).not.toContain('discovery');
  });

  it('reads a put-off in Hebrew as postponed', () => {
    const t = call('he', ['A: אז לשדרג אותך לפרימיום?', 'C: לא יודע, אני צריך לחשוב על זה. תשלח לי משהו.']);
    expect(structure(t).outcome).toBe('postponed');
  });
});

describe('evidence', () => {
  it('never quotes the agent\'s acknowledgement as the evidence of a missing acknowledgement', () => {
    const t = call('en', [
      'C: Thanks for the follow-up. The price is higher than what we budgeted for.',
      'A: I appreciate you being direct, Kevin. Can I ask what you had budgeted?',
      'C: About fifty thousand.',
      'A: Here is what I would propose: a ninety-day pilot at twenty-five thousand.',
      'C: That\'s more reasonable. Let\'s do it.',
    ]);
    const a = analyzeOffline(t);
    for (const c of a.skills.flatMap((s) => s.checks).filter((c) => !c.passed && c.id.startsWith('rapport.'))) {
      expect(c.evidence.map((q) => q.text).join(' ')).not.toMatch(/appreciate/);
    }
    for (const s of a.strengths) for (const q of s.quotes) expect(q.speaker).toBe('agent');
  });
});
