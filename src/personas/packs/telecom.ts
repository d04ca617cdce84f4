import type { IndustryPackInput } from './types.ts';

/** Mobile, fibre internet and TV packages for households and small businesses in Israel. */
export const telecomPack: IndustryPackInput = {
  id: 'telecom',
  label: { he: 'תקשורת וסלולר', en: 'Telecom' },
  objections: [
    {
      kind: 'price',
      phrasings: {
        he: ['{price} לחודש? ב-29 שקל יש לי חבילה בגולן', 'אחרי שנה המחיר קופץ, אני מכיר[|ה] את הטריק', 'אני לא משלם[|ת] יותר ממה שאני משלם[|ת] היום', 'למה אני צריך[|ה] לשלם על ראוטר?'],
        en: ['{price} a month? I get a plan for 29 elsewhere', 'After a year the price jumps, I know that trick', 'I am not paying more than I pay today', 'Why should I pay for the router?'],
      },
      pushbacks: { he: ['זה עדיין יותר ממה שיש לי', 'ואחרי המבצע?'], en: ['That is still more than I have now', 'And after the promotion?'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question', 'reframe_cost'], he: 'צודק לבדוק. כמה אתה משלם היום על סלולר, אינטרנט וטלוויזיה יחד? ברוב המקרים החבילה המשולבת יוצאת זולה יותר.', en: 'Right to check. What do you pay today for mobile, internet and TV together? In most cases the bundle comes out cheaper.' },
        { techniques: ['risk_reversal', 'reframe_cost'], he: 'המחיר קבוע לשלוש שנים בכתב, בלי התחייבות ובלי קנס יציאה.', en: 'The price is fixed for three years in writing, no commitment and no exit fee.' },
      ],
    },
    {
      kind: 'timing',
      phrasings: {
        he: ['יש לי עוד שמונה חודשים התחייבות', 'אני לא רוצה להתעסק עם טכנאי עכשיו', 'אחרי שנעבור דירה', 'תתקשר בסוף החודש'],
        en: ['I have eight more months of commitment', 'I do not want to deal with a technician now', 'After we move house', 'Call at the end of the month'],
      },
      pushbacks: { he: ['אני לא רוצה לשלם קנס', 'זה הרבה כאב ראש'], en: ['I do not want to pay a penalty', 'It is a lot of hassle'] },
      answers: [
        { techniques: ['acknowledge', 'value_to_need'], he: 'אנחנו מכסים את קנס היציאה עד 200 שקל, וטכנאי מגיע בחלון של שעתיים שבוחרים.', en: 'We cover the exit fee up to 200, and the technician comes in a two-hour window you choose.' },
        { techniques: ['clarifying_question', 'specific_next_step'], he: 'מתי נגמרת ההתחייבות בדיוק? אני ארשום תזכורת ונסגור את הניוד ליום שאחרי.', en: 'When exactly does the commitment end? I will set a reminder and schedule the switch for the day after.' },
      ],
    },
    {
      kind: 'trust',
      phrasings: {
        he: ['כל פעם שאני מתקשר[|ת] לשירות לקוחות אני מחכה חצי שעה', 'בפעם הקודמת חייבו אותי על דברים שלא הזמנתי', 'הסיבים אצלכם באמת מגיעים לבניין שלי?', 'מבטיחים גיגה ובפועל מקבלים מאה'],
        en: ['Every time I call customer service I wait half an hour', 'Last time I was charged for things I never ordered', 'Does your fibre really reach my building?', 'They promise a gig and deliver a hundred'],
      },
      pushbacks: { he: ['כולם אומרים את זה', 'נכוויתי כבר'], en: ['They all say that', 'I have been burned before'] },
      answers: [
        { techniques: ['empathy', 'risk_reversal'], he: 'מבין את התסכול. הכל נשלח אליך בכתב לפני החיבור, ויש 30 יום להתחרט בלי עלות.', en: 'I understand the frustration. Everything is sent to you in writing before activation, with 30 days to change your mind at no cost.' },
        { techniques: ['credentials', 'explain_simply'], he: 'אני בודק עכשיו לפי הכתובת שלך — כן, הבניין מחובר לסיבים עד הדירה.', en: 'I am checking your address now — yes, the building has fibre to the flat.' },
      ],
    },
    {
      kind: 'competitor',
      phrasings: {
        he: ['{competitor} הציעו לי אותו דבר בעשרים שקל פחות', 'אני עם {competitor} עשר שנים', 'יש לי הצעה מ{competitor} על השולחן', 'ב-019 זה חצי מחיר'],
        en: ['{competitor} offered me the same for twenty less', 'I have been with {competitor} for ten years', 'I have an offer from {competitor} on the table', 'A budget carrier charges half'],
      },
      pushbacks: { he: ['אז תשווה את המחיר', 'למה שאעבור?'], en: ['So match the price', 'Why would I switch?'] },
      answers: [
        { techniques: ['acknowledge', 'differentiate'], he: 'הגיוני להשוות. תבדוק אם ההצעה שלהם כוללת ראוטר Wi-Fi 6 ותמיכה בבית — אצלנו זה כלול.', en: 'Makes sense to compare. Check whether their offer includes a Wi-Fi 6 router and in-home support — ours does.' },
        { techniques: ['clarifying_question', 'differentiate'], he: 'מה הכי חשוב לך — מחיר, מהירות או שירות? בוא נשווה על זה.', en: 'What matters most to you — price, speed or service? Let us compare on that.' },
      ],
    },
    {
      kind: 'authority',
      phrasings: {
        he: ['את החשבונות בבית מנהל[|ת] [אשתי|בעלי]', 'הקו רשום על שם אבא שלי', 'במשרד, מנהל החשבונות מחליט', 'אני [צריך|צריכה] לשאול את השותף'],
        en: ['My [wife|husband] handles the bills at home', 'The line is registered in my father’s name', 'At the office the bookkeeper decides', 'I need to ask my partner'],
      },
      pushbacks: { he: ['זה לא על שמי', 'אני לא מחליט[|ה] על זה'], en: ['It is not in my name', 'I do not decide this'] },
      answers: [
        { techniques: ['involve_decision_maker', 'specific_next_step'], he: 'אין בעיה, אפשר לעשות שיחת ועידה קצרה עם בעל הקו — מתי נוח?', en: 'No problem, we can do a short three-way call with the line owner — when is good?' },
        { techniques: ['clarifying_question', 'involve_decision_maker'], he: 'מה יעניין [אותו|אותה] הכי הרבה? אשלח השוואה כתובה שתוכל להראות.', en: 'What will interest them most? I will send a written comparison you can show.' },
      ],
    },
    {
      kind: 'no_need',
      phrasings: {
        he: ['האינטרנט שלי מספיק לי', 'אני לא רואה טלוויזיה, רק נטפליקס', 'אני מרוצה מהספק שלי', 'מאה מגה זה מספיק לנו'],
        en: ['My internet is good enough', 'I do not watch TV, only Netflix', 'I am happy with my provider', 'A hundred megabits is enough for us'],
      },
      pushbacks: { he: ['באמת שהכל עובד', 'אין לי סיבה לשנות'], en: ['Really, everything works', 'I have no reason to change'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'יופי. כמה אנשים גולשים אצלכם בערב במקביל? ויש חדרים שה-Wi-Fi לא מגיע אליהם?', en: 'Great. How many people are online at home in the evening? Any rooms the Wi-Fi does not reach?' },
        { techniques: ['value_to_need', 'reframe_cost'], he: 'גם בלי לשנות מהירות, איחוד החשבונות יחסוך לך בערך 60 שקל בחודש.', en: 'Even without changing speed, combining bills would save you about 60 a month.' },
      ],
    },
  ],
  pains: {
    he: ['מחיר שקופץ אחרי תקופת המבצע', 'זמני המתנה ארוכים בשירות לקוחות', 'Wi-Fi שלא מגיע לכל החדרים', 'חיובים לא מובנים בחשבונית', 'ניתוקים בזמן עבודה מהבית'],
    en: ['Prices that jump after the promotion', 'Long waits at customer service', "Wi-Fi that doesn't reach every room", 'Charges on the bill nobody understands', 'Drop-outs while working from home'],
  },
  terms: [
    { he: 'סיבים אופטיים', en: 'fibre', meaning: { he: 'תשתית אינטרנט מהירה עד הבית', en: 'fast internet infrastructure to the home' } },
    { he: 'ניוד מספר', en: 'number porting', meaning: { he: 'מעבר ספק עם אותו מספר טלפון', en: 'switching provider keeping the same number' } },
    { he: 'התחייבות', en: 'commitment period', meaning: { he: 'תקופה שבה עזיבה כרוכה בקנס', en: 'a period during which leaving costs a penalty' } },
    { he: 'ספק תשתית וספק שירות', en: 'infrastructure vs service provider', meaning: { he: 'בישראל משלמים לפעמים לשניים נפרדים', en: 'in Israel you sometimes pay two separate companies' } },
    { he: 'מגדיל טווח (מש)', en: 'mesh extender', meaning: { he: 'רכיב שמרחיב את ה-Wi-Fi בבית', en: 'a device extending Wi-Fi across the home' } },
  ],
  personas: [
    { audience: 'B2C', role: { he: 'הורה במשפחה עם ארבעה ילדים', en: 'parent in a family of six' }, ageRange: [35, 52], authority: 'shared', backgrounds: { he: ['משפחה בפתח תקווה עם שישה קווים, נטפליקס, ועבודה מהבית יומיים בשבוע', 'כל ילד עם סמארטפון, החשבון החודשי עבר 600 שקל ואף אחד לא יודע למה'], en: ['A family in Petah Tikva with six lines, streaming and two work-from-home days a week', 'Every kid has a smartphone, the monthly bill passed 600 and nobody knows why'] }, otherDecisionMakers: { he: ['בן או בת הזוג'], en: ['spouse'] } },
    { audience: 'B2C', role: { he: 'סטודנט[|ית]', en: 'student' }, ageRange: [20, 28], authority: 'sole', backgrounds: { he: ['גר[|ה] עם שותפים בבאר שבע, כל שקל חשוב, מחליף[|ה] ספק כל שנה'], en: ['Shares a flat in Beersheba, every shekel counts, switches provider every year'] } },
    { audience: 'B2C', role: { he: 'גמלאי[|ת]', en: 'pensioner' }, ageRange: [66, 82], authority: 'sole', backgrounds: { he: ['לא מבין[|ה] את החשבונית, רוצה טלוויזיה עם ערוצים ברוסית או בערבית ושירות סבלני'], en: ['Does not understand the bill, wants TV with foreign-language channels and patient service'] } },
    { audience: 'B2B', role: { he: 'מנהל[|ת] משרד', en: 'office manager' }, ageRange: [30, 55], authority: 'influencer', backgrounds: { he: ['משרד עורכי דין עם 15 קווים ומרכזייה ישנה, ניתוקים בשיחות עם לקוחות'], en: ['A law office with 15 lines and an old PBX, calls dropping with clients'] }, otherDecisionMakers: { he: ['השותף המנהל'], en: ['the managing partner'] } },
  ],
  hiddenNeeds: [
    { id: 'wfh_stability', need: { he: 'צריך[|ה] חיבור יציב לשיחות וידאו מהבית', en: 'needs a stable connection for video calls from home' }, reveal: { he: ['מה שבאמת מציק לי זה שבאמצע זום עם הבוס האינטרנט נופל'], en: ['What really bugs me is the internet dropping in the middle of a Zoom with my boss'] }, topics: { he: ['עבודה', 'בית', 'זום', 'שיחות', 'נפילות', 'יציב'], en: ['work', 'home', 'zoom', 'calls', 'drops', 'stable'] } },
    { id: 'bill_clarity', need: { he: 'רוצה חשבון אחד ברור בלי הפתעות', en: 'wants one clear bill with no surprises' }, reveal: { he: ['אני פשוט רוצה לדעת כל חודש כמה אני משלם[|ת], בלי הפתעות'], en: ['I just want to know every month what I pay, no surprises'] }, topics: { he: ['חשבון', 'חשבונית', 'חיוב', 'משלם', 'מחיר', 'הפתעות'], en: ['bill', 'charge', 'pay', 'price', 'invoice', 'surprise'] } },
    { id: 'kids_control', need: { he: 'רוצה שליטה על זמן המסך של הילדים', en: "wants control over the kids' screen time" }, reveal: { he: ['בינינו, הייתי שמח[|ה] לכבות לילדים את האינטרנט בעשר בלילה'], en: ['Between us, I would love to turn off the kids internet at ten at night'] }, topics: { he: ['ילדים', 'משפחה', 'בבית', 'גולשים', 'שימוש'], en: ['kids', 'family', 'home', 'usage', 'children'] } },
  ],
  buyingSignals: {
    he: ['כמה זמן לוקח הניוד?', 'הטכנאי מגיע גם בערב?', 'ואפשר לשמור על המספרים של הילדים?', 'את המחיר הזה אפשר לקבל בכתב?'],
    en: ['How long does porting take?', 'Does the technician come in the evening too?', 'Can we keep the kids numbers?', 'Can I get that price in writing?'],
  },
  technicalQuestions: {
    he: ['מה המהירות בפועל בהעלאה, לא רק בהורדה?', 'הראוטר תומך ב-Wi-Fi 6?', 'יש כתובת IP קבועה לעסק?', 'מה קורה בתקלה — תוך כמה זמן מגיע טכנאי?'],
    en: ['What is the real upload speed, not just download?', 'Does the router support Wi-Fi 6?', 'Is there a static IP for a business?', 'When there is a fault — how soon does a technician come?'],
  },
  nextStep: { he: 'הזמנת חיבור עם טכנאי', en: 'booking an installation' },
  competitors: [{ he: 'בזק', en: 'Bezeq' }, { he: 'הוט', en: 'HOT' }, { he: 'סלקום', en: 'Cellcom' }, { he: 'פרטנר', en: 'Partner' }, { he: 'פלאפון', en: 'Pelephone' }, { he: 'גולן טלקום', en: 'Golan Telecom' }],
  currentSituations: {
    he: [{ about: 'משלם[|ת] לשלושה ספקים שונים', says: 'אני משלם[|ת] לשלושה ספקים שונים' }, { about: 'בחבילה שהמבצע שלה נגמר לפני חודשיים', says: 'אני בחבילה שהמבצע שלה נגמר לפני חודשיים' }],
    en: [{ about: 'Pays three different providers', says: 'I pay three different providers' }, { about: 'On a plan whose promotion ended two months ago', says: "I'm on a plan whose promotion ended two months ago" }],
  },
};
