import type { SalesAct } from '../analysis/index.ts';

/**
 * The moves that resolve an objection. Packs name them per answer; the offline brain checks them against the
 * sales acts the classifier finds in the agent's words (TECHNIQUE_ACTS).
 */
export const TECHNIQUES = [
  'acknowledge',
  'empathy',
  'clarifying_question',
  'value_to_need',
  'reframe_cost',
  'social_proof',
  'differentiate',
  'risk_reversal',
  'involve_decision_maker',
  'specific_next_step',
  'credentials',
  'explain_simply',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

export const TECHNIQUE_LABELS: Record<Technique, { he: string; en: string }> = {
  acknowledge: { he: 'להכיר בהתנגדות לפני שעונים', en: 'acknowledge the concern before answering' },
  empathy: { he: 'להביע הבנה ואמפתיה', en: 'show understanding and empathy' },
  clarifying_question: { he: 'לשאול שאלה שמבררת מה עומד מאחורי ההתנגדות', en: 'ask a question that uncovers what is behind the concern' },
  value_to_need: { he: 'לקשר את הערך לצורך שהלקוח עצמו אמר', en: 'tie the value to a need the customer actually stated' },
  reframe_cost: { he: 'לתרגם את המחיר לעלות חודשית, חיסכון או החזר השקעה', en: 'reframe the price as monthly cost, savings or return' },
  social_proof: { he: 'לתת דוגמה של לקוח דומה', en: 'give an example of a similar customer' },
  differentiate: { he: 'להסביר את הבידול מול המתחרה בלי להשמיץ', en: 'explain the difference from the competitor without bad-mouthing' },
  risk_reversal: { he: 'להוריד סיכון: ניסיון, התחייבות, ביטול בלי קנס', en: 'remove the risk: trial, guarantee, cancel without penalty' },
  involve_decision_maker: { he: 'להזמין את מקבל ההחלטה הנוסף לשיחה', en: 'bring the other decision maker into the conversation' },
  specific_next_step: { he: 'להציע צעד הבא קונקרטי עם תאריך ושעה', en: 'propose a concrete next step with a date and time' },
  credentials: { he: 'להציג אמינות: ותק, רישיון, ממליצים', en: 'show credibility: track record, licence, references' },
  explain_simply: { he: 'להסביר בפשטות ולוודא הבנה', en: 'explain simply and check understanding' },
};

/** Which classifier acts count as each technique (any one of them is enough). */
export const TECHNIQUE_ACTS: Record<Technique, SalesAct[]> = {
  acknowledge: ['acknowledgement', 'empathy'],
  empathy: ['empathy'],
  clarifying_question: ['discovery_question'],
  value_to_need: ['value_statement', 'need_statement'],
  reframe_cost: ['price_mention', 'value_statement'],
  social_proof: ['social_proof'],
  differentiate: ['value_statement', 'feature_explanation'],
  risk_reversal: ['value_statement', 'next_step'],
  involve_decision_maker: ['next_step', 'close_attempt'],
  specific_next_step: ['next_step', 'close_attempt'],
  credentials: ['social_proof', 'value_statement'],
  explain_simply: ['feature_explanation', 'acknowledgement'],
};
