import type { Language } from '../analysis/index.ts';
import type { Gender } from './text.ts';
import type { Rng } from './rng.ts';

/**
 * Name banks per language. Hebrew names reflect Israel's mix: veteran Israelis, immigrants from the former
 * USSR and Ethiopia, and Arab citizens who do business in Hebrew.
 */
/** Younger (under 45) and older generations of Israeli first names. */
const HE_FIRST: Record<'young' | 'older', Record<Gender, string[]>> = {
  young: {
    male: ['עמית', 'אלון', 'גיא', 'איתי', 'שי', 'ניר', 'אורי', 'יואב', 'עידו', 'יונתן', 'אסף', 'תומר', 'דמיטרי', 'סאמר', 'נדב', 'עומר', 'רועי', 'מוחמד'],
    female: ['שירה', 'נועה', 'טל', 'ענבל', 'הילה', 'יעל', 'דנה', 'יוליה', 'רנא', 'מאיה', 'קרן', 'ליאת', 'שני', 'עדי', 'מור', 'רוני'],
  },
  older: {
    male: ['אבי', 'יוסי', 'משה', 'דני', 'רונן', 'ערן', 'חיים', 'שלומי', 'ולדימיר', 'ברוך', 'אברהם', 'יעקב', 'שמעון', 'מוחמד', 'ניסים', 'אליהו'],
    female: ['מיכל', 'רונית', 'מירב', 'אורית', 'לימור', 'סיגל', 'אתי', 'רחל', 'אולגה', 'אסתר', 'אפרת', 'ציפי', 'מזל', 'חנה', 'רנא', 'שושנה'],
  },
};
const HE_LAST = ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם', 'פרידמן', 'שפירא', 'אזולאי', 'דהן', 'גבאי', 'אוחיון', 'קפלן', 'רוזנברג', 'גולדשטיין', 'נחום', 'אלמוג', 'ברק', 'שטרן', 'בן דוד', 'חדד', 'סויסה', 'קוזלוב', 'ורשבסקי', 'חורי', 'טספאי', 'שמעוני', 'רביבו'];

const EN_FIRST: Record<Gender, string[]> = {
  male: ['James', 'Michael', 'David', 'Daniel', 'Robert', 'Chris', 'Mark', 'Brian', 'Kevin', 'Jason', 'Ryan', 'Tom', 'Steven', 'Paul', 'Omar', 'Raj', 'Carlos', 'Ethan', 'Noah', 'Greg'],
  female: ['Sarah', 'Jennifer', 'Emily', 'Laura', 'Rachel', 'Karen', 'Michelle', 'Amanda', 'Jessica', 'Lisa', 'Megan', 'Priya', 'Maria', 'Hannah', 'Olivia', 'Nicole', 'Dana', 'Grace', 'Susan', 'Claire'],
};
const EN_LAST = ['Smith', 'Johnson', 'Miller', 'Brown', 'Davis', 'Wilson', 'Taylor', 'Anderson', 'Thomas', 'Moore', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'Patel', 'Garcia', 'Cohen', 'Murphy', 'Bennett', 'Foster', 'Hughes'];

/** A full name for the language and gender, avoiding names already used (e.g. recent personas of the same agent). */
export function pickName(rng: Rng, language: Language, gender: Gender, avoid: readonly string[] = [], age = 40): { first: string; last: string; full: string } {
  const firsts = language === 'he' ? HE_FIRST[age < 45 ? 'young' : 'older'][gender] : EN_FIRST[gender];
  const lasts = language === 'he' ? HE_LAST : EN_LAST;
  const avoidFirst = new Set(avoid.map((n) => n.split(' ')[0]));
  const pool = firsts.filter((f) => !avoidFirst.has(f));
  const first = rng.pick(pool.length > 0 ? pool : firsts);
  const last = rng.pick(lasts);
  return { first, last, full: `${first} ${last}` };
}

/** Company names for B2B customers (the customer's own business), per language. */
export const CUSTOMER_COMPANY_NAMES: Record<Language, string[]> = {
  he: ['אלקטרו-טק מערכות', 'גולן לוגיסטיקה', 'נגב פוד', 'מרכז רפואי השרון', 'אופק השקעות', 'רשת חנויות הבית', 'י.ש. הנדסה', 'סטודיו כרמל', 'ג׳י-טק פתרונות', 'מאפיות אחים לוי', 'טכנו-פלסט', 'קבוצת רימון'],
  en: ['Northwind Logistics', 'Brightline Health', 'Summit Foods', 'Apex Engineering', 'Harbor Retail Group', 'Bluepeak Software', 'Cedar Manufacturing', 'Lakeside Clinics', 'Metro Home Stores', 'Orion Analytics'],
};
