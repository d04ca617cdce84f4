/**
 * Hebrew second person agreeing with the agent's gender: lines addressed to the agent are written to a man
 * ("תגיד לי", "אתה מקשיב", coaching advice "שאל", "עצור"); for a female agent they become "תגידי לי", "את מקשיבה",
 * "שאלי", "עצרי". Used by the offline customer (its first person stays with the persona's own gender), the live
 * coach's hints, the practice report and the CLI report. Past-tense second person ("שאלת", "הקשבת") is spelled the
 * same for both genders in unpointed Hebrew and needs nothing.
 */
/** How Hebrew addresses the agent (users.gender). */
export type AgentGender = 'female' | 'male';

/** Imperatives and future forms addressed to "you" (masculine → feminine). */
const VERBS: Record<string, string> = {
  תגיד: 'תגידי', תן: 'תני', תקשיב: 'תקשיבי', תסביר: 'תסבירי', תשלח: 'תשלחי', תחזור: 'תחזרי', תמשיך: 'תמשיכי', קח: 'קחי',
  תשמע: 'תשמעי', תציע: 'תציעי', תענה: 'תעני', תבין: 'תביני', תזכור: 'תזכרי', תראה: 'תראי', תדבר: 'תדברי',
  תתקשר: 'תתקשרי', תחכה: 'תחכי', תעביר: 'תעבירי', תרשום: 'תרשמי', תסגור: 'תסגרי', תבדוק: 'תבדקי', תעשה: 'תעשי', תיתן: 'תיתני',
  תוכל: 'תוכלי', תספר: 'תספרי', תפסיק: 'תפסיקי', תנסה: 'תנסי', שלח: 'שלחי', בוא: 'בואי', תלך: 'תלכי',
  שתענה: 'שתעני', שתבין: 'שתביני', שתסביר: 'שתסבירי', שתשלח: 'שתשלחי', שתחזור: 'שתחזרי', שתגיד: 'שתגידי', שתתקשר: 'שתתקשרי',
  ותגיד: 'ותגידי', ותשלח: 'ותשלחי', ותחזור: 'ותחזרי', אליך: 'אלייך', עליך: 'עלייך', לפניך: 'לפנייך',
  תשאל: 'תשאלי', תעבור: 'תעברי', תבקש: 'תבקשי', תסיים: 'תסיימי', תציג: 'תציגי', תעצור: 'תעצרי', תקבע: 'תקבעי', תחשוב: 'תחשבי',
  תשכח: 'תשכחי', תדאג: 'תדאגי', תכעס: 'תכעסי', תמהר: 'תמהרי', תלחץ: 'תלחצי', תפחד: 'תפחדי', תוותר: 'תוותרי', תפתח: 'תפתחי',
  כשתדבר: 'כשתדברי', שתדבר: 'שתדברי', כשתסיים: 'כשתסיימי', שתשאל: 'שתשאלי',
};
/** Words after "אתה" (participles, adjectives) with their feminine form when not regular. */
const AFTER_YOU: Record<string, string> = {
  יכול: 'יכולה', מקשיב: 'מקשיבה', זוכר: 'זוכרת', מציע: 'מציעה', רציני: 'רצינית', ממהר: 'ממהרת', מדלג: 'מדלגת', מתעלם: 'מתעלמת',
  קוטע: 'קוטעת', אומר: 'אומרת', שואל: 'שואלת', מוכר: 'מוכרת', מבין: 'מבינה', מתקשר: 'מתקשרת', שם: 'שם', בטוח: 'בטוחה', צודק: 'צודקת',
  יודע: 'יודעת', רוצה: 'רוצה', חושב: 'חושבת', מדבר: 'מדברת', נשמע: 'נשמעת', מנסה: 'מנסה', עונה: 'עונה', ממשיך: 'ממשיכה', מכיר: 'מכירה',
  שומע: 'שומעת', מבטיח: 'מבטיחה', מתכוון: 'מתכוונת', פנוי: 'פנויה', צריך: 'צריכה', מוכן: 'מוכנה', עושה: 'עושה', נותן: 'נותנת',
  מציג: 'מציגה', מסביר: 'מסבירה', מתחיל: 'מתחילה', מרגיש: 'מרגישה', עסוק: 'עסוקה', מסכים: 'מסכימה', משאיר: 'משאירה',
};
/** Imperatives of coaching advice ("הכר בה", "עצור ושאל") — only in text addressed to the agent as advice. */
const IMPERATIVES: Record<string, string> = {
  הכר: 'הכירי', עצור: 'עצרי', שאל: 'שאלי', נסה: 'נסי', חזור: 'חזרי', ספור: 'ספרי', ענה: 'עני', הצע: 'הציעי', קבע: 'קבעי',
  בקש: 'בקשי', תבקש: 'תבקשי', השתמש: 'השתמשי', התחל: 'התחילי', תרגם: 'תרגמי', שקף: 'שקפי', הבן: 'הביני', אמור: 'אמרי',
  סלח: 'סלחי', הקשב: 'הקשיבי', סכם: 'סכמי', הסבר: 'הסבירי', ציין: 'צייני', תעצור: 'תעצרי', תשאל: 'תשאלי', תציג: 'תציגי',
  הצג: 'הציגי', שתוק: 'שתקי', דבר: 'דברי', המתן: 'המתיני', חכה: 'חכי', הראה: 'הראי', ודא: 'ודאי', פתח: 'פתחי', סגור: 'סגרי',
  עבור: 'עברי', הכן: 'הכיני', החלף: 'החליפי', האט: 'האטי', קצר: 'קצרי', בדוק: 'בדקי', הוסף: 'הוסיפי', חבר: 'חברי', סיים: 'סיימי',
  הקלט: 'הקליטי', שפר: 'שפרי', שמור: 'שמרי', תן: 'תני', קח: 'קחי', תעבור: 'תעברי', תסיים: 'תסיימי', תשכח: 'תשכחי', זכור: 'זכרי',
  תקבע: 'תקבעי', הדגש: 'הדגישי', הימנע: 'הימנעי', תמשיך: 'תמשיכי', המשך: 'המשיכי', הזכר: 'הזכירי', התייחס: 'התייחסי', שים: 'שימי',
};
const YOU = /(^|[\s,.!?"'(—-])([ושכ]?|כש)אתה(?=$|[\s,.!?…"'])(\s+)?([^\s,.!?…"']+)?(?=$|[\s,.!?…"'])/g;
const VERB = new RegExp(`(^|[\\s,.!?"'(—-])(${Object.keys(VERBS).join('|')})(?=$|[\\s,.!?…:"'])`, 'g');

/**
 * Imperatives spelled like no other word (the past tense is "ניסה", not "נסה"): rewritten wherever they stand. The
 * rest share their letters with a past tense or a noun ("שאל" he asked, "כל הסבר", "עבור" for) and are rewritten
 * only where an imperative stands: at the start, after punctuation or a dash, with "ו", after "אז"/"קודם"/"רק"/"אל",
 * or before "קודם"/"מיד"/a quote ("ענה קודם", "עבור מיד", 'שאל "מה…"').
 */
const ALWAYS = new Set(['נסה', 'הכר', 'הצע', 'בקש', 'התחל', 'שקף', 'הבן', 'אמור', 'הקשב', 'ספור', 'שתוק', 'חזור', 'הכן', 'החלף', 'האט', 'בדוק', 'הוסף', 'הקלט', 'שפר', 'שמור', 'עצור', 'הדגש', 'הימנע', 'הזכר', 'המתן', 'ודא', 'סכם', 'הצג', 'שים', 'זכור', 'חכה', 'הקשב', 'תבקש', 'תעצור', 'תשאל', 'תציג', 'תעבור', 'תסיים', 'תשכח', 'תקבע', 'תמשיך']);
const IMP_ALT = Object.keys(IMPERATIVES).join('|');
const IMPERATIVE = new RegExp(`(^|[,.!?"'(—:;-]\\s*|(?:^|\\s)(?:אז|ואז|קודם|רק|אל|ואל|פשוט|תמיד|מיד|עכשיו)\\s+|\\s(?=ו))([ו]?)(${IMP_ALT})(?=$|[\\s,.!?:…"'])`, 'g');
const IMPERATIVE_BEFORE = new RegExp(`(^|\\s)([ו]?)(${IMP_ALT})(?=\\s+(?:קודם|מיד|אותן|אותו|אותה)(?:$|[\\s,.!?:])|\\s+["״“])`, 'g');
const IMPERATIVE_ANY = new RegExp(`(^|[\\s,.!?"'(—:;-])([ו]?)(${[...ALWAYS].join('|')})(?=$|[\\s,.!?:…"'])`, 'g');
/** What the advice suggests the agent say, in the first person ("אני מבין ש…"). */
const I_SAY: Record<string, string> = { מבין: 'מבינה', שומע: 'שומעת', יכול: 'יכולה', מציע: 'מציעה', בטוח: 'בטוחה', שמח: 'שמחה', מצטער: 'מצטערת', מתקשר: 'מתקשרת', רואה: 'רואה', רוצה: 'רוצה' };

/**
 * Rewrites the Hebrew second person of a line for the agent's gender (no-op for a male agent). `advice`: the text is
 * coaching addressed to the agent, so bare imperatives ("שאל", "עצור") are theirs too (in a customer's line "שאל"
 * may be "he asked").
 */
export function addressAgent(text: string, agent: AgentGender | undefined | null, advice = false): string {
  if (agent !== 'female' || !/[\u05D0-\u05EA]/.test(text)) return text;
  if (advice) {
    const fem = (_m: string, pre: string, and: string, w: string) => `${pre}${and}${IMPERATIVES[w]}`;
    text = text.replace(IMPERATIVE, fem).replace(IMPERATIVE_BEFORE, fem).replace(IMPERATIVE_ANY, fem);
    text = text.replace(/אני (מבין|שומע|יכול|מציע|בטוח|שמח|מצטער|מתקשר)(?=$|[\s,.!?…"'])/g, (_m, w: string) => `אני ${I_SAY[w]}`);
  }
  let t = text.replace(YOU, (_m, pre: string, prefix: string, sp: string | undefined, next: string | undefined) => {
    const fem = next ? AFTER_YOU[next] : undefined;
    return `${pre}${prefix}את${sp ?? ''}${next ? (fem ?? next) : ''}`;
  });
  t = t.replace(VERB, (_m, pre: string, w: string) => `${pre}${VERBS[w]}`);
  // "שומע אותי?" / "אתה שם?" asked of the agent
  t = t.replace(/(^|[\s,.!?])שומע אותי/g, '$1שומעת אותי').replace(/(^|[\s,.!?])מי מדבר\?/g, '$1מי מדברת?');
  return t;
}

/** Past-tense verbs the report uses about the agent in the third person ("שאל שאלה פתוחה"), with their feminine. */
const AGENT_DID: Record<string, string> = {
  פתח: 'פתחה', אמר: 'אמרה', שאל: 'שאלה', הציג: 'הציגה', הביע: 'הביעה', חזר: 'חזרה', דיבר: 'דיברה', קטע: 'קטעה', ענה: 'ענתה',
  התייחס: 'התייחסה', הכיר: 'הכירה', עצר: 'עצרה', נתן: 'נתנה', קשר: 'קשרה', הציע: 'הציעה', לחץ: 'לחצה', הגיב: 'הגיבה', וידא: 'וידאה',
  שיתף: 'שיתפה', דאג: 'דאגה', בירר: 'ביררה', השתמש: 'השתמשה', סיכם: 'סיכמה', קבע: 'קבעה', הקשיב: 'הקשיבה', ביקש: 'ביקשה', הסביר: 'הסבירה',
  סגר: 'סגרה', טיפל: 'טיפלה', הבין: 'הבינה', ניסה: 'ניסתה', המתין: 'המתינה', חיכה: 'חיכתה', זכר: 'זכרה', הזכיר: 'הזכירה', הצליח: 'הצליחה',
};
const DID = Object.keys(AGENT_DID).join('|');
const DID_AT_START = new RegExp(`^((?:לא\\s+)?)(${DID})(?=$|[\\s,.!?:…"'])`);
const DID_AFTER_AGENT = new RegExp(`(^|\\s)(הנציג)(\\s+(?:לא\\s+)?)(${DID})(?=$|[\\s,.!?:…"'])`, 'g');
const DID_AND = new RegExp(`(\\s)(ו|לפני ש|אחרי ש|כש|ש)(${DID})(?=$|[\\s,.!?:…"'])`, 'g');

/**
 * A report label about the agent in the third person ("שאל שאלה פתוחה", "הנציג וידא שהלקוח הבין") in the agent's
 * gender. Only sentences whose subject is the agent change: the label starts with the verb, or with "הנציג"; the
 * customer's verbs ("שהלקוח אמר") keep theirs.
 */
export function describeAgent(text: string, agent: AgentGender | undefined | null): string {
  if (agent !== 'female' || !/[\u05D0-\u05EA]/.test(text)) return text;
  // "בירור צרכים: שאל…; לא הציג…" — each clause of a list has its own subject.
  return text.split(/([:;]\s+)/).map((part, i) => (i % 2 === 1 ? part : describeClause(part))).join('');
}

function describeClause(text: string): string {
  const aboutAgent = DID_AT_START.test(text) || /(^|\s)הנציג(\s|$)/.test(text);
  if (!aboutAgent) return text;
  let t = text.replace(DID_AT_START, (_m, not: string, v: string) => `${not}${AGENT_DID[v]}`);
  t = t.replace(DID_AFTER_AGENT, (_m, pre: string, _n: string, sp: string, v: string) => `${pre}הנציגה${sp}${AGENT_DID[v]}`);
  t = t.replace(/(^|\s)הנציג(?=$|[\s,.!?:])/g, '$1הנציגה');
  // "…לפני שענה", "…והשתמש בו": the agent is still the subject unless a customer is named just before.
  t = t.replace(DID_AND, (m, sp: string, link: string, v: string, off: number, whole: string) => (/הלקוח\s*$/.test(whole.slice(Math.max(0, off - 8), off)) ? m : `${sp}${link}${AGENT_DID[v]}`));
  return t;
}
