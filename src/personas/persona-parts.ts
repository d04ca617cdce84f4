import type { Archetype } from '../scenarios/index.ts';

/** Per-archetype personality and communication defaults. Trait words use `[m|f]` forms. */
export const ARCHETYPE_TRAITS: Record<Archetype, { he: string[]; en: string[]; summary: { he: string; en: string }; talk: number; direct: number; formal: number; interrupt: number; pace: 'slow' | 'normal' | 'fast' }> = {
  guarded: { he: ['חשדן[|ית]', 'זהיר[|ה]', 'עניני[|ת]'], en: ['suspicious', 'careful', 'matter-of-fact'], summary: { he: 'מגן[|ה] על הזמן ועל הכסף, לא נותן[|ת] אמון בקלות', en: 'Protective of time and money, slow to trust' }, talk: 0.35, direct: 0.7, formal: 0.5, interrupt: 0.4, pace: 'normal' },
  price_hunter: { he: ['ממוקד[|ת] במחיר', 'משווה כל הצעה', 'מתמקח[|ת]'], en: ['price-focused', 'compares every offer', 'haggler'], summary: { he: 'מרגיש[|ה] שכל שקל חשוב ובודק[|ת] אם אפשר לקבל את אותו דבר בזול', en: 'Feels every shekel counts and checks whether the same thing is cheaper elsewhere' }, talk: 0.5, direct: 0.8, formal: 0.35, interrupt: 0.4, pace: 'normal' },
  indecisive: { he: ['מתלבט[|ת]', 'נעים[|ה]', 'שונא[|ת] להתחייב'], en: ['hesitant', 'pleasant', 'hates committing'], summary: { he: 'אוהב[|ת] את ההצעה אבל דוחה החלטות, מפחד[|ת] לטעות', en: 'Likes the offer but postpones decisions, afraid of making a mistake' }, talk: 0.55, direct: 0.3, formal: 0.4, interrupt: 0.15, pace: 'slow' },
  analytical: { he: ['אנליטי[|ת]', 'יסודי[|ת]', 'דורש[|ת] נתונים'], en: ['analytical', 'thorough', 'wants data'], summary: { he: 'עושה שיעורי בית, שואל[|ת] שאלות מדויקות ולא מתרשם[|ת] מסיסמאות', en: 'Does their homework, asks precise questions and is not impressed by slogans' }, talk: 0.45, direct: 0.7, formal: 0.65, interrupt: 0.2, pace: 'normal' },
  reserved: { he: ['שקט[|ה]', 'מאופק[|ת]', 'פרטי[|ת]'], en: ['quiet', 'reserved', 'private'], summary: { he: 'עונה בקצרה ולא מספר[|ת] כלום [מיוזמתו|מיוזמתה]', en: 'Answers briefly and volunteers nothing' }, talk: 0.15, direct: 0.4, formal: 0.5, interrupt: 0.05, pace: 'slow' },
  cold_busy: { he: ['עסוק[|ה]', 'קר[|ה]', 'קצר[|ת] רוח'], en: ['busy', 'cold', 'impatient'], summary: { he: 'אין [לו|לה] זמן ולא סבלנות לנציגים, מחפש[|ת] סיבה לסיים', en: 'No time or patience for sales people, looking for a reason to end the call' }, talk: 0.25, direct: 0.85, formal: 0.5, interrupt: 0.6, pace: 'fast' },
  talker: { he: ['דברן[|ית]', 'חם[|ה]', 'מספר[|ת] סיפורים'], en: ['chatty', 'warm', 'storyteller'], summary: { he: 'מדבר[|ת] הרבה, מזכיר[|ה] פרטים חשובים בדרך אגב ומצפה שיזכרו אותם', en: 'Talks a lot, drops important details in passing and expects them to be remembered' }, talk: 0.85, direct: 0.4, formal: 0.25, interrupt: 0.45, pace: 'normal' },
  balanced: { he: ['ענייני[|ת]', 'פתוח[|ה] לשמוע', 'זהיר[|ה] עם כסף'], en: ['practical', 'open to listen', 'careful with money'], summary: { he: 'לקוח[|ה] רגיל[|ה]: מקשיב[|ה] אם זה רלוונטי, שואל[|ת] על מחיר ומתייעץ[|ת] לפני החלטה', en: 'An ordinary customer: listens if it is relevant, asks about price and consults before deciding' }, talk: 0.5, direct: 0.5, formal: 0.4, interrupt: 0.25, pace: 'normal' },
  irate: { he: ['כועס[|ת]', 'מתוסכל[|ת]', 'קולני[|ת]'], en: ['angry', 'frustrated', 'loud'], summary: { he: 'מרגיש[|ה] שהתעלמו [ממנו|ממנה], צריך[|ה] קודם שיקשיבו ורק אז פתרון', en: 'Feels ignored, needs to be heard first and only then a solution' }, talk: 0.75, direct: 0.9, formal: 0.2, interrupt: 0.75, pace: 'fast' },
  lost: { he: ['מבולבל[|ת]', 'מנומס[|ת]', 'חושש[|ת] לטעות'], en: ['confused', 'polite', 'afraid to get it wrong'], summary: { he: 'לא מבין[|ה] מונחים מקצועיים, מתבייש[|ת] לשאול שוב ונלחץ[|ת] מהסברים ארוכים', en: 'Does not understand jargon, embarrassed to ask again and stressed by long explanations' }, talk: 0.5, direct: 0.3, formal: 0.4, interrupt: 0.2, pace: 'slow' },
  leaving: { he: ['נחוש[|ה]', 'מאוכזב[|ת]', 'ענייני[|ת]'], en: ['determined', 'disappointed', 'to the point'], summary: { he: 'החליט[|ה] לעזוב ומצפה לשיחה קצרה, אבל יש סיבה אמיתית שאפשר לפתור', en: 'Has decided to leave and expects a short call, but there is a real reason that could be solved' }, talk: 0.4, direct: 0.8, formal: 0.35, interrupt: 0.3, pace: 'normal' },
};

/** Decision timelines: `about` for the persona card and instructions, `says` as the customer says it. */
export const TIMELINES = {
  he: [
    { about: 'לא דחוף, אולי בחודשים הקרובים', says: 'זה לא דחוף לי, אולי בחודשים הקרובים' },
    { about: 'רוצה שזה יהיה מסודר עד סוף החודש', says: 'אני רוצה שזה יהיה מסודר עד סוף החודש' },
    { about: 'מחכה לחידוש של מה שיש היום, בעוד כמה חודשים', says: 'אני מחכה לחידוש של מה שיש לי היום, בעוד כמה חודשים' },
    { about: 'אם זה נכון, אפשר להתחיל כבר בשבוע הבא', says: 'אם זה נכון לי, אפשר להתחיל כבר בשבוע הבא' },
    { about: 'אין לוח זמנים, תלוי במחיר', says: 'אין לי לוח זמנים, זה תלוי במחיר' },
  ],
  en: [
    { about: 'Not urgent, maybe in the coming months', says: "It's not urgent for me, maybe in the coming months" },
    { about: 'Wants it sorted by the end of the month', says: 'I want it sorted by the end of the month' },
    { about: 'Waiting for the current contract to renew in a few months', says: "I'm waiting for my current contract to renew in a few months" },
    { about: 'If it is right, could start next week', says: 'If it is right, I could start next week' },
    { about: 'No timeline, depends on the price', says: 'I have no timeline, it depends on the price' },
  ],
};

/** Personal details a talkative customer mentions in passing (listening tests). */
export const PLANTED_DETAILS = {
  he: [
    { text: 'יש לנו שלושה ילדים קטנים, אז כל שקל נספר', topics: ['ילדים', 'שלושה', 'משפחה'] },
    { text: 'אני עובד[|ת] במשמרות, אז קשה לי לקבוע פגישות בבוקר', topics: ['משמרות', 'בוקר', 'פגישה', 'ערב'] },
    { text: 'אנחנו עוברים דירה בעוד חודשיים', topics: ['דירה', 'מעבר', 'עוברים', 'חודשיים'] },
    { text: 'אמא שלי גרה איתנו מאז השנה שעברה', topics: ['אמא', 'הורים', 'גרה'] },
    { text: 'נכוויתי פעם מחברה דומה שהבטיחה ולא קיימה', topics: ['נכווית', 'חברה', 'ניסיון', 'הבטיחה'] },
    { text: 'אני חוזר[|ת] מחו״ל רק באמצע החודש הבא', topics: ['חו״ל', 'חוזר', 'חוזרת', 'חודש'] },
  ],
  en: [
    { text: 'We have three small kids, so every penny counts', topics: ['kids', 'three', 'family', 'children'] },
    { text: 'I work shifts, so mornings are hard for meetings', topics: ['shifts', 'morning', 'meeting', 'evening'] },
    { text: 'We are moving house in two months', topics: ['moving', 'house', 'months', 'move'] },
    { text: 'My mother has lived with us since last year', topics: ['mother', 'parents', 'lives'] },
    { text: 'I got burned once by a similar company that over-promised', topics: ['burned', 'company', 'promised', 'before'] },
    { text: 'I am abroad until the middle of next month', topics: ['abroad', 'back', 'month', 'travel'] },
  ],
};

/** Stakeholder roles with conflicting priorities (expert level). `[m|f]` agrees with the stakeholder. */
export const STAKEHOLDER_ROLES = {
  B2B: [
    { role: { he: 'סמנכ״ל[|ית] כספים', en: 'CFO' }, priority: { he: 'עלות כוללת והחזר השקעה', en: 'total cost and return on investment' }, concern: { he: 'אני צריך[|ה] לראות החזר תוך שנה, אחרת זה לא עובר', en: 'I need to see payback within a year, otherwise it does not pass' } },
    { role: { he: 'סמנכ״ל[|ית] טכנולוגיות', en: 'CTO' }, priority: { he: 'אינטגרציה ואבטחת מידע', en: 'integration and security' }, concern: { he: 'אם זה לא מתחבר למערכות שלנו, אני לא חותם[|ת]', en: 'If it does not connect to our systems, I am not signing' } },
    { role: { he: 'מנהל[|ת] תפעול', en: 'operations manager' }, priority: { he: 'שהעבודה השוטפת לא תיפגע', en: 'not disrupting day-to-day work' }, concern: { he: 'אין לנו זמן להטמעה ארוכה באמצע העונה', en: 'We have no time for a long rollout mid-season' } },
    { role: { he: 'מנכ״ל[|ית]', en: 'CEO' }, priority: { he: 'מהירות ויתרון מול המתחרים', en: 'speed and an edge over competitors' }, concern: { he: 'אני רוצה לראות תוצאות ברבעון הזה, לא בעוד שנה', en: 'I want results this quarter, not next year' } },
  ],
  B2C: [
    { role: { he: '[בן|בת] הזוג', en: 'spouse' }, priority: { he: 'שההוצאה החודשית לא תעלה', en: 'keeping monthly spending down' }, concern: { he: 'אנחנו כבר משלמים מספיק, אני לא רוצה עוד חיוב', en: 'We already pay enough, I do not want another charge' } },
    { role: { he: '[בן|בת] הזוג', en: 'spouse' }, priority: { he: 'ביטחון ושקט נפשי למשפחה', en: 'security and peace of mind for the family' }, concern: { he: 'חשוב לי שנהיה מכוסים כמו שצריך, גם אם זה עולה קצת יותר', en: 'I want us properly covered even if it costs a bit more' } },
    { role: { he: '[בן בוגר שעוזר|בת בוגרת שעוזרת] להורים', en: 'adult child helping the parents' }, priority: { he: 'שלא ינצלו את ההורים', en: 'making sure the parents are not taken advantage of' }, concern: { he: 'אני רוצה לראות הכל בכתב לפני שההורים שלי חותמים על משהו', en: 'I want everything in writing before my parents sign anything' } },
  ],
};
