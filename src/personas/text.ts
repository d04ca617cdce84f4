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

/**
 * Resolves gender alternatives written as `[masculine|feminine]`, e.g. "אני [צריך|צריכה] לחשוב".
 * Hebrew verbs and adjectives agree with the speaker, so pack phrasings carry both forms.
 */
export function genderize(text: string, gender: Gender): string {
  return text.replace(/\[([^\[\]|]*)\|([^\[\]|]*)\]/g, (_m, masc: string, fem: string) => (gender === 'male' ? masc : fem));
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

/**
 * The speaker gender a first-person line implies ("my wife" → male speaker), or null.
 * Used so a persona's gender agrees with the company's own objection phrasings.
 */
export function impliedSpeakerGender(text: string): Gender | null {
  if (/אשתי|my wife/i.test(text)) return 'male';
  if (/(^|\s)בעלי(\s|$|[,.?!])|my husband/i.test(text)) return 'female';
  if (/אני (צריכה|חושבת|רוצה לחשוב|לא בטוחה|מתלבטת|עסוקה)/.test(text)) return 'female';
  if (/אני (צריך|חושב|לא בטוח|מתלבט|עסוק)(\s|$|[,.?!])/.test(text)) return 'male';
  return null;
}

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
