import type { Language } from '../analysis/index.ts';

export type Gender = 'female' | 'male';

/** Text in both languages. */
export interface Bilingual<T = string> {
  he: T;
  en: T;
}

const HEBREW = /[\u0590-\u05FF]/;
/** True when the text contains Hebrew letters. */
export const hasHebrew = (s: string): boolean => HEBREW.test(s);

/** The language a piece of free text is written in (Hebrew letters win). */
export const textLanguage = (s: string): Language => (hasHebrew(s) ? 'he' : 'en');

const FINAL_TO_MEDIAL: Record<string, string> = { 'ם': 'מ', 'ן': 'נ', 'ך': 'כ', 'ף': 'פ', 'ץ': 'צ' };

/**
 * Resolves gender alternatives written as `[masculine|feminine]`, e.g. "אני [צריך|צריכה] לחשוב".
 * Hebrew verbs and adjectives agree with the speaker, so pack phrasings carry both forms.
 */
export function genderize(text: string, gender: Gender): string {
  return text.replace(/([םןךףץ]?)\[([^\[\]|]*)\|([^\[\]|]*)\]/g, (_m, final: string, masc: string, fem: string) => {
    const alt = gender === 'male' ? masc : fem;
    // A suffix after a final letter turns it medial: "קבלן[|ית]" → "קבלנית".
    if (final && masc === '' && alt !== '') return FINAL_TO_MEDIAL[final] + alt;
    return final + alt;
  });
}

/** Fills `{placeholder}` slots; unknown or empty slots are left for `hasUnfilled` to catch. */
export function fillSlots(text: string, slots: Record<string, string | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = slots[key];
    return v === undefined || v === '' ? m : v;
  });
}

export const hasUnfilled = (text: string): boolean => /\{\w+\}/.test(text);

/** Slot names a text needs, e.g. ["price", "competitor"]. */
export const slotsOf = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

const FEM_SPECIAL: Record<string, string> = {
  צריך: 'צריכה', יכול: 'יכולה', מוכן: 'מוכנה', בטוח: 'בטוחה', עסוק: 'עסוקה', פנוי: 'פנויה', מעוניין: 'מעוניינת',
  חושב: 'חושבת', יודע: 'יודעת', שומע: 'שומעת', עובד: 'עובדת', זוכר: 'זוכרת', הולך: 'הולכת', חוזר: 'חוזרת', גר: 'גרה', מבוטח: 'מבוטחת',
};

/** The feminine form of a masculine present-tense verb or adjective (unknown words unchanged). */
function feminineWord(w: string): string {
  if (FEM_SPECIAL[w]) return FEM_SPECIAL[w];
  if (!w.startsWith('מ') || w.length < 3 || /[התי]$/.test(w)) return w;
  const stem = w.slice(0, -1) + (FINAL_TO_MEDIAL[w.slice(-1)] ?? w.slice(-1));
  // Hif'il participles (מרגיש, מבין, מסכים) take ־ה; the other binyanim (משלם, מתלבט, מחפש) take ־ת.
  return w.at(-2) === 'י' ? `${stem}ה` : `${stem}ת`;
}

/**
 * Adapts a first-person customer line written in the masculine (as companies usually write their objection
 * bank) for a female speaker: "אני כבר משלם … עם אשתי" → "אני כבר משלמת … עם בעלי"; "my wife" → "my husband".
 */
export function feminizeLine(text: string): string {
  return text
    .replace(/אשתי/g, 'בעלי')
    .replace(/\bmy wife\b/gi, 'my husband')
    .replace(/(אני\s+(?:(?:כבר|לא|גם|עדיין|ממש|פשוט|רק|באמת|די)\s+)*)([\u05D0-\u05EA]+)/g, (_m, pre: string, w: string) => pre + feminineWord(w));
}

/** Feminine form of a phrase that opens with a present-tense verb ("משלם על…", "לא מבין…"); else unchanged. */
export function feminizeLeading(text: string): string {
  return text.replace(/^((?:לא\s+)?)([\u05D0-\u05EA]+)/, (_m, pre: string, w: string) => pre + feminineWord(w));
}

/** True when a Hebrew phrase opens with a present-tense verb, so "אני" can precede it. */
export const opensWithVerb = (text: string): boolean => /^(?:לא\s+)?(?:מ[\u05D0-\u05EA]{2,}|צריך|חושש|רוצה|יודע|חושב)(?:\s|$)/.test(text);

/** A company or real-call line in the persona's gender (such lines carry no `[m|f]` markup). */
export const adaptLine = (text: string, gender: Gender): string => (gender === 'female' ? feminizeLine(text) : text);

/** "2,400 ₪" / "$2,400" formatted for the language. */
export function formatMoney(amount: number, currency: 'ILS' | 'USD' | 'EUR', language: Language): string {
  const n = Math.round(amount).toLocaleString('en-US');
  if (currency === 'ILS') return language === 'he' ? `${n} ₪` : `NIS ${n}`;
  if (currency === 'USD') return `$${n}`;
  return `€${n}`;
}

/** Hebrew spoken form of a price for use inside a sentence ("2,400 שקל"). */
export function spokenMoney(amount: number, currency: 'ILS' | 'USD' | 'EUR', language: Language): string {
  const n = Math.round(amount).toLocaleString('en-US');
  if (language === 'he') return currency === 'ILS' ? `${n} שקל` : currency === 'USD' ? `${n} דולר` : `${n} יורו`;
  return currency === 'ILS' ? `${n} shekels` : currency === 'USD' ? `${n} dollars` : `${n} euros`;
}
