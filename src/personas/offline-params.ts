import { z } from 'zod';
import { LANGUAGES, OBJECTION_KINDS, SALES_ACTS, type SalesAct } from '../analysis/index.ts';
import { EMOTIONS, LEVEL_SPECS, LEVELS, SCENARIO_TYPES, levelIndex, type Scenario } from '../scenarios/index.ts';
import { topicWords } from './company-context.ts';
import type { CustomerPersona } from './persona-schema.ts';
import { PHRASE_SITUATIONS, phraseBank } from './phrasebank.ts';
import { TECHNIQUES, TECHNIQUE_ACTS } from './techniques.ts';
import { genderize } from './text.ts';
import { personaTraitsSchema, traitsFrom } from './traits.ts';

/**
 * OfflineBrainParams — everything the offline customer brain needs to play a persona with no model and no
 * network. All state values are 0..1. The brain keeps {trust, interest, patience, mood}, starting from `start`.
 *
 * Per agent turn the brain:
 *  1. classifies the turn into sales acts (the shared classifier) and detects events (monologue = more than
 *     `turn.monologueWords` words; interruption; a repeated question about a planted detail; an objection left
 *     unacknowledged; a price before any need was revealed; the agent using a planted detail or the name);
 *  2. adds `effects[act or event]` to the state (already scaled for this persona's volatility and target skills);
 *  3. advances the objection queue: the current objection is resolved when, over at most `attemptsToResolve`
 *     agent turns, every technique in `resolvedBy` was seen (a technique is seen when any act in
 *     `techniqueActs[technique]` is classified), with `acknowledge` required first when `requireAcknowledgeFirst`;
 *     otherwise the customer presses on with `pushbacks`;
 *  4. counts discovery questions whose words hit a hidden need's `topics`; a need is revealed when its count
 *     reaches `questionsNeeded` and trust ≥ `thresholds.revealNeedMinTrust`;
 *  5. chooses the reply situation (see `phrases`) and ends the call: hang up when patience ≤
 *     `thresholds.hangUpPatience`; agree to the next step on a close attempt once close attempts ≥
 *     `close.attemptsRequired`, objections resolved ≥ `close.minResolvedObjections`, needs revealed ≥
 *     `close.minRevealedNeeds`, trust ≥ `thresholds.agreeMinTrust` and interest ≥ `thresholds.agreeMinInterest`;
 *     otherwise postpone.
 */
const unit = z.number().min(0).max(1);
const delta = z.object({ trust: z.number(), interest: z.number(), patience: z.number() });
export const BRAIN_EVENTS = ['monologue', 'interruption', 'repeated_question', 'ignored_objection', 'price_before_needs', 'used_customer_detail', 'used_name', 'premature_close', 'answered_technical_question', 'vague_answer', 'dead_air'] as const;
export type BrainEvent = (typeof BRAIN_EVENTS)[number];

export const offlineBrainParamsSchema = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  language: z.enum(LANGUAGES),
  gender: z.enum(['female', 'male']),
  customerName: z.string(),
  scenarioType: z.enum(SCENARIO_TYPES),
  level: z.enum(LEVELS),
  direction: z.enum(['outbound', 'inbound']),
  start: z.object({ trust: unit, interest: unit, patience: unit, mood: z.enum(EMOTIONS) }),
  /** Mood from state: below `angryBelowPatience` → angry; trust below `skepticalBelowTrust` → skeptical; else the baseline softens to calm. */
  mood: z.object({ baseline: z.enum(EMOTIONS), volatility: unit, angryBelowPatience: unit, skepticalBelowTrust: unit, calmAboveTrust: unit }),
  /** State change per classified act and per event. */
  effects: z.object({ acts: z.record(z.enum(SALES_ACTS), delta), events: z.record(z.enum(BRAIN_EVENTS), delta) }),
  /** Patience lost per agent turn regardless of content (time pressure), and per second of dead air. */
  drain: z.object({ perTurn: z.number(), perDeadAirSec: z.number() }),
  thresholds: z.object({ revealNeedMinTrust: unit, agreeMinTrust: unit, agreeMinInterest: unit, hangUpPatience: unit, warnPatience: unit }),
  opening: z.object({
    resistant: z.boolean(),
    reasonDeadlineSec: z.number().nullable(),
    firstLine: z.string(),
    /** Words that make the agent's reason for calling relevant (company, products, needs, next step). */
    reasonKeywords: z.array(z.string()),
  }),
  objections: z.array(z.object({
    id: z.string(), kind: z.enum(OBJECTION_KINDS), order: z.number().int(),
    trigger: z.enum(['opening', 'early', 'after_pitch', 'on_price', 'on_close']),
    intensity: unit,
    /** First line = how it is first raised; the rest for repeats. */
    lines: z.array(z.string()).min(1),
    pushbacks: z.array(z.string()),
    resolvedBy: z.array(z.enum(TECHNIQUES)).min(1),
    requireAcknowledgeFirst: z.boolean(),
    /** Agent turns allowed to resolve it before the customer counts it as ignored and moves on, displeased. */
    attemptsToResolve: z.number().int().min(1),
    acceptLines: z.array(z.string()),
  })),
  hiddenNeeds: z.array(z.object({ id: z.string(), need: z.string(), topics: z.array(z.string()), questionsNeeded: z.number().int(), revealLines: z.array(z.string()) })),
  /** Answers to discovery questions that touch no hidden need, by topic words. */
  facts: z.array(z.object({ topics: z.array(z.string()), lines: z.array(z.string()) })),
  technicalQuestions: z.array(z.object({ text: z.string(), answerKeywords: z.array(z.string()) })),
  plantedDetails: z.array(z.object({ text: z.string(), topics: z.array(z.string()), mentionByTurn: z.number().int() })),
  close: z.object({ attemptsRequired: z.number().int(), minResolvedObjections: z.number().int(), minRevealedNeeds: z.number().int(), nextStep: z.string() }),
  /** `gender` is the stakeholder's own (Hebrew wording agrees with it); optional so sessions stored before it still load. */
  stakeholders: z.array(z.object({ name: z.string(), gender: z.enum(['female', 'male']).optional(), role: z.string(), stance: z.enum(['supportive', 'neutral', 'opposed']), lines: z.array(z.string()) })),
  turn: z.object({ maxWords: z.number().int(), turnSilenceMs: z.number().int(), deadAirToleranceSec: z.number(), interruptTendency: unit, monologueWords: z.number().int(), pace: z.enum(['slow', 'normal', 'fast']) }),
  ending: z.object({ timeLimitSec: z.number().int(), wrapUpAtSec: z.number().int() }),
  difficulty: z.object({ min: unit, start: unit, max: unit }),
  hintsAllowed: z.number().int(),
  /** Which classifier acts count as each technique. */
  techniqueActs: z.record(z.enum(TECHNIQUES), z.array(z.enum(SALES_ACTS))),
  /** Reply banks per situation (generic + persona-specific: buyingSignals, competitorMention, budget, timeline, decisionMakers). */
  phrases: z.record(z.string(), z.array(z.string())),
  /** The customer's life (occupation, children, partner, age, home): the fact sheet agrees with it. Optional: params stored before it. */
  traits: personaTraitsSchema.optional(),
  /** The company's industry pack (insurance, telecom, saas…): the fact sheet's vocabulary. Optional: params stored before it. */
  packId: z.string().optional(),
});
export type OfflineBrainParams = z.infer<typeof offlineBrainParamsSchema>;

const d = (trust: number, interest: number, patience: number) => ({ trust, interest, patience });

/** Base effects before persona scaling (documented defaults). */
const BASE_ACTS: Record<SalesAct, ReturnType<typeof d>> = {
  greeting: d(0.02, 0, 0),
  opening_agenda: d(0.02, 0.05, 0.02),
  discovery_question: d(0.03, 0.04, 0.01),
  need_statement: d(0.05, 0.03, 0),
  value_statement: d(0.01, 0.05, -0.01),
  feature_explanation: d(0, 0.02, -0.02),
  price_mention: d(0, 0, -0.01),
  objection: d(-0.03, -0.02, -0.03),
  acknowledgement: d(0.04, 0, 0.02),
  empathy: d(0.06, 0, 0.03),
  social_proof: d(0.05, 0.02, 0),
  close_attempt: d(0, 0, -0.01),
  next_step: d(0.01, 0.02, 0),
  buying_signal: d(0, 0, 0),
  backchannel: d(0, 0, 0),
  small_talk: d(0.02, 0, -0.01),
  other: d(0, 0, -0.01),
};
const BASE_EVENTS: Record<BrainEvent, ReturnType<typeof d>> = {
  monologue: d(-0.02, -0.03, -0.08),
  interruption: d(-0.04, 0, -0.06),
  repeated_question: d(-0.05, -0.02, -0.08),
  ignored_objection: d(-0.08, -0.03, -0.05),
  price_before_needs: d(-0.08, -0.03, -0.02),
  used_customer_detail: d(0.08, 0.03, 0.03),
  used_name: d(0.02, 0, 0),
  premature_close: d(-0.05, -0.02, -0.03),
  answered_technical_question: d(0.05, 0.05, 0.02),
  vague_answer: d(-0.05, -0.03, -0.04),
  dead_air: d(-0.01, -0.01, -0.03),
};

/** Compiles the offline customer brain's parameters from the persona and the scenario. Pure and deterministic. */
export function compileOfflineBrainParams(p: CustomerPersona, s: Scenario): OfflineBrainParams {
  const lang = p.language;
  const he = lang === 'he';
  const g = (t: string) => genderize(t, p.gender);
  const lv = LEVEL_SPECS[p.level];
  const li = levelIndex(p.level);
  const bank = phraseBank(lang, p.gender);
  const targets = new Set(p.targets.map((t) => t.skill));
  const vol = p.emotion.volatility;
  // Volatile customers react harder to mistakes; calm ones reward good moves a little more.
  const neg = 0.7 + 0.6 * vol;
  const pos = 1.1 - 0.4 * vol;
  const scale = (x: ReturnType<typeof d>, boost = 1) => ({ trust: sc(x.trust, neg, pos, boost), interest: sc(x.interest, neg, pos, boost), patience: sc(x.patience, neg, pos, boost) });
  const acts = Object.fromEntries(Object.entries(BASE_ACTS).map(([k, v]) => {
    let boost = 1;
    if (targets.has('rapport') && (k === 'empathy' || k === 'acknowledgement')) boost = 1.5;
    if (targets.has('discovery') && k === 'discovery_question') boost = 1.3;
    const x = scale(v, boost);
    if (k === 'small_talk' && p.personality.archetype === 'cold_busy') x.patience = r3(-0.04 * neg);
    if (k === 'feature_explanation' && p.emotion.baseline === 'confused') x.patience = r3(-0.05 * neg);
    if (k === 'empathy' && p.emotion.baseline === 'angry') x.patience = r3(0.08 * pos);
    return [k, x];
  })) as OfflineBrainParams['effects']['acts'];
  const events = Object.fromEntries(Object.entries(BASE_EVENTS).map(([k, v]) => {
    let boost = 1;
    if (targets.has('listening') && (k === 'repeated_question' || k === 'interruption' || k === 'used_customer_detail')) boost = 1.5;
    if (targets.has('objection_handling') && k === 'ignored_objection') boost = 1.5;
    if (targets.has('discovery') && k === 'price_before_needs') boost = 1.5;
    return [k, scale(v, boost)];
  })) as OfflineBrainParams['effects']['events'];

  const reasonKeywords = [...new Set([
    ...topicWords(p.provenance.companyName, lang),
    ...p.hiddenNeeds.flatMap((n) => n.topics),
    ...topicWords(p.decision.nextStep, lang),
    ...(he ? ['בדיקה', 'חיסכון', 'השארת', 'פרטים', 'הצעה'] : ['review', 'save', 'savings', 'details', 'offer']),
  ])].slice(0, 30);

  const acceptLines = bank.objectionAccepted;
  const objections = p.objections.map((o) => ({
    id: o.id, kind: o.kind, order: o.order, trigger: o.trigger, intensity: o.intensity,
    lines: [o.text, ...o.phrasings],
    pushbacks: o.pushbacks.length ? o.pushbacks : bank.notConvinced,
    resolvedBy: o.resolvedBy,
    requireAcknowledgeFirst: o.resolvedBy[0] === 'acknowledge',
    attemptsToResolve: 1 + Math.round(o.intensity * 2),
    acceptLines,
  }));

  // Everything here is spoken by the customer: first person (the persona's descriptions are for models and the card).
  const says = spokenFacts(p);
  // Someone who will say "I need to ask my wife" does not also say "I decide on my own".
  const decidesAlone = p.decision.authority === 'sole' && !p.objections.some((o) => o.kind === 'authority') && p.stakeholders.length === 0;
  const facts = [
    { topics: he ? ['היום', 'כרגע', 'עכשיו', 'קיים', 'יש לך', 'מצב'] : ['today', 'currently', 'now', 'current', 'have', 'situation'], lines: [says.situation] },
    { topics: he ? ['תקציב', 'כמה', 'מוכן לשלם', 'מחיר', 'משלם'] : ['budget', 'how much', 'willing', 'price', 'pay'], lines: [says.budget] },
    { topics: he ? ['מתי', 'זמן', 'לוח זמנים', 'דחוף'] : ['when', 'timeline', 'time', 'urgent'], lines: [says.timeline] },
    { topics: he ? ['מחליט', 'החלטה', 'עוד מישהו', 'אישור', 'מי'] : ['decide', 'decision', 'anyone else', 'approve', 'who'], lines: [decidesAlone ? (he ? g('אני [מחליט|מחליטה] לבד.') : 'I decide on my own.') : (he ? `זה לא רק אני — ${p.decision.decisionMakers.join(', ') || 'אני מדבר[|ת] על זה קודם בבית'}.` : `It is not only me — ${p.decision.decisionMakers.join(', ') || 'I talk it over at home first'}.`)].map(g) },
    { topics: he ? ['עבודה', 'עוסק', 'עושה', 'רקע', 'ספר'] : ['work', 'do', 'background', 'tell me'], lines: [says.intro] },
  ];
  if (p.competitor) facts.push({ topics: he ? ['מתחרה', 'הצעה', 'השווית', 'עוד חברות', p.competitor.name] : ['competitor', 'offer', 'compare', 'other companies', p.competitor.name.toLowerCase()], lines: [he ? `קיבלתי הצעה מ${p.competitor.name}.` : `I got an offer from ${p.competitor.name}.`] });

  const phrases: Record<string, string[]> = Object.fromEntries(PHRASE_SITUATIONS.map((k) => [k, bank[k]]));
  phrases.buyingSignals = p.buyingSignals;
  phrases.competitorMention = p.competitor ? [he ? g(`אני [יודע|יודעת] ש${p.competitor.name} מציעים משהו דומה.`) : `I know ${p.competitor.name} offer something similar.`] : [];
  phrases.budget = [says.budget];
  phrases.timeline = [says.timeline];
  phrases.decisionMakers = p.decision.authority === 'sole' ? [] : [he ? g(`אני [צריך|צריכה] לבדוק את זה עם ${p.decision.decisionMakers[0] ?? 'עוד מישהו'}.`) : `I need to check this with ${p.decision.decisionMakers[0] ?? 'someone else'}.`];

  const out: OfflineBrainParams = {
    version: 1,
    seed: p.seed,
    language: lang,
    gender: p.gender,
    customerName: p.name,
    scenarioType: p.scenarioType,
    level: p.level,
    direction: s.direction,
    start: { trust: p.attitude.trust, interest: p.attitude.interest, patience: p.communication.patience, mood: p.emotion.baseline },
    mood: { baseline: p.emotion.baseline, volatility: vol, angryBelowPatience: 0.15, skepticalBelowTrust: 0.3, calmAboveTrust: 0.6 },
    effects: { acts, events },
    drain: { perTurn: r3(0.005 + 0.01 * li), perDeadAirSec: r3(0.01 + 0.01 * (1 - p.communication.patience)) },
    thresholds: { revealNeedMinTrust: r3(0.3 + 0.06 * li), agreeMinTrust: r3(0.45 + 0.05 * li), agreeMinInterest: r3(0.45 + 0.05 * li), hangUpPatience: 0.05, warnPatience: 0.25 },
    opening: { resistant: p.opening.resistant, reasonDeadlineSec: p.opening.reasonDeadlineSec, firstLine: p.opening.firstResponse, reasonKeywords },
    objections,
    hiddenNeeds: p.hiddenNeeds.map((n) => ({ id: n.id, need: n.need, topics: n.topics, questionsNeeded: n.questionsNeeded, revealLines: n.reveal })),
    facts,
    technicalQuestions: p.technicalQuestions.map((q) => ({ text: q.text, answerKeywords: q.answerHint ? topicWords(q.answerHint, lang) : [] })),
    plantedDetails: p.plantedDetails.map((x, i) => ({ text: x.text, topics: x.topics, mentionByTurn: 2 + i })),
    close: {
      attemptsRequired: p.decision.closeAttemptsRequired,
      minResolvedObjections: Math.min(p.objections.length, Math.max(0, Math.ceil(p.objections.length / 2))),
      minRevealedNeeds: Math.min(p.hiddenNeeds.length, li >= 2 ? 2 : 1),
      nextStep: p.decision.nextStep,
    },
    stakeholders: p.stakeholders.map((x) => ({ name: x.name, gender: x.gender, role: x.role, stance: x.stance, lines: [x.concern] })),
    turn: { maxWords: p.communication.maxTurnWords, turnSilenceMs: p.communication.turnSilenceMs, deadAirToleranceSec: p.communication.deadAirToleranceSec, interruptTendency: p.communication.interruptTendency, monologueWords: targets.has('listening') ? 70 : 90, pace: p.communication.pace },
    ending: { timeLimitSec: s.timeLimitSec, wrapUpAtSec: Math.max(60, s.timeLimitSec - 60) },
    difficulty: lv.difficulty,
    hintsAllowed: s.hintsAllowed,
    techniqueActs: TECHNIQUE_ACTS,
    phrases,
    traits: p.traits ?? traitsFrom(p.role, p.background, p.age, p.audience),
    ...(p.provenance.packId ? { packId: p.provenance.packId } : {}),
  };
  return offlineBrainParamsSchema.parse(out);
}

/**
 * The customer's own first-person words for their facts. Personas stored before `spoken` existed fall back to
 * neutral first-person lines rather than speaking a third-person description.
 */
function spokenFacts(p: CustomerPersona): NonNullable<CustomerPersona['spoken']> {
  if (p.spoken) return p.spoken;
  const he = p.language === 'he';
  const g = (t: string) => genderize(t, p.gender);
  return {
    intro: he ? `אני ${p.role}` : `I'm ${p.role.charAt(0).toLowerCase()}${p.role.slice(1)}`,
    situation: he ? g('אני [מסתדר|מסתדרת] עם מה שיש לי היום') : 'I manage with what I have today',
    budget: he ? `התקציב שלי בערך ${p.decision.budget.amount ?? ''}`.trim() : `My budget is around ${p.decision.budget.amount ?? 'what I pay today'}`,
    timeline: he ? 'אין לי לוח זמנים מסוים' : 'I have no particular timeline',
  };
}

function sc(x: number, neg: number, pos: number, boost: number): number {
  return r3(x < 0 ? x * neg * boost : x * pos * boost);
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;
