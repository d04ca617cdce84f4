import { z } from 'zod';
import { SKILL_IDS } from '../analysis/index.ts';

/**
 * Success criteria are concrete yes/no checks (vague criteria make graders default to zero and reps stop
 * trusting them). `check` is machine-readable so the session report can evaluate it; `label` is what the agent
 * reads before and after the call.
 */
export const checkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reason_for_call_within'), seconds: z.number().int().positive() }),
  z.object({ type: z.literal('discovery_questions_min'), count: z.number().int().positive() }),
  z.object({ type: z.literal('hidden_needs_revealed_min'), count: z.number().int().positive() }),
  z.object({ type: z.literal('objections_acknowledged_all') }),
  z.object({ type: z.literal('objections_resolved_min'), count: z.number().int().positive() }),
  z.object({ type: z.literal('close_attempts_min'), count: z.number().int().positive() }),
  z.object({ type: z.literal('next_step_agreed') }),
  z.object({ type: z.literal('talk_ratio_max'), ratio: z.number().min(0.1).max(1) }),
  z.object({ type: z.literal('no_price_before_needs') }),
  z.object({ type: z.literal('technical_questions_answered_min'), count: z.number().int().positive() }),
  z.object({ type: z.literal('mentions_differentiator') }),
  z.object({ type: z.literal('value_tied_to_need') }),
  z.object({ type: z.literal('customer_did_not_hang_up') }),
  z.object({ type: z.literal('empathy_before_solution') }),
  z.object({ type: z.literal('checked_understanding') }),
  z.object({ type: z.literal('asked_reason_before_offer') }),
  z.object({ type: z.literal('interruptions_max'), count: z.number().int().min(0) }),
  z.object({ type: z.literal('referenced_customer_detail') }),
  z.object({ type: z.literal('involved_decision_maker') }),
]);
export type Check = z.infer<typeof checkSchema>;
export type CheckType = Check['type'];

export const criterionSchema = z.object({
  id: z.string().min(1).max(80),
  skill: z.enum(SKILL_IDS).optional(),
  label: z.object({ he: z.string().min(3), en: z.string().min(3) }),
  check: checkSchema,
});
export type Criterion = z.infer<typeof criterionSchema>;

type Labeler = (c: Check) => { he: string; en: string };
const LABELS: { [K in CheckType]: Labeler } = {
  reason_for_call_within: (c) => { const s = (c as { seconds: number }).seconds; return { he: `הסיבה לשיחה נאמרה בתוך ${s} שניות`, en: `Stated the reason for the call within ${s} seconds` }; },
  discovery_questions_min: (c) => { const n = (c as { count: number }).count; return n === 1 ? { he: 'נשאלה לפחות שאלת בירור אחת', en: 'Asked at least one discovery question' } : { he: `נשאלו לפחות ${n} שאלות בירור`, en: `Asked at least ${n} discovery questions` }; },
  hidden_needs_revealed_min: (c) => { const n = (c as { count: number }).count; return n === 1 ? { he: 'הלקוח חשף לפחות צורך נסתר אחד', en: 'The customer revealed at least one hidden need' } : { he: `הלקוח חשף לפחות ${n} צרכים נסתרים`, en: `The customer revealed at least ${n} hidden needs` }; },
  objections_acknowledged_all: () => ({ he: 'כל התנגדות קיבלה הכרה לפני תשובה', en: 'Every objection was acknowledged before it was answered' }),
  objections_resolved_min: (c) => { const n = (c as { count: number }).count; return n === 1 ? { he: 'לפחות התנגדות אחת נפתרה', en: 'At least one objection was resolved' } : { he: `לפחות ${n} התנגדויות נפתרו`, en: `At least ${n} objections were resolved` }; },
  close_attempts_min: (c) => { const n = (c as { count: number }).count; return n === 1 ? { he: 'בוצע לפחות ניסיון סגירה אחד', en: 'Made at least one close attempt' } : { he: `בוצעו לפחות ${n} ניסיונות סגירה`, en: `Made at least ${n} close attempts` }; },
  next_step_agreed: () => ({ he: 'סוכם צעד הבא עם תאריך ושעה', en: 'A next step with a date and time was agreed' }),
  talk_ratio_max: (c) => { const p = Math.round((c as { ratio: number }).ratio * 100); return { he: `הנציג דיבר לכל היותר ${p}% מהזמן`, en: `The agent talked at most ${p}% of the time` }; },
  no_price_before_needs: () => ({ he: 'המחיר לא הוצג לפני בירור הצרכים', en: 'No price was given before the needs were explored' }),
  technical_questions_answered_min: (c) => { const n = (c as { count: number }).count; return n === 1 ? { he: 'נענתה לפחות שאלה מקצועית אחת בתשובה מדויקת', en: 'Answered at least one technical question precisely' } : { he: `נענו לפחות ${n} שאלות מקצועיות בתשובה מדויקת`, en: `Answered at least ${n} technical questions precisely` }; },
  mentions_differentiator: () => ({ he: 'הבידול של החברה הוצג במפורש', en: "The company's differentiator was stated explicitly" }),
  value_tied_to_need: () => ({ he: 'התועלת קושרה לצורך שהלקוח אמר', en: 'A benefit was tied to a need the customer stated' }),
  customer_did_not_hang_up: () => ({ he: 'הלקוח לא ניתק באמצע', en: 'The customer did not hang up' }),
  empathy_before_solution: () => ({ he: 'הובעה אמפתיה לפני הצעת פתרון', en: 'Empathy came before any solution' }),
  checked_understanding: () => ({ he: 'הנציג וידא שהלקוח הבין', en: 'The agent checked that the customer understood' }),
  asked_reason_before_offer: () => ({ he: 'הנציג בירר למה הלקוח רוצה לעזוב לפני שהציע הצעה', en: 'The agent asked why the customer wants to leave before making an offer' }),
  interruptions_max: (c) => { const n = (c as { count: number }).count; return n === 1 ? { he: 'הנציג קטע את הלקוח לכל היותר פעם אחת', en: 'The agent interrupted the customer at most once' } : { he: `הנציג קטע את הלקוח לכל היותר ${n} פעמים`, en: `The agent interrupted the customer at most ${n} times` }; },
  referenced_customer_detail: () => ({ he: 'הנציג חזר על פרט שהלקוח סיפר והשתמש בו', en: 'The agent referred back to a detail the customer shared' }),
  involved_decision_maker: () => ({ he: 'הנציג דאג לשתף את מקבל ההחלטה הנוסף', en: 'The agent made sure the other decision maker is involved' }),
};

/** A criterion with its standard label; the id is the check type unless given. */
export function criterion(check: Check, skill?: (typeof SKILL_IDS)[number], id?: string): Criterion {
  return criterionSchema.parse({ id: id ?? check.type, skill, label: LABELS[check.type](check), check });
}
