/**
 * Labelled agent turns for the end-of-turn evaluation (end-of-turn-eval.ts), Hebrew and English. Each turn is
 * spoken segment by segment with espeak-ng (synthesized speech: no recorded human speech can be had from the
 * registries these machines reach), with a mid-turn pause after every segment but the last and the true turn
 * end after the last. The text's punctuation drives espeak's intonation: "," a continuation, "." a fall, "?" a
 * question. `pause` labels what the speaker was doing in the pause:
 *  - connective: broke off after "and" / "ו" / "אבל" / "because";
 *  - filler: "um" / "אממ" / "אה";
 *  - clause: a comma-ended clause, the sentence plainly unfinished;
 *  - sentence: a complete sentence, then more (the hard case: nothing but the continuation says it was a pause).
 * Pause lengths are not here: the evaluation draws them from a fixed log-normal spread (median 600 ms).
 * Turn ends are a mix as in sales calls: questions (about half), statements, proposals; single-segment turns too.
 * Every turn is spoken by each of `EVAL_VOICES` (espeak-ng voices of different pitch and rate).
 * Split: every third turn of a language (he-01, he-04, … en-34; the pause kinds in proportion) is held out (`TEST_TURNS`) and never used to train
 * the end-of-turn model (end-of-turn-train.ts); the rest are `TRAIN_TURNS`.
 */
export type PauseKind = 'connective' | 'filler' | 'clause' | 'sentence';

export interface LabelledTurn {
  id: string;
  language: 'he' | 'en';
  segments: Array<{ text: string; pause?: PauseKind }>;
}

export const EVAL_TURNS: LabelledTurn[] = [
  // ── Hebrew ──
  { id: 'he-01', language: 'he', segments: [{ text: 'שלום דנה, מדבר יוסי מחברת הביטוח, וגם', pause: 'connective' }, { text: 'רציתי לשאול אם יש לך דקה?' }] },
  { id: 'he-02', language: 'he', segments: [{ text: 'אני רוצה להבין, אממ,', pause: 'filler' }, { text: 'מה הכי חשוב לך כשאת בוחרת ביטוח?' }] },
  { id: 'he-03', language: 'he', segments: [{ text: 'הפוליסה שלך היום,', pause: 'clause' }, { text: 'אם הבנתי נכון, מכסה רק את הרכב,', pause: 'clause' }, { text: 'ולא את הדירה.' }] },
  { id: 'he-04', language: 'he', segments: [{ text: 'אני שומע שהמחיר חשוב לך.', pause: 'sentence' }, { text: 'כמה את משלמת היום בערך?' }] },
  { id: 'he-05', language: 'he', segments: [{ text: 'יש לנו מסלול משפחתי, אבל', pause: 'connective' }, { text: 'הוא מתאים בעיקר למי שיש לו ילדים,', pause: 'clause' }, { text: 'זה המצב אצלכם?' }] },
  { id: 'he-06', language: 'he', segments: [{ text: 'תראי, אה,', pause: 'filler' }, { text: 'ההצעה הזאת בתוקף עד סוף החודש, כי', pause: 'connective' }, { text: 'אז מתחדשים המחירים.' }] },
  { id: 'he-07', language: 'he', segments: [{ text: 'אני מבין את ההתלבטות.', pause: 'sentence' }, { text: 'מה היה עוזר לך להחליט?' }] },
  { id: 'he-08', language: 'he', segments: [{ text: 'בוא נגיד ש,', pause: 'connective' }, { text: 'אממ,', pause: 'filler' }, { text: 'נוריד את ההשתתפות העצמית. זה משנה משהו?' }] },
  { id: 'he-09', language: 'he', segments: [{ text: 'הלקוחות שלנו חוסכים בממוצע,', pause: 'clause' }, { text: 'בערך שלוש מאות שקל בשנה.' }] },
  { id: 'he-10', language: 'he', segments: [{ text: 'אז מה שאני מציע זה,', pause: 'clause' }, { text: 'שנקבע שיחה קצרה ביום שלישי.', pause: 'sentence' }, { text: 'מתאים לך?' }] },
  { id: 'he-11', language: 'he', segments: [{ text: 'ברור, ו', pause: 'connective' }, { text: 'אם תרצי אני שולח לך את הפרטים במייל.' }] },
  { id: 'he-12', language: 'he', segments: [{ text: 'רגע, אה,', pause: 'filler' }, { text: 'רק לוודא, את הבעלים של הרכב?' }] },
  { id: 'he-13', language: 'he', segments: [{ text: 'כמו שאמרתי קודם, אה,', pause: 'filler' }, { text: 'אנחנו עובדים עם רוב הבנקים בארץ.' }] },
  { id: 'he-14', language: 'he', segments: [{ text: 'אני רואה שהחוזה שלכם מסתיים בחודש הבא.', pause: 'sentence' }, { text: 'כבר התחלתם לבדוק הצעות אחרות?' }] },
  { id: 'he-15', language: 'he', segments: [{ text: 'המערכת שלנו חוסכת זמן, כי', pause: 'connective' }, { text: 'כל הדוחות נוצרים אוטומטית בסוף היום.' }] },
  { id: 'he-16', language: 'he', segments: [{ text: 'אם אני מבין נכון,', pause: 'clause' }, { text: 'הבעיה העיקרית היא זמני התגובה של הספק הנוכחי?' }] },
  { id: 'he-17', language: 'he', segments: [{ text: 'תשמע, אממ,', pause: 'filler' }, { text: 'אני לא רוצה לגזול לך יותר מדי זמן, אז', pause: 'connective' }, { text: 'בוא נקבע פגישה קצרה.' }] },
  { id: 'he-18', language: 'he', segments: [{ text: 'יש לנו שלוש חבילות,', pause: 'clause' }, { text: 'בסיסית, מורחבת ופרימיום.', pause: 'sentence' }, { text: 'איזו מהן נשמעת לך מתאימה?' }] },
  { id: 'he-19', language: 'he', segments: [{ text: 'אני מבין שהתקציב מוגבל השנה.' }] },
  { id: 'he-20', language: 'he', segments: [{ text: 'מה שהלקוחות הכי אוהבים זה ש', pause: 'connective' }, { text: 'אפשר לבטל בכל רגע בלי קנס.' }] },
  { id: 'he-21', language: 'he', segments: [{ text: 'בדרך כלל, כשעסק בגודל שלכם עובר אלינו,', pause: 'clause' }, { text: 'לוקח בערך שבועיים עד שהכול עובד.' }] },
  { id: 'he-22', language: 'he', segments: [{ text: 'ואם נוסיף גם את, אה,', pause: 'filler' }, { text: 'את הכיסוי לנסיעות לחו״ל?' }] },
  { id: 'he-23', language: 'he', segments: [{ text: 'זה בדיוק מה שחשבתי.', pause: 'sentence' }, { text: 'אני אשלח לך היום סיכום של כל מה שדיברנו.' }] },
  { id: 'he-24', language: 'he', segments: [{ text: 'מי עוד מעורב אצלכם בהחלטה?' }] },
  { id: 'he-25', language: 'he', segments: [{ text: 'המחיר כולל התקנה, הדרכה, ו', pause: 'connective' }, { text: 'תמיכה טלפונית מלאה בשנה הראשונה.' }] },
  { id: 'he-26', language: 'he', segments: [{ text: 'רגע, רק שנייה, אממ,', pause: 'filler' }, { text: 'אני בודק את זה במערכת.', pause: 'sentence' }, { text: 'כן, יש לנו זמינות ביום חמישי.' }] },
  { id: 'he-27', language: 'he', segments: [{ text: 'לפני שנמשיך,', pause: 'clause' }, { text: 'מה הכי מפריע לך היום בשירות שאתם מקבלים?' }] },
  { id: 'he-28', language: 'he', segments: [{ text: 'הרבה לקוחות אמרו לי את אותו הדבר, אבל', pause: 'connective' }, { text: 'אחרי חודש הם כבר לא רצו לחזור.' }] },
  { id: 'he-29', language: 'he', segments: [{ text: 'אני יכול להציע לך הנחה של עשרה אחוז לשנה הראשונה.' }] },
  { id: 'he-30', language: 'he', segments: [{ text: 'מתי יהיה לך נוח שנדבר שוב?' }] },
  { id: 'he-31', language: 'he', segments: [{ text: 'בנוסף לזה,', pause: 'clause' }, { text: 'יש אפשרות לשלם בתשלומים, או', pause: 'connective' }, { text: 'בתשלום אחד עם הנחה.' }] },
  { id: 'he-32', language: 'he', segments: [{ text: 'אני שומע אותך.', pause: 'sentence' }, { text: 'בוא נראה ביחד אם זה משתלם לך.' }] },
  { id: 'he-33', language: 'he', segments: [{ text: 'אז בעצם, אה,', pause: 'filler' }, { text: 'מה שאני מבין זה שאתם צריכים פתרון מהיר?' }] },
  { id: 'he-34', language: 'he', segments: [{ text: 'אנחנו בשוק כבר עשרים שנה, ו', pause: 'connective' }, { text: 'יש לנו יותר מחמשת אלפים לקוחות עסקיים.' }] },
  { id: 'he-35', language: 'he', segments: [{ text: 'הצעת המחיר שקיבלת מהם,', pause: 'clause' }, { text: 'היא כוללת גם אחריות?' }] },
  { id: 'he-36', language: 'he', segments: [{ text: 'מצוין, אז סיכמנו על יום שלישי בעשר.' }] },
  // ── English ──
  { id: 'en-01', language: 'en', segments: [{ text: 'Hi Dana, this is Joe from the insurance company, and', pause: 'connective' }, { text: 'I wanted to ask if you have a minute?' }] },
  { id: 'en-02', language: 'en', segments: [{ text: 'I would like to understand, um,', pause: 'filler' }, { text: 'what matters most to you when you choose a policy?' }] },
  { id: 'en-03', language: 'en', segments: [{ text: 'Your current policy,', pause: 'clause' }, { text: 'if I understood correctly, covers only the car,', pause: 'clause' }, { text: 'and not the apartment.' }] },
  { id: 'en-04', language: 'en', segments: [{ text: 'I hear that the price matters to you.', pause: 'sentence' }, { text: 'How much are you paying today?' }] },
  { id: 'en-05', language: 'en', segments: [{ text: 'We have a family plan, but', pause: 'connective' }, { text: 'it mostly suits people with children,', pause: 'clause' }, { text: 'is that your situation?' }] },
  { id: 'en-06', language: 'en', segments: [{ text: 'Look, uh,', pause: 'filler' }, { text: 'this offer is valid until the end of the month, because', pause: 'connective' }, { text: 'then the prices are renewed.' }] },
  { id: 'en-07', language: 'en', segments: [{ text: 'I understand the hesitation.', pause: 'sentence' }, { text: 'What would help you decide?' }] },
  { id: 'en-08', language: 'en', segments: [{ text: 'Let us say that', pause: 'connective' }, { text: 'um,', pause: 'filler' }, { text: 'we lower the deductible. Does that change anything?' }] },
  { id: 'en-09', language: 'en', segments: [{ text: 'Our customers save on average,', pause: 'clause' }, { text: 'about three hundred dollars a year.' }] },
  { id: 'en-10', language: 'en', segments: [{ text: 'So what I suggest is,', pause: 'clause' }, { text: 'that we set up a short call on Tuesday.', pause: 'sentence' }, { text: 'Does that work for you?' }] },
  { id: 'en-11', language: 'en', segments: [{ text: 'Sure, and', pause: 'connective' }, { text: 'if you like I will email you the details.' }] },
  { id: 'en-12', language: 'en', segments: [{ text: 'Wait, uh,', pause: 'filler' }, { text: 'just to make sure, are you the owner of the car?' }] },
  { id: 'en-13', language: 'en', segments: [{ text: 'As I said before, uh,', pause: 'filler' }, { text: 'we work with most of the banks in the country.' }] },
  { id: 'en-14', language: 'en', segments: [{ text: 'I see your contract ends next month.', pause: 'sentence' }, { text: 'Have you started looking at other offers?' }] },
  { id: 'en-15', language: 'en', segments: [{ text: 'Our system saves time, because', pause: 'connective' }, { text: 'all the reports are generated automatically at the end of the day.' }] },
  { id: 'en-16', language: 'en', segments: [{ text: 'If I understand correctly,', pause: 'clause' }, { text: 'the main problem is the response time of your current vendor?' }] },
  { id: 'en-17', language: 'en', segments: [{ text: 'Listen, um,', pause: 'filler' }, { text: 'I do not want to take too much of your time, so', pause: 'connective' }, { text: 'let us set up a short meeting.' }] },
  { id: 'en-18', language: 'en', segments: [{ text: 'We have three packages,', pause: 'clause' }, { text: 'basic, extended and premium.', pause: 'sentence' }, { text: 'Which one sounds right for you?' }] },
  { id: 'en-19', language: 'en', segments: [{ text: 'I understand the budget is tight this year.' }] },
  { id: 'en-20', language: 'en', segments: [{ text: 'What customers like most is that', pause: 'connective' }, { text: 'you can cancel at any time without a fee.' }] },
  { id: 'en-21', language: 'en', segments: [{ text: 'Usually, when a business your size moves to us,', pause: 'clause' }, { text: 'it takes about two weeks until everything works.' }] },
  { id: 'en-22', language: 'en', segments: [{ text: 'And if we also add the, uh,', pause: 'filler' }, { text: 'the travel cover for trips abroad?' }] },
  { id: 'en-23', language: 'en', segments: [{ text: 'That is exactly what I thought.', pause: 'sentence' }, { text: 'I will send you a summary of everything we discussed today.' }] },
  { id: 'en-24', language: 'en', segments: [{ text: 'Who else is involved in the decision on your side?' }] },
  { id: 'en-25', language: 'en', segments: [{ text: 'The price includes installation, training, and', pause: 'connective' }, { text: 'full phone support in the first year.' }] },
  { id: 'en-26', language: 'en', segments: [{ text: 'Wait, just a second, um,', pause: 'filler' }, { text: 'I am checking it in the system.', pause: 'sentence' }, { text: 'Yes, we have availability on Thursday.' }] },
  { id: 'en-27', language: 'en', segments: [{ text: 'Before we go on,', pause: 'clause' }, { text: 'what bothers you most about the service you get today?' }] },
  { id: 'en-28', language: 'en', segments: [{ text: 'A lot of customers told me the same thing, but', pause: 'connective' }, { text: 'after a month they did not want to go back.' }] },
  { id: 'en-29', language: 'en', segments: [{ text: 'I can offer you a ten percent discount for the first year.' }] },
  { id: 'en-30', language: 'en', segments: [{ text: 'When would be a good time to talk again?' }] },
  { id: 'en-31', language: 'en', segments: [{ text: 'On top of that,', pause: 'clause' }, { text: 'you can pay in installments, or', pause: 'connective' }, { text: 'in one payment with a discount.' }] },
  { id: 'en-32', language: 'en', segments: [{ text: 'I hear you.', pause: 'sentence' }, { text: 'Let us see together whether it pays off for you.' }] },
  { id: 'en-33', language: 'en', segments: [{ text: 'So basically, uh,', pause: 'filler' }, { text: 'what I understand is that you need a quick solution?' }] },
  { id: 'en-34', language: 'en', segments: [{ text: 'We have been in the market for twenty years, and', pause: 'connective' }, { text: 'we have more than five thousand business customers.' }] },
  { id: 'en-35', language: 'en', segments: [{ text: 'The quote you got from them,', pause: 'clause' }, { text: 'does it include a warranty?' }] },
  { id: 'en-36', language: 'en', segments: [{ text: 'Great, so we agreed on Tuesday at ten.' }] },
];

/** espeak-ng renderings of every turn: voice variant, words per minute, pitch (0–99). */
export interface EvalVoice {
  voice: { he: string; en: string };
  rate: number;
  pitch: number;
}
export const EVAL_VOICES: EvalVoice[] = [
  { voice: { he: 'he', en: 'en-us' }, rate: 175, pitch: 50 },
  { voice: { he: 'he+f3', en: 'en-us+f3' }, rate: 155, pitch: 68 },
  { voice: { he: 'he+m3', en: 'en-gb' }, rate: 200, pitch: 38 },
];

const heldOut = (t: LabelledTurn) => Number(t.id.slice(3)) % 3 === 1;
/** Turns the end-of-turn model is trained on. */
export const TRAIN_TURNS = EVAL_TURNS.filter((t) => !heldOut(t));
/** Held-out turns: the bench's figures are from these only. */
export const TEST_TURNS = EVAL_TURNS.filter(heldOut);
