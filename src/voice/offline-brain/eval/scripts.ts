/**
 * Agent scripts for judging the offline customer: written as an insurance agent at the demo agency would speak,
 * Hebrew and English, outbound and inbound, good and clumsy, with off-script turns (a noisy line, the weather, "say
 * that again"). A leading tag says what the line is, for the checker (never read by the brain):
 *   [slot:NAME]  a question about one of the customer's facts      [propose:DAY|TIME]  a meeting/next step proposal
 *   [summary]    the agent sums up what it heard                    [repair]  "can you say that again?"
 *   [small]      small talk                                         [bye]     goodbye
 * Good scripts answer an objection the customer raised (the runner inserts an answer to its substance, as a real
 * agent who read the reply would); clumsy ones never do.
 */
import type { Language } from '../../../analysis/index.ts';
import type { QuestionnaireInput } from '../../../org/index.ts';

export type Quality = 'good' | 'clumsy';

export interface EvalScript {
  id: string;
  language: Language;
  /** The catalogue scenario type the customer is built for (decides inbound/outbound). */
  scenarioType: string;
  seed: number;
  quality: Quality;
  agentGender: 'female' | 'male';
  lines: string[];
  /** The company the customer is built for (default: the demo insurance agency). */
  questionnaire?: QuestionnaireInput;
}

type Raw = [id: string, scenarioType: string, seed: number, quality: Quality, agentGender: 'female' | 'male', lines: string[]];

const EN: Raw[] = [
  ['en-out-review-good', 'discovery', 1, 'good', 'female', [
    'Hi, this is Noa from Magen Insurance. You left your details on our site for a free insurance review, is now an okay moment?',
    '[slot:provider] Great, thanks. Which insurer are you with today?',
    '[slot:pay] And roughly how much do you pay for it a month?',
    '[slot:household] Who is covered on it, is it just you or the family too?',
    '[slot:priority] What matters most to you in your insurance?',
    '[summary] So if I got it right, you want the family properly covered without paying for things twice. Did I get that right?',
    'We compare six insurers, and a personal agent handles claims for you, at no extra cost. The review itself is free.',
    '[propose:thursday|7] Could we do a twenty minute Zoom on Thursday at 7 in the evening?',
    '[bye] Perfect, I will send the invite now. Thanks, have a good evening!',
  ]],
  ['en-out-car-good', 'b2c', 2, 'good', 'male', [
    'Good morning, this is Daniel from Magen Insurance, I am calling about the car insurance quote you asked for last week. Do you have two minutes?',
    '[slot:drivers] Thanks. Who drives the car at home?',
    '[slot:provider] Who is the car insured with right now?',
    '[slot:renewal] And when does the policy renew?',
    '[slot:pay] What are you paying for it this year?',
    '[summary] Okay, let me make sure I have it: the policy renews soon and the price keeps going up. Is that right?',
    'We can compare six companies for you and you keep the same agent for every claim.',
    '[propose:tuesday|6] Shall I call you back on Tuesday at 6 with two concrete quotes?',
    '[bye] Great, talk to you Tuesday. Have a good day!',
  ]],
  ['en-out-objection-good', 'objection_handling', 3, 'good', 'female', [
    'Hi, this is Maya from Magen Insurance, you asked us for a free review of your policies. Is now a good time for two minutes?',
    '[slot:situation] Before anything, what do you have today in terms of insurance?',
    '[slot:pay] How much does all of it come to per month?',
    '[slot:priority] And what is most important to you, price, cover or service?',
    'Most families we check find about 180 shekels a month of duplicate cover, and the review is free with no commitment.',
    '[summary] Just so I am sure I understood: you are paying a fair amount and you are not sure what it covers. Right?',
    '[propose:sunday|8] How about a short Zoom on Sunday at 8 in the evening to go through it together?',
    '[bye] Wonderful, you will get a message with the link. Bye for now!',
  ]],
  ['en-out-closing-good', 'closing', 4, 'good', 'male', [
    'Hi, it is Tom from Magen Insurance, we spoke last month about reviewing your life and health policies. Have you got a minute?',
    '[slot:renewal] When does your current health policy come up for renewal?',
    '[slot:decision] Is this something you decide on yourself, or together with someone?',
    '[slot:priority] What would make this worth your time?',
    'We look at every policy you have, cancel duplicates, and stay with you through any claim.',
    '[propose:wednesday|10] Can we book the review for Wednesday at 10 in the morning, on Zoom?',
    '[summary] So to sum up: Wednesday at 10, on Zoom, and I send you a short list of what to have ready. Does that sound right?',
    '[bye] Thank you, speak on Wednesday. Have a great day!',
  ]],
  ['en-out-rapport-good', 'rapport', 5, 'good', 'female', [
    'Hello, this is Shira from Magen Insurance. I am calling because you left your details about a health insurance check. Is now a good time?',
    '[small] How is your week going so far?',
    '[slot:work] What do you do for a living, if I may ask?',
    '[slot:household] And at home, is it a big family?',
    '[slot:claims] Have you ever had to make a claim on your insurance?',
    '[summary] If I understood you, the last claim was a hassle and you do not want to go through that alone again. Is that it?',
    'That is exactly why we give every client a personal agent who handles the claim with the insurer for them.',
    '[propose:monday|5] Would Monday at 5 in the afternoon suit you for a short call with the numbers?',
    '[bye] Lovely, speak Monday. Thanks so much and have a good evening!',
  ]],
  ['en-out-competitor-good', 'competitor_comparison', 6, 'good', 'male', [
    'Hi, this is Eli from Magen Insurance. I am calling about the insurance comparison you asked for on our website. Got two minutes?',
    '[slot:provider] Which company are you insured with at the moment?',
    '[slot:pay] How much do they charge you a month?',
    '[slot:renewal] When does that policy end?',
    'The difference with us is that we compare six insurers and a personal agent stays with you when you claim.',
    '[summary] So you have a cheaper offer on the table, and what you want to know is whether cheaper means less cover. Right?',
    '[propose:thursday|9] Let us put both offers side by side on Thursday at 9 in the morning, on the phone. Does that work?',
    '[bye] Great, I will call Thursday at 9. Have a good day!',
  ]],
  ['en-out-clumsy-pitch', 'discovery', 7, 'clumsy', 'male', [
    'Hi. So we have a great new policy, it is the best on the market, it covers everything, health, life, car, home, it is cheaper than anyone else, you will save a lot, everybody is switching to us, it is really great, you should really take it, the price is only 150 shekels a month.',
    '[slot:provider] Sorry, which insurer are you with again?',
    '[repair] Can you say that again? The line is bad.',
    '[slot:provider] Which insurer did you say?',
    '[propose:thursday|7] So Thursday at 7 works?',
    '[bye] Okay bye.',
  ]],
  ['en-out-clumsy-offscript', 'b2c', 8, 'clumsy', 'female', [
    '[slot:identity] Hello, am I speaking with the right person? This is Magen Insurance.',
    '[small] The line is a bit noisy, where are you calling from?',
    '[small] Nice weather today, huh?',
    '[slot:drivers] So who drives the car?',
    '[repair] Sorry, what was that?',
    '[slot:pay] And how much do you pay?',
    '[propose:friday|11] Can we meet on Friday at 11?',
    '[bye] Alright, thanks, bye.',
  ]],
  ['en-out-clumsy-pushy', 'closing', 9, 'clumsy', 'male', [
    'Hi, I am calling from Magen Insurance about your policies.',
    '[propose:tomorrow|10] Let us book a meeting tomorrow at 10, okay?',
    'It is only 150 shekels a month, it is a great price.',
    '[propose:tomorrow|12] Then tomorrow at 12?',
    '[slot:name] Sorry, what was your name?',
    '[bye] Fine. Goodbye.',
  ]],
  ['en-out-opening-clumsy', 'opening', 10, 'clumsy', 'female', [
    'Hi, how are you today?',
    '[small] Great weather, right?',
    '[slot:provider] Which insurer are you with?',
    'We are Magen Insurance and we do insurance reviews.',
    '[propose:sunday|4] Can we talk Sunday at 4?',
    '[bye] Thanks, bye.',
  ]],
  ['en-in-cancel-good', 'cancellation_retention', 11, 'good', 'female', [
    'Magen Insurance, this is Noa speaking, how can I help?',
    '[slot:name] I am sorry to hear that. Can I have your name, please?',
    '[slot:reason] Thank you. May I ask what made you decide to leave?',
    '[slot:pay] I understand. What are you paying with us today?',
    '[summary] So if I have it right, the price went up and you found something cheaper. Is that correct?',
    'I hear you. Before you go, we can re-check your cover and usually bring the price down by removing duplicate cover, at no cost.',
    '[propose:tomorrow|10] Could our senior agent call you tomorrow at 10 with a new price?',
    '[bye] Done, he will call you tomorrow at 10. Thank you, goodbye!',
  ]],
  ['en-in-angry-good', 'angry_customer', 12, 'good', 'male', [
    'Magen Insurance, Adam speaking, how can I help you?',
    'I am really sorry, that sounds frustrating. I am going to sort this out with you now.',
    '[slot:name] Can I have your full name so I can pull up your file?',
    '[slot:reason] Sorry, could you repeat what happened with the charge?',
    '[summary] Let me check I got it: you were charged twice this month and nobody called you back. Is that right?',
    'I see it now. I am cancelling the second charge today and you will get the refund within five working days.',
    '[propose:thursday|12] I will call you on Thursday at 12 to confirm the refund arrived. Is that okay?',
    '[bye] Thank you for your patience, speak on Thursday. Goodbye!',
  ]],
  ['en-in-confused-good', 'confused_customer', 13, 'good', 'female', [
    'Hello, Magen Insurance, this is Dana. What can I do for you?',
    '[slot:reason] Of course, no problem. Tell me what the letter or the bill says?',
    '[slot:name] Let me look it up. What is your name?',
    'In simple words: your policy renewed, and the yearly price changed because of your age group. Nothing else changed.',
    '[summary] Did that make sense, or should I say it again?',
    '[summary] So your question is only why the amount changed, and you do not want to change the cover. Right?',
    '[propose:monday|4] I can go over it with you slowly on Monday at 4, with the policy in front of us. Would that help?',
    '[bye] Great, speak Monday. Take care, bye!',
  ]],
  ['en-in-product-good', 'product_knowledge', 14, 'good', 'male', [
    'Magen Insurance, good afternoon, this is Ron. How can I help?',
    '[slot:situation] Happy to help. What do you have today, so I answer the right question?',
    'Sure. Our health policy covers surgery abroad and second opinions, and claims go through your personal agent.',
    '[slot:household] Who would be covered, just you or the whole family?',
    '[summary] So you want the family covered for surgery and you want one agent to deal with claims. Is that right?',
    '[propose:wednesday|6] Shall we go through a quote together on Wednesday at 6 in the evening?',
    '[bye] Excellent, see you Wednesday. Thanks for calling!',
  ]],
  ['en-in-cancel-clumsy', 'cancellation_retention', 15, 'clumsy', 'male', [
    'Hello?',
    '[slot:name] What is your name?',
    'We have a great new product, it covers everything and it is the best price in the market, you will love it.',
    '[small] The line is a bit noisy, where are you calling from?',
    '[repair] What?',
    '[propose:sunday|9] Can we talk on Sunday at 9?',
    '[bye] Okay, bye.',
  ]],
  ['en-in-angry-clumsy', 'angry_customer', 16, 'clumsy', 'female', [
    'Magen, hello.',
    '[slot:name] Name please.',
    'You need to calm down, these things happen.',
    '[slot:reason] So what is the problem exactly?',
    '[repair] Can you say that again?',
    '[bye] Okay, we will look into it. Bye.',
  ]],
  ['en-in-confused-clumsy', 'confused_customer', 17, 'clumsy', 'male', [
    'Yes, Magen Insurance.',
    'Your premium was adjusted according to the actuarial tables following the indexation clause and the age band re-rating in the policy schedule.',
    '[repair] Sorry, what did you say?',
    '[slot:name] What is your name?',
    '[summary] So basically you do not understand the letter, right?',
    '[bye] Fine, goodbye.',
  ]],
  ['en-in-product-clumsy', 'product_knowledge', 18, 'clumsy', 'female', [
    'Hi, Magen.',
    'It is a good policy, everybody takes it.',
    '[slot:pay] How much do you pay now?',
    '[small] Are you having a busy day?',
    '[propose:friday|10] Want to come in on Friday at 10?',
    '[bye] Bye.',
  ]],
  ['en-out-listening-good', 'listening', 19, 'good', 'male', [
    'Hi, this is Ben from Magen Insurance, following up on the insurance review you asked for. Is this a good moment?',
    '[slot:situation] Thanks. Tell me a bit about what you have today?',
    '[slot:household] And who else is at home?',
    '[slot:decision] Who else would want to be part of this decision?',
    '[summary] Let me see if I got it: you have not reviewed things in a while and you want to do it together. Correct?',
    '[propose:sunday|7] Let us book Sunday at 7 in the evening, so you can both join. Does that work?',
    '[bye] Great, Sunday at 7 then. Have a good night!',
  ]],
  ['en-out-b2b-good', 'b2b', 20, 'good', 'female', [
    'Hi, this is Lior from Magen Insurance. I am calling about the employee health insurance review your office asked about. Do you have a couple of minutes?',
    '[slot:provider] Who is your current group policy with?',
    '[slot:decision] Who else is involved in deciding on this?',
    '[slot:renewal] When is the group policy up for renewal?',
    '[summary] So the renewal is coming up and you want to compare before then. Did I get it right?',
    '[propose:tuesday|11] Can we set a short video call on Tuesday at 11, with whoever else decides?',
    '[bye] Thank you, see you Tuesday. Goodbye!',
  ]],
];

const HE: Raw[] = [
  ['he-out-review-good', 'discovery', 1, 'good', 'female', [
    'שלום, מדברת נועה ממגן ביטוחים. השארת אצלנו פרטים לבדיקת תיק ביטוחי חינם, זה זמן טוב לשתי דקות?',
    '[slot:provider] מעולה, תודה. באיזו חברת ביטוח אתה מבוטח היום?',
    '[slot:pay] וכמה אתה משלם על זה בערך בחודש?',
    '[slot:household] מי מכוסה בפוליסה, רק אתה או גם המשפחה?',
    '[slot:priority] מה הכי חשוב לך בביטוח?',
    '[summary] אז אם הבנתי נכון, אתה רוצה שהמשפחה תהיה מכוסה כמו שצריך בלי לשלם פעמיים על אותו דבר. הבנתי נכון?',
    'אנחנו משווים בין שש חברות ביטוח, וסוכן אישי מטפל בתביעות במקומך בלי עלות נוספת. הבדיקה עצמה חינם.',
    '[propose:חמישי|7] אפשר לקבוע זום של עשרים דקות ביום חמישי בשבע בערב?',
    '[bye] מצוין, אני שולחת לך זימון עכשיו. תודה, ערב טוב!',
  ]],
  ['he-out-car-good', 'b2c', 2, 'good', 'male', [
    'בוקר טוב, מדבר דניאל ממגן ביטוחים, אני מתקשר לגבי הצעת המחיר לביטוח רכב שביקשת בשבוע שעבר. יש לך שתי דקות?',
    '[slot:drivers] תודה. מי נוהג אצלכם ברכב?',
    '[slot:provider] איפה הרכב מבוטח היום?',
    '[slot:renewal] ומתי הפוליסה מתחדשת?',
    '[slot:pay] כמה אתם משלמים עליה השנה?',
    '[summary] אוקיי, רק לוודא שהבנתי: הפוליסה מתחדשת בקרוב והמחיר כל הזמן עולה. נכון?',
    'אנחנו יכולים להשוות בשבילכם שש חברות, ואותו סוכן נשאר איתכם בכל תביעה.',
    '[propose:שלישי|6] אפשר לחזור אליך ביום שלישי בשש עם שתי הצעות מסודרות?',
    '[bye] מעולה, נדבר ביום שלישי. יום טוב!',
  ]],
  ['he-out-objection-good', 'objection_handling', 3, 'good', 'female', [
    'היי, מדברת מאיה ממגן ביטוחים, ביקשת מאיתנו בדיקה חינם של הפוליסות שלך. זה זמן טוב לשתי דקות?',
    '[slot:situation] לפני הכל, מה יש לך היום מבחינת ביטוחים?',
    '[slot:pay] כמה כל זה יוצא בחודש?',
    '[slot:priority] ומה הכי חשוב לך, המחיר, הכיסוי או השירות?',
    'רוב המשפחות שאנחנו בודקים מגלות בערך 180 שקל בחודש של כפל ביטוח, והבדיקה חינם ובלי התחייבות.',
    '[summary] רק כדי לוודא שהבנתי: אתה משלם לא מעט ולא בטוח מה זה מכסה. נכון?',
    '[propose:ראשון|8] מה דעתך על זום קצר ביום ראשון בשמונה בערב לעבור על זה ביחד?',
    '[bye] נהדר, תקבל הודעה עם הקישור. להתראות!',
  ]],
  ['he-out-closing-good', 'closing', 4, 'good', 'male', [
    'היי, מדבר תום ממגן ביטוחים, דיברנו בחודש שעבר על בדיקה של ביטוח החיים והבריאות. יש לך דקה?',
    '[slot:renewal] מתי ביטוח הבריאות הנוכחי שלך מתחדש?',
    '[slot:decision] זו החלטה שלך לבד, או ביחד עם עוד מישהו?',
    '[slot:priority] מה יגרום לזה להיות שווה לך את הזמן?',
    'אנחנו עוברים על כל פוליסה שיש לך, מבטלים כפילויות ונשארים איתך בכל תביעה.',
    '[propose:רביעי|10] אפשר לקבוע את הבדיקה ליום רביעי בעשר בבוקר, בזום?',
    '[summary] אז לסיכום: רביעי בעשר, בזום, ואני שולח לך רשימה קצרה של מה להכין. נשמע נכון?',
    '[bye] תודה, נדבר ביום רביעי. יום נעים!',
  ]],
  ['he-out-rapport-good', 'rapport', 5, 'good', 'female', [
    'שלום, מדברת שירה ממגן ביטוחים. אני מתקשרת כי השארת פרטים לבדיקת ביטוח בריאות. זה זמן טוב?',
    '[small] איך עובר עליך השבוע?',
    '[slot:work] במה אתה עוסק, אם אפשר לשאול?',
    '[slot:household] ובבית, משפחה גדולה?',
    '[slot:claims] יצא לך פעם להגיש תביעה לביטוח?',
    '[summary] אם הבנתי אותך, התביעה האחרונה הייתה כאב ראש ואתה לא רוצה לעבור את זה שוב לבד. זה זה?',
    'בדיוק בגלל זה כל לקוח אצלנו מקבל סוכן אישי שמטפל בתביעה מול חברת הביטוח במקומו.',
    '[propose:שני|5] יתאים לך יום שני בחמש אחר הצהריים לשיחה קצרה עם המספרים?',
    '[bye] יופי, נדבר ביום שני. תודה רבה וערב טוב!',
  ]],
  ['he-out-competitor-good', 'competitor_comparison', 6, 'good', 'male', [
    'היי, מדבר אלי ממגן ביטוחים. אני מתקשר לגבי השוואת הביטוחים שביקשת באתר. יש לך שתי דקות?',
    '[slot:provider] באיזו חברה אתה מבוטח כרגע?',
    '[slot:pay] כמה הם גובים ממך בחודש?',
    '[slot:renewal] מתי הפוליסה הזאת נגמרת?',
    'ההבדל אצלנו הוא שאנחנו משווים שש חברות וסוכן אישי נשאר איתך כשיש תביעה.',
    '[summary] אז יש לך הצעה זולה יותר על השולחן, ומה שאתה רוצה לדעת זה אם זול יותר אומר פחות כיסוי. נכון?',
    '[propose:חמישי|9] בוא נשים את שתי ההצעות אחת ליד השנייה ביום חמישי בתשע בבוקר, בטלפון. מתאים?',
    '[bye] מעולה, אני מתקשר ביום חמישי בתשע. יום טוב!',
  ]],
  ['he-out-clumsy-pitch', 'discovery', 7, 'clumsy', 'male', [
    'היי. אז יש לנו פוליסה חדשה מעולה, הכי טובה בשוק, מכסה הכל, בריאות, חיים, רכב, דירה, יותר זולה מכולם, תחסוך המון, כולם עוברים אלינו, זה באמת מעולה, אתה חייב לקחת את זה, המחיר רק 150 שקל בחודש.',
    '[slot:provider] סליחה, באיזו חברה אתה מבוטח?',
    '[repair] אתה יכול לחזור על זה? הקו גרוע.',
    '[slot:provider] איזו חברה אמרת?',
    '[propose:חמישי|7] אז חמישי בשבע מתאים?',
    '[bye] אוקיי ביי.',
  ]],
  ['he-out-clumsy-offscript', 'b2c', 8, 'clumsy', 'female', [
    '[slot:identity] הלו, אני מדברת עם האדם הנכון? כאן מגן ביטוחים.',
    '[small] הקו קצת רועש, מאיפה אתה מדבר?',
    '[small] מזג אוויר יפה היום, נכון?',
    '[slot:drivers] אז מי נוהג ברכב?',
    '[repair] סליחה, מה אמרת?',
    '[slot:pay] וכמה אתה משלם?',
    '[propose:שישי|11] אפשר להיפגש ביום שישי באחת עשרה?',
    '[bye] טוב, תודה, ביי.',
  ]],
  ['he-out-clumsy-pushy', 'closing', 9, 'clumsy', 'male', [
    'היי, אני מתקשר ממגן ביטוחים לגבי הפוליסות שלך.',
    '[propose:מחר|10] בוא נקבע פגישה מחר בעשר, בסדר?',
    'זה רק 150 שקל בחודש, מחיר מעולה.',
    '[propose:מחר|12] אז מחר בשתים עשרה?',
    '[slot:name] סליחה, מה השם שלך?',
    '[bye] בסדר. להתראות.',
  ]],
  ['he-out-opening-clumsy', 'opening', 10, 'clumsy', 'female', [
    'היי, מה שלומך היום?',
    '[small] מזג אוויר מעולה, לא?',
    '[slot:provider] באיזו חברת ביטוח אתה?',
    'אנחנו מגן ביטוחים ואנחנו עושים בדיקות ביטוח.',
    '[propose:ראשון|4] אפשר לדבר ביום ראשון בארבע?',
    '[bye] תודה, ביי.',
  ]],
  ['he-in-cancel-good', 'cancellation_retention', 11, 'good', 'female', [
    'מגן ביטוחים, מדברת נועה, במה אפשר לעזור?',
    '[slot:name] צר לי לשמוע. אפשר את שמך בבקשה?',
    '[slot:reason] תודה. אפשר לשאול מה גרם לך להחליט לעזוב?',
    '[slot:pay] אני מבינה. כמה אתה משלם אצלנו היום?',
    '[summary] אז אם הבנתי נכון, המחיר עלה ומצאת משהו זול יותר. נכון?',
    'אני שומעת אותך. לפני שאתה עוזב, אנחנו יכולים לבדוק שוב את הכיסוי ובדרך כלל להוריד את המחיר על ידי ביטול כפילויות, בלי עלות.',
    '[propose:מחר|10] אפשר שהסוכן הבכיר שלנו יתקשר אליך מחר בעשר עם מחיר חדש?',
    '[bye] סגור, הוא יתקשר מחר בעשר. תודה, להתראות!',
  ]],
  ['he-in-angry-good', 'angry_customer', 12, 'good', 'male', [
    'מגן ביטוחים, מדבר אדם, במה אפשר לעזור?',
    'אני ממש מצטער, זה נשמע מתסכל. אני מטפל בזה איתך עכשיו.',
    '[slot:name] אפשר את השם המלא כדי שאפתח את התיק שלך?',
    '[slot:reason] סליחה, אתה יכול לחזור על מה שקרה עם החיוב?',
    '[summary] רק לוודא שהבנתי: חייבו אותך פעמיים החודש ואף אחד לא חזר אליך. נכון?',
    'אני רואה את זה עכשיו. אני מבטל את החיוב השני היום והזיכוי יגיע תוך חמישה ימי עסקים.',
    '[propose:חמישי|12] אני אתקשר אליך ביום חמישי בשתים עשרה לוודא שהזיכוי הגיע. בסדר?',
    '[bye] תודה על הסבלנות, נדבר ביום חמישי. להתראות!',
  ]],
  ['he-in-confused-good', 'confused_customer', 13, 'good', 'female', [
    'שלום, מגן ביטוחים, מדברת דנה. מה אפשר לעשות בשבילך?',
    '[slot:reason] בטח, אין בעיה. ספר לי מה כתוב במכתב או בחשבון?',
    '[slot:name] אני בודקת. מה השם שלך?',
    'במילים פשוטות: הפוליסה שלך התחדשה, והמחיר השנתי השתנה בגלל קבוצת הגיל. שום דבר אחר לא השתנה.',
    '[summary] זה היה מובן, או שאגיד שוב?',
    '[summary] אז השאלה שלך היא רק למה הסכום השתנה, ואתה לא רוצה לשנות את הכיסוי. נכון?',
    '[propose:שני|4] אני יכולה לעבור על זה איתך לאט ביום שני בארבע, עם הפוליסה מולנו. זה יעזור?',
    '[bye] מעולה, נדבר ביום שני. שמור על עצמך, ביי!',
  ]],
  ['he-in-product-good', 'product_knowledge', 14, 'good', 'male', [
    'מגן ביטוחים, צהריים טובים, מדבר רון. במה אפשר לעזור?',
    '[slot:situation] בשמחה. מה יש לך היום, כדי שאענה על השאלה הנכונה?',
    'בטח. ביטוח הבריאות שלנו מכסה ניתוחים בחו״ל וחוות דעת שנייה, והתביעות עוברות דרך הסוכן האישי שלך.',
    '[slot:household] מי יהיה מכוסה, רק אתה או כל המשפחה?',
    '[summary] אז אתה רוצה שהמשפחה תהיה מכוסה לניתוחים ושסוכן אחד יטפל בתביעות. נכון?',
    '[propose:רביעי|6] נעבור ביחד על הצעה ביום רביעי בשש בערב?',
    '[bye] מצוין, נתראה ביום רביעי. תודה שהתקשרת!',
  ]],
  ['he-in-cancel-clumsy', 'cancellation_retention', 15, 'clumsy', 'male', [
    'הלו?',
    '[slot:name] מה השם שלך?',
    'יש לנו מוצר חדש מעולה, הוא מכסה הכל והמחיר הכי טוב בשוק, אתה תאהב את זה.',
    '[small] הקו קצת רועש, מאיפה אתה מדבר?',
    '[repair] מה?',
    '[propose:ראשון|9] אפשר לדבר ביום ראשון בתשע?',
    '[bye] אוקיי, ביי.',
  ]],
  ['he-in-angry-clumsy', 'angry_customer', 16, 'clumsy', 'female', [
    'מגן, שלום.',
    '[slot:name] שם בבקשה.',
    'אתה צריך להירגע, דברים כאלה קורים.',
    '[slot:reason] אז מה הבעיה בדיוק?',
    '[repair] אפשר לחזור על זה?',
    '[bye] אוקיי, נבדוק את זה. ביי.',
  ]],
  ['he-in-confused-clumsy', 'confused_customer', 17, 'clumsy', 'male', [
    'כן, מגן ביטוחים.',
    'הפרמיה שלך עודכנה לפי הטבלאות האקטואריות בעקבות סעיף ההצמדה ותמחור מחדש של קבוצת הגיל ברשימת הפוליסה.',
    '[repair] סליחה, מה אמרת?',
    '[slot:name] מה השם שלך?',
    '[summary] אז בעצם אתה לא מבין את המכתב, נכון?',
    '[bye] בסדר, להתראות.',
  ]],
  ['he-in-product-clumsy', 'product_knowledge', 18, 'clumsy', 'female', [
    'היי, מגן.',
    'זו פוליסה טובה, כולם לוקחים אותה.',
    '[slot:pay] כמה אתה משלם היום?',
    '[small] יום עמוס?',
    '[propose:שישי|10] רוצה לבוא ביום שישי בעשר?',
    '[bye] ביי.',
  ]],
  ['he-out-listening-good', 'listening', 19, 'good', 'male', [
    'היי, מדבר בן ממגן ביטוחים, בהמשך לבדיקת הביטוח שביקשת. זה רגע טוב?',
    '[slot:situation] תודה. ספר לי קצת מה יש לך היום?',
    '[slot:household] ומי עוד גר איתך בבית?',
    '[slot:decision] מי עוד ירצה להיות חלק מההחלטה הזאת?',
    '[summary] בוא נראה אם הבנתי: לא בדקת את הביטוחים כבר זמן מה ואתה רוצה לעשות את זה ביחד. נכון?',
    '[propose:ראשון|7] בוא נקבע ליום ראשון בשבע בערב, כדי ששניכם תוכלו להצטרף. מתאים?',
    '[bye] מעולה, אז ראשון בשבע. לילה טוב!',
  ]],
  ['he-out-b2b-good', 'b2b', 20, 'good', 'female', [
    'היי, מדברת ליאור ממגן ביטוחים. אני מתקשרת לגבי בדיקת ביטוח הבריאות לעובדים שהמשרד שלכם ביקש. יש לך כמה דקות?',
    '[slot:provider] אצל מי פוליסת הקבוצה שלכם היום?',
    '[slot:decision] מי עוד מעורב בהחלטה על זה?',
    '[slot:renewal] מתי פוליסת הקבוצה מתחדשת?',
    '[summary] אז החידוש מתקרב ואתם רוצים להשוות לפני כן. הבנתי נכון?',
    '[propose:שלישי|11] אפשר לקבוע שיחת וידאו קצרה ביום שלישי באחת עשרה, עם מי שעוד מחליט?',
    '[bye] תודה, נתראה ביום שלישי. להתראות!',
  ]],
];

const build = (language: Language) => ([id, scenarioType, seed, quality, agentGender, lines]: Raw): EvalScript => ({ id, language, scenarioType, seed, quality, agentGender, lines });

/** Every script, English then Hebrew. */
export const EVAL_SCRIPTS: EvalScript[] = [...EN.map(build('en')), ...HE.map(build('he'))];

export interface Tag {
  kind: 'slot' | 'propose' | 'summary' | 'repair' | 'small' | 'bye' | 'none';
  slot?: string;
  day?: string;
  time?: string;
}

/** A script line's tag and the words the agent says. */
export function parseLine(line: string): { tag: Tag; text: string } {
  const m = /^\[(slot|propose|summary|repair|small|bye)(?::([^\]]+))?\]\s*/.exec(line);
  if (!m) return { tag: { kind: 'none' }, text: line };
  const kind = m[1] as Tag['kind'];
  const arg = m[2];
  if (kind === 'slot') return { tag: { kind, slot: arg }, text: line.slice(m[0].length) };
  if (kind === 'propose') {
    const [day, time] = (arg ?? '').split('|');
    return { tag: { kind, day, time }, text: line.slice(m[0].length) };
  }
  return { tag: { kind }, text: line.slice(m[0].length) };
}
