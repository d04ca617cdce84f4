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
const YOU = /(^|[\s,.!?"'(—-])([ושכ]?|כש)אתה(?=$|[\s,.!?])(\s+)?(\S+?)?(?=$|[\s,.!?])/g;
const VERB = new RegExp(`(^|[\\s,.!?"'(—-])(${Object.keys(VERBS).join('|')})(?=$|[\\s,.!?])`, 'g');

/** Rewrites the Hebrew second person of a customer line for the agent's gender (no-op for a male agent). */
export function addressAgent(text: string, agent: Gender | undefined): string {
  if (agent !== 'female' || !/[\u05D0-\u05EA]/.test(text)) return text;
  let t = text.replace(YOU, (_m, pre: string, prefix: string, sp: string | undefined, next: string | undefined) => {
    const fem = next ? AFTER_YOU[next] : undefined;
    return `${pre}${prefix}את${sp ?? ''}${next ? (fem ?? next) : ''}`;
  });
  t = t.replace(VERB, (_m, pre: string, w: string) => `${pre}${VERBS[w]}`);
  // "שומע אותי?" / "אתה שם?" asked of the agent
  t = t.replace(/(^|[\s,.!?])שומע אותי/g, '$1שומעת אותי');
  return t;
}
