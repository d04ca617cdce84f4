/**
 * What was missing when a rubric check failed, said as the gap (never the check's own positive label, which reads
 * like praise under "to improve"). Hebrew is written without a gendered verb: it describes the call, not the agent.
 */
import type { Language } from './taxonomy.ts';

type Bilingual = { he: string; en: string };

export const RUBRIC_MISSING: Record<string, Bilingual> = {
  'opening.greeted': { he: 'לא הייתה ברכה והצגה בפתיחה', en: 'No greeting or introduction at the start' },
  'opening.reason': { he: 'מטרת השיחה לא נאמרה בפתיחה', en: 'The reason for the call was not stated at the start' },
  'opening.offer_help': { he: 'לא הוצעה עזרה בפתיחה', en: 'No offer of help at the start' },
  'opening.no_early_price': { he: 'המחיר הוצג לפני שנשאלה שאלה כלשהי', en: 'The price came before any question was asked' },
  'discovery.enough_questions': { he: 'מעט מדי שאלות בירור לאורך השיחה', en: 'Too few discovery questions for the length of the call' },
  'discovery.open_questions': { he: 'כמעט אין שאלות פתוחות (מה, איך, למה, ספר לי): רוב השאלות היו של כן/לא', en: 'Hardly any open questions (what, how, why, tell me): mostly yes/no questions' },
  'discovery.before_pitch': { he: 'המוצר או המחיר הוצגו לפני בירור הצרכים', en: 'The product or price was presented before the needs were explored' },
  'discovery.need_uncovered': { he: 'הלקוח לא ביטא צורך או כאב: השאלות לא הגיעו לשם', en: 'The customer never voiced a need or pain: the questions did not get there' },
  'discovery.follow_up': { he: 'אין שאלת המשך על תשובה של הלקוח', en: 'No follow-up question on a customer answer' },
  'rapport.acknowledged': { he: 'אין הכרה במה שהלקוח אמר לפני התשובה', en: 'What the customer said was not acknowledged before the answer' },
  'rapport.empathy': { he: 'לא הובעה אמפתיה לקושי או לחשש של הלקוח', en: "No empathy for the customer's difficulty or concern" },
  'rapport.respected_refusal': { he: 'המשך לחץ אחרי "לא" ברור של הלקוח', en: "Kept pushing after the customer's clear no" },
  'rapport.warmth': { he: 'אין רגע אישי או תודה ללקוח', en: 'No personal moment or thanks to the customer' },
  'rapport.no_cut_in': { he: 'הלקוח נקטע באמצע דבריו', en: 'The customer was cut off mid-sentence' },
  'listening.talk_ratio': { he: 'חלק הנציג בדיבור עלה על שני שלישים: ללקוח לא נשאר מקום', en: 'The agent took over two-thirds of the talk time: little room for the customer' },
  'listening.monologue': { he: 'מונולוג ארוך בלי לעצור לשאלה', en: 'A long monologue without stopping to ask' },
  'listening.customer_story': { he: 'הלקוח לא קיבל הזדמנות לספר ברצף', en: 'The customer never got to tell their story at length' },
  'listening.summarised': { he: 'אין סיכום של דברי הלקוח לפני ההצעה', en: 'No summary of what the customer said before the offer' },
  'listening.let_finish': { he: 'תשובה שהתחילה לפני שהלקוח סיים משפט', en: 'A reply that started before the customer finished a sentence' },
  'listening.patience': { he: 'תשובות מיידיות, בלי רגע של הקשבה', en: 'Replies came at once, without a listening pause' },
  'objection.acknowledged': { he: 'ההתנגדות לא קיבלה הכרה לפני התשובה', en: 'The objection was not acknowledged before the answer' },
  'objection.asked_question': { he: 'אין שאלה שמבררת מה עומד מאחורי ההתנגדות', en: 'No question to find out what is behind the objection' },
  'objection.answered_value': { he: 'התשובה להתנגדות לא הביאה ערך, הוכחה או מידע רלוונטי', en: 'The answer to the objection brought no value, proof or relevant facts' },
  'objection.no_argue': { he: 'ויכוח עם הלקוח או התעלמות מההתנגדות', en: 'Argued with the customer or talked past the objection' },
  'objection.paused': { he: 'התשובה להתנגדות באה מיד, בלי עצירה', en: 'The answer to the objection came at once, without a pause' },
  'objection.persisted': { he: 'השיחה נעצרה אחרי ההתנגדות, בלי צעד קדימה', en: 'The call stalled after the objection, with no step forward' },
  'product.features': { he: 'לא הוסבר מה המוצר או השירות כולל', en: 'What the product or service includes was not explained' },
  'product.value': { he: 'המוצר לא תורגם לתועלת שקשורה לדברי הלקוח', en: 'The product was not turned into a benefit tied to what the customer said' },
  'product.proof': { he: 'אין הוכחה חברתית או דוגמה', en: 'No social proof or example' },
  'product.answers': { he: 'שאלות הלקוח לא קיבלו תשובה עניינית', en: "The customer's questions got no substantive answer" },
  'product.differentiator': { he: 'הבידול או התועלות של החברה לא הוזכרו', en: "The company's differentiator or benefits were not mentioned" },
  'closing.attempt': { he: 'לא התבקשה החלטה או התחייבות', en: 'No decision or commitment was asked for' },
  'closing.resolution': { he: 'אין אישור לפתרון ואין המשך טיפול', en: 'No confirmed resolution and no follow-up' },
  'closing.next_step': { he: 'לא סוכם צעד הבא', en: 'No next step was agreed' },
  'closing.specific_time': { he: 'לא נקבעו יום ושעה מוגדרים', en: 'No specific day and time was set' },
  'closing.commitment': { he: 'הלקוח לא הסכים לצעד הבא', en: 'The customer did not agree to a next step' },
  'closing.multiple_attempts': { he: 'ניסיון סגירה אחד בלבד למרות שהלקוח היסס', en: 'Only one close attempt although the customer hesitated' },
};

/** The gap a failed check leaves, in the report's language (the label, marked as missing, for a check not listed). */
export function missingOf(id: string, label: Bilingual, lang: Language): string {
  const m = RUBRIC_MISSING[id];
  if (m) return m[lang];
  return lang === 'he' ? `חסר: ${label.he}` : `Missing: ${label.en}`;
}
