import { describe, expect, it } from 'vitest';
import { CUSTOMER_MOODS } from '../../../coaching/index.ts';
import { EMOTIONS } from '../../../scenarios/index.ts';
import { serverMessageSchema, type ServerMessage } from '../../../voice/protocol.ts';
import { i18next } from '../../i18n/index.ts';
import { MOODS as PRACTICE_MOODS } from '../practice/model.ts';
import '../practice/strings.ts';
import { EMPTY_COACHING, reduceCoaching, type CoachingState } from './feed.ts';
import { inPageLanguage, LIVE_MOODS, moodTone } from './live-text.ts';
import './strings.ts';

/** Every mood the server can put in `customer_state`: the coaching layer's, the persona baselines, and the offline brain's `mood()`. */
const OFFLINE_BRAIN_MOODS = ['angry', 'frustrated', 'skeptical', 'interested', 'calm', 'confused'];
const SERVER_MOODS = [...new Set([...CUSTOMER_MOODS, ...EMOTIONS, ...OFFLINE_BRAIN_MOODS])];

const label = (ns: string, lng: 'he' | 'en', mood: string) => i18next.getFixedT(lng, ns)(`moods.${mood}`);

describe('live view: customer moods', () => {
  it('the live lists cover every mood the server sends', () => {
    expect([...LIVE_MOODS].sort()).toEqual([...SERVER_MOODS].sort());
    expect([...PRACTICE_MOODS].sort()).toEqual([...SERVER_MOODS].sort());
  });

  it.each(SERVER_MOODS)('"%s" has a colour and a label in Hebrew and English on the panel chip and the status list', (mood) => {
    expect(moodTone(mood)).not.toBe('idle');
    for (const ns of ['coaching', 'practice']) {
      const he = label(ns, 'he', mood);
      const en = label(ns, 'en', mood);
      expect(he, `${ns} he`).toMatch(/[\u05D0-\u05EA]/);
      expect(en, `${ns} en`).not.toBe(`moods.${mood}`);
      expect(en.toLowerCase(), `${ns} en`).toMatch(/^[a-z]/);
    }
  });

  it('the stronger the displeasure, the stronger the colour', () => {
    expect(moodTone('interested')).toBe('ok');
    expect(moodTone('calm')).toBe('neutral');
    expect(moodTone('skeptical')).toBe('warn');
    expect(moodTone('frustrated')).toBe('danger');
    expect(moodTone('angry')).toBe('danger');
    expect(moodTone('furious')).toBe('idle');
    expect(moodTone(null)).toBe('idle');
  });
});

describe('live view: hints and difficulty follow the page language, not the call language', () => {
  const hint = { he: 'הצגת מחיר לפני שהבנת את הצרכים.', en: 'You gave a price before understanding the needs.' };
  const reason = { he: 'הנציג נשמע בטוח — הלקוח מקשה.', en: 'The agent sounds confident — the customer gets tougher.' };
  const fold = (ms: ServerMessage[]): CoachingState => ms.reduce((s, m, i) => reduceCoaching(s, serverMessageSchema.parse(m), i + 1), EMPTY_COACHING);

  it('a Hebrew call on an English page shows English hints and reasons (and Hebrew on a Hebrew page)', () => {
    const s = fold([
      { type: 'hint', text: hint.he, severity: 'info', texts: hint },
      { type: 'difficulty', level: 'challenging:מתקדם', reason: reason.he, reasons: reason },
    ]);
    expect(inPageLanguage(s.hints[0].text, s.hints[0].texts, 'en')).toBe(hint.en);
    expect(inPageLanguage(s.hints[0].text, s.hints[0].texts, 'he')).toBe(hint.he);
    expect(inPageLanguage(s.difficulty[0].reason, s.difficulty[0].reasons, 'en')).toBe(reason.en);
    expect(inPageLanguage(s.difficulty[0].reason, s.difficulty[0].reasons, 'he')).toBe(reason.he);
  });

  it('the session’s confirmation of a change (one language only) keeps both languages, whichever arrives first', () => {
    const coach: ServerMessage = { type: 'difficulty', level: 'challenging:מתקדם', reason: reason.he, reasons: reason };
    const session: ServerMessage = { type: 'difficulty', level: 'challenging', reason: reason.he };
    for (const order of [[coach, session], [session, coach]]) {
      const s = fold(order);
      expect(s.difficulty).toHaveLength(1);
      expect(s.difficulty[0]).toMatchObject({ mode: 'challenging', label: 'מתקדם', reasons: reason });
    }
  });

  it('an older server that sends only the call language is shown as sent', () => {
    const s = fold([{ type: 'hint', text: hint.he, severity: 'warn' }]);
    expect(inPageLanguage(s.hints[0].text, s.hints[0].texts, 'en')).toBe(hint.he);
  });
});
