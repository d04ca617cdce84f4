/**
 * The fixed vocabularies shared by analysis, personas, scenarios, voice, coaching, reports and CLI flags.
 * Add ids if needed; never rename these.
 */
export const SKILL_IDS = [
  'opening',
  'discovery',
  'rapport',
  'listening',
  'objection_handling',
  'product_knowledge',
  'closing',
] as const;
export type SkillId = (typeof SKILL_IDS)[number];

export const SKILL_LABELS: Record<SkillId, { he: string; en: string }> = {
  opening: { he: 'פתיחת שיחה', en: 'Opening' },
  discovery: { he: 'בירור צרכים', en: 'Discovery' },
  rapport: { he: 'יצירת קשר ואמון', en: 'Rapport' },
  listening: { he: 'הקשבה', en: 'Listening' },
  objection_handling: { he: 'טיפול בהתנגדויות', en: 'Objection handling' },
  product_knowledge: { he: 'ידע במוצר', en: 'Product knowledge' },
  closing: { he: 'סגירה וצעדים הבאים', en: 'Closing and next steps' },
};

/** The five call types of the product brief. */
export const CALL_TYPES = [
  'phone_sale',
  'follow_up_before_offer',
  'follow_up_after_offer',
  'meeting_scheduling',
  'upsell',
  'customer_service',
] as const;
export type CallType = (typeof CALL_TYPES)[number];

export const CALL_TYPE_LABELS: Record<CallType, { he: string; en: string }> = {
  phone_sale: { he: 'מכירה טלפונית', en: 'Phone sale' },
  follow_up_before_offer: { he: 'פולו-אפ לפני הצעה', en: 'Follow-up before an offer' },
  follow_up_after_offer: { he: 'פולו-אפ אחרי הצעה', en: 'Follow-up after an offer' },
  meeting_scheduling: { he: 'תיאום פגישה', en: 'Meeting scheduling' },
  upsell: { he: 'מכירה חוזרת / שדרוג', en: 'Repeat sale / upgrade' },
  customer_service: { he: 'שירות לקוחות נכנס', en: 'Inbound customer service' },
};

export const OBJECTION_KINDS = ['price', 'timing', 'trust', 'competitor', 'authority', 'no_need'] as const;
export type ObjectionKind = (typeof OBJECTION_KINDS)[number];

/** Sales acts recognised in an utterance (agent or customer). */
export const SALES_ACTS = [
  'greeting',
  'opening_agenda',
  'discovery_question',
  'need_statement',
  'value_statement',
  'feature_explanation',
  'price_mention',
  'objection',
  'acknowledgement',
  'empathy',
  'social_proof',
  'close_attempt',
  'next_step',
  'buying_signal',
  'backchannel',
  'small_talk',
  'other',
] as const;
export type SalesAct = (typeof SALES_ACTS)[number];

export const LANGUAGES = ['he', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Speaker = 'agent' | 'customer';

/** Proficiency tiers (product brief §3). */
export function proficiencyTier(score: number): 'excellent' | 'proficient' | 'developing' | 'needs_work' {
  if (score >= 90) return 'excellent';
  if (score >= 75) return 'proficient';
  if (score >= 50) return 'developing';
  return 'needs_work';
}
