import { CALL_TYPE_LABELS, OBJECTION_KINDS, SKILL_IDS, SKILL_LABELS, type ObjectionKind } from '../analysis/index.ts';
import { ARCHETYPES, EMOTIONS, SCENARIO_CATALOGUE, SCENARIO_TYPES, type Archetype, type Emotion } from './catalogue.ts';
import { checkSchema, criterion, type CheckType } from './criteria.ts';
import { LEVEL_LABELS, LEVEL_SPECS, LEVELS } from './levels.ts';

type Label = { he: string; en: string };

export const EMOTION_LABELS: Record<Emotion, Label> = {
  calm: { he: 'רגוע', en: 'Calm' },
  skeptical: { he: 'ספקן', en: 'Sceptical' },
  frustrated: { he: 'מתוסכל', en: 'Frustrated' },
  angry: { he: 'כועס', en: 'Angry' },
  confused: { he: 'מבולבל', en: 'Confused' },
};

export const ARCHETYPE_LABELS: Record<Archetype, Label> = {
  guarded: { he: 'שומר מרחק', en: 'Guarded' },
  price_hunter: { he: 'צייד מחירים', en: 'Price hunter' },
  indecisive: { he: 'מהסס', en: 'Indecisive' },
  analytical: { he: 'אנליטי', en: 'Analytical' },
  reserved: { he: 'מאופק', en: 'Reserved' },
  cold_busy: { he: 'קר ועסוק', en: 'Cold and busy' },
  talker: { he: 'דברן', en: 'Talker' },
  balanced: { he: 'מאוזן', en: 'Balanced' },
  irate: { he: 'זועם', en: 'Irate' },
  lost: { he: 'אבוד', en: 'Lost' },
  leaving: { he: 'על סף עזיבה', en: 'About to leave' },
};

export const OBJECTION_KIND_LABELS: Record<ObjectionKind, Label> = {
  price: { he: 'מחיר', en: 'Price' },
  timing: { he: 'תזמון', en: 'Timing' },
  trust: { he: 'אמון', en: 'Trust' },
  competitor: { he: 'מתחרה', en: 'Competitor' },
  authority: { he: 'סמכות החלטה', en: 'Decision authority' },
  no_need: { he: 'אין צורך', en: 'No need' },
};

/** The numeric parameter of a yes/no check, if it has one. */
export interface CheckParam {
  name: 'seconds' | 'count' | 'ratio';
  min: number;
  max: number;
  step: number;
  default: number;
}

const PARAMS: Partial<Record<CheckType, CheckParam>> = {
  reason_for_call_within: { name: 'seconds', min: 5, max: 120, step: 5, default: 25 },
  discovery_questions_min: { name: 'count', min: 1, max: 20, step: 1, default: 6 },
  hidden_needs_revealed_min: { name: 'count', min: 1, max: 4, step: 1, default: 2 },
  objections_resolved_min: { name: 'count', min: 1, max: 6, step: 1, default: 2 },
  close_attempts_min: { name: 'count', min: 1, max: 6, step: 1, default: 2 },
  talk_ratio_max: { name: 'ratio', min: 0.2, max: 0.8, step: 0.05, default: 0.55 },
  technical_questions_answered_min: { name: 'count', min: 1, max: 6, step: 1, default: 3 },
  interruptions_max: { name: 'count', min: 0, max: 5, step: 1, default: 1 },
};

// A sentinel that cannot occur in any label text, replaced by {{n}} to make a template.
const SENTINEL = 4321;

/** Each check type with its parameter and a label template (`{{n}}` = the parameter, as a percentage for ratios). */
export function checkCatalogue(): { type: CheckType; param: CheckParam | null; template: Label }[] {
  const types = checkSchema.options.map((o) => o.shape.type.value) as CheckType[];
  return types.map((type) => {
    const param = PARAMS[type] ?? null;
    const value = param ? (param.name === 'ratio' ? SENTINEL / 10_000 : SENTINEL) : undefined;
    const check = checkSchema.parse(param ? { type, [param.name]: value } : { type });
    const label = criterion(check).label;
    const template = { he: label.he.replace(/43(21)?/, '{{n}}'), en: label.en.replace(/43(21)?/, '{{n}}') };
    return { type, param, template };
  });
}

/** Everything the ScenarioBuilder UI needs to offer choices, with Hebrew and English labels. */
export function scenarioCatalogueView() {
  return {
    types: SCENARIO_TYPES.map((id) => {
      const s = SCENARIO_CATALOGUE[id];
      return {
        id,
        group: s.group,
        label: s.label,
        description: s.description,
        goal: s.goal,
        focusSkills: s.focusSkills,
        callType: s.callType,
        callTypeLabel: CALL_TYPE_LABELS[s.callType],
        direction: s.direction,
        audience: s.audience ?? null,
        customer: { archetype: s.customer.archetype, emotion: s.customer.emotion, leadObjections: s.customer.leadObjections },
        criteria: Object.fromEntries(LEVELS.map((l) => [l, s.criteria(l)])),
      };
    }),
    levels: LEVELS.map((id) => ({ id, label: LEVEL_LABELS[id], spec: LEVEL_SPECS[id] })),
    skills: SKILL_IDS.map((id) => ({ id, label: SKILL_LABELS[id] })),
    objectionKinds: OBJECTION_KINDS.map((id) => ({ id, label: OBJECTION_KIND_LABELS[id] })),
    emotions: EMOTIONS.map((id) => ({ id, label: EMOTION_LABELS[id] })),
    archetypes: ARCHETYPES.map((id) => ({ id, label: ARCHETYPE_LABELS[id] })),
    checks: checkCatalogue(),
  };
}
export type ScenarioCatalogueView = ReturnType<typeof scenarioCatalogueView>;
