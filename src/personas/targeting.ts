import { OBJECTION_KINDS, SKILL_LABELS, type ObjectionKind, type SkillId } from '../analysis/index.ts';
import type { CustomerShape, LevelSpec, Level } from '../scenarios/index.ts';
import type { CustomerPersona, PersonaTarget } from './persona-schema.ts';
import { genderize } from './text.ts';

/** What the targeted skills and the scenario demand of the persona; the generator satisfies these. */
export interface Requirements {
  minObjections: number;
  minHiddenNeeds: number;
  extraQuestionsPerNeed: number;
  minCloseAttempts: number;
  minTechnicalQuestions: number;
  resistantOpeningSec: number | null;
  plantedDetails: number;
  talkativenessCap: number | null;
  talkativenessFloor: number | null;
  trustDelta: number;
  patienceFactor: number;
  intensityBoost: number;
  interruptBoost: number;
}

/** Turns target skills + the scenario's customer shape + the level into concrete demands on the persona. */
export function requirementsFor(skills: SkillId[], shape: CustomerShape, level: Level, spec: LevelSpec): Requirements {
  const has = (s: SkillId) => skills.includes(s);
  const hard = level === 'advanced' || level === 'expert';
  const r: Requirements = {
    minObjections: Math.max(spec.objectionCount, shape.minObjections ?? 0),
    minHiddenNeeds: level === 'foundation' ? 1 : 2,
    extraQuestionsPerNeed: shape.volunteersNothing ? 1 : 0,
    minCloseAttempts: spec.closeAttempts + (shape.extraCloseAttempts ?? 0),
    minTechnicalQuestions: shape.technicalQuestions ?? 0,
    resistantOpeningSec: shape.resistantOpening ?? null,
    plantedDetails: shape.listeningTest ? 2 : 0,
    talkativenessCap: null,
    talkativenessFloor: null,
    trustDelta: 0,
    patienceFactor: shape.patienceFactor ?? 1,
    intensityBoost: 0,
    interruptBoost: 0,
  };
  if (has('opening')) {
    r.resistantOpeningSec = Math.min(r.resistantOpeningSec ?? 30, level === 'expert' ? 15 : hard ? 20 : 30);
    r.patienceFactor = Math.min(r.patienceFactor, 0.85);
  }
  // Talkativeness pulls opposite ways for discovery (quiet) and listening (chatty): the higher-ranked skill wins.
  const talkSetter = skills.find((s) => s === 'discovery' || s === 'listening');
  if (has('discovery')) {
    r.minHiddenNeeds = Math.max(r.minHiddenNeeds, 3);
    r.extraQuestionsPerNeed = Math.max(r.extraQuestionsPerNeed, 1);
    if (talkSetter === 'discovery') r.talkativenessCap = 0.3;
  }
  if (has('rapport')) {
    r.trustDelta -= 0.1;
    r.patienceFactor = Math.min(r.patienceFactor, 0.8);
  }
  if (has('listening')) {
    r.plantedDetails = Math.max(r.plantedDetails, 2);
    if (talkSetter === 'listening') r.talkativenessFloor = 0.65;
    r.interruptBoost += 0.15;
  }
  if (has('objection_handling')) {
    r.minObjections = Math.max(r.minObjections, hard ? 3 : 2);
    r.intensityBoost += 0.1;
  }
  if (has('product_knowledge')) r.minTechnicalQuestions = Math.max(r.minTechnicalQuestions, level === 'foundation' ? 2 : 3);
  if (has('closing')) r.minCloseAttempts = Math.max(r.minCloseAttempts, hard ? 3 : 2);
  return r;
}

const KIND_WORDS: Record<ObjectionKind, { he: string; en: string }> = {
  price: { he: 'מחיר', en: 'price' },
  timing: { he: 'תזמון', en: 'timing' },
  trust: { he: 'אמון', en: 'trust' },
  competitor: { he: 'מתחרה', en: 'competitor' },
  authority: { he: 'סמכות החלטה', en: 'authority' },
  no_need: { he: 'אין צורך', en: 'no need' },
};

/** Traceability: for each targeted skill, how this persona presses on it, computed from the finished persona. */
export function describeTargets(p: Omit<CustomerPersona, 'targets'>, skills: SkillId[], weaknessOf: (s: SkillId) => number | null): PersonaTarget[] {
  const L = p.language;
  const g = (s: string) => genderize(s, p.gender);
  const kinds = p.objections.map((o) => KIND_WORDS[o.kind][L]).join(L === 'he' ? ', ' : ', ');
  const fromBank = p.objections.filter((o) => o.source === 'company' || o.source === 'manager').length;
  return skills.map((skill): PersonaTarget => {
    const weakness = weaknessOf(skill);
    const why = weakness !== null ? (L === 'he' ? `החולשה ב${SKILL_LABELS[skill].he} (${Math.round(weakness * 100)}%)` : `weakness in ${SKILL_LABELS[skill].en.toLowerCase()} (${Math.round(weakness * 100)}%)`) : (L === 'he' ? `התרחיש מתמקד ב${SKILL_LABELS[skill].he}` : `the scenario focuses on ${SKILL_LABELS[skill].en.toLowerCase()}`);
    const t = TARGET_TEXT[skill](p, { kinds, fromBank, g });
    return { skill, weakness, how: `${why}: ${t.how[L]}`, levers: t.levers };
  });
}

type TextFn = (p: Omit<CustomerPersona, 'targets'>, x: { kinds: string; fromBank: number; g: (s: string) => string }) => { how: { he: string; en: string }; levers: string[] };

const TARGET_TEXT: Record<SkillId, TextFn> = {
  opening: (p, { g }) => ({
    how: {
      he: g(`פותח[|ת] בחשדנות ("${p.opening.firstResponse}") ונותן[|ת] לנציג ${p.opening.reasonDeadlineSec ?? 30} שניות לתת סיבה רלוונטית לשיחה לפני [שינסה|שתנסה] לסיים אותה; סבלנות התחלתית ${pct(p.communication.patience)}.`),
      en: `Opens suspicious ("${p.opening.firstResponse}") and gives the agent ${p.opening.reasonDeadlineSec ?? 30} seconds to give a relevant reason for the call before trying to end it; starting patience ${pct(p.communication.patience)}.`,
    },
    levers: [`resistantOpening=${p.opening.resistant}`, `reasonDeadlineSec=${p.opening.reasonDeadlineSec}`, `patience=${p.communication.patience}`],
  }),
  discovery: (p, { g }) => ({
    how: {
      he: g(`לא מתנדב[|ת] מידע (דברנות ${pct(p.communication.talkativeness)}); ${p.hiddenNeeds.length} צרכים נסתרים נחשפים רק אחרי ${Math.max(...p.hiddenNeeds.map((n) => n.questionsNeeded))} שאלות בירור טובות על כל נושא: ${p.hiddenNeeds.map((n) => n.need).join('; ')}.`),
      en: `Volunteers nothing (talkativeness ${pct(p.communication.talkativeness)}); ${p.hiddenNeeds.length} hidden needs are revealed only after ${Math.max(...p.hiddenNeeds.map((n) => n.questionsNeeded))} good discovery questions on each topic: ${p.hiddenNeeds.map((n) => n.need).join('; ')}.`,
    },
    levers: [`hiddenNeeds=${p.hiddenNeeds.length}`, `questionsPerNeed=${Math.max(...p.hiddenNeeds.map((n) => n.questionsNeeded))}`, `talkativeness=${p.communication.talkativeness}`],
  }),
  rapport: (p, { g }) => ({
    how: {
      he: g(`מתחיל[|ה] ${p.emotion.baseline === 'calm' ? 'מאופק[|ת]' : 'קר[|ה] וחשדן[|ית]'} עם אמון התחלתי ${pct(p.attitude.trust)}; מתחמם[|ת] רק כשהנציג מקשיב, משתמש בשם ובמה שנאמר ומביע אמפתיה אמיתית.`),
      en: `Starts ${p.emotion.baseline === 'calm' ? 'reserved' : 'cold and suspicious'} with starting trust ${pct(p.attitude.trust)}; warms up only when the agent listens, uses the name and what was said, and shows real empathy.`,
    },
    levers: [`trust=${p.attitude.trust}`, `emotion=${p.emotion.baseline}`, `patience=${p.communication.patience}`],
  }),
  listening: (p, { g }) => ({
    how: {
      he: g(`מדבר[|ת] בתורות ארוכות ומזכיר[|ה] בדרך אגב ${p.plantedDetails.length} פרטים ("${p.plantedDetails.map((d) => d.text).join('", "')}"); נפגע[|ת] כששואלים שוב או קוטעים (נטייה לקטוע בחזרה ${pct(p.communication.interruptTendency)}).`),
      en: `Talks in long turns and mentions ${p.plantedDetails.length} details in passing ("${p.plantedDetails.map((d) => d.text).join('", "')}"); is put off when asked again or interrupted (interrupts back ${pct(p.communication.interruptTendency)}).`,
    },
    levers: [`plantedDetails=${p.plantedDetails.length}`, `talkativeness=${p.communication.talkativeness}`, `interruptTendency=${p.communication.interruptTendency}`],
  }),
  objection_handling: (p, { kinds, fromBank, g }) => ({
    how: {
      he: g(`מעלה ${p.objections.length} התנגדויות לפי הסדר (${kinds})${fromBank ? `, ${fromBank} מהן מתוך מאגר ההתנגדויות של החברה` : ''}, בעוצמה עד ${pct(Math.max(...p.objections.map((o) => o.intensity), 0))}; התנגדות נפתרת רק אחרי הכרה, שאלה ותשובה שמתאימה לה.`),
      en: `Raises ${p.objections.length} objections in order (${kinds})${fromBank ? `, ${fromBank} from the company's own objection bank` : ''}, intensity up to ${pct(Math.max(...p.objections.map((o) => o.intensity), 0))}; an objection is resolved only after acknowledgement, a question and a fitting answer.`,
    },
    levers: [`objections=${p.objections.length}`, `kinds=${p.objections.map((o) => o.kind).join('|')}`, `maxIntensity=${Math.max(...p.objections.map((o) => o.intensity), 0)}`],
  }),
  product_knowledge: (p, { g }) => ({
    how: {
      he: g(`שואל[|ת] ${p.technicalQuestions.length} שאלות מקצועיות (למשל "${p.technicalQuestions[0]?.text ?? ''}") ולא מתקדם[|ת] עד שמקבל[|ת] תשובה מדויקת.`),
      en: `Asks ${p.technicalQuestions.length} technical questions (e.g. "${p.technicalQuestions[0]?.text ?? ''}") and does not move forward until answered precisely.`,
    },
    levers: [`technicalQuestions=${p.technicalQuestions.length}`],
  }),
  closing: (p, { g }) => ({
    how: {
      he: g(`נותן[|ת] סימני קנייה אבל דוחה החלטה; מסכים[|ה] לצעד הבא (${p.decision.nextStep}) רק אחרי ${p.decision.closeAttemptsRequired} ניסיונות סגירה ברורים.`),
      en: `Shows buying signals but postpones deciding; agrees to the next step (${p.decision.nextStep}) only after ${p.decision.closeAttemptsRequired} clear close attempts.`,
    },
    levers: [`closeAttemptsRequired=${p.decision.closeAttemptsRequired}`, `buyingSignals=${p.buyingSignals.length}`],
  }),
};

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Objection kinds in the order a persona should raise them. */
export function orderKinds(lead: ObjectionKind[], preferred: ObjectionKind[], rest: ObjectionKind[]): ObjectionKind[] {
  const out: ObjectionKind[] = [];
  for (const k of [...lead, ...preferred, ...rest, ...OBJECTION_KINDS]) if (!out.includes(k)) out.push(k);
  return out;
}

