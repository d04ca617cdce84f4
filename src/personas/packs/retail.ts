import type { IndustryPackInput } from './types.ts';

/** Retail: furniture, appliances, electronics and kitchens sold in store, by phone and online. */
export const retailPack: IndustryPackInput = {
  id: 'retail',
  label: { he: 'קמעונאות', en: 'Retail' },
  objections: [
    {
      kind: 'price',
      phrasings: {
        he: ['{price}? ראיתי את אותו דגם באינטרנט בפחות', 'זה מעל מה שתכננו להוציא', 'אני אחכה לבלאק פריידיי', 'תן לי מחיר אחרון ואני אחליט'],
        en: ['{price}? I saw the same model online for less', 'That is more than we planned to spend', 'I will wait for Black Friday', 'Give me your final price and I will decide'],
      },
      pushbacks: { he: ['זה עדיין יקר', 'אפשר לרדת עוד קצת?'], en: ['Still expensive', 'Can you go a bit lower?'] },
      answers: [
        { techniques: ['acknowledge', 'reframe_cost', 'value_to_need'], he: 'מבין. אצלנו המחיר כולל הובלה, הרכבה ואחריות של חמש שנים — בוא נשווה את המחיר הכולל.', en: 'I understand. Our price includes delivery, assembly and a five-year warranty — let us compare the total.' },
        { techniques: ['clarifying_question', 'reframe_cost'], he: 'איזה תקציב חשבתם? אפשר גם 12 תשלומים בלי ריבית.', en: 'What budget did you have in mind? We also offer 12 interest-free payments.' },
      ],
    },
    {
      kind: 'timing',
      phrasings: {
        he: ['אנחנו רק מתחילים לחפש', 'נחזור אחרי שנגמור את השיפוץ', 'אני [צריך|צריכה] לחשוב על זה', 'אין לנו דחיפות'],
        en: ['We are only starting to look', 'We will come back after the renovation', 'I need to think about it', 'We are in no hurry'],
      },
      pushbacks: { he: ['באמת שאנחנו לא ממהרים', 'נחזור אליך'], en: ['We really are not in a hurry', 'We will get back to you'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'בהחלט. על מה תרצו לחשוב — המידה, הצבע או המחיר?', en: 'Of course. What would you like to think over — the size, the colour or the price?' },
        { techniques: ['risk_reversal', 'specific_next_step'], he: 'אפשר לשריין את המחיר והמלאי לשבוע בלי תשלום. לרשום אותך עד יום ראשון?', en: 'I can hold the price and stock for a week at no charge. Shall I put you down until Sunday?' },
      ],
    },
    {
      kind: 'trust',
      phrasings: {
        he: ['מה אם זה יגיע פגום?', 'שמעתי שהמשלוחים אצלכם מתעכבים שבועות', 'מי נותן את האחריות — אתם או היבואן?', 'בחנות אחרת לא הסכימו להחליף לי'],
        en: ['What if it arrives damaged?', 'I heard your deliveries are weeks late', 'Who gives the warranty — you or the importer?', 'Another store refused to exchange mine'],
      },
      pushbacks: { he: ['כולם אומרים שיש אחריות', 'אני צריך[|ה] את זה בכתב'], en: ['Everyone says there is a warranty', 'I need that in writing'] },
      answers: [
        { techniques: ['acknowledge', 'risk_reversal'], he: 'מבין את החשש. יש 14 יום החזרה בלי שאלות, והמוביל לא עוזב עד שבדקתם שהכל תקין.', en: 'I understand the worry. There are 14 days no-questions returns, and the crew does not leave until you check it is fine.' },
        { techniques: ['credentials', 'social_proof'], he: 'אנחנו יבואן רשמי, והאחריות היא שלנו ישירות — יש לנו מעל אלף ביקורות בגוגל.', en: 'We are the official importer and the warranty is ours directly — we have over a thousand Google reviews.' },
      ],
    },
    {
      kind: 'competitor',
      phrasings: {
        he: ['ב{competitor} זה עולה פחות', 'ראיתי משהו דומה באיקאה', 'באתר של {competitor} יש מבצע', 'אני אזמין מעלי אקספרס'],
        en: ['It costs less at {competitor}', 'I saw something similar at IKEA', '{competitor} has a sale on their website', 'I will order it from an online marketplace'],
      },
      pushbacks: { he: ['אז תתאים מחיר', 'מה ההבדל בכלל?'], en: ['Then match the price', 'What is even the difference?'] },
      answers: [
        { techniques: ['acknowledge', 'differentiate'], he: 'כדאי להשוות. תבדוק אם זה אותו דגם עם אותו בד ואותה אחריות — אצלנו יש יבוא רשמי ושירות עד הבית.', en: 'Worth comparing. Check it is the same model, fabric and warranty — ours is official import with in-home service.' },
        { techniques: ['clarifying_question', 'differentiate'], he: 'מה חשוב לך יותר — המחיר היום או שזה יחזיק עשר שנים?', en: 'What matters more — the price today or that it lasts ten years?' },
      ],
    },
    {
      kind: 'authority',
      phrasings: {
        he: ['[אשתי צריכה|בעלי צריך] לראות את זה קודם', 'אני לא בוחר[|ת] צבעים בלי [אשתי|בעלי]', 'המעצבת שלנו צריכה לאשר', 'את התקציב קובע אבא שלי'],
        en: ['My [wife|husband] needs to see it first', 'I do not choose colours without my [wife|husband]', 'Our designer has to approve', 'My father sets the budget'],
      },
      pushbacks: { he: ['אני לא יכול[|ה] להחליט לבד', 'נבוא שוב ביחד'], en: ['I cannot decide alone', 'We will come back together'] },
      answers: [
        { techniques: ['involve_decision_maker', 'specific_next_step'], he: 'מצוין, בואו תגיעו יחד. איזה יום נוח לכם? אשמור לכם את הדגם.', en: 'Great, come together. Which day suits you? I will hold the model for you.' },
        { techniques: ['clarifying_question', 'involve_decision_maker'], he: 'אני יכול לשלוח תמונות ודוגמת בד הביתה — מה [היא תרצה|הוא ירצה] לראות?', en: 'I can send photos and a fabric sample home — what will [she|he] want to see?' },
      ],
    },
    {
      kind: 'no_need',
      phrasings: {
        he: ['רק באתי להסתכל', 'הישן עוד עובד', 'אנחנו לא צריכים את הדגם המתקדם', 'אין לי מקום לזה בבית'],
        en: ['I only came to look', 'The old one still works', 'We do not need the premium model', 'I have no room for it at home'],
      },
      pushbacks: { he: ['באמת שאין צורך', 'אני רק מסתכל[|ת]'], en: ['Really, no need', 'Just looking'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'בכיף, תסתכלו. מה גרם לכם להיכנס היום?', en: 'Sure, have a look. What brought you in today?' },
        { techniques: ['value_to_need', 'explain_simply'], he: 'הישן כנראה צורך פי שניים חשמל — בשנה זה יכול להיות מאות שקלים.', en: 'The old one probably uses twice the power — that can be hundreds a year.' },
      ],
    },
  ],
  pains: {
    he: ['פחד לשלם יותר ממה שצריך', 'משלוחים שמתעכבים', 'שירות גרוע אחרי הקנייה', 'קושי לבחור בין יותר מדי אפשרויות', 'מוצר שלא מתאים למידות הבית'],
    en: ['Fear of overpaying', 'Late deliveries', 'Poor after-sales service', 'Too many options to choose from', "A product that doesn't fit the home"],
  },
  terms: [
    { he: 'יבוא רשמי', en: 'official import', meaning: { he: 'מוצר שמגיע דרך היבואן המורשה עם אחריות מלאה', en: 'a product through the authorised importer with full warranty' } },
    { he: 'יבוא מקביל', en: 'parallel import', meaning: { he: 'מוצר שיובא שלא דרך היבואן הרשמי', en: 'imported outside the authorised channel' } },
    { he: 'תשלומים ללא ריבית', en: 'interest-free instalments', meaning: { he: 'פריסת המחיר בלי תוספת', en: 'spreading the price at no extra cost' } },
    { he: 'דירוג אנרגטי', en: 'energy rating', meaning: { he: 'כמה חשמל המכשיר צורך', en: 'how much power the appliance uses' } },
    { he: 'הובלה והרכבה', en: 'delivery and assembly', meaning: { he: 'משלוח והתקנה בבית הלקוח', en: "shipping and installation at the customer's home" } },
  ],
  personas: [
    { audience: 'B2C', role: { he: 'זוג שמרהט דירה חדשה', en: 'couple furnishing a new flat' }, ageRange: [27, 40], authority: 'shared', backgrounds: { he: ['קיבלו מפתח לדירה בחריש, תקציב מוגבל אחרי המשכנתא, משווים כל מוצר בשלושה אתרים'], en: ['Just got keys to a flat in Harish, a tight budget after the mortgage, comparing every item on three sites'] }, otherDecisionMakers: { he: ['בן או בת הזוג'], en: ['spouse'] } },
    { audience: 'B2C', role: { he: 'הורה שמחליף מוצר שהתקלקל', en: 'parent replacing a broken appliance' }, ageRange: [35, 60], authority: 'sole', backgrounds: { he: ['המקרר התקלקל באמצע השבוע, ארבעה ילדים בבית, צריך[|ה] פתרון מהר'], en: ['The fridge broke midweek, four kids at home, needs a fix fast'] } },
    { audience: 'B2C', role: { he: 'גמלאי[|ת] שמחפש[|ת] איכות', en: 'retiree looking for quality' }, ageRange: [63, 80], authority: 'sole', backgrounds: { he: ['קונה פעם בעשור ורוצה שיחזיק, לא סומך[|ת] על קניות באינטרנט'], en: ['Buys once a decade and wants it to last, does not trust online shopping'] } },
    { audience: 'B2B', role: { he: 'מנהל[|ת] רכש ברשת מסעדות', en: 'purchasing manager at a restaurant chain' }, ageRange: [32, 55], authority: 'influencer', backgrounds: { he: ['אחראי[|ת] על ציוד לשבעה סניפים, כל תקלה משביתה מטבח'], en: ['Responsible for equipment in seven branches, every breakdown shuts a kitchen'] }, otherDecisionMakers: { he: ['הבעלים'], en: ['the owner'] } },
  ],
  hiddenNeeds: [
    { id: 'fast_delivery', need: { he: 'צריך[|ה] את המוצר תוך ימים', en: 'needs the product within days' }, reveal: { he: ['האמת שאני [לחוץ|לחוצה] — יש לנו אירוע משפחתי בעוד עשרה ימים'], en: ['Honestly I am pressed — we have a family event in ten days'] }, topics: { he: ['מתי', 'זמן', 'אירוע', 'דחוף', 'משלוח', 'צריך'], en: ['when', 'time', 'event', 'urgent', 'delivery', 'need'] } },
    { id: 'small_space', need: { he: 'המקום בבית קטן ומוגבל', en: 'the space at home is small' }, reveal: { he: ['הבעיה היא שהסלון שלנו קטן, פחדתי שזה לא ייכנס'], en: ['The problem is our living room is small, I was afraid it would not fit'] }, topics: { he: ['בית', 'מידות', 'מקום', 'סלון', 'חדר', 'גודל'], en: ['home', 'size', 'space', 'room', 'measure', 'fit'] } },
    { id: 'durability', need: { he: 'רוצה מוצר שיחזיק שנים עם ילדים וחיות', en: 'wants something that survives kids and pets' }, reveal: { he: ['יש לנו כלב ושני ילדים קטנים, הספה הקודמת נהרסה תוך שנה'], en: ['We have a dog and two small kids, the last sofa was wrecked within a year'] }, topics: { he: ['ילדים', 'משפחה', 'שימוש', 'חיות', 'קודם', 'שנים'], en: ['kids', 'family', 'use', 'pets', 'before', 'years'] } },
  ],
  buyingSignals: {
    he: ['יש את זה במלאי?', 'כמה זמן לוקחת ההובלה?', 'אפשר לשלם בתשלומים?', 'יש את זה גם בצבע אפור?'],
    en: ['Is it in stock?', 'How long does delivery take?', 'Can I pay in instalments?', 'Does it come in grey too?'],
  },
  technicalQuestions: {
    he: ['מה הדירוג האנרגטי ומה הצריכה בשנה?', 'האחריות כוללת חלקים ועבודה?', 'מה המידות המדויקות כולל הידיות?', 'זה יבוא רשמי או מקביל?'],
    en: ['What is the energy rating and yearly consumption?', 'Does the warranty cover parts and labour?', 'What are the exact dimensions including handles?', 'Is it official or parallel import?'],
  },
  nextStep: { he: 'הזמנה או שריון מוצר', en: 'an order or a product hold' },
  competitors: [{ he: 'איקאה', en: 'IKEA' }, { he: 'שופרסל', en: 'Shufersal' }, { he: 'ACE', en: 'ACE' }, { he: 'זאפ', en: 'Zap' }],
  currentSituations: {
    he: [{ about: '[השווה|השוותה] מחירים בזאפ', says: 'השוויתי מחירים בזאפ' }, { about: '[היה|הייתה] כבר בשתי חנויות', says: 'כבר הייתי בשתי חנויות' }],
    en: [{ about: 'Compared prices on a comparison site', says: 'I compared prices on a comparison site' }, { about: 'Has already been to two stores', says: "I've already been to two stores" }],
  },
};
