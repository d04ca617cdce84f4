import { SKILL_IDS, type CallType, type ObjectionKind, type SkillId } from '../analysis/index.ts';
import { criterion, type Criterion } from './criteria.ts';
import { LEVEL_SPECS, type Level } from './levels.ts';

/**
 * Scenario types. Weakness-targeted types are named by the skill they train, so
 * `simulate --scenario objection_handling` and the UI speak the same language.
 */
export const SCENARIO_TYPES = [
  ...SKILL_IDS,
  'b2b',
  'b2c',
  'competitor_comparison',
  'angry_customer',
  'confused_customer',
  'cancellation_retention',
] as const;
export type ScenarioType = (typeof SCENARIO_TYPES)[number];

export const EMOTIONS = ['calm', 'skeptical', 'frustrated', 'angry', 'confused'] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const ARCHETYPES = ['guarded', 'price_hunter', 'indecisive', 'analytical', 'reserved', 'cold_busy', 'talker', 'balanced', 'irate', 'lost', 'leaving'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** How a scenario type shapes the customer. Absent fields leave the level's defaults. */
export interface CustomerShape {
  archetype: Archetype;
  emotion: Emotion;
  /** Objection kinds raised first, in order. */
  leadObjections: ObjectionKind[];
  /** Objections at least this many regardless of level. */
  minObjections?: number;
  /** Extra close attempts on top of the level's. */
  extraCloseAttempts?: number;
  /** Technical questions the customer asks. */
  technicalQuestions?: number;
  /** 0..1 overrides. */
  talkativeness?: number;
  patienceFactor?: number;
  /** The customer never volunteers information; needs cost an extra question each. */
  volunteersNothing?: boolean;
  /** The customer plants details early and tests whether the agent listened. */
  listeningTest?: boolean;
  /** The customer opens guarded and ends the call if no reason is given quickly (seconds). */
  resistantOpening?: number;
  mentionsCompetitor?: boolean;
  mentionsPrice?: boolean;
}

export interface ScenarioTypeSpec {
  id: ScenarioType;
  group: 'weakness' | 'company' | 'service';
  label: { he: string; en: string };
  /** What the agent practises. */
  description: { he: string; en: string };
  focusSkills: SkillId[];
  callType: CallType;
  /** Who called whom. */
  direction: 'outbound' | 'inbound';
  audience?: 'B2B' | 'B2C';
  customer: CustomerShape;
  /** The agent's goal, shown before the call. */
  goal: { he: string; en: string };
  criteria: (level: Level) => Criterion[];
}

const lv = (l: Level) => LEVEL_SPECS[l];
const atLeast = (n: number, l: Level, extra = 0) => Math.max(n, lv(l).closeAttempts + extra);

export const SCENARIO_CATALOGUE: Record<ScenarioType, ScenarioTypeSpec> = {
  opening: {
    id: 'opening', group: 'weakness', focusSkills: ['opening', 'rapport'], callType: 'phone_sale', direction: 'outbound',
    label: { he: 'שיחה קרה מול לקוח מתנגד', en: 'Resistant cold call' },
    description: { he: 'לקוח עסוק וחשדן שלא ציפה לשיחה. יש לך כמה שניות לתת סיבה טובה להמשיך.', en: 'A busy, suspicious customer who did not expect the call. You have seconds to give a good reason to continue.' },
    customer: { archetype: 'cold_busy', emotion: 'skeptical', leadObjections: ['timing', 'trust'], resistantOpening: 25, patienceFactor: 0.75, talkativeness: 0.3 },
    goal: { he: 'לעבור את 30 השניות הראשונות ולקבל הסכמה להמשיך את השיחה', en: 'Get through the first 30 seconds and earn permission to continue' },
    criteria: (l) => [criterion({ type: 'reason_for_call_within', seconds: l === 'expert' ? 15 : 25 }, 'opening'), criterion({ type: 'customer_did_not_hang_up' }, 'opening'), criterion({ type: 'discovery_questions_min', count: 2 }, 'discovery'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  discovery: {
    id: 'discovery', group: 'weakness', focusSkills: ['discovery', 'listening'], callType: 'follow_up_before_offer', direction: 'outbound',
    label: { he: 'לקוח שלא מתנדב מידע', en: 'Customer who volunteers nothing' },
    description: { he: 'לקוח מנומס שעונה בקצרה ולא מספר כלום מיוזמתו. רק שאלות פתוחות וטובות יחשפו מה באמת חשוב לו.', en: 'A polite customer who answers briefly and volunteers nothing. Only good open questions reveal what really matters.' },
    customer: { archetype: 'reserved', emotion: 'calm', leadObjections: ['no_need'], volunteersNothing: true, talkativeness: 0.15 },
    goal: { he: 'לחשוף את הצרכים הנסתרים של הלקוח לפני שמציגים פתרון', en: 'Uncover the customer’s hidden needs before presenting a solution' },
    criteria: (l) => [criterion({ type: 'discovery_questions_min', count: l === 'foundation' ? 5 : l === 'expert' ? 11 : 8 }, 'discovery'), criterion({ type: 'hidden_needs_revealed_min', count: l === 'foundation' ? 1 : 2 }, 'discovery'), criterion({ type: 'no_price_before_needs' }, 'discovery'), criterion({ type: 'talk_ratio_max', ratio: 0.55 }, 'listening')],
  },
  rapport: {
    id: 'rapport', group: 'weakness', focusSkills: ['rapport', 'listening'], callType: 'phone_sale', direction: 'outbound',
    label: { he: 'לקוח קר וחסר סבלנות', en: 'Cold and impatient customer' },
    description: { he: 'לקוח קר ועניני שלא נפתח לנציגים. אמון נבנה רק מהקשבה אמיתית, שימוש בשם ובמה שהוא אומר.', en: 'A cold, matter-of-fact customer who does not open up to sales people. Trust comes only from real listening and using what they say.' },
    customer: { archetype: 'cold_busy', emotion: 'skeptical', leadObjections: ['trust'], patienceFactor: 0.7, talkativeness: 0.3 },
    goal: { he: 'להפוך את הלקוח מקר למעורב ולקבוע צעד הבא', en: 'Turn the customer from cold to engaged and set a next step' },
    criteria: () => [criterion({ type: 'referenced_customer_detail' }, 'rapport'), criterion({ type: 'empathy_before_solution' }, 'rapport'), criterion({ type: 'customer_did_not_hang_up' }, 'rapport'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  listening: {
    id: 'listening', group: 'weakness', focusSkills: ['listening', 'discovery'], callType: 'follow_up_before_offer', direction: 'outbound',
    label: { he: 'לקוח שבודק אם מקשיבים לו', en: 'Customer who tests whether you listen' },
    description: { he: 'לקוח דברן שמזכיר פרטים חשובים בדרך אגב ונעלב כשמתעלמים מהם, שואלים שוב מה שכבר אמר או קוטעים אותו.', en: 'A talkative customer who drops important details in passing and is put off when they are ignored, asked again, or interrupted.' },
    customer: { archetype: 'talker', emotion: 'calm', leadObjections: ['no_need'], listeningTest: true, talkativeness: 0.85 },
    goal: { he: 'להקשיב, לסכם במילים של הלקוח ולהציע פתרון שמתאים למה שנאמר', en: 'Listen, summarise in the customer’s words and propose what fits what was said' },
    criteria: () => [criterion({ type: 'referenced_customer_detail' }, 'listening'), criterion({ type: 'talk_ratio_max', ratio: 0.45 }, 'listening'), criterion({ type: 'interruptions_max', count: 1 }, 'listening'), criterion({ type: 'value_tied_to_need' }, 'discovery')],
  },
  objection_handling: {
    id: 'objection_handling', group: 'weakness', focusSkills: ['objection_handling'], callType: 'follow_up_after_offer', direction: 'outbound',
    label: { he: 'לקוח רגיש למחיר עם כמה חששות', en: 'Price-sensitive customer with several concerns' },
    description: { he: 'לקוח שמעוניין אבל נלחם על המחיר ומעלה עוד כמה התנגדויות. הכר, שאל, ורק אז ענה.', en: 'An interested customer who fights on price and raises several more concerns. Acknowledge, ask, only then answer.' },
    customer: { archetype: 'price_hunter', emotion: 'skeptical', leadObjections: ['price', 'competitor', 'trust'], minObjections: 2, mentionsPrice: true },
    goal: { he: 'לפתור את ההתנגדויות בלי להוריד מחיר ולהגיע לצעד הבא', en: 'Resolve the objections without cutting the price and reach a next step' },
    criteria: (l) => [criterion({ type: 'objections_acknowledged_all' }, 'objection_handling'), criterion({ type: 'objections_resolved_min', count: Math.max(2, lv(l).objectionCount - 1) }, 'objection_handling'), criterion({ type: 'value_tied_to_need' }, 'objection_handling'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  product_knowledge: {
    id: 'product_knowledge', group: 'weakness', focusSkills: ['product_knowledge'], callType: 'follow_up_before_offer', direction: 'inbound',
    label: { he: 'לקוח טכני עם שאלות מפורטות', en: 'Technical customer with detailed questions' },
    description: { he: 'לקוח שעשה שיעורי בית ושואל שאלות מדויקות על המוצר, המחיר והתנאים. תשובה מעורפלת מאבדת אותו.', en: 'A customer who did their homework and asks precise questions about product, price and terms. A vague answer loses them.' },
    customer: { archetype: 'analytical', emotion: 'calm', leadObjections: ['trust'], technicalQuestions: 4, mentionsPrice: true, talkativeness: 0.5 },
    goal: { he: 'לענות במדויק על השאלות המקצועיות ולקשר כל תשובה לצורך של הלקוח', en: 'Answer the technical questions precisely and tie each answer to the customer’s need' },
    criteria: (l) => [criterion({ type: 'technical_questions_answered_min', count: l === 'foundation' ? 2 : l === 'expert' ? 4 : 3 }, 'product_knowledge'), criterion({ type: 'mentions_differentiator' }, 'product_knowledge'), criterion({ type: 'value_tied_to_need' }, 'product_knowledge'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  closing: {
    id: 'closing', group: 'weakness', focusSkills: ['closing'], callType: 'follow_up_after_offer', direction: 'outbound',
    label: { he: 'לקוח מהסס שצריך כמה ניסיונות סגירה', en: 'Indecisive customer who needs several close attempts' },
    description: { he: 'לקוח שאוהב את ההצעה ונותן סימני קנייה, אבל דוחה כל החלטה. צריך לבקש את הסגירה יותר מפעם אחת.', en: 'A customer who likes the offer and shows buying signals but postpones every decision. You must ask for the close more than once.' },
    customer: { archetype: 'indecisive', emotion: 'calm', leadObjections: ['timing', 'authority'], extraCloseAttempts: 1, talkativeness: 0.55 },
    goal: { he: 'לזהות סימני קנייה ולסגור צעד הבא מחייב', en: 'Spot the buying signals and close a committed next step' },
    criteria: (l) => [criterion({ type: 'close_attempts_min', count: atLeast(2, l, 1) }, 'closing'), criterion({ type: 'next_step_agreed' }, 'closing'), criterion({ type: 'objections_acknowledged_all' }, 'objection_handling')],
  },
  b2b: {
    id: 'b2b', group: 'company', focusSkills: ['discovery', 'objection_handling', 'closing'], callType: 'meeting_scheduling', direction: 'outbound', audience: 'B2B',
    label: { he: 'מכירה עסקית (B2B)', en: 'Business sale (B2B)' },
    description: { he: 'איש מקצוע בעסק עם תהליך החלטה, תקציב ומקבלי החלטות נוספים.', en: 'A professional buyer with a decision process, a budget and other decision makers.' },
    customer: { archetype: 'analytical', emotion: 'calm', leadObjections: ['authority', 'price'], mentionsPrice: true },
    goal: { he: 'למפות את תהליך ההחלטה ולקבוע פגישה עם מקבלי ההחלטות', en: 'Map the decision process and book a meeting with the decision makers' },
    criteria: () => [criterion({ type: 'discovery_questions_min', count: 6 }, 'discovery'), criterion({ type: 'involved_decision_maker' }, 'closing'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  b2c: {
    id: 'b2c', group: 'company', focusSkills: ['rapport', 'discovery', 'closing'], callType: 'phone_sale', direction: 'outbound', audience: 'B2C',
    label: { he: 'מכירה ללקוח פרטי (B2C)', en: 'Consumer sale (B2C)' },
    description: { he: 'לקוח פרטי שמחליט מהבטן ומהכיס, לעתים יחד עם בן או בת הזוג.', en: 'A private customer deciding from the gut and the wallet, often with a spouse.' },
    customer: { archetype: 'balanced', emotion: 'calm', leadObjections: ['price', 'authority'] },
    goal: { he: 'לבנות אמון, להבין את המשפחה ולסגור צעד הבא', en: 'Build trust, understand the family and close a next step' },
    criteria: () => [criterion({ type: 'discovery_questions_min', count: 5 }, 'discovery'), criterion({ type: 'value_tied_to_need' }, 'rapport'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  competitor_comparison: {
    id: 'competitor_comparison', group: 'company', focusSkills: ['product_knowledge', 'objection_handling'], callType: 'follow_up_after_offer', direction: 'outbound',
    label: { he: 'השוואה מול מתחרה', en: 'Competitor comparison' },
    description: { he: 'הלקוח קיבל הצעה ממתחרה ומשווה. הראה את הבידול בלי להשמיץ.', en: 'The customer has a competitor’s offer and is comparing. Show the difference without bad-mouthing.' },
    customer: { archetype: 'analytical', emotion: 'skeptical', leadObjections: ['competitor', 'price'], minObjections: 2, mentionsCompetitor: true, mentionsPrice: true },
    goal: { he: 'להבין מה הלקוח משווה ולהראות למה ההצעה שלנו מתאימה לו יותר', en: 'Understand what is being compared and show why our offer fits better' },
    criteria: () => [criterion({ type: 'mentions_differentiator' }, 'product_knowledge'), criterion({ type: 'objections_acknowledged_all' }, 'objection_handling'), criterion({ type: 'value_tied_to_need' }, 'objection_handling'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  angry_customer: {
    id: 'angry_customer', group: 'service', focusSkills: ['rapport', 'listening'], callType: 'customer_service', direction: 'inbound',
    label: { he: 'לקוח כועס', en: 'Angry customer' },
    description: { he: 'לקוח שהתקשר עצבני אחרי תקלה או חיוב שגוי. קודם להרגיע ולהקשיב, אחר כך לפתור.', en: 'A customer calling upset after a fault or a wrong charge. Calm and listen first, solve second.' },
    customer: { archetype: 'irate', emotion: 'angry', leadObjections: ['trust'], patienceFactor: 0.6, talkativeness: 0.7 },
    goal: { he: 'להוריד את הכעס, להבין את הבעיה ולסכם פתרון מוסכם', en: 'Lower the anger, understand the problem and agree a resolution' },
    criteria: () => [criterion({ type: 'empathy_before_solution' }, 'rapport'), criterion({ type: 'interruptions_max', count: 0 }, 'listening'), criterion({ type: 'customer_did_not_hang_up' }, 'rapport'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  confused_customer: {
    id: 'confused_customer', group: 'service', focusSkills: ['product_knowledge', 'listening'], callType: 'customer_service', direction: 'inbound',
    label: { he: 'לקוח מבולבל', en: 'Confused customer' },
    description: { he: 'לקוח שלא מבין את המוצר או את החשבון ומתבלבל ממונחים. הסבר פשוט, צעד אחר צעד.', en: 'A customer who does not understand the product or the bill and gets lost in jargon. Explain simply, step by step.' },
    customer: { archetype: 'lost', emotion: 'confused', leadObjections: ['trust'], technicalQuestions: 2, talkativeness: 0.5 },
    goal: { he: 'להסביר בפשטות, לוודא הבנה ולסגור את הפנייה', en: 'Explain simply, check understanding and close the request' },
    criteria: () => [criterion({ type: 'checked_understanding' }, 'product_knowledge'), criterion({ type: 'talk_ratio_max', ratio: 0.65 }, 'listening'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
  cancellation_retention: {
    id: 'cancellation_retention', group: 'service', focusSkills: ['discovery', 'objection_handling', 'closing'], callType: 'customer_service', direction: 'inbound',
    label: { he: 'שימור לקוח שרוצה לבטל', en: 'Cancellation and retention' },
    description: { he: 'לקוח מתקשר לבטל. לברר את הסיבה האמיתית לפני שמציעים משהו, ולשמר אותו בלי לחץ.', en: 'A customer calls to cancel. Find the real reason before offering anything, and keep them without pressure.' },
    customer: { archetype: 'leaving', emotion: 'frustrated', leadObjections: ['price', 'competitor'], minObjections: 2, mentionsCompetitor: true },
    goal: { he: 'להבין למה הלקוח עוזב ולהציע פתרון שמשאיר אותו', en: 'Understand why the customer is leaving and offer a solution that keeps them' },
    criteria: () => [criterion({ type: 'asked_reason_before_offer' }, 'discovery'), criterion({ type: 'empathy_before_solution' }, 'rapport'), criterion({ type: 'objections_resolved_min', count: 1 }, 'objection_handling'), criterion({ type: 'next_step_agreed' }, 'closing')],
  },
};

/** The weakness-targeted scenario type for a skill (the same id). */
export const scenarioTypeForSkill = (skill: SkillId): ScenarioType => skill;

export function isScenarioType(s: string): s is ScenarioType {
  return (SCENARIO_TYPES as readonly string[]).includes(s);
}
