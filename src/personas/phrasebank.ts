import type { Language } from '../analysis/index.ts';
import type { ScenarioType } from '../scenarios/index.ts';
import { genderize, type Gender } from './text.ts';

/**
 * Generic customer lines per situation, in Hebrew and English, for the offline customer brain.
 * `[m|f]` forms agree with the customer's gender. Industry- and company-specific lines (objections, needs,
 * buying signals) come from the persona instead.
 */
export const PHRASE_SITUATIONS = [
  'answerPhone', 'whoIsCalling', 'busy', 'deflect', 'shortAnswer', 'backchannel', 'askToRepeat', 'impatient',
  'alreadyToldYou', 'interrupted', 'warming', 'objectionAccepted', 'notConvinced', 'askPrice', 'postpone',
  'agreeNextStep', 'agreePurchase', 'hangUp', 'goodbye', 'deadAir', 'smallTalk', 'stayInCharacter', 'askForDetails',
  'timePressure', 'supportive',
] as const;
export type PhraseSituation = (typeof PHRASE_SITUATIONS)[number];
export type PhraseBank = Record<PhraseSituation, string[]>;

const HE: PhraseBank = {
  answerPhone: ['כן, הלו?', 'הלו, מי זה?', 'כן, מדבר[|ת].', 'הלו, שלום.', 'כן?'],
  whoIsCalling: ['מאיפה יש לכם את המספר שלי?', 'רגע, מי זה? על מה מדובר?', 'אם זה עוד שיחת מכירה, אני לא [מעוניין|מעוניינת].', 'לא השארתי פרטים לאף אחד.'],
  busy: ['אני ממש באמצע משהו, יש לך דקה.', 'תהיה קצר, אני בעבודה.', 'זה לא זמן טוב, מה רצית?', 'אני נוהג[|ת], תגיד מהר.'],
  deflect: ['זה בסדר.', 'לא יודע[|ת], רגיל.', 'אין הרבה מה לספר.', 'למה אתה שואל?', 'הכל בסדר אצלנו.', 'ככה ככה.'],
  shortAnswer: ['אוקיי.', 'כן.', 'הבנתי.', 'נו?', 'טוב.', 'יכול להיות.'],
  backchannel: ['אהה.', 'כן.', 'מממ.', 'אוקיי.', 'נכון.'],
  askToRepeat: ['רגע, לא הבנתי.', 'מה זה אומר בעצם?', 'אתה יכול להסביר שוב, לאט?', 'סליחה, איבדתי אותך.', 'זה קצת מסובך לי, אפשר במילים פשוטות?'],
  impatient: ['תגיע לעניין.', 'כמה זמן זה עוד ייקח?', 'אני לא [מבין|מבינה] לאן זה הולך.', 'יש לי עוד דקה בשבילך.', 'בוא נקצר.'],
  alreadyToldYou: ['כבר אמרתי לך את זה.', 'אתה לא מקשיב לי, סיפרתי לך את זה לפני רגע.', 'שוב? דיברנו על זה.', 'אמרתי את זה בהתחלה.'],
  interrupted: ['רגע, תן לי לסיים.', 'אפשר לסיים משפט?', 'שנייה, עוד לא סיימתי.', 'אתה קוטע אותי.'],
  warming: ['אוקיי, זה כבר נשמע יותר הגיוני.', 'טוב, את זה לא ידעתי.', 'זה דווקא מעניין.', 'בסדר, אני מקשיב[|ה].'],
  objectionAccepted: ['טוב, זה באמת מסביר את זה.', 'אוקיי, אני [מבין|מבינה].', 'בסדר, זה עונה לי.', 'אם ככה, זה משנה את התמונה.'],
  notConvinced: ['אני עדיין לא בטוח[|ה].', 'זה לא ממש עונה לי.', 'שמעתי את זה כבר.', 'כן, אבל זה לא פותר את הבעיה שלי.'],
  askPrice: ['אז כמה זה עולה בסוף?', 'תגיד לי מחיר.', 'בשורה התחתונה, כמה?', 'ומה המחיר?'],
  postpone: ['אני [צריך|צריכה] לחשוב על זה.', 'תשלח לי משהו בוואטסאפ ואני אחזור אליך.', 'בוא נדבר בשבוע הבא.', 'לא עכשיו, אני אעדכן אותך.', 'זה נשמע טוב, אבל אני לא [מוכן|מוכנה] להחליט היום.'],
  agreeNextStep: ['טוב, בוא נקבע.', 'אוקיי, זה מתאים לי.', 'סגור, תשלח לי זימון.', 'בסדר, בוא נעשה את זה.', 'יאללה, נקבע.'],
  agreePurchase: ['טוב, בוא נתקדם.', 'אני בפנים.', 'אוקיי, סגרנו.', 'בסדר, מה צריך ממני?'],
  hangUp: ['תשמע, אין לי זמן לזה. יום טוב.', 'לא [מעוניין|מעוניינת], תודה. ביי.', 'אני [מנתק|מנתקת], סליחה.', 'די, זה לא בשבילי. להתראות.'],
  goodbye: ['תודה, נדבר.', 'יאללה, ביי.', 'תודה רבה, להתראות.', 'בסדר, נהיה בקשר.'],
  deadAir: ['הלו? אתה שם?', 'הלו?', 'שומע אותי?'],
  smallTalk: ['ברוך השם, עובדים.', 'בסדר, יום עמוס.', 'סבבה, תודה.', 'עוברים את השבוע.'],
  stayInCharacter: ['מה זאת אומרת? אני פשוט עונה לטלפון.', 'אני לא [מבין|מבינה] את השאלה. אז מה רצית?', 'אתה רציני? בוא נחזור לעניין.'],
  askForDetails: ['תסביר לי בדיוק איך זה עובד.', 'ומה זה אומר בפועל?', 'אפשר דוגמה?', 'מה בדיוק אני מקבל[|ת]?'],
  timePressure: ['יש לי עוד חמש דקות, בוא נתקדם.', 'אני [צריך|צריכה] לזוז עוד מעט.', 'תגיד לי את השורה התחתונה.'],
  supportive: ['לא נורא, קח את הזמן.', 'אני מקשיב[|ה], תמשיך.', 'זה בסדר, תסביר.'],
};

const EN: PhraseBank = {
  answerPhone: ['Yes, hello?', 'Hello, who is this?', 'Speaking.', 'Hello.', 'Yes?'],
  whoIsCalling: ['Where did you get my number?', 'Wait, who is this? What is it about?', 'If this is another sales call, I am not interested.', 'I did not leave my details with anyone.'],
  busy: ['I am in the middle of something, you have a minute.', 'Make it quick, I am at work.', 'This is not a good time, what did you want?', 'I am driving, say it fast.'],
  deflect: ['It is fine.', 'I don’t know, the usual.', 'Not much to tell.', 'Why do you ask?', 'Everything is fine here.', 'So-so.'],
  shortAnswer: ['Okay.', 'Yes.', 'I see.', 'And?', 'Fine.', 'Could be.'],
  backchannel: ['Uh-huh.', 'Yeah.', 'Mm.', 'Okay.', 'Right.'],
  askToRepeat: ['Wait, I did not get that.', 'What does that mean, actually?', 'Can you explain again, slowly?', 'Sorry, you lost me.', 'That is a bit complicated, can you say it simply?'],
  impatient: ['Get to the point.', 'How much longer will this take?', 'I don’t see where this is going.', 'I have one more minute for you.', 'Let’s keep it short.'],
  alreadyToldYou: ['I already told you that.', 'You are not listening, I just said that.', 'Again? We covered that.', 'I said that at the start.'],
  interrupted: ['Hold on, let me finish.', 'Can I finish a sentence?', 'Wait, I was not done.', 'You are cutting me off.'],
  warming: ['Okay, that makes more sense.', 'Well, I did not know that.', 'That is actually interesting.', 'Fine, I am listening.'],
  objectionAccepted: ['Okay, that does explain it.', 'Alright, I understand.', 'Fine, that answers it.', 'If so, that changes things.'],
  notConvinced: ['I am still not sure.', 'That does not really answer me.', 'I have heard that before.', 'Yes, but that does not solve my problem.'],
  askPrice: ['So how much does it cost in the end?', 'Give me a price.', 'Bottom line, how much?', 'And the price?'],
  postpone: ['I need to think about it.', 'Send me something and I will get back to you.', 'Let’s talk next week.', 'Not now, I will let you know.', 'It sounds good, but I am not ready to decide today.'],
  agreeNextStep: ['Okay, let’s set it up.', 'Alright, that works for me.', 'Done, send me an invite.', 'Fine, let’s do it.', 'Sure, let’s book it.'],
  agreePurchase: ['Okay, let’s go ahead.', 'I am in.', 'Alright, deal.', 'Fine, what do you need from me?'],
  hangUp: ['Look, I have no time for this. Have a good day.', 'Not interested, thanks. Bye.', 'I am hanging up, sorry.', 'Enough, this is not for me. Goodbye.'],
  goodbye: ['Thanks, talk soon.', 'Okay, bye.', 'Thank you, goodbye.', 'Fine, we will be in touch.'],
  deadAir: ['Hello? Are you there?', 'Hello?', 'Can you hear me?'],
  smallTalk: ['Fine, busy as always.', 'Okay, a long day.', 'Good, thanks.', 'Getting through the week.'],
  stayInCharacter: ['What do you mean? I just answered my phone.', 'I don’t get the question. So what did you want?', 'Are you serious? Let’s get back to it.'],
  askForDetails: ['Explain exactly how it works.', 'And what does that mean in practice?', 'Can you give me an example?', 'What exactly do I get?'],
  timePressure: ['I have five more minutes, let’s move on.', 'I need to go soon.', 'Give me the bottom line.'],
  supportive: ['No problem, take your time.', 'I am listening, go on.', 'That’s fine, explain.'],
};

/** The customer's first line when they are the one calling (inbound scenarios). */
const INBOUND_OPENERS: Partial<Record<ScenarioType, { he: string[]; en: string[] }>> = {
  angry_customer: {
    he: ['אני מתקשר[|ת] כבר פעם שלישית השבוע ואף אחד לא פותר לי את הבעיה!', 'חייבתם אותי שוב על משהו שלא הזמנתי, אני רוצה הסבר עכשיו.', 'שעה אני מחכה על הקו! מה קורה אצלכם?'],
    en: ['This is the third time I am calling this week and nobody fixes my problem!', 'You charged me again for something I never ordered, I want an explanation now.', 'I have been on hold for an hour! What is going on with you people?'],
  },
  confused_customer: {
    he: ['שלום, קיבלתי מכם מכתב ואני לא [מבין|מבינה] מה כתוב בו.', 'היי, אני קצת [מבולבל|מבולבלת], מישהו אמר לי שאני צריך[|ה] לעדכן משהו?', 'שלום, אני לא [בטוח|בטוחה] למה החיוב השתנה החודש.'],
    en: ['Hi, I got a letter from you and I do not understand what it says.', 'Hi, I am a bit confused, someone told me I need to update something?', 'Hello, I am not sure why my bill changed this month.'],
  },
  cancellation_retention: {
    he: ['שלום, אני רוצה לבטל את השירות.', 'היי, החלטתי לעזוב, איך מבטלים?', 'אני מתקשר[|ת] לבטל, ואני לא [מעוניין|מעוניינת] בהצעות.'],
    en: ['Hi, I want to cancel the service.', 'Hello, I have decided to leave, how do I cancel?', 'I am calling to cancel, and I am not interested in offers.'],
  },
  product_knowledge: {
    he: ['שלום, ראיתי את ההצעה שלכם ויש לי כמה שאלות לפני שאני מחליט[|ה].', 'היי, עשיתי קצת שיעורי בית ואני רוצה להבין כמה דברים לעומק.'],
    en: ['Hi, I saw your offer and I have a few questions before I decide.', 'Hello, I did some homework and I want to understand a few things in depth.'],
  },
};

/** The phrase bank for a language, with gender forms resolved. */
export function phraseBank(language: Language, gender: Gender): PhraseBank {
  const src = language === 'he' ? HE : EN;
  const out = {} as PhraseBank;
  for (const k of PHRASE_SITUATIONS) out[k] = src[k].map((s) => genderize(s, gender));
  return out;
}

/** Opening lines for an inbound call of this type (generic ones when the type has none). */
export function inboundOpeners(type: ScenarioType, language: Language, gender: Gender): string[] {
  const fallback = language === 'he' ? ['שלום, אני מתקשר[|ת] בקשר לשירות שלכם.', 'היי, רציתי לברר משהו.'] : ['Hi, I am calling about your service.', 'Hello, I wanted to ask about something.'];
  return (INBOUND_OPENERS[type]?.[language] ?? fallback).map((s) => genderize(s, gender));
}
