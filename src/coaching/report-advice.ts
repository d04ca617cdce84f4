/** Three concrete things to do differently, from the failed checks that matter most (session language). */
import type { Language, SkillId } from '../analysis/index.ts';
import type { Check } from './report-skills.ts';
import type { Bilingual } from './types.ts';

const ADVICE: Record<string, Bilingual> = {
  greeted: { he: 'פתח כל שיחה בברכה, בשמך ובשם החברה — זה קונה לך את עשר השניות הראשונות.', en: 'Open every call with a greeting, your name and the company — it buys you the first ten seconds.' },
  reason_early: { he: 'אמור את מטרת השיחה במשפט אחד בחצי הדקה הראשונה ("אני מתקשר כי…").', en: 'State why you are calling in one sentence in the first half minute ("I’m calling because…").' },
  early_question: { he: 'אחרי הפתיחה עבור מיד לשאלה פתוחה במקום להציג את המוצר.', en: 'Right after the opening, ask an open question instead of presenting the product.' },
  enough_questions: { he: 'הכן מראש חמש שאלות בירור ("מה הכי חשוב לך ב…?", "איך זה עובד היום?") ושאל אותן לפני כל הצעה.', en: 'Prepare five discovery questions ("What matters most to you in…?", "How does it work today?") and ask them before any offer.' },
  open_questions: { he: 'החלף שאלות כן/לא בשאלות שמתחילות ב"מה", "איך" או "ספר לי".', en: 'Swap yes/no questions for ones that start with "what", "how" or "tell me".' },
  needs_revealed: { he: 'אל תעבור למוצר עד שהלקוח אמר במילים שלו מה הוא צריך; שאל "ומה עוד?" פעמיים.', en: 'Do not move to the product until the customer has said in their own words what they need; ask "what else?" twice.' },
  no_price_before_needs: { he: 'כשנשאלת על מחיר מוקדם: "אשמח לתת מחיר מדויק — שתי שאלות קודם?" ורק אחר כך מחיר.', en: 'When asked about price early: "Happy to give an exact price — two quick questions first?" and only then the price.' },
  acknowledged_customer: { he: 'שקף ללקוח את מה ששמעת ("אני שומע שזה מתסכל") לפני שאתה ממשיך.', en: 'Reflect back what you heard ("I hear that’s frustrating") before you move on.' },
  referenced_detail: { he: 'השתמש בפרט שהלקוח סיפר (שם, מצב, צורך) כשאתה מציג תועלת.', en: 'Use a detail the customer shared (a name, a situation, a need) when you present a benefit.' },
  customer_not_hostile: { he: 'כשהלקוח מתחמם — האט, הכר ברגש ושאל מה הכי מפריע לו, לפני כל הסבר.', en: 'When the customer heats up — slow down, name the feeling and ask what bothers them most, before any explanation.' },
  talk_ratio: { he: 'דבר פחות ממחצית השיחה: אחרי כל משפט הסבר, שאל שאלה ותן ללקוח לדבר.', en: 'Talk less than half the call: after every explanation, ask a question and let the customer talk.' },
  no_long_monologue: { he: 'קצר כל הסבר לשלושה משפטים ובדוק "זה רלוונטי בשבילך?".', en: 'Keep every explanation to three sentences and check "is this relevant for you?".' },
  no_interruptions: { he: 'תן ללקוח לסיים משפט, ספור עד שתיים בשקט ורק אז ענה.', en: 'Let the customer finish, count to two in silence, then answer.' },
  answered_questions: { he: 'כשהלקוח שואל — ענה קודם על השאלה עצמה ורק אחר כך הוסף.', en: 'When the customer asks — answer the question itself first, then add.' },
  customer_opened_up: { he: 'שאל שאלות פתוחות ושתוק אחריהן — המטרה שהלקוח ידבר ויספר, לא שיקשיב לך.', en: 'Ask open questions and then stay quiet — the goal is for the customer to talk and tell, not to listen to you.' },
  followed_up: { he: 'התחל כל תשובה במה שהלקוח אמר ("אמרת ש…") ושאל עליו שאלת המשך לפני שאתה ממשיך.', en: 'Start every reply from what the customer said ("You mentioned…") and ask a follow-up about it before moving on.' },
  acknowledged_all: { he: 'על כל התנגדות ענה קודם בהכרה ("אני מבין למה זה מטריד") ורק אז בתשובה.', en: 'Meet every objection with an acknowledgement first ("I understand why that worries you"), then the answer.' },
  explored: { he: 'אחרי התנגדות שאל "מה בדיוק מטריד אותך ב…?" לפני שאתה עונה.', en: 'After an objection ask "what exactly concerns you about…?" before you answer.' },
  paused: { he: 'קח נשימה של שנייה וחצי לפני תשובה להתנגדות — זה נשמע בטוח ולא מתגונן.', en: 'Take a second-and-a-half breath before answering an objection — it sounds sure, not defensive.' },
  resolved: { he: 'סגור כל התנגדות בשאלה "זה עונה על החשש שלך?" לפני שממשיכים.', en: 'Close every objection with "does that address your concern?" before moving on.' },
  questions_answered: { he: 'הכן תשובות קצרות ומדויקות לשלוש השאלות המקצועיות הנפוצות על המוצר.', en: 'Prepare short, exact answers to the three most common technical questions about the product.' },
  benefit_stated: { he: 'תרגם כל מאפיין לתועלת: "…וזה אומר שאתה…".', en: 'Turn every feature into a benefit: "…which means you…".' },
  benefit_tied_to_need: { he: 'חבר את התועלת לצורך שהלקוח אמר: "אמרת ש… — לכן…".', en: 'Tie the benefit to the need the customer stated: "You said… — so…".' },
  asked_for_commitment: { he: 'סיים כל שיחה בהצעה מפורשת לצעד הבא: "נקבע לשלישי בעשר?".', en: 'End every call with an explicit next-step proposal: "Shall we book Tuesday at ten?".' },
  no_premature_close: { he: 'אל תבקש "לסגור" לפני ששאלת אפילו שאלה אחת — קודם הבן מה הלקוח צריך.', en: 'Do not ask to "close it" before you have asked a single question — first understand what the customer needs.' },
  next_step_agreed: { he: 'אל תסיים בלי צעד הבא עם תאריך ושעה — הצע שתי אפשרויות לבחירה.', en: 'Never end without a next step with a date and time — offer two options to choose from.' },
  followed_buying_signals: { he: 'כשהלקוח שואל "איך מתחילים?" — זה הרגע: הצע לסגור או לקבוע, בלי עוד הסברים.', en: 'When the customer asks "how do we start?" — that is the moment: propose to close or book, no more explaining.' },
};

const GENERIC: Bilingual[] = [
  { he: 'בשיחה הבאה נסה רמת קושי גבוהה יותר כדי לאתגר את ההרגלים הטובים.', en: 'Next time try a harder level to stretch the habits that worked.' },
  { he: 'הקלט לעצמך את משפט הפתיחה ושפר אותו עד שהוא נשמע טבעי.', en: 'Record your opening line and refine it until it sounds natural.' },
  { he: 'שמור על הקצב: שאלה, הקשבה, שיקוף — ורק אז הצעה.', en: 'Keep the rhythm: question, listen, reflect — and only then an offer.' },
];

/**
 * Picks three improvements: failed checks ordered by weight, with a bonus for the scenario's target skills;
 * one per check, at most two per skill; topped up with general advice so there are always three.
 */
export function threeImprovements(checks: Check[], targets: SkillId[], lang: Language): string[] {
  const failed = checks
    .filter((c) => !c.passed && ADVICE[c.id])
    .map((c, i) => ({ c, rank: c.weight + (targets.includes(c.skill) ? 1.5 : 0) - i * 0.001 }))
    .sort((a, b) => b.rank - a.rank);
  const out: string[] = [];
  const perSkill = new Map<SkillId, number>();
  for (const { c } of failed) {
    if ((perSkill.get(c.skill) ?? 0) >= 2) continue;
    perSkill.set(c.skill, (perSkill.get(c.skill) ?? 0) + 1);
    const q = c.evidence[0];
    const advice = ADVICE[c.id][lang];
    out.push(q ? `${advice} ${lang === 'he' ? 'למשל' : 'e.g.'} (${mmss(q.startSec)}): "${q.text}"` : advice);
    if (out.length === 3) return out;
  }
  for (const g of GENERIC) {
    if (out.length === 3) break;
    out.push(g[lang]);
  }
  return out;
}

function mmss(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
