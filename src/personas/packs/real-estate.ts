import type { IndustryPackInput } from './types.ts';

/** Real-estate brokerage, new-build projects and commercial leasing in Israel. */
export const realEstatePack: IndustryPackInput = {
  id: 'real_estate',
  label: { he: 'נדל״ן', en: 'Real estate' },
  objections: [
    {
      kind: 'price',
      phrasings: {
        he: ['שני אחוז דמי תיווך? זה המון כסף על דירה', '{price} זה מעל התקציב שלנו, גם עם משכנתא', 'המחיר למטר פה מנותק מהמציאות', 'השכן מכר בפחות, למה אצלכם זה יותר?'],
        en: ['Two percent commission? That is a lot of money on a flat', '{price} is above our budget, even with a mortgage', 'The price per square metre here is detached from reality', 'The neighbour sold for less, why is it more with you?'],
      },
      pushbacks: { he: ['בסוף אני זה [שמשלם|שמשלמת]', 'זה עדיין לא מסתדר לי במספרים'], en: ['In the end I am the one paying', 'The numbers still do not work for me'] },
      answers: [
        { techniques: ['acknowledge', 'reframe_cost', 'social_proof'], he: 'מבין. בממוצע דירות שאנחנו משווקים נמכרות ב-4% מעל מכירה עצמית — זה מכסה את העמלה ועוד.', en: 'I understand. On average flats we market sell 4% above private sales — that covers the fee and more.' },
        { techniques: ['clarifying_question', 'value_to_need'], he: 'מה הטווח שהבנק אישר לכם? בוא נראה אם אפשר לבנות את התשלומים לפי ליווי בנקאי.', en: 'What range did the bank approve? Let us see whether the payment schedule can follow the bank financing.' },
      ],
    },
    {
      kind: 'timing',
      phrasings: {
        he: ['אנחנו מחכים שהריבית תרד', 'עוד לא מכרנו את הדירה הנוכחית', 'זה לא דחוף, נראה בשנה הבאה', 'בוא נחכה שיהיה ברור מה קורה בשוק'],
        en: ['We are waiting for interest rates to drop', 'We have not sold our current flat yet', 'It is not urgent, we will see next year', "Let's wait until the market is clearer"],
      },
      pushbacks: { he: ['אין לחץ, באמת', 'אנחנו לא רוצים להתחייב עכשיו'], en: ['There is no pressure, really', 'We do not want to commit now'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'הגיוני. מה צריך לקרות כדי שתרגישו שזה הזמן הנכון?', en: 'Makes sense. What would need to happen for you to feel it is the right time?' },
        { techniques: ['value_to_need', 'specific_next_step'], he: 'אפשר לעשות הערכת שווי עכשיו בלי התחייבות, ככה תדעו בדיוק איפה אתם עומדים. מתאים ביום ראשון?', en: 'We can do a valuation now with no commitment, so you know exactly where you stand. Does Sunday work?' },
      ],
    },
    {
      kind: 'trust',
      phrasings: {
        he: ['מתווכים רק רוצים לסגור מהר ולקחת עמלה', 'איך אני יודע[|ת] שהקבלן לא יפשוט רגל באמצע?', 'שמעתי על עיכובים במסירה בפרויקטים שלכם', 'בפעם הקודמת המתווך לא הביא אף קונה רציני'],
        en: ['Agents just want to close fast and take a commission', 'How do I know the developer will not go bankrupt halfway?', 'I heard about delivery delays in your projects', 'Last time the agent did not bring a single serious buyer'],
      },
      pushbacks: { he: ['כולם מבטיחים', 'אני צריך[|ה] משהו יותר מוחשי'], en: ['Everyone promises', 'I need something more concrete'] },
      answers: [
        { techniques: ['acknowledge', 'credentials'], he: 'שאלה נכונה. יש ליווי בנקאי וערבות חוק מכר על כל שקל שאתם משלמים.', en: 'Right question. There is bank financing and a sale-law guarantee on every shekel you pay.' },
        { techniques: ['social_proof', 'risk_reversal'], he: 'אני אשלח לך שלוש עסקאות שסגרנו ברחוב שלך השנה, ובלעדיות לשלושה חודשים בלבד עם יציאה בלי קנס.', en: 'I will send you three deals we closed on your street this year, and exclusivity is only three months with no-penalty exit.' },
      ],
    },
    {
      kind: 'competitor',
      phrasings: {
        he: ['{competitor} מציעים עמלה של אחוז אחד', 'כבר יש לנו מתווך מ{competitor}', 'ביד2 אני מוכר[|ת] לבד בחינם', 'בפרויקט ליד מציעים 10/90'],
        en: ['{competitor} offer a one percent fee', 'We already have an agent from {competitor}', 'On Yad2 I can sell it myself for free', 'The project next door offers a 10/90 payment plan'],
      },
      pushbacks: { he: ['אז למה לשלם יותר?', 'אני לא רואה הבדל אמיתי'], en: ['So why pay more?', 'I do not see a real difference'] },
      answers: [
        { techniques: ['acknowledge', 'differentiate'], he: 'אפשר למכור לבד. מה שאנחנו מביאים זה מאגר קונים עם אישור עקרוני — זה ההבדל בין חודש לשנה על השוק.', en: 'You can sell alone. What we bring is a pool of buyers with mortgage pre-approval — that is the difference between a month and a year on the market.' },
        { techniques: ['clarifying_question', 'differentiate'], he: 'מה חשוב לך יותר — העמלה או המחיר הסופי שנכנס לחשבון?', en: 'What matters more to you — the fee or the final price that lands in your account?' },
      ],
    },
    {
      kind: 'authority',
      phrasings: {
        he: ['ההורים עוזרים לנו בהון העצמי, הם צריכים לראות', 'אני [צריך|צריכה] את האישור של [אשתי|בעלי]', 'יש עוד שני אחים בירושה, כולם צריכים להסכים', 'עורך הדין שלנו יחליט'],
        en: ['My parents help with the down payment, they need to see it', 'I need my [wife|husband] to approve', 'There are two more siblings in the inheritance, all must agree', 'Our lawyer will decide'],
      },
      pushbacks: { he: ['זה לא תלוי רק בי', 'אני לא יכול[|ה] לסגור לבד'], en: ['It is not only up to me', 'I cannot close this alone'] },
      answers: [
        { techniques: ['involve_decision_maker', 'specific_next_step'], he: 'בואו נקבע סיור בדירה לכל המשפחה ביחד, ככה כולם שומעים את אותו מידע.', en: 'Let us book a viewing for the whole family together, so everyone hears the same information.' },
        { techniques: ['clarifying_question', 'involve_decision_maker'], he: 'מה הכי יטריד את האחים? אני אכין הערכת שווי כתובה שתוכלו להעביר.', en: 'What will concern your siblings most? I will prepare a written valuation you can share.' },
      ],
    },
    {
      kind: 'no_need',
      phrasings: {
        he: ['אנחנו רק מסתכלים, לא באמת קונים', 'אנחנו מסתדרים בשכירות', 'אנחנו לא צריכים מתווך', 'המשרד הנוכחי מספיק לנו'],
        en: ['We are just looking, not really buying', 'We are fine renting', 'We do not need an agent', 'Our current office is enough for us'],
      },
      pushbacks: { he: ['באמת, אנחנו רק בודקים', 'אין לנו צורך כרגע'], en: ['Really, we are just browsing', 'We have no need right now'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'בסדר גמור. ואם הייתם מוצאים משהו מתאים, מה היה גורם לכם לעבור?', en: 'Perfectly fine. And if you found something suitable, what would make you move?' },
        { techniques: ['value_to_need', 'social_proof'], he: 'הרבה זוגות אצלנו גילו שהשכירות שלהם גבוהה מהחזר משכנתא דומה — שווה בדיקה של חצי שעה.', en: 'Many couples found their rent is higher than a similar mortgage payment — worth a half-hour check.' },
      ],
    },
  ],
  pains: {
    he: ['מחירי הדיור גבוהים מההון העצמי', 'פחד לקנות בשיא ולהפסיד', 'חוסר אמון במתווכים ובקבלנים', 'לחץ של מכירה וקנייה בו-זמנית', 'הבירוקרטיה של משכנתא, טאבו ומס רכישה'],
    en: ['House prices above the available equity', 'Fear of buying at the peak and losing', 'Distrust of agents and developers', 'Pressure of selling and buying at the same time', 'The bureaucracy of mortgage, land registry and purchase tax'],
  },
  terms: [
    { he: 'בלעדיות', en: 'exclusive listing', meaning: { he: 'הסכם שרק משרד אחד משווק את הנכס', en: 'an agreement that only one agency markets the property' } },
    { he: 'דמי תיווך', en: 'agent commission', meaning: { he: 'עמלת המתווך, לרוב 2% ועוד מע״מ', en: "the agent's fee, usually 2% plus VAT" } },
    { he: 'מס רכישה', en: 'purchase tax', meaning: { he: 'מס שמשלם הקונה, תלוי אם זו דירה יחידה', en: 'tax paid by the buyer, depends on whether it is the only home' } },
    { he: 'נסח טאבו', en: 'land registry extract', meaning: { he: 'מסמך רישום הבעלות והשעבודים', en: 'the record of ownership and liens' } },
    { he: 'ליווי בנקאי', en: 'bank-backed project financing', meaning: { he: 'בנק שמלווה פרויקט ומבטיח את כספי הקונים', en: "a bank backing a project and securing buyers' money" } },
    { he: 'פינוי בינוי', en: 'urban renewal (demolish and rebuild)', meaning: { he: 'הריסת בניין ישן ובנייה של חדש עם דירות גדולות יותר', en: 'demolishing an old building and building a new one with larger flats' } },
  ],
  personas: [
    { audience: 'B2C', role: { he: 'זוג צעיר שמחפש דירה ראשונה', en: 'young couple looking for a first home' }, ageRange: [27, 36], authority: 'shared', backgrounds: { he: ['גר[|ה] בשכירות בגבעתיים, אישור עקרוני למשכנתא, ההורים עוזרים בהון העצמי', 'עובד[|ת] בהוראה, מחפש[|ת] דירת ארבעה חדרים באזור המרכז ומתוסכל[|ת] מהמחירים'], en: ['Renting in Givatayim, mortgage pre-approval, parents helping with the down payment', 'A teacher looking for a four-room flat in the centre and frustrated by prices'] }, otherDecisionMakers: { he: ['בן או בת הזוג', 'ההורים'], en: ['spouse', 'parents'] } },
    { audience: 'B2C', role: { he: 'בעל[|ת] דירה שרוצה למכור', en: 'homeowner who wants to sell' }, ageRange: [45, 70], authority: 'shared', backgrounds: { he: ['ירש[|ה] דירה בבת ים עם שני אחים, כל אחד רוצה משהו אחר', 'הילדים עזבו, רוצה לעבור מהבית בראשון לציון לדירה קטנה יותר'], en: ['Inherited a flat in Bat Yam with two siblings, each wants something else', 'The kids have left, wants to move from the house in Rishon to a smaller flat'] }, otherDecisionMakers: { he: ['האחים'], en: ['siblings'] } },
    { audience: 'B2C', role: { he: 'משקיע[|ה] פרטי[|ת]', en: 'private investor' }, ageRange: [38, 62], authority: 'sole', backgrounds: { he: ['מחזיק[|ה] שתי דירות להשקעה בבאר שבע, מחשב[|ת] כל שקל של תשואה'], en: ['Holds two investment flats in Beersheba, counts every point of yield'] } },
    { audience: 'B2B', role: { he: 'מנהל[|ת] תפעול שמחפש[|ת] משרדים', en: 'operations manager looking for offices' }, ageRange: [33, 55], authority: 'influencer', backgrounds: { he: ['חברת סטארט-אפ שגדלה מ-30 ל-70 עובדים, החוזה הנוכחי בהרצליה פיתוח נגמר בעוד שמונה חודשים'], en: ['A start-up that grew from 30 to 70 staff, the current lease in Herzliya Pituach ends in eight months'] }, otherDecisionMakers: { he: ['המנכ״ל', 'סמנכ״ל הכספים'], en: ['the CEO', 'the CFO'] } },
  ],
  hiddenNeeds: [
    { id: 'school_district', need: { he: 'הילדים צריכים להישאר באותו בית ספר', en: 'the children need to stay in the same school' }, reveal: { he: ['הדבר הכי חשוב לנו זה שהילדים לא יעברו בית ספר באמצע השנה'], en: ['What matters most is that the kids do not change school mid-year'] }, topics: { he: ['ילדים', 'משפחה', 'בית ספר', 'שכונה', 'אזור', 'חשוב'], en: ['kids', 'family', 'school', 'neighbourhood', 'area', 'important'] } },
    { id: 'bridge_financing', need: { he: 'צריך[|ה] לסנכרן מכירה וקנייה בלי לשלם שתי משכנתאות', en: 'needs to sync selling and buying without two mortgages' }, reveal: { he: ['האמת שהכי מפחיד אותי זה לשלם שתי משכנתאות אם הדירה שלנו לא תימכר בזמן'], en: ['Honestly the scariest thing is paying two mortgages if our flat does not sell in time'] }, topics: { he: ['מכירה', 'משכנתא', 'מימון', 'תזמון', 'דירה נוכחית', 'הון'], en: ['sell', 'mortgage', 'financing', 'timing', 'current', 'equity'] } },
    { id: 'fair_split', need: { he: 'רוצה שהאחים ירגישו שהמחיר הוגן', en: 'wants the siblings to feel the price is fair' }, reveal: { he: ['מה שחשוב לי זה שלא יהיה ריב במשפחה על המחיר'], en: ['What matters to me is no family fight over the price'] }, topics: { he: ['אחים', 'משפחה', 'ירושה', 'הסכמה', 'מחיר'], en: ['siblings', 'family', 'inheritance', 'agree', 'price'] } },
    { id: 'growth_space', need: { he: 'צריך[|ה] מקום שיגדל עם החברה בלי מעבר נוסף', en: 'needs space that grows with the company without another move' }, reveal: { he: ['אנחנו מגייסים עוד עשרים איש השנה, ואני לא רוצה לעבור שוב בעוד שנתיים'], en: ['We are hiring twenty more this year and I do not want to move again in two years'] }, topics: { he: ['גיוס', 'צמיחה', 'עובדים', 'תוכניות', 'עתיד', 'גודל'], en: ['hiring', 'growth', 'staff', 'plans', 'future', 'size'] } },
  ],
  buyingSignals: {
    he: ['אפשר לראות את הדירה כבר השבוע?', 'מה לוח התשלומים בדיוק?', 'מתי המסירה המשוערת?', 'כמה גמישות יש במחיר?'],
    en: ['Can we see the flat this week?', 'What exactly is the payment schedule?', 'When is the expected handover?', 'How much flexibility is there on price?'],
  },
  technicalQuestions: {
    he: ['כמה מס רכישה נשלם אם זו לא דירה יחידה?', 'יש הערת אזהרה או שעבוד בנסח הטאבו?', 'מה המצב של הבניין מבחינת תמ״א או פינוי בינוי?', 'מה ההצמדה למדד תשומות הבנייה?', 'איך עובדת הבלעדיות — אפשר לצאת באמצע?'],
    en: ['How much purchase tax will we pay if it is not our only home?', 'Is there a caveat or lien on the land registry extract?', 'What is the status of the building regarding urban renewal?', 'How is the price linked to the construction index?', 'How does exclusivity work — can we exit halfway?'],
  },
  nextStep: { he: 'סיור בנכס או הערכת שווי', en: 'a viewing or a valuation' },
  competitors: [{ he: 'אנגלו סכסון', en: 'Anglo Saxon Real Estate' }, { he: 'רי/מקס', en: 'RE/MAX' }, { he: 'יד2', en: 'Yad2' }],
  currentSituations: {
    he: [{ about: 'גר[|ה] בשכירות ומשלם[|ת] 6,500 ש״ח בחודש', says: 'אני גר[|ה] בשכירות ומשלם[|ת] 6,500 שקל בחודש' }, { about: 'מחזיק[|ה] דירה ורוצה לשדרג', says: 'יש לי דירה ואני רוצה לשדרג' }],
    en: [{ about: 'Renting at 6,500 shekels a month', says: "I'm renting for 6,500 shekels a month" }, { about: 'Owns a flat and wants to upgrade', says: 'I own a flat and I want to upgrade' }],
  },
};
