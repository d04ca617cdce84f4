import type { IndustryPackInput } from './types.ts';

/** Rooftop solar, batteries and energy efficiency for homes, farms and businesses in Israel. */
export const solarPack: IndustryPackInput = {
  id: 'solar',
  label: { he: 'אנרגיה סולארית', en: 'Solar and energy' },
  objections: [
    {
      kind: 'price',
      phrasings: {
        he: ['{price} על מערכת? זה כמו רכב', 'ההחזר של שש שנים נשמע לי אופטימי מדי', 'אני לא [מוכן|מוכנה] לקחת הלוואה בשביל זה', 'המחיר של הסוללות מטורף'],
        en: ['{price} for a system? That is like a car', 'A six-year payback sounds too optimistic', 'I am not taking a loan for this', 'Battery prices are crazy'],
      },
      pushbacks: { he: ['זה עדיין המון כסף מראש', 'ומה אם התעריף ירד?'], en: ['That is still a lot of money upfront', 'And what if the tariff drops?'] },
      answers: [
        { techniques: ['acknowledge', 'reframe_cost', 'clarifying_question'], he: 'זה סכום רציני. כמה יוצא לך חשבון החשמל בחודשי הקיץ? בוא נראה מה המערכת מחזירה מדי חודש.', en: 'It is a serious sum. What is your electricity bill in the summer months? Let us see what the system pays back each month.' },
        { techniques: ['risk_reversal', 'reframe_cost'], he: 'יש מסלול מימון שבו ההחזר החודשי נמוך מהחיסכון בחשמל — מהחודש הראשון אתה בפלוס.', en: 'There is a financing plan where the monthly payment is lower than the electricity savings — you are ahead from month one.' },
      ],
    },
    {
      kind: 'timing',
      phrasings: {
        he: ['נחכה שהטכנולוגיה תשתפר ותוזל', 'אנחנו עוד לא יודעים אם נשפץ את הגג', 'אחרי החורף נדבר', 'קודם צריך את האישור של הוועד'],
        en: ['We will wait until the technology improves and gets cheaper', 'We do not know yet whether we will redo the roof', "Let's talk after the winter", 'First we need the building committee to approve'],
      },
      pushbacks: { he: ['אין סיבה למהר', 'זה יחכה'], en: ['There is no reason to rush', 'It can wait'] },
      answers: [
        { techniques: ['acknowledge', 'value_to_need'], he: 'מבין. כל חודש בלי מערכת זה בערך 800 שקל שהולכים לחברת החשמל — ההמתנה עולה יותר מהחיסכון בהוזלה.', en: 'I understand. Every month without a system is roughly 800 going to the utility — waiting costs more than any price drop saves.' },
        { techniques: ['clarifying_question', 'specific_next_step'], he: 'מה מצב הגג היום? סקר גג חינם ייתן לכם תשובה — מתאים ביום חמישי?', en: 'What is the roof like today? A free roof survey will tell you — does Thursday work?' },
      ],
    },
    {
      kind: 'trust',
      phrasings: {
        he: ['שמעתי על חברות שהתקינו ונעלמו', 'מי אחראי אם הגג יתחיל לדלוף?', 'איך אני יודע[|ת] שהייצור יהיה כמו שאתם מבטיחים?', 'כל שבוע מתקשרת אליי חברת סולאר אחרת'],
        en: ['I heard about companies that installed and vanished', 'Who is responsible if the roof starts leaking?', 'How do I know the output will match your promise?', 'A different solar company calls me every week'],
      },
      pushbacks: { he: ['הבטחות יש לכולם', 'אני צריך[|ה] ביטחון'], en: ['Everyone has promises', 'I need certainty'] },
      answers: [
        { techniques: ['credentials', 'risk_reversal'], he: 'אנחנו 12 שנה בשוק, אחריות 25 שנה על הפאנלים ו-10 שנים על האיטום, ויש ניטור ייצור באפליקציה.', en: 'We have 12 years in the market, 25-year panel warranty, 10 years on waterproofing, and production monitoring in an app.' },
        { techniques: ['social_proof', 'acknowledge'], he: 'שאלה נכונה. אני אשלח לך כתובות של שלוש מערכות שהתקנו במושב שלך, עם נתוני ייצור אמיתיים.', en: 'Fair question. I will send you three systems we installed in your village, with real production data.' },
      ],
    },
    {
      kind: 'competitor',
      phrasings: {
        he: ['{competitor} נתנו הצעה זולה ב-15%', 'השכן התקין עם {competitor}', 'ראיתי פאנלים סיניים בחצי מחיר', 'חברת החשמל מציעה משהו דומה'],
        en: ['{competitor} quoted 15% cheaper', 'My neighbour installed with {competitor}', 'I saw Chinese panels at half price', 'The utility offers something similar'],
      },
      pushbacks: { he: ['אז למה לשלם יותר?', 'פאנל זה פאנל'], en: ['So why pay more?', 'A panel is a panel'] },
      answers: [
        { techniques: ['acknowledge', 'differentiate'], he: 'כדאי להשוות. תבדוק איזה ממיר הם מציעים ומי מטפל בתקלות — שם בדרך כלל ההבדל במחיר.', en: 'Worth comparing. Check which inverter they offer and who handles faults — that is usually where the price difference is.' },
        { techniques: ['clarifying_question', 'differentiate'], he: 'כמה קילוואט ואיזה ייצור שנתי מובטח בהצעה שלהם? בוא נשווה תפוקה ולא רק מחיר.', en: 'How many kilowatts and what guaranteed yearly output is in their quote? Let us compare output, not only price.' },
      ],
    },
    {
      kind: 'authority',
      phrasings: {
        he: ['הגג משותף, צריך את כל השכנים', 'במשק ההחלטות אצל אבא שלי', 'אני [צריך|צריכה] שהמהנדס שלנו יבדוק', 'הדירקטוריון של המפעל צריך לאשר השקעה כזאת'],
        en: ['The roof is shared, we need all the neighbours', 'On the farm my father makes the decisions', 'I need our engineer to check it', 'The factory board must approve an investment like this'],
      },
      pushbacks: { he: ['זה לא רק תלוי בי', 'קשה לסנכרן את כולם'], en: ['It is not only up to me', 'Hard to get everyone aligned'] },
      answers: [
        { techniques: ['involve_decision_maker', 'specific_next_step'], he: 'אנחנו עושים כנס דיירים עם מצגת קצרה — בואו נקבע ערב שמתאים לכולם.', en: 'We run a residents meeting with a short presentation — let us set an evening that suits everyone.' },
        { techniques: ['clarifying_question', 'involve_decision_maker'], he: 'מה הדירקטוריון ירצה לראות? אכין תחשיב החזר השקעה כתוב.', en: 'What will the board want to see? I will prepare a written ROI model.' },
      ],
    },
    {
      kind: 'no_need',
      phrasings: {
        he: ['החשבון שלנו לא כזה גבוה', 'אנחנו ממילא לא בבית רוב היום', 'הגג שלנו קטן מדי', 'אני לא מאמין[|ה] בזה'],
        en: ['Our bill is not that high', 'We are not home most of the day anyway', 'Our roof is too small', 'I do not believe in it'],
      },
      pushbacks: { he: ['באמת שזה לא בשבילנו', 'אנחנו בסדר ככה'], en: ['It really is not for us', 'We are fine as is'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'ייתכן. כמה יוצא החשבון בחודש אוגוסט? ומה הכיוון של הגג?', en: 'Could be. What is the August bill? And which way does the roof face?' },
        { techniques: ['explain_simply', 'value_to_need'], he: 'במונה נטו לא צריך להיות בבית — המערכת מוכרת לרשת ביום ואתם צורכים בערב.', en: 'With net metering you do not need to be home — the system sells to the grid by day and you consume at night.' },
      ],
    },
  ],
  pains: {
    he: ['חשבון חשמל שקופץ בקיץ', 'חשש מהשקעה גדולה מראש', 'חוסר אמון בחברות סולאר', 'הפסקות חשמל בחורף', 'בירוקרטיה מול חברת החשמל'],
    en: ['An electricity bill that jumps in summer', 'Fear of a large upfront investment', 'Distrust of solar companies', 'Power cuts in winter', 'Bureaucracy with the utility'],
  },
  terms: [
    { he: 'מונה נטו', en: 'net metering', meaning: { he: 'קיזוז הייצור מהצריכה בחשבון', en: 'offsetting production against consumption on the bill' } },
    { he: 'הסדר תעריף', en: 'feed-in tariff', meaning: { he: 'מכירת כל הייצור לחברת החשמל במחיר קבוע', en: 'selling all output to the utility at a fixed price' } },
    { he: 'ממיר (אינוורטר)', en: 'inverter', meaning: { he: 'הרכיב שהופך זרם ישר לזרם חילופין', en: 'the part that turns DC into AC' } },
    { he: 'קילוואט שיא (kWp)', en: 'kilowatt peak (kWp)', meaning: { he: 'ההספק המקסימלי של המערכת', en: "the system's maximum output" } },
    { he: 'אגירה', en: 'battery storage', meaning: { he: 'סוללות ששומרות חשמל לערב ולהפסקות', en: 'batteries storing power for evenings and outages' } },
    { he: 'החזר השקעה', en: 'payback period', meaning: { he: 'כמה שנים עד שהחיסכון מכסה את העלות', en: 'years until savings cover the cost' } },
  ],
  personas: [
    { audience: 'B2C', role: { he: 'בעל[|ת] בית פרטי במושב', en: 'homeowner in a moshav' }, ageRange: [38, 67], authority: 'shared', backgrounds: { he: ['בית של 180 מטר עם גג רעפים, מזגן בכל חדר, חשבון של 1,400 שקל באוגוסט', 'חקלאי[|ת] עם לול ושטח גג גדול, שמע[|ה] מהשכנים שזה משתלם'], en: ['A 180 m² house with a tiled roof, air conditioning in every room, a 1,400 bill in August', 'A farmer with a poultry house and a large roof, heard from neighbours it pays off'] }, otherDecisionMakers: { he: ['בן או בת הזוג'], en: ['spouse'] } },
    { audience: 'B2C', role: { he: 'יו״ר[|ית] ועד בית', en: 'chair of a building committee' }, ageRange: [45, 72], authority: 'influencer', backgrounds: { he: ['בניין של 24 דירות בנתניה, רוצים להוזיל את החשמל של השטחים המשותפים'], en: ['A 24-flat building in Netanya wanting to cut common-area electricity'] }, otherDecisionMakers: { he: ['אסיפת הדיירים'], en: ['the residents assembly'] } },
    { audience: 'B2B', role: { he: 'מנכ״ל[|ית] מפעל', en: 'factory CEO' }, ageRange: [45, 65], authority: 'shared', backgrounds: { he: ['מפעל מזון בקריית גת עם גג של 4 דונם וצריכת חשמל גבוהה בקירור'], en: ['A food plant in Kiryat Gat with a 4,000 m² roof and heavy refrigeration load'] }, otherDecisionMakers: { he: ['הדירקטוריון', 'סמנכ״ל הכספים'], en: ['the board', 'the CFO'] } },
    { audience: 'B2B', role: { he: 'מנהל[|ת] אחזקה בקיבוץ', en: 'kibbutz maintenance manager' }, ageRange: [35, 60], authority: 'influencer', backgrounds: { he: ['אחראי[|ת] על מבני ציבור ולולים, כל החלטה עוברת באסיפה'], en: ['Responsible for public buildings and coops, every decision goes to the assembly'] }, otherDecisionMakers: { he: ['מזכירות הקיבוץ'], en: ['the kibbutz secretariat'] } },
  ],
  hiddenNeeds: [
    { id: 'outage_backup', need: { he: 'רוצה חשמל גם בהפסקות', en: 'wants power during outages' }, reveal: { he: ['בחורף שעבר היינו יומיים בלי חשמל עם תינוק בבית, אני לא רוצה את זה שוב'], en: ['Last winter we were two days without power with a baby at home, never again'] }, topics: { he: ['הפסקות', 'חורף', 'חשמל', 'גיבוי', 'קרה', 'בית'], en: ['outage', 'winter', 'power', 'backup', 'happened', 'home'] } },
    { id: 'retirement_income', need: { he: 'רואה בזה הכנסה קבועה לפנסיה', en: 'sees it as steady income for retirement' }, reveal: { he: ['מה שמעניין אותי בעצם זה הכנסה קבועה לפנסיה, לא רק חיסכון'], en: ['What actually interests me is steady income for retirement, not only savings'] }, topics: { he: ['עתיד', 'פנסיה', 'הכנסה', 'השקעה', 'תוכניות'], en: ['future', 'retirement', 'income', 'investment', 'plans'] } },
    { id: 'green_image', need: { he: 'רוצה תדמית ירוקה מול לקוחות', en: 'wants a green image with customers' }, reveal: { he: ['הלקוחות הגדולים שלנו מתחילים לדרוש דיווח פחמן, זה יעזור לנו'], en: ['Our big customers are starting to demand carbon reporting, this would help'] }, topics: { he: ['לקוחות', 'ירוק', 'סביבה', 'דרישות', 'תדמית', 'פחמן'], en: ['customers', 'green', 'environment', 'requirements', 'image', 'carbon'] } },
  ],
  buyingSignals: {
    he: ['כמה זמן לוקחת ההתקנה?', 'מי מטפל בבירוקרטיה מול חברת החשמל?', 'אפשר להוסיף סוללה בהמשך?', 'מתי אפשר לעשות סקר גג?'],
    en: ['How long does installation take?', 'Who deals with the utility paperwork?', 'Can we add a battery later?', 'When can you do a roof survey?'],
  },
  technicalQuestions: {
    he: ['כמה קוט״ש בשנה המערכת תייצר על הגג שלי?', 'איזה ממיר אתם מתקינים ומה האחריות עליו?', 'מה ההבדל בין מונה נטו להסדר תעריף אצלי?', 'מה קורה לייצור כשיש אבק וחום?', 'הסוללה עובדת גם בהפסקת חשמל?'],
    en: ['How many kWh a year will it produce on my roof?', 'Which inverter do you install and what is its warranty?', 'What is the difference between net metering and feed-in for me?', 'What happens to output with dust and heat?', 'Does the battery work during a power cut?'],
  },
  nextStep: { he: 'סקר גג', en: 'a roof survey' },
  competitors: [{ he: 'חברת החשמל', en: 'Israel Electric' }, { he: 'אנלייט', en: 'Enlight' }, { he: 'דוראל', en: 'Doral Energy' }],
  currentSituations: {
    he: [{ about: 'חשבון חשמל דו-חודשי של 2,500 שקל', says: 'חשבון החשמל שלי הוא 2,500 שקל לחודשיים' }, { about: 'קיבל[|ה] כבר שתי הצעות ולא החליט[|ה]', says: 'כבר קיבלתי שתי הצעות ועוד לא החלטתי' }],
    en: [{ about: 'A bi-monthly bill of 2,500', says: 'My electricity bill is 2,500 every two months' }, { about: 'Has two quotes already and has not decided', says: "I have two quotes already and I haven't decided" }],
  },
};
