import type { IndustryPackInput } from './types.ts';

/** Insurance agencies and insurers (life, health, long-term care, car, home) in the Israeli market. */
export const insurancePack: IndustryPackInput = {
  id: 'insurance',
  label: { he: 'ביטוח', en: 'Insurance' },
  objections: [
    {
      kind: 'price',
      phrasings: {
        he: [
          'זה יקר לי, אני כבר [משלם|משלמת] לא מעט על ביטוחים כל חודש',
          '{price} זה הרבה כסף בשבילנו עכשיו',
          'כל שנה הפרמיה עולה לי, אני לא [מוכן|מוכנה] להוסיף עוד הוצאה',
          'למה שאשלם עוד אם יש לי שב״ן בקופת חולים?',
        ],
        en: [
          "That's expensive, I already pay plenty for insurance every month",
          '{price} is a lot of money for us right now',
          'My premium goes up every year, I am not adding another bill',
          'Why pay more when my health fund plan already covers most of it?',
        ],
      },
      pushbacks: {
        he: ['זה עדיין נשמע לי יקר', 'כולם אומרים שיחסכו לי ובסוף אני [משלם|משלמת] יותר', 'אז כמה בדיוק זה יעלה לי בחודש?'],
        en: ['It still sounds expensive to me', 'Everyone says I will save and in the end I pay more', 'So how much exactly per month?'],
      },
      answers: [
        {
          techniques: ['acknowledge', 'clarifying_question', 'reframe_cost'],
          he: 'מבין לגמרי. כמה אתה משלם היום על כל הפוליסות יחד? ברוב התיקים אנחנו מוצאים כפילויות שמכסות את ההפרש.',
          en: 'Completely understand. What do you pay today across all your policies? In most portfolios we find duplicates that cover the difference.',
        },
        {
          techniques: ['value_to_need', 'reframe_cost'],
          he: 'אמרת שחשוב לך שהילדים יהיו מכוסים — מדובר בפחות מ-3 שקלים ביום בשביל השקט הזה.',
          en: 'You said covering the kids matters most — this is under a dollar a day for that peace of mind.',
        },
      ],
    },
    {
      kind: 'timing',
      phrasings: {
        he: ['אין לי זמן לזה עכשיו, תחזור אליי בעוד חודשיים', 'אני באמצע יום עבודה, זה לא זמן טוב', 'בוא נדבר אחרי החגים', 'הפוליסה שלי מתחדשת רק בעוד חצי שנה, אין מה למהר'],
        en: ['I have no time for this now, call me back in two months', "I'm in the middle of a work day, it's not a good time", "Let's talk after the holidays", 'My policy only renews in six months, no rush'],
      },
      pushbacks: {
        he: ['אמרתי לך, אני לא [פנוי|פנויה] עכשיו', 'שלח לי משהו בוואטסאפ ואני אסתכל'],
        en: ['I told you, I am not free now', 'Just send me something on WhatsApp and I will look'],
      },
      answers: [
        { techniques: ['acknowledge', 'specific_next_step'], he: 'לגמרי מבין. הבדיקה לוקחת 20 דקות בזום — מה מתאים לך, שלישי בערב או חמישי בבוקר?', en: 'Totally fair. The review takes 20 minutes on Zoom — does Tuesday evening or Thursday morning work better?' },
        { techniques: ['clarifying_question', 'value_to_need'], he: 'אפשר לשאול מה יקרה אם חלילה משהו יקרה לפני החידוש? בגלל זה כדאי לבדוק עכשיו ולא אחרי.', en: 'Can I ask what happens if something comes up before the renewal? That is why it is worth checking now, not after.' },
      ],
    },
    {
      kind: 'trust',
      phrasings: {
        he: ['כל הסוכנים רק רוצים למכור לי עוד ביטוח', 'מאיפה השגתם את המספר שלי בכלל?', 'היה לי סוכן שנעלם ברגע שהייתה תביעה', 'איך אני יודע שאתם לא מקבלים עמלה על מה שאתם ממליצים?'],
        en: ['Every agent just wants to sell me more insurance', 'Where did you even get my number?', 'I had an agent who disappeared the moment I had a claim', 'How do I know you are not just pushing whatever pays you the best commission?'],
      },
      pushbacks: {
        he: ['זה מה שכולם אומרים', 'שמעתי את זה כבר מסוכן אחר'],
        en: ["That's what everyone says", 'I heard that one from another agent already'],
      },
      answers: [
        { techniques: ['acknowledge', 'risk_reversal'], he: 'הבדיקה חינם, ואם התיק שלך טוב אני אגיד לך את זה ולא אמכור לך כלום.', en: 'The review is free, and if your portfolio is fine I will tell you so and sell you nothing.' },
        { techniques: ['empathy', 'credentials', 'social_proof'], he: 'אני שומע שהייתה לך חוויה רעה בתביעה. אנחנו מלווים תביעות עד התשלום — אשמח לחבר אותך ללקוח שעברנו איתו תביעה השנה.', en: 'I hear you had a bad claim experience. We handle claims until payout — I can connect you with a client we took through a claim this year.' },
      ],
    },
    {
      kind: 'competitor',
      phrasings: {
        he: ['ב{competitor} הציעו לי מחיר יותר זול', 'אני כבר מבוטח ב{competitor} ומרוצה', 'למה לא לסגור ישר מול חברת הביטוח בלי סוכן?', 'ראיתי באתר השוואה מחיר נמוך בהרבה'],
        en: ['{competitor} offered me a cheaper price', "I'm already insured with {competitor} and I'm happy", 'Why not go straight to the insurer without an agent?', 'I saw a much lower price on a comparison site'],
      },
      pushbacks: {
        he: ['אבל שם זה יותר זול, נקודה', 'אז מה בעצם ההבדל?'],
        en: ['But it is cheaper there, period', 'So what is actually the difference?'],
      },
      answers: [
        { techniques: ['acknowledge', 'differentiate'], he: 'מחיר זה חשוב. ההבדל הוא מי מטפל בך כשיש תביעה — אצלנו זה הסוכן האישי שלך, לא מוקד.', en: 'Price matters. The difference is who handles you when there is a claim — with us it is your own agent, not a call centre.' },
        { techniques: ['clarifying_question', 'differentiate'], he: 'מה בדיוק כלול בהצעה שקיבלת? בוא נשווה כיסוי מול כיסוי, לא רק מחיר.', en: 'What exactly is included in the quote you got? Let us compare cover to cover, not just price.' },
      ],
    },
    {
      kind: 'authority',
      phrasings: {
        he: ['אני [צריך|צריכה] לדבר על זה עם [אשתי|בעלי] קודם', 'את הביטוחים אצלנו מנהל[|ת] אבא שלי', 'בלי [אשתי|בעלי] אני לא מחליט[|ה] על כלום כזה', 'יש לנו יועץ פנסיוני, אני אשאל אותו'],
        en: ['I need to talk to my [wife|husband] first', 'My father handles our insurance', "I don't decide anything like this without my [wife|husband]", 'We have a pension advisor, I will ask him'],
      },
      pushbacks: {
        he: ['אני לא יכול[|ה] להתחייב בלי [אשתי|בעלי]', '[היא|הוא] בדרך כלל אומר[ת|] לא לדברים כאלה'],
        en: ["I can't commit without my [wife|husband]", '[She|He] usually says no to things like this'],
      },
      answers: [
        { techniques: ['acknowledge', 'involve_decision_maker', 'specific_next_step'], he: 'בטח, זו החלטה משפחתית. בוא נקבע פגישה ששניכם תהיו בה — מתי [היא|הוא] פנוי[ה|]?', en: 'Of course, it is a family decision. Let us book a meeting you can both attend — when is [she|he] free?' },
        { techniques: ['clarifying_question', 'involve_decision_maker'], he: 'מה לדעתך יהיה הכי חשוב [לה|לו] לשמוע? אני אכין את זה מראש.', en: 'What do you think will matter most to [her|him]? I will prepare it in advance.' },
      ],
    },
    {
      kind: 'no_need',
      phrasings: {
        he: ['יש לי כבר ביטוח דרך העבודה', 'אני צעיר[|ה] ובריא[|ה], אני לא צריך[|ה] ביטוח חיים', 'יש לי את כל מה שצריך, תודה', 'הכיסוי בקופת חולים מספיק לי'],
        en: ['I already have insurance through work', "I'm young and healthy, I don't need life insurance", 'I have everything I need, thanks', 'My health fund cover is enough for me'],
      },
      pushbacks: {
        he: ['באמת, אני מסודר[|ת]', 'אני לא רואה למה אני צריך[|ה] את זה'],
        en: ["Really, I'm covered", "I don't see why I need this"],
      },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'מעולה. ביטוח דרך העבודה מכסה גם את בני המשפחה? ומה קורה אם עוזבים את מקום העבודה?', en: 'Great. Does the work policy also cover your family? And what happens if you change jobs?' },
        { techniques: ['value_to_need', 'social_proof'], he: 'הרבה לקוחות בגילך גילו בבדיקה שהם בלי כיסוי סיעודי בכלל — זה לוקח 20 דקות לוודא.', en: 'Many clients your age found in the review they had no long-term care cover at all — it takes 20 minutes to check.' },
      ],
    },
  ],
  pains: {
    he: ['משלם על ביטוחים כפולים בלי לדעת', 'לא מבין מה בדיוק מכוסה בפוליסה', 'חוויה רעה בתביעה קודמת — נדחה או חיכה חודשים', 'הפרמיה עולה כל שנה בלי הסבר', 'פוחד שאם יקרה משהו המשפחה לא תהיה מכוסה', 'הסוכן הקודם נעלם אחרי המכירה'],
    en: ['Pays for duplicate policies without knowing', 'Does not understand what the policy actually covers', 'A bad experience with a past claim — rejected or waited months', 'The premium goes up every year without explanation', 'Afraid the family would not be covered if something happened', 'The previous agent disappeared after the sale'],
  },
  terms: [
    { he: 'פרמיה', en: 'premium', meaning: { he: 'התשלום החודשי או השנתי על הפוליסה', en: 'the monthly or yearly payment for the policy' } },
    { he: 'השתתפות עצמית', en: 'deductible', meaning: { he: 'החלק שהמבוטח משלם בעצמו בכל תביעה', en: 'the part the insured pays on each claim' } },
    { he: 'הר הביטוח', en: 'Insurance Mountain (government policy registry)', meaning: { he: 'המאגר הממשלתי שמראה את כל הפוליסות של אדם', en: 'the government registry listing every policy a person holds' } },
    { he: 'כפל ביטוח', en: 'duplicate cover', meaning: { he: 'אותו סיכון מבוטח פעמיים', en: 'the same risk insured twice' } },
    { he: 'שב״ן', en: 'supplementary health fund plan', meaning: { he: 'שירותי בריאות נוספים של קופת החולים', en: "the health fund's supplementary services plan" } },
    { he: 'תקופת אכשרה', en: 'waiting period', meaning: { he: 'הזמן מתחילת הפוליסה עד שהכיסוי תקף', en: 'the time from the start of the policy until the cover applies' } },
    { he: 'ביטוח ריסק', en: 'term life insurance', meaning: { he: 'ביטוח חיים טהור בלי חיסכון', en: 'pure life cover without savings' } },
    { he: 'החרגה', en: 'exclusion', meaning: { he: 'מצב שהפוליסה לא מכסה, למשל מחלה קודמת', en: 'a condition the policy does not cover, e.g. a pre-existing illness' } },
  ],
  personas: [
    {
      audience: 'B2C', role: { he: 'הורה לשלושה ילדים, שכיר[|ה]', en: 'parent of three, salaried employee' }, ageRange: [32, 48], authority: 'shared',
      backgrounds: {
        he: ['עובד[|ת] בחברת הייטק ברחובות, משכנתא על דירה חדשה, ביטוחים שנאספו במשך השנים בלי שאף אחד סידר אותם', 'עובד[|ת] במשרד ממשלתי, ביטוח בריאות דרך העבודה ועוד שתי פוליסות שנקנו בטלפון לפני עשור'],
        en: ['Works at a tech company, a mortgage on a new flat, policies collected over the years that nobody ever sorted out', 'Works in a government office, health cover through work plus two policies bought over the phone a decade ago'],
      },
      otherDecisionMakers: { he: ['בן או בת הזוג'], en: ['spouse'] },
    },
    {
      audience: 'B2C', role: { he: 'עצמאי[|ת], בעל[|ת] עסק קטן', en: 'self-employed small-business owner' }, ageRange: [35, 58], authority: 'sole',
      backgrounds: {
        he: ['מנהל[|ת] מספרה בחיפה כבר 15 שנה, אין תלוש ואין ביטוח דרך מעסיק, כל שקל נספר', 'קבלן[|ית] שיפוצים עצמאי[|ת], עובד[|ת] בשטח כל היום, ביטוח אובדן כושר עבודה מעולם לא נבדק'],
        en: ['Has run a hair salon in Haifa for 15 years, no employer cover, every shekel counts', 'An independent renovation contractor, on site all day, disability cover never checked'],
      },
    },
    {
      audience: 'B2C', role: { he: 'פנסיונר[|ית]', en: 'retiree' }, ageRange: [64, 78], authority: 'sole',
      backgrounds: {
        he: ['פרש[|ה] לפנסיה ממשרד החינוך, דואג[|ת] לסיעוד ולא רוצה להיות נטל על הילדים', '[עלה|עלתה] מברית המועצות בשנות התשעים, חושד[|ת] בכל מי שמתקשר ומוכר משהו'],
        en: ['Retired from the Ministry of Education, worried about long-term care and not wanting to burden the children', 'Immigrated in the nineties, suspicious of anyone who calls to sell something'],
      },
      situations: {
        he: [{ about: 'יש ביטוח סיעודי ישן מקופת החולים ופוליסת חיים שנקנתה לפני 20 שנה', says: 'יש לי ביטוח סיעודי ישן מקופת החולים ופוליסת חיים שקניתי לפני 20 שנה' }, { about: 'הפרמיה על ביטוח הבריאות קפצה מאז יום ההולדת ה-65', says: 'הפרמיה על ביטוח הבריאות שלי קפצה מאז שהגעתי לגיל 65' }],
        en: [{ about: 'Has an old long-term care plan through the health fund and a life policy bought 20 years ago', says: 'I have an old long-term care plan through the health fund and a life policy I bought 20 years ago' }, { about: 'The health premium jumped after turning 65', says: 'My health premium jumped after I turned 65' }],
      },
    },
    {
      audience: 'B2B', role: { he: 'מנהל[|ת] משאבי אנוש', en: 'HR manager' }, ageRange: [34, 55], authority: 'influencer',
      backgrounds: {
        he: ['אחראי[|ת] על הטבות ל-120 עובדים בחברת תעשייה, ביטוח בריאות קבוצתי שמתחדש בעוד שלושה חודשים', 'מנהל[|ת] משאבי אנוש ברשת מסעדות, תחלופה גבוהה ועובדים שלא מבינים את ההטבות'],
        en: ['Responsible for benefits for 120 employees at an industrial company, a group health policy renewing in three months', 'HR manager at a restaurant chain, high turnover and staff who do not understand their benefits'],
      },
      otherDecisionMakers: { he: ['סמנכ״ל הכספים', 'המנכ״ל'], en: ['the CFO', 'the CEO'] },
    },
    {
      audience: 'B2B', role: { he: 'בעלים של חברה משפחתית', en: 'owner of a family business' }, ageRange: [45, 65], authority: 'sole',
      backgrounds: {
        he: ['בעלים של מפעל מתכת עם 40 עובדים, ביטוח חבות מעבידים וביטוח מבנה אצל אותו סוכן 20 שנה'],
        en: ['Owns a metal workshop with 40 employees, employer liability and property insurance with the same agent for 20 years'],
      },
    },
  ],
  hiddenNeeds: [
    { id: 'family_protection', need: { he: 'רוצה לדעת שהמשפחה מסודרת אם יקרה משהו', en: 'wants to know the family is provided for if something happens' }, reveal: { he: ['האמת? מה שמטריד אותי זה מה יקרה עם הילדים אם חס וחלילה יקרה לי משהו'], en: ['Honestly? What worries me is what happens to the kids if something happens to me'] }, topics: { he: ['משפחה', 'ילדים', 'אשה', 'בעל', 'יקרה', 'מצב משפחתי'], en: ['family', 'kids', 'children', 'spouse', 'happen', 'depend'] } },
    { id: 'claim_fear', need: { he: 'חושש[|ת] שבתביעה ישאירו [אותו|אותה] לבד מול חברת הביטוח', en: 'afraid of being left alone against the insurer in a claim' }, reveal: { he: ['לפני שנתיים נדחתה לי תביעה על ניתוח, ישבתי חודשים מול המוקד. אני לא רוצה לעבור את זה שוב'], en: ['Two years ago a surgery claim was rejected, I spent months with the call centre. I never want that again'] }, topics: { he: ['תביעה', 'תביעות', 'ניסיון', 'חוויה', 'קרה', 'שירות'], en: ['claim', 'experience', 'happened', 'service', 'before'] } },
    { id: 'hidden_duplicates', need: { he: 'משלם[|ת] כפל ביטוח ולא יודע[|ת]', en: 'pays for duplicate cover without knowing' }, reveal: { he: ['עכשיו שאתה שואל, יש לי ביטוח בריאות גם דרך העבודה וגם פרטי, אף פעם לא בדקתי אם זה אותו דבר'], en: ['Now that you ask, I have health cover both through work and privately, never checked if it overlaps'] }, topics: { he: ['משלם', 'פוליסות', 'ביטוחים', 'קיים', 'היום', 'כמה'], en: ['pay', 'policies', 'current', 'today', 'have', 'how much'] } },
    { id: 'premium_creep', need: { he: 'הפרמיה עולה כל שנה ו[הוא|היא] רוצה שליטה בהוצאה', en: 'the premium rises every year and they want control over the cost' }, reveal: { he: ['מה שמעצבן אותי זה שכל שנה הסכום בחיוב עולה ואף אחד לא מסביר למה'], en: ['What annoys me is the charge goes up every year and nobody explains why'] }, topics: { he: ['עולה', 'מחיר', 'חיוב', 'הוצאה', 'תקציב', 'שנה'], en: ['increase', 'price', 'charge', 'cost', 'budget', 'year'] } },
  ],
  buyingSignals: {
    he: ['ואם אני מבטל[|ת] את הפוליסה הישנה, מי מטפל בזה?', 'כמה זמן לוקחת הבדיקה?', 'אפשר לעשות את זה בזום?', 'ומה צריך להביא לפגישה?'],
    en: ['And if I cancel the old policy, who takes care of that?', 'How long does the review take?', 'Can we do it on Zoom?', 'What do I need to bring to the meeting?'],
  },
  technicalQuestions: {
    he: ['מה ההבדל בין ביטוח ריסק לביטוח מנהלים?', 'יש תקופת אכשרה בביטוח הסיעודי?', 'מה קורה עם מחלה קודמת — זה מוחרג?', 'מה גובה ההשתתפות העצמית בניתוח פרטי?', 'הכיסוי לניתוחים הוא מהשקל הראשון או משלים שב״ן?'],
    en: ['What is the difference between term life and a managers policy?', 'Is there a waiting period on the long-term care policy?', 'What about a pre-existing condition — is it excluded?', 'What is the deductible on a private surgery?', 'Is surgery cover from the first shekel or on top of the health fund plan?'],
  },
  nextStep: { he: 'פגישת בדיקת תיק ביטוחי', en: 'a portfolio review meeting' },
  competitors: [{ he: 'ביטוח ישיר', en: 'Direct Insurance' }, { he: 'הפניקס', en: 'Phoenix Insurance' }, { he: 'הראל', en: 'Harel Insurance' }, { he: 'מגדל', en: 'Migdal Insurance' }, { he: 'כלל ביטוח', en: 'Clal Insurance' }, { he: 'מנורה מבטחים', en: 'Menora Mivtachim' }, { he: 'איילון', en: 'Ayalon Insurance' }],
  currentSituations: {
    he: [{ about: 'מבוטח[|ת] דרך העבודה ובשתי פוליסות פרטיות', says: 'אני מבוטח[|ת] דרך העבודה, ויש לי עוד שתי פוליסות פרטיות' }, { about: 'יש ביטוח רכב ודירה, בלי ביטוח חיים', says: 'יש לי ביטוח רכב ודירה, אבל ביטוח חיים אין לי' }, { about: 'לא בדק[|ה] את התיק כבר שש שנים', says: 'לא בדקתי את התיק כבר שש שנים' }],
    en: [{ about: 'Insured through work plus two private policies', says: "I'm insured through work, plus two private policies" }, { about: 'Has car and home insurance, no life cover', says: 'I have car and home insurance, but no life cover' }, { about: 'Has not reviewed the portfolio in six years', says: "I haven't reviewed my policies in six years" }],
  },
};
