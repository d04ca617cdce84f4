import type { IndustryPackInput } from './types.ts';

/** SaaS and B2B technology (CRM, ERP, HR and security software) sold to Israeli businesses. */
export const saasPack: IndustryPackInput = {
  id: 'saas',
  label: { he: 'תוכנה וטכנולוגיה (SaaS)', en: 'SaaS and technology' },
  objections: [
    {
      kind: 'price',
      phrasings: {
        he: ['{price} לשנה? התקציב שלנו לתוכנות כבר סגור', 'למה לשלם פר משתמש כשאנחנו 40 עובדים?', 'זה יקר ביחס למה שאנחנו משתמשים בפועל', 'האקסל שלנו עולה אפס שקל'],
        en: ['{price} a year? Our software budget is already locked', 'Why pay per seat when we are 40 people?', 'It is expensive for what we would actually use', 'Our spreadsheet costs zero'],
      },
      pushbacks: { he: ['אני לא רואה את ההחזר', 'סמנכ״ל הכספים לא יאשר את זה ככה'], en: ['I do not see the return', 'The CFO will not sign this as it is'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question', 'reframe_cost'], he: 'מבין. כמה שעות בשבוע הצוות שלך משקיע היום בעדכון ידני? בוא נחשב יחד את ההחזר.', en: 'Understood. How many hours a week does your team spend on manual updates today? Let us work out the return together.' },
        { techniques: ['risk_reversal', 'reframe_cost'], he: 'אפשר להתחיל ב-10 רישיונות לפיילוט של חודש, ולהרחיב רק אם רואים תוצאות.', en: 'We can start with 10 seats for a one-month pilot and expand only if you see results.' },
      ],
    },
    {
      kind: 'timing',
      phrasings: {
        he: ['אנחנו באמצע רבעון, אין לנו זמן להטמעה', 'תחזור אליי אחרי תכנון התקציב בדצמבר', 'יש לנו עכשיו פרויקט מיגרציה אחר', 'הצוות שלי בעומס, זה לא הזמן'],
        en: ['We are mid-quarter, no time for an implementation', 'Call me after budget planning in December', 'We have another migration project right now', 'My team is overloaded, it is not the time'],
      },
      pushbacks: { he: ['באמת שאין לנו פניות', 'שלח מייל ונראה'], en: ['We really have no bandwidth', 'Send an email and we will see'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'לגמרי. מה עולה לכם כל חודש שממשיכים בתהליך הנוכחי?', en: 'Totally. What does each month on the current process cost you?' },
        { techniques: ['risk_reversal', 'specific_next_step'], he: 'ההטמעה אצלנו לוקחת שבועיים והצוות שלנו עושה אותה. בוא נקבע 30 דקות ביום שלישי לתכנן אותה.', en: 'Our onboarding takes two weeks and our team does it. Let us book 30 minutes on Tuesday to plan it.' },
      ],
    },
    {
      kind: 'trust',
      phrasings: {
        he: ['איך אני יודע[|ת] שהמידע של הלקוחות שלנו מאובטח אצלכם?', 'אתם חברה קטנה, מה אם תיסגרו בעוד שנה?', 'ניסינו כבר כלי כזה וזה היה אסון', 'יש לכם ISO 27001?'],
        en: ['How do I know our customer data is secure with you?', 'You are a small company, what if you shut down in a year?', 'We tried a tool like this and it was a disaster', 'Do you have ISO 27001?'],
      },
      pushbacks: { he: ['אני צריך[|ה] לראות את זה כתוב', 'כל ספק אומר שהוא מאובטח'], en: ['I need to see that in writing', 'Every vendor says they are secure'] },
      answers: [
        { techniques: ['acknowledge', 'credentials'], he: 'שאלה חשובה. אנחנו מוסמכים ISO 27001, השרתים בישראל ואשלח לך את דוח החדירה האחרון.', en: 'Important question. We are ISO 27001 certified, servers are hosted locally and I will send you our latest penetration test report.' },
        { techniques: ['clarifying_question', 'social_proof'], he: 'מה השתבש בכלי הקודם? אני אחבר אותך למנהל IT בחברה בגודל שלכם שעבר אלינו.', en: 'What went wrong with the previous tool? I will connect you with an IT manager at a company your size who moved to us.' },
      ],
    },
    {
      kind: 'competitor',
      phrasings: {
        he: ['אנחנו כבר על {competitor}', '{competitor} נותנים את זה כחלק מהחבילה', 'Salesforce זה הסטנדרט, למה לקחת סיכון?', 'הצוות שלנו יכול לבנות את זה בעצמו'],
        en: ['We are already on {competitor}', '{competitor} include this in their bundle', 'Salesforce is the standard, why take a risk?', 'Our team could build this ourselves'],
      },
      pushbacks: { he: ['אז מה אתם נותנים שהם לא?', 'המעבר יעלה לנו יותר מהחיסכון'], en: ['So what do you give that they do not?', 'Switching will cost more than it saves'] },
      answers: [
        { techniques: ['acknowledge', 'differentiate'], he: 'מוצר טוב. לקוחות שעברו מהם אלינו עשו את זה בעיקר בגלל תמיכה בעברית ואינטגרציה לחשבונית ירוקה ולפריוריטי.', en: 'Good product. Clients who moved from them did it mainly for local-language support and integration with local accounting systems.' },
        { techniques: ['clarifying_question', 'differentiate'], he: 'מה הדבר שהכי חסר לכם היום בכלי הנוכחי?', en: 'What is missing most in your current tool today?' },
      ],
    },
    {
      kind: 'authority',
      phrasings: {
        he: ['ההחלטה היא של ה-CTO, לא שלי', 'כל רכש מעל 20 אלף עובר ועדה', 'אני [צריך|צריכה] להציג את זה להנהלה', 'צוות אבטחת המידע צריך לאשר כל ספק'],
        en: ['The CTO decides, not me', 'Any purchase over 20k goes to a committee', 'I need to present it to management', 'Our security team must approve every vendor'],
      },
      pushbacks: { he: ['זה לא בידיים שלי', 'אני לא יכול[|ה] לקבוע פגישה בשמם'], en: ['It is out of my hands', 'I cannot book a meeting on their behalf'] },
      answers: [
        { techniques: ['involve_decision_maker', 'specific_next_step'], he: 'בוא נבנה יחד את המצגת להנהלה, ואשמח להצטרף ל-15 דקות שאלות.', en: 'Let us build the management deck together, and I am happy to join for 15 minutes of questions.' },
        { techniques: ['clarifying_question', 'involve_decision_maker'], he: 'מה ה-CTO ירצה לראות כדי להגיד כן?', en: 'What will the CTO want to see in order to say yes?' },
      ],
    },
    {
      kind: 'no_need',
      phrasings: {
        he: ['אנחנו מסתדרים עם מה שיש', 'זה נחמד, אבל זה לא בעדיפות', 'אנחנו קטנים מדי בשביל מערכת כזאת', 'לא חסר לנו כלום'],
        en: ['We manage fine with what we have', 'It is nice but not a priority', 'We are too small for a system like this', 'We are not missing anything'],
      },
      pushbacks: { he: ['באמת שזה לא כואב לנו', 'אין פה בעיה לפתור'], en: ['It really does not hurt us', 'There is no problem to solve here'] },
      answers: [
        { techniques: ['acknowledge', 'clarifying_question'], he: 'מעולה לשמוע. איך אתם יודעים היום כמה לידים נופלים בין הכיסאות?', en: 'Great to hear. How do you know today how many leads fall through the cracks?' },
        { techniques: ['social_proof', 'value_to_need'], he: 'חברה בגודל שלכם גילתה אצלנו ש-18% מהפניות לא קיבלו מענה — זה היה מפתיע גם אותם.', en: 'A company your size found with us that 18% of enquiries got no answer — it surprised them too.' },
      ],
    },
  ],
  pains: {
    he: ['מידע מפוזר בין אקסלים ומיילים', 'לידים שנופלים בין הכיסאות', 'דוחות ידניים שלוקחים ימים', 'כלים שלא מדברים אחד עם השני', 'חשש מאבטחת מידע ומהגנת הפרטיות'],
    en: ['Data scattered across spreadsheets and email', 'Leads falling through the cracks', 'Manual reports that take days', "Tools that don't talk to each other", 'Worries about data security and privacy law'],
  },
  terms: [
    { he: 'הטמעה', en: 'onboarding / implementation', meaning: { he: 'התקנה, הגדרה והדרכה עד שימוש שוטף', en: 'installation, setup and training until routine use' } },
    { he: 'אינטגרציה', en: 'integration', meaning: { he: 'חיבור בין המערכת למערכות קיימות', en: 'connecting the system to existing systems' } },
    { he: 'SLA', en: 'SLA', meaning: { he: 'התחייבות לזמני תגובה וזמינות', en: 'a commitment to response times and uptime' } },
    { he: 'רישיון פר משתמש', en: 'per-seat licence', meaning: { he: 'תמחור לפי מספר המשתמשים', en: 'pricing by number of users' } },
    { he: 'API', en: 'API', meaning: { he: 'ממשק לחיבור תוכנות', en: 'an interface for connecting software' } },
    { he: 'ענן פרטי', en: 'private cloud / on-prem', meaning: { he: 'התקנה בשרתים של הלקוח', en: "installation on the customer's own servers" } },
  ],
  personas: [
    { audience: 'B2B', role: { he: 'סמנכ״ל[|ית] טכנולוגיות (CTO)', en: 'CTO' }, ageRange: [35, 55], authority: 'shared', backgrounds: { he: ['מוביל[|ה] צוות פיתוח של 25 איש בחברת פינטק, חושד[|ת] בכל ספק חיצוני שנוגע בדאטה', '[בנה|בנתה] את רוב המערכות הפנימיות לבד ומעדיף[|ה] לפתח בבית'], en: ['Leads a 25-person dev team at a fintech, suspicious of any vendor touching data', 'Built most internal systems in-house and prefers to build rather than buy'] }, otherDecisionMakers: { he: ['סמנכ״ל הכספים'], en: ['the CFO'] } },
    { audience: 'B2B', role: { he: 'סמנכ״ל[|ית] כספים (CFO)', en: 'CFO' }, ageRange: [40, 60], authority: 'shared', backgrounds: { he: ['אחראי[|ת] על קיצוץ של 10% בהוצאות השנה, כל מנוי חדש עובר [דרכו|דרכה]'], en: ['Responsible for a 10% cost cut this year, every new subscription goes through them'] }, otherDecisionMakers: { he: ['המנכ״ל'], en: ['the CEO'] } },
    { audience: 'B2B', role: { he: 'בעלים של עסק קטן', en: 'small-business owner' }, ageRange: [30, 58], authority: 'sole', backgrounds: { he: ['מנהל[|ת] משרד רואי חשבון עם 8 עובדים, עושה הכל לבד כולל IT'], en: ['Runs an accounting office with 8 staff and does everything including IT'] } },
    { audience: 'B2B', role: { he: 'מנהל[|ת] מכירות', en: 'sales manager' }, ageRange: [29, 48], authority: 'influencer', backgrounds: { he: ['מנהל[|ת] 12 נציגים, לא יודע[|ת] מה קורה עם הלידים עד סוף החודש'], en: ['Manages 12 reps and does not know what is happening with leads until month end'] }, otherDecisionMakers: { he: ['סמנכ״ל המכירות', 'מנהל ה-IT'], en: ['the VP Sales', 'the IT manager'] } },
    { audience: 'B2C', role: { he: 'פרילנסר[|ית]', en: 'freelancer' }, ageRange: [24, 45], authority: 'sole', backgrounds: { he: ['מעצב[|ת] גרפי[|ת] עצמאי[|ת], מנהל[|ת] לקוחות בוואטסאפ ובמחברת'], en: ['A freelance graphic designer managing clients on WhatsApp and a notebook'] } },
  ],
  hiddenNeeds: [
    { id: 'board_reporting', need: { he: 'צריך[|ה] דוחות מוכנים לדירקטוריון בלי עבודה ידנית', en: 'needs board-ready reports without manual work' }, reveal: { he: ['מה שבאמת הורג אותי זה להכין כל חודש את הדוח לדירקטוריון, זה לוקח לי שלושה ימים'], en: ['What really kills me is preparing the board report every month, it takes three days'] }, topics: { he: ['דוח', 'דוחות', 'הנהלה', 'זמן', 'ידני', 'חודש'], en: ['report', 'board', 'management', 'time', 'manual', 'month'] } },
    { id: 'security_audit', need: { he: 'מתקרב מבדק אבטחת מידע של לקוח גדול', en: 'a big customer security audit is coming' }, reveal: { he: ['בינינו, יש לנו מבדק אבטחה של לקוח אנטרפרייז ברבעון הבא ואנחנו לא מוכנים'], en: ['Between us, we have an enterprise customer security audit next quarter and we are not ready'] }, topics: { he: ['אבטחה', 'מבדק', 'לקוחות', 'דרישות', 'רגולציה', 'סיכון'], en: ['security', 'audit', 'customers', 'requirements', 'compliance', 'risk'] } },
    { id: 'team_adoption', need: { he: 'פוחד[|ת] שהצוות לא ישתמש בכלי חדש', en: 'afraid the team will not adopt a new tool' }, reveal: { he: ['הבעיה האמיתית? קניתי פעם מערכת והנציגים פשוט לא נכנסו אליה'], en: ['The real problem? I once bought a system and the reps just never logged in'] }, topics: { he: ['צוות', 'עובדים', 'שימוש', 'הטמעה', 'ניסיון', 'קודם'], en: ['team', 'staff', 'adoption', 'use', 'onboarding', 'before'] } },
  ],
  buyingSignals: {
    he: ['כמה זמן לוקחת ההטמעה בפועל?', 'אפשר לקבל סביבת ניסיון?', 'איך נראה החוזה — שנתי או חודשי?', 'מי יהיה איש הקשר שלנו אחרי החתימה?'],
    en: ['How long does onboarding actually take?', 'Can we get a trial environment?', 'What does the contract look like — annual or monthly?', 'Who will be our contact after signing?'],
  },
  technicalQuestions: {
    he: ['יש לכם API פתוח ו-webhooks?', 'איפה יושבים השרתים ואיך מגובה המידע?', 'יש SSO מול Azure AD?', 'מה ה-SLA לזמינות ולזמן תגובה?', 'אפשר לייבא את ההיסטוריה מהמערכת הקיימת?'],
    en: ['Do you have an open API and webhooks?', 'Where are the servers and how is data backed up?', 'Is there SSO with Azure AD?', 'What is the SLA for uptime and response time?', 'Can we import history from the current system?'],
  },
  nextStep: { he: 'הדגמה מותאמת או פיילוט', en: 'a tailored demo or a pilot' },
  competitors: [{ he: 'מאנדיי', en: 'monday.com' }, { he: 'סיילספורס', en: 'Salesforce' }, { he: 'האבספוט', en: 'HubSpot' }, { he: 'פריוריטי', en: 'Priority Software' }],
  currentSituations: {
    he: [{ about: 'עובדים עם אקסלים משותפים ו-Monday', says: 'אנחנו עובדים עם אקסלים משותפים ו-Monday' }, { about: 'יש מערכת ישנה שאף אחד לא אוהב', says: 'יש לנו מערכת ישנה שאף אחד לא אוהב' }],
    en: [{ about: 'Working with shared spreadsheets and a task board', says: "We're working with shared spreadsheets and a task board" }, { about: 'An old system nobody likes', says: 'We have an old system nobody likes' }],
  },
};
