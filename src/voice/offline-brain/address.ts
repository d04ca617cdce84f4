/**
 * Hebrew second person agreeing with the agent's gender: the customer's lines are written addressing a man
 * ("תגיד לי", "אתה מקשיב"); for a female agent they become "תגידי לי", "את מקשיבה". First person stays with the
 * customer's own gender (the persona's lines are already resolved for it).
 */
import type { Gender } from '../../personas/index.ts';

/** Imperatives and future forms addressed to "you" (masculine → feminine). */
const VERBS: Record<string, string> = {
  תגיד: 'תגידי', תן: 'תני', תקשיב: 'תקשיבי', תסביר: 'תסבירי', תשלח: 'תשלחי', תחזור: 'תחזרי', תמשיך: 'תמשיכי', קח: 'קחי',
  תשמע: 'תשמעי', תציע: 'תציעי', תענה: 'תעני', תבין: 'תביני', תזכור: 'תזכרי', תראה: 'תראי', תדבר: 'תדברי',
  תתקשר: 'תתקשרי', תחכה: 'תחכי', תעביר: 'תעבירי', תרשום: 'תרשמי', תסגור: 'תסגרי', תבדוק: 'תבדקי', תעשה: 'תעשי', תיתן: 'תיתני',
  תוכל: 'תוכלי', תספר: 'תספרי', תפסיק: 'תפסיקי', תנסה: 'תנסי', שלח: 'שלחי', בוא: 'בואי', תלך: 'תלכי',
  שתענה: 'שתעני', שתבין: 'שתביני', שתסביר: 'שתסבירי', שתשלח: 'שתשלחי', שתחזור: 'שתחזרי', שתגיד: 'שתגידי', שתתקשר: 'שתתקשרי',
  ותגיד: 'ותגידי', ותשלח: 'ותשלחי', ותחזור: 'ותחזרי', אליך: 'אלייך', עליך: 'עלייך', לפניך: 'לפנייך',
};
/** Words after "אתה" (participles, adjectives) with their feminine form when not regular. */
const AFTER_YOU: Record<string, string> = {
  יכול: 'יכולה', מקשיב: 'מקשיבה', זוכר: 'זוכרת', מציע: 'מציעה', רציני: 'רצינית', ממהר: 'ממהרת', מדלג: 'מדלגת', מתעלם: 'מתעלמת',
  קוטע: 'קוטעת', אומר: 'אומרת', שואל: 'שואלת', מוכר: 'מוכרת', מבין: 'מבינה', מתקשר: 'מתקשרת', שם: 'שם', בטוח: 'בטוחה', צודק: 'צודקת',
  יודע: 'יודעת', רוצה: 'רוצה', חושב: 'חושבת', מדבר: 'מדברת', נשמע: 'נשמעת', מנסה: 'מנסה', עונה: 'עונה', ממשיך: 'ממשיכה', מכיר: 'מכירה',
  שומע: 'שומעת', מבטיח: 'מבטיחה', מתכוון: 'מתכוונת', פנוי: 'פנויה', צריך: 'צריכה', מוכן: 'מוכנה', עושה: 'עושה', נותן: 'נותנת',
};
/** Imperatives of coaching advice ("הכר בה", "עצור ושאל") — only in text addressed to the agent as advice. */
const IMPERATIVES: Record<string, string> = {
  הכר: 'הכירי', עצור: 'עצרי', שאל: 'שאלי', נסה: 'נסי', חזור: 'חזרי', ספור: 'ספרי', ענה: 'עני', הצע: 'הציעי', קבע: 'קבעי',
  בקש: 'בקשי', תבקש: 'תבקשי', השתמש: 'השתמשי', התחל: 'התחילי', תרגם: 'תרגמי', שקף: 'שקפי', הבן: 'הביני', אמור: 'אמרי',
  סלח: 'סלחי', הקשב: 'הקשיבי', סכם: 'סכמי', הסבר: 'הסבירי', ציין: 'צייני', תעצור: 'תעצרי', תשאל: 'תשאלי', תציג: 'תציגי',
  הצג: 'הציגי', שתוק: 'שתקי', דבר: 'דברי', המתן: 'המתיני', חכה: 'חכי', הראה: 'הראי', ודא: 'ודאי', פתח: 'פתחי', סגור: 'סגרי',
};
const YOU = /(^|[\s,.!?"'(—-])([ושכ]?|כש)אתה(?=$|[\s,.!?])(\s+)?(\S+?)?(?=$|[\s,.!?])/g;
const VERB = new RegExp(`(^|[\\s,.!?"'(—-])(${Object.keys(VERBS).join('|')})(?=$|[\\s,.!?])`, 'g');

const IMPERATIVE = new RegExp(`(^|[\\s,.!?"'(—:-])([ו]?)(${Object.keys(IMPERATIVES).join('|')})(?=$|[\\s,.!?:])`, 'g');
/** What the advice suggests the agent say, in the first person ("אני מבין ש…"). */
const I_SAY: Record<string, string> = { מבין: 'מבינה', שומע: 'שומעת', יכול: 'יכולה', מציע: 'מציעה', בטוח: 'בטוחה', שמח: 'שמחה', מצטער: 'מצטערת' };

/**
 * Rewrites the Hebrew second person of a line for the agent's gender (no-op for a male agent). `advice`: the text is
 * coaching addressed to the agent, so bare imperatives ("שאל", "עצור") are theirs too (in a customer's line "שאל"
 * may be "he asked").
 */
export function addressAgent(text: string, agent: Gender | undefined | null, advice = false): string {
  if (agent !== 'female' || !/[\u05D0-\u05EA]/.test(text)) return text;
  if (advice) {
    text = text.replace(IMPERATIVE, (_m, pre: string, and: string, w: string) => `${pre}${and}${IMPERATIVES[w]}`);
    text = text.replace(/אני (מבין|שומע|יכול|מציע|בטוח|שמח|מצטער)(?=$|[\s,.!?…])/g, (_m, w: string) => `אני ${I_SAY[w]}`);
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
