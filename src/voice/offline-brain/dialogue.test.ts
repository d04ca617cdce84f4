import { describe, expect, it } from 'vitest';
import type { OfflineBrainParams } from '../../personas/index.ts';
import type { BrainChunk } from '../brain.ts';
import { demoCustomer } from '../demo-customer.ts';
import { addressAgent } from '../../core/index.ts';
import { OfflineCustomerBrain } from './brain.ts';
import { proposalWords, readDialogue } from './dialogue.ts';

async function say(brain: OfflineCustomerBrain, agentText: string | null) {
  let text = '';
  let end: Extract<BrainChunk, { type: 'end_call' }> | null = null;
  for await (const c of brain.respond({ agentText }, new AbortController().signal)) {
    if (c.type === 'text') text += c.delta;
    else if (c.type === 'end_call') end = c;
  }
  return { text: text.trim(), end };
}

const customer = (type: string, language: 'he' | 'en', seed = 1) => demoCustomer({ scenarioType: type, language, seed });

describe('dialogue acts', () => {
  it.each([
    ['en', 'Which insurer are you with today?', ['provider']],
    ['en', 'Who drives the car at home?', ['drivers']],
    ['en', 'Name please.', ['name']],
    ['he', 'וכמה אתה משלם על זה בערך בחודש?', ['pay']],
    ['he', 'מי נוהג אצלכם ברכב?', ['drivers']],
    ['he', 'מתי הפוליסה מתחדשת?', ['renewal']],
  ] as const)('%s "%s" asks about %j', (lang, text, slots) => {
    expect(readDialogue(text, lang).slots).toEqual(slots);
  });

  it('reads a proposal with its day, time and channel, and a day alone as no proposal', () => {
    const en = readDialogue('Could we do a twenty minute Zoom on Thursday at 7 in the evening?', 'en');
    expect(en.proposal).toMatchObject({ day: 'Thursday', time: 'at 7 in the evening', channel: 'Zoom' });
    const he = readDialogue('אפשר לקבוע זום ביום חמישי בשבע בערב?', 'he');
    expect(proposalWords(he.proposal!, 'he')).toBe('ביום חמישי בשבע בערב');
    expect(readDialogue('איך עובר עליך השבוע?', 'he')).toMatchObject({ proposal: null, smallTalk: true });
  });

  it('tells a summary, a repair request, an understanding check and small talk apart', () => {
    expect(readDialogue('So if I got it right, you want the family covered. Did I get that right?', 'en').summary).toBe(true);
    expect(readDialogue('Can you say that again? The line is bad.', 'en').repair).toBe(true);
    expect(readDialogue('Could you repeat what happened with the charge?', 'en')).toMatchObject({ repair: false, slots: ['reason'] });
    expect(readDialogue('Did that make sense, or should I say it again?', 'en')).toMatchObject({ understandingCheck: true, repair: false });
    expect(readDialogue('מזג אוויר יפה היום, נכון?', 'he').smallTalk).toBe(true);
  });
});

describe('Hebrew second person for the agent', () => {
  it('turns masculine "you" forms feminine for a female agent and leaves them for a male one', () => {
    expect(addressAgent('יפה שאתה זוכר את זה. תחזור אליי מחר, מה אתה מציע?', 'female')).toBe('יפה שאת זוכרת את זה. תחזרי אליי מחר, מה את מציעה?');
    expect(addressAgent('תגיד לי, אתה שם?', 'female')).toBe('תגידי לי, את שם?');
    expect(addressAgent('תגיד לי, אתה שם?', 'male')).toBe('תגיד לי, אתה שם?');
    // third person feminine is not the agent: "the family will be covered"
    expect(addressAgent('שהמשפחה תהיה מכוסה.', 'female')).toBe('שהמשפחה תהיה מכוסה.');
  });

  it('coaching advice for a female agent: imperatives and the suggested first-person words agree too', () => {
    expect(addressAgent('הלקוח העלה התנגדות — הכר בה לפני שאתה עונה ("אני מבין ש…").', 'female', true)).toBe('הלקוח העלה התנגדות — הכירי בה לפני שאת עונה ("אני מבינה ש…").');
    expect(addressAgent('עוד לא שאלת שאלת בירור. נסה: "מה הכי חשוב לך?"', 'female', true)).toBe('עוד לא שאלת שאלת בירור. נסי: "מה הכי חשוב לך?"');
    // a customer's "he asked" is not advice
    expect(addressAgent('הוא שאל אותי.', 'female')).toBe('הוא שאל אותי.');
  });

  it('a female agent is never addressed in the masculine by the Hebrew customer', async () => {
    const c = customer('objection_handling', 'he', 2);
    const brain = new OfflineCustomerBrain({ params: c.offline, seed: 2, agentGender: 'female' });
    const lines = ['שלום, מדברת נועה ממגן ביטוחים.', 'יש לנו מוצר מעולה, הכי טוב בשוק, כדאי לך מאוד.', 'אז מה דעתך?', 'מחר בעשר?', 'נו?'];
    for (const l of lines) {
      const r = await say(brain, l);
      expect(r.text).not.toMatch(/(^|\s)(אתה|שאתה|תגיד|תן|תקשיב|תסביר|תשלח|תחזור)(?=$|[\s,.!?])/);
      if (r.end) break;
    }
  });
});

describe('the customer answers what was asked', () => {
  it('answers a fact from its sheet, the same way every time, and says "like I said" when asked again', async () => {
    const brain = customer('discovery', 'en', 1).brain();
    await say(brain, 'Hi, this is Noa from Magen Insurance about the review you asked for. Is now a good time?');
    const first = await say(brain, 'Which insurer are you with today?');
    const again = await say(brain, 'Sorry, which insurer did you say?');
    const insurer = /Harel|Migdal|Clal|Menora|Ayalon/.exec(first.text)?.[0];
    expect(insurer).toBeDefined();
    expect(again.text).toContain(insurer!);
    expect(again.text).toMatch(/like I said|as I said|I told you/i);
  });

  it('repeats itself when asked to, without changing anything', async () => {
    const brain = customer('discovery', 'he', 1).brain();
    await say(brain, 'שלום, מדברת נועה ממגן ביטוחים, לגבי בדיקת התיק שביקשת.');
    const pay = await say(brain, 'כמה אתה משלם היום בחודש?');
    const rep = await say(brain, 'סליחה, מה אמרת? הקו גרוע.');
    expect(rep.text).toContain(/\d[\d,]*/.exec(pay.text)![0]);
  });

  it('echoes the time when it accepts a meeting, and the call ends as a next step', async () => {
    const c = customer('closing', 'en', 2);
    const p: OfflineBrainParams = { ...structuredClone(c.offline), objections: [] };
    p.close.attemptsRequired = 1;
    p.close.minRevealedNeeds = 0;
    p.close.minResolvedObjections = 0;
    p.thresholds.agreeMinTrust = 0;
    p.thresholds.agreeMinInterest = 0;
    const brain = new OfflineCustomerBrain({ params: p });
    await say(brain, 'Hi, this is Tom from Magen Insurance about the review you asked for.');
    const r = await say(brain, 'Can we book the review for Wednesday at 10 in the morning, on Zoom?');
    expect(r.text).toMatch(/Wednesday at 10/);
    expect(r.end?.outcome).toBe('next_step');
  });

  it('a caller who phoned in says why when asked how the agent can help, and is never asked where they got a number', async () => {
    for (const lang of ['he', 'en'] as const) {
      const brain = customer('cancellation_retention', lang, 11).brain();
      await say(brain, null);
      const r = await say(brain, lang === 'he' ? 'מגן ביטוחים, מדברת נועה, במה אפשר לעזור?' : 'Magen Insurance, this is Noa, how can I help?');
      expect(r.text).toMatch(lang === 'he' ? /לבטל/ : /cancel/i);
      expect(r.text).not.toMatch(/where did you (even )?get my number|מאיפה (השגתם|יש לכם)/i);
    }
  });

  it('confirms a summary built on what it said', async () => {
    const brain = customer('b2c', 'en', 2).brain();
    await say(brain, 'Good morning, this is Daniel from Magen Insurance about the car insurance quote you asked for. Do you have two minutes?');
    await say(brain, 'When does the policy renew?');
    const r = await say(brain, 'Okay, let me make sure I have it: the policy renews soon and the price keeps going up. Is that right?');
    expect(r.text).toMatch(/\b(yes|right|exactly)\b/i);
  });
});
