import type { IndustryPackInput } from './types.ts';

/** Professional and home services: accounting, cleaning, renovation, maintenance, clinics and studios. */
export const servicesPack: IndustryPackInput = {
  id: 'services',
  label: { he: 'שירותים', en: 'Services' },
  objections: [
    {
      kind: 'price',
      phrasings: {
        he: ['{price} בחודש? זה יותר ממה שאני משלם[|ת] היום', 'קיבלתי הצעה בחצי מחיר', 'אני לא יכול[|ה] להרשות את זה כרגע', 'למה כל כך יקר? זה בסך הכל כמה שעות עבודה'],
        en: ['{price} a month? That is more than I pay today', 'I got a quote for half the price', 'I cannot afford it right now', 'Why so expensive? It is only a few hours of work'],
      },
      pushbacks: { he: ['עדיין יקר לי', 'אין איזו הנחה?'], en: ['Still too expensive for me', 'Is there no discount?'] },
      answers: [
        { techniques: ['acknowledge', 'reframe_cost', 'value_to_need'], he: 'מבין. בוא נחשב כמה זמן זה חוסך לך כל חודש — ולפי השעה שלך זה כבר מחזיר את עצמו.', en: 'I understand. Let us work out how much time it saves you each month — at your hourly rate it already pays for itself.' },
        { techniques: ['clarifying_question', 'differentiate'], he: 'מה כלול בהצעה הזולה? לפעמים ההבדל הוא בביטוח, באחריות או בזמינות.', en: 'What is included in the cheaper quote? Often the difference is insurance, warranty or availability.' },
      ],
    },
    {
      kind: 'timing',
      phrasings: {
        he: ['אחרי הגשת הדוח השנתי נדבר', 'כרגע זה לא בראש סדר העדיפויות', 'תחזור אליי בעוד רבעון', 'נתחיל אחרי החגים'],
        en: ['Let us talk after the annual filing', 'It is not a priority right now', 'Call me back next quarter', 'We will start after the holidays'],
      },
      pushbacks: { he: ['אין לי ראש לזה עכשיו', 'זה יכול לחכות'], en: ['I have no head for it now', 'It can wait'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'הגיוני. מה יקרה אם זה יחכה עוד רבעון?', en: 'Makes sense. What happens if this waits another quarter?' },
        { techniques: ['specific_next_step', 'risk_reversal'], he: 'נתחיל בפגישת היכרות של חצי שעה בלי התחייבות. שני או רביעי?', en: 'Let us start with a half-hour intro meeting, no commitment. Monday or Wednesday?' },
      ],
    },
    {
      kind: 'trust',
      phrasings: {
        he: ['איך אני יודע[|ת] שהעובדים שלכם אמינים?', 'נתקעתי פעם עם קבלן שלא סיים', 'יש לכם המלצות?', 'אתם מבוטחים אם משהו נשבר?'],
        en: ['How do I know your staff are reliable?', 'I was once stuck with a contractor who never finished', 'Do you have references?', 'Are you insured if something breaks?'],
      },
      pushbacks: { he: ['המלצות אפשר לזייף', 'אני צריך[|ה] משהו בכתב'], en: ['Reviews can be faked', 'I need something in writing'] },
      answers: [
        { techniques: ['credentials', 'risk_reversal'], he: 'אנחנו מבוטחים בביטוח צד ג׳ ואחריות מקצועית, ואתה משלם רק אחרי שאישרת שהעבודה הושלמה.', en: 'We carry third-party and professional liability insurance, and you pay only after you approve the completed work.' },
        { techniques: ['social_proof', 'empathy'], he: 'חבל שעברת את זה. אחבר אותך לשני לקוחות בשכונה שלך שעבדנו אצלם החודש.', en: 'Sorry you went through that. I will connect you with two clients in your area we worked for this month.' },
      ],
    },
    {
      kind: 'competitor',
      phrasings: {
        he: ['יש לנו כבר מישהו מ{competitor}', '{competitor} מציעים את זה בזול', 'השכן מכיר מישהו שעושה את זה בשחור', 'אני יכול[|ה] לעשות את זה לבד עם יוטיוב'],
        en: ['We already have someone from {competitor}', '{competitor} offer it cheaper', 'My neighbour knows someone who does it cash in hand', 'I can do it myself with YouTube'],
      },
      pushbacks: { he: ['אז מה ההבדל?', 'שם זה מספיק טוב'], en: ['So what is the difference?', 'It is good enough there'] },
      answers: [
        { techniques: ['acknowledge', 'differentiate'], he: 'בסדר גמור להשוות. אצלנו יש חשבונית, ביטוח ואחריות של שנה על העבודה.', en: 'Fine to compare. With us there is an invoice, insurance and a one-year warranty on the work.' },
        { techniques: ['clarifying_question', 'differentiate'], he: 'מה לא עובד לך היום עם הספק הנוכחי?', en: 'What is not working for you today with the current provider?' },
      ],
    },
    {
      kind: 'authority',
      phrasings: {
        he: ['השותפה שלי מחליטה על ספקים', 'אני [צריך|צריכה] את האישור של ועד הבית', 'הבעלים של העסק בחו״ל עד החודש הבא', 'אני אדבר עם [אשתי|בעלי] ונחזור אליך'],
        en: ['My partner decides on suppliers', 'I need the building committee to approve', 'The business owner is abroad until next month', 'I will talk to my [wife|husband] and get back to you'],
      },
      pushbacks: { he: ['זה לא בסמכות שלי', 'אני לא יכול[|ה] להבטיח כלום'], en: ['It is not my call', 'I cannot promise anything'] },
      answers: [
        { techniques: ['involve_decision_maker', 'specific_next_step'], he: 'בוא נקבע שיחה של עשר דקות עם השותפה — מה נוח לה?', en: 'Let us book a ten-minute call with your partner — what time suits her?' },
        { techniques: ['clarifying_question', 'involve_decision_maker'], he: 'מה היא תשאל אותך קודם? אכין לך תשובות כתובות.', en: 'What will she ask you first? I will prepare written answers.' },
      ],
    },
    {
      kind: 'no_need',
      phrasings: {
        he: ['אנחנו מסתדרים לבד', 'זה לא כזה מסובך', 'העסק קטן מדי בשביל זה', 'עד עכשיו לא היה צריך'],
        en: ['We manage on our own', 'It is not that complicated', 'The business is too small for this', 'We never needed it so far'],
      },
      pushbacks: { he: ['באמת שהכל בסדר', 'לא צריך, תודה'], en: ['Really, all is fine', 'No need, thanks'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'מצוין. כמה שעות בשבוע זה לוקח לך היום?', en: 'Excellent. How many hours a week does it take you today?' },
        { techniques: ['social_proof', 'value_to_need'], he: 'עסקים בגודל שלך אצלנו גילו שהם מפספסים החזרי מס של אלפי שקלים בשנה.', en: 'Businesses your size found with us they were missing thousands in tax refunds a year.' },
      ],
    },
  ],
  pains: {
    he: ['ספקים שלא עומדים בזמנים', 'חוסר שקיפות במחיר הסופי', 'אין זמן לטפל בזה לבד', 'חוויה רעה עם בעל מקצוע קודם', 'קשה להשיג מישהו כשיש תקלה'],
    en: ["Suppliers who don't keep to schedule", 'No transparency on the final price', 'No time to handle it alone', 'A bad experience with a previous professional', 'Hard to reach anyone when something breaks'],
  },
  terms: [
    { he: 'ריטיינר', en: 'retainer', meaning: { he: 'תשלום חודשי קבוע עבור שירות שוטף', en: 'a fixed monthly fee for ongoing service' } },
    { he: 'הצעת מחיר', en: 'quote', meaning: { he: 'פירוט העבודה והמחיר לפני התחלה', en: 'the scope and price before starting' } },
    { he: 'ביטוח צד ג׳', en: 'third-party insurance', meaning: { he: 'ביטוח לנזק שנגרם ללקוח או לרכושו', en: "cover for damage to the client or their property" } },
    { he: 'אחריות על העבודה', en: 'workmanship warranty', meaning: { he: 'התחייבות לתקן ליקויים בלי עלות', en: 'a promise to fix defects at no cost' } },
    { he: 'חשבונית מס', en: 'tax invoice', meaning: { he: 'מסמך רשמי שמאפשר קיזוז מע״מ והכרה בהוצאה', en: 'an official document allowing VAT offset and expense recognition' } },
  ],
  personas: [
    { audience: 'B2C', role: { he: 'בעל[|ת] דירה שמתכנן[|ת] שיפוץ', en: 'homeowner planning a renovation' }, ageRange: [33, 62], authority: 'shared', backgrounds: { he: ['מתכננים לשפץ מטבח ושני חדרי רחצה בדירה בירושלים, כבר קיבלו שלוש הצעות'], en: ['Planning to redo the kitchen and two bathrooms in a Jerusalem flat, already has three quotes'] }, otherDecisionMakers: { he: ['בן או בת הזוג'], en: ['spouse'] } },
    { audience: 'B2C', role: { he: 'הורה עובד[|ת]', en: 'working parent' }, ageRange: [30, 50], authority: 'sole', backgrounds: { he: ['עובד[|ת] במשמרות בבית חולים, אין זמן לניקיון ולסידורים'], en: ['Works hospital shifts, no time for cleaning and errands'] } },
    { audience: 'B2B', role: { he: 'בעלים של עסק קטן', en: 'small-business owner' }, ageRange: [30, 60], authority: 'sole', backgrounds: { he: ['מנהל[|ת] קליניקה עם חמש מטפלות, עושה הנהלת חשבונות בלילות'], en: ['Runs a clinic with five therapists and does the books at night'] } },
    { audience: 'B2B', role: { he: 'מנהל[|ת] אדמיניסטרציה', en: 'office administrator' }, ageRange: [28, 55], authority: 'influencer', backgrounds: { he: ['אחראי[|ת] על ספקים בבניין משרדים של 3 קומות, כל תלונה מגיעה [אליו|אליה]'], en: ['Responsible for suppliers in a three-floor office building, every complaint lands on them'] }, otherDecisionMakers: { he: ['המנכ״ל'], en: ['the CEO'] } },
  ],
  hiddenNeeds: [
    { id: 'peace_of_mind', need: { he: 'רוצה שמישהו אחר ייקח אחריות מלאה', en: 'wants someone else to take full responsibility' }, reveal: { he: ['אני פשוט רוצה להפסיק לחשוב על זה, שמישהו יטפל מא׳ ועד ת׳'], en: ['I just want to stop thinking about it and have someone handle it end to end'] }, topics: { he: ['זמן', 'עומס', 'אחריות', 'לבד', 'מטפל', 'היום'], en: ['time', 'load', 'responsibility', 'alone', 'handle', 'today'] } },
    { id: 'deadline', need: { he: 'יש דדליין קרוב [שהוא לא אומר|שהיא לא אומרת]', en: 'there is a near deadline they do not mention' }, reveal: { he: ['בינינו, יש לנו ביקורת מס הכנסה בעוד חודש'], en: ['Between us, we have a tax audit in a month'] }, topics: { he: ['מתי', 'דחוף', 'זמנים', 'תאריך', 'לחץ'], en: ['when', 'urgent', 'deadline', 'date', 'pressure'] } },
    { id: 'bad_past_provider', need: { he: '[נכווה|נכוותה] מספק קודם [וצריך|וצריכה] ביטחון', en: 'was burned by a previous provider and needs reassurance' }, reveal: { he: ['הקבלן הקודם לקח מקדמה ונעלם, מאז אני חושד[|ת] בכולם'], en: ['The previous contractor took a deposit and vanished, since then I suspect everyone'] }, topics: { he: ['קודם', 'ניסיון', 'ספק', 'קרה', 'פעם'], en: ['before', 'experience', 'provider', 'happened', 'last time'] } },
  ],
  buyingSignals: {
    he: ['מתי אתם יכולים להתחיל?', 'מה צריך ממני כדי להתקדם?', 'אפשר לקבל את ההצעה במייל היום?', 'איך עובד התשלום?'],
    en: ['When can you start?', 'What do you need from me to move forward?', 'Can I get the quote by email today?', 'How does payment work?'],
  },
  technicalQuestions: {
    he: ['מה בדיוק כלול במחיר ומה נחשב תוספת?', 'כמה זמן לוקחת העבודה ומה קורה אם מתעכבים?', 'מי בדיוק יגיע — עובדים שלכם או קבלני משנה?', 'איך מטפלים בליקויים אחרי הסיום?'],
    en: ['What exactly is included and what counts as extra?', 'How long does the work take and what if it runs late?', 'Who exactly comes — your staff or subcontractors?', 'How do you handle defects after completion?'],
  },
  nextStep: { he: 'פגישת היכרות או ביקור בשטח', en: 'an intro meeting or a site visit' },
  competitors: [],
  currentSituations: {
    he: [{ about: 'עובד[|ת] עם ספק שלא עונה לטלפון', says: 'אני עובד[|ת] עם ספק שלא עונה לטלפון' }, { about: 'עושה הכל לבד', says: 'אני עושה הכל לבד' }],
    en: [{ about: 'Uses a provider who never answers the phone', says: 'I use a provider who never answers the phone' }, { about: 'Does everything alone', says: 'I do everything myself' }],
  },
};
