import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyUtterance } from './classifier.ts';
import { compilePhrases } from './text.ts';
import { OBJECTION_KINDS, SALES_ACTS, type Language } from './taxonomy.ts';

interface Labelled {
  text: string;
  act: string;
  objection?: string;
}

function load(name: string): Labelled[] {
  const url = new URL(`./data/${name}`, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Labelled);
}

/** Main act must equal the label; for objections the kind must match too. */
function accuracy(rows: Labelled[], lang: Language): { acc: number; misses: string[] } {
  const misses: string[] = [];
  for (const r of rows) {
    const c = classifyUtterance(r.text, lang);
    const ok = c.primary === r.act && (r.act !== 'objection' || c.objectionKind === r.objection);
    if (!ok) misses.push(`${r.act}${r.objection ? ':' + r.objection : ''} → ${c.acts.join(',')} | ${r.text}`);
  }
  return { acc: 1 - misses.length / rows.length, misses };
}

describe.each(['he', 'en'] as const)('sales-act classifier (%s)', (lang) => {
  const rows = load(`utterances.${lang}.jsonl`);

  it('has at least 200 labelled utterances covering every act and objection kind', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const act of SALES_ACTS) {
      if (act === 'other') continue;
      expect(rows.some((r) => r.act === act), act).toBe(true);
    }
    for (const kind of OBJECTION_KINDS) expect(rows.filter((r) => r.objection === kind).length, kind).toBeGreaterThanOrEqual(6);
  });

  it('labels at least 85% of the labelled set correctly', () => {
    const { acc, misses } = accuracy(rows, lang);
    console.info(`[classifier ${lang}] labelled set accuracy ${(acc * 100).toFixed(1)}% of ${rows.length}`);
    if (misses.length) console.info(misses.join('\n'));
    expect(acc).toBeGreaterThanOrEqual(0.85);
  });

  // Floors sit a few points under the figures reached (he/en). blind4.* was written before the statistical fallback
  // and measured once: rules alone 68.8/77.1, rules + model 74.3/79.2. holdout.* was never tuned on: rules alone
  // 90.6/81.3, with the model 93.8/90.6. holdout3.* (rules alone 58.3/53.9) now trains the model, which the rules let
  // decide only where they fall back: 80.0/84.3. utterances.* and holdout2.* are the sets the rules were fitted to.
  const FLOORS: Record<string, Record<Language, number>> = {
    blind4: { he: 0.7, en: 0.75 },
    holdout: { he: 0.9, en: 0.85 },
    holdout2: { he: 0.95, en: 0.95 },
    holdout3: { he: 0.77, en: 0.8 },
  };
  it.each(Object.keys(FLOORS))('keeps %s accuracy above its floor', (set) => {
    const held = load(`${set}.${lang}.jsonl`);
    const { acc } = accuracy(held, lang);
    console.info(`[classifier ${lang}] ${set} accuracy ${(acc * 100).toFixed(1)}% of ${held.length}`);
    expect(acc).toBeGreaterThanOrEqual(FLOORS[set][lang]);
  });

  it.each(['utterances', 'holdout2'])('still labels at least 0.85 of the %s tuning set right with the model on', (set) => {
    expect(accuracy(load(`${set}.${lang}.jsonl`), lang).acc).toBeGreaterThanOrEqual(0.85);
  });
  // its cost per utterance is a figure of `npm run bench` (section analysis), not of a test
});

describe('classifier details', () => {
  it('accepts Hebrew clitic prefixes and niqqud', () => {
    expect(classifyUtterance('וְאֲנִי מְבִינָה שֶׁזֶּה מְתַסְכֵּל', 'he').acts).toContain('empathy');
    expect(classifyUtterance('ושהמחיר גבוה מדי בשבילנו', 'he').objectionKind).toBe('price');
  });

  it('tells an objection from a question about one', () => {
    expect(classifyUtterance('Is the price too high for you?', 'en').acts).not.toContain('objection');
    expect(classifyUtterance('The price is too high for me.', 'en').objectionKind).toBe('price');
  });

  it('counts fillers and tells open from closed questions', () => {
    const c = classifyUtterance('אממ, כאילו, מה בעצם חשוב לך בביטוח?', 'he');
    expect(c.fillerCount).toBe(3);
    expect(c.isQuestion).toBe(true);
    expect(c.isOpenQuestion).toBe(true);
    expect(classifyUtterance('Do you have kids?', 'en').isOpenQuestion).toBe(false);
  });

  it('detects the language from the script when none is given', () => {
    expect(classifyUtterance('יש לי כבר ביטוח דרך העבודה').objectionKind).toBe('no_need');
    expect(classifyUtterance('I already have insurance through work').objectionKind).toBe('no_need');
  });
});

describe('classifier generalisation', () => {
  const primary = (t: string, lang: Language) => classifyUtterance(t, lang).primary;

  it('reads Hebrew and English questions without a question mark, but not relative clauses', () => {
    expect(classifyUtterance('ובכמה זה יוצא לי בחודש', 'he').isQuestion).toBe(true);
    expect(classifyUtterance('ואם אני מצטרפת היום, מתי זה מתחיל', 'he').isQuestion).toBe(true);
    expect(classifyUtterance('so how is the current setup working for you guys', 'en').isQuestion).toBe(true);
    expect(classifyUtterance('מה שחשוב לי זה שירות', 'he').isQuestion).toBe(false);
    expect(classifyUtterance('what we really need is a way to track calls', 'en').isQuestion).toBe(false);
    // "המספר" is not the imperative "ספר" with a prefix.
    expect(classifyUtterance('המספר שלי זה אפס חמש', 'he').isQuestion).toBe(false);
  });

  it('tells a buying question from a discovery question about the same topic', () => {
    expect(primary('כמה זה עולה בחודש?', 'he')).toBe('buying_signal');
    expect(primary('כמה אתה משלם היום על הביטוח?', 'he')).toBe('discovery_question');
    expect(primary('how soon could we start?', 'en')).toBe('buying_signal');
    expect(primary("what's your monthly bill right now?", 'en')).toBe('discovery_question');
    expect(primary('תוך כמה זמן אתם מתקינים', 'he')).toBe('buying_signal');
    expect(primary('איך אתם עושים את זה היום', 'he')).toBe('discovery_question');
  });

  it('tells an agent proposal from a customer buying question', () => {
    expect(primary('שאני אפתח לך את ההזמנה?', 'he')).toBe('close_attempt');
    expect(primary('can I pay in installments?', 'en')).toBe('buying_signal');
    expect(primary('should I put you down for the family plan', 'en')).toBe('close_attempt');
  });

  it('handles negation around needs', () => {
    expect(classifyUtterance('לא צריך, תודה', 'he').objectionKind).toBe('no_need');
    expect(primary('לא לא, אני כן צריך ביטוח דירה', 'he')).toBe('need_statement');
    expect(primary('זה אומר שאתה לא צריך לרדוף אחרי אף אחד', 'he')).toBe('value_statement');
    expect(primary("that means you won't need to chase anyone", 'en')).toBe('value_statement');
  });

  it('needs more than a brand name for a competitor objection', () => {
    expect(primary('שלום מדבר אלון מהפניקס', 'he')).toBe('greeting');
    expect(classifyUtterance('בפרטנר הציעו לי את אותו דבר בפחות', 'he').objectionKind).toBe('competitor');
    expect(primary("Hello, it's Megan with State Farm.", 'en')).toBe('greeting');
    expect(classifyUtterance('Geico gave me a better price', 'en').objectionKind).toBe('competitor');
    expect(primary('most of our customers came over from other providers', 'en')).toBe('social_proof');
  });

  it('recognises objection families by their parts, not fixed sentences', () => {
    expect(classifyUtterance('בוא נחזור לזה בעוד חצי שנה', 'he').objectionKind).toBe('timing');
    expect(classifyUtterance("let's circle back in like six months", 'en').objectionKind).toBe('timing');
    expect(classifyUtterance('אשתי מטפלת בכל הנושא של הביטוחים', 'he').objectionKind).toBe('authority');
    expect(classifyUtterance('my husband handles all the insurance stuff', 'en').objectionKind).toBe('authority');
    // The listener's partner is not the speaker's decider.
    expect(classifyUtterance('next week we will meet with your partner and review it', 'en').objectionKind).toBeUndefined();
    expect(classifyUtterance('two hundred a month? no way', 'en').objectionKind).toBe('price');
    expect(classifyUtterance('this is not for me', 'en').objectionKind).toBe('no_need');
  });

  it('keeps drawn-out backchannels and line checks out of the sales acts', () => {
    expect(primary('אההה', 'he')).toBe('backchannel');
    expect(primary('mmmm ok', 'en')).toBe('backchannel');
    expect(primary('הלו? אתה שם?', 'he')).toBe('other');
  });
});

describe('compilePhrases morphology', () => {
  it('inflects a `+` word for gender and number, turning a final letter medial', () => {
    const re = compilePhrases('he', ['מבין+']);
    for (const w of ['מבין', 'מבינה', 'מבינים', 'ומבינות']) expect(re.test(w), w).toBe(true);
    expect(re.test('מבינלאומי')).toBe(false);
  });

  it('turns clitic prefixes off for an `=` word', () => {
    expect(compilePhrases('he', ['=ספר =לי']).test('המספר שלי')).toBe(false);
    expect(compilePhrases('he', ['=ספר =לי']).test('ספר לי')).toBe(true);
  });
});
