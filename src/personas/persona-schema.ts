import { personaTraitsSchema } from './traits.ts';
import { z } from 'zod';
import { LANGUAGES, OBJECTION_KINDS, SKILL_IDS } from '../analysis/index.ts';
import { ARCHETYPES, EMOTIONS, LEVELS, SCENARIO_TYPES } from '../scenarios/index.ts';
import { TECHNIQUES } from './techniques.ts';

const unit = z.number().min(0).max(1);
const line = z.string().min(1);

export const personaObjectionSchema = z.object({
  id: z.string(),
  kind: z.enum(OBJECTION_KINDS),
  /** The main line, in the persona's language and gender. */
  text: line,
  /** Other ways to say it (variety on repeats). */
  phrasings: z.array(line),
  /** Lines for pressing on after a weak answer. */
  pushbacks: z.array(line),
  /** 0 mild remark .. 1 deal-breaker. */
  intensity: unit,
  /** 1 = raised first. */
  order: z.number().int().min(1),
  source: z.enum(['company', 'pack', 'call_history', 'manager']),
  /** When it comes up: at the very start, early in the call, after the pitch, when price is mentioned, or when the agent tries to close. */
  trigger: z.enum(['opening', 'early', 'after_pitch', 'on_price', 'on_close']),
  /** Techniques that resolve it; `acknowledge` first means an unacknowledged answer never resolves it. */
  resolvedBy: z.array(z.enum(TECHNIQUES)).min(1),
  /** What resolves it, in words (persona language). */
  resolveHint: line,
  /** The company's (or pack's) model answer, for the coach and the report. */
  modelAnswer: z.string().optional(),
});
export type PersonaObjection = z.infer<typeof personaObjectionSchema>;

export const personaHiddenNeedSchema = z.object({
  id: z.string(),
  need: line,
  /** What the customer says when the need is earned. */
  reveal: z.array(line).min(1),
  /** Words in the agent's questions that touch this need. */
  topics: z.array(z.string()),
  /** Good discovery questions on the topic before it is revealed. */
  questionsNeeded: z.number().int().min(1).max(4),
  source: z.enum(['company', 'pack']),
});
export type PersonaHiddenNeed = z.infer<typeof personaHiddenNeedSchema>;

export const stakeholderSchema = z.object({
  name: line,
  gender: z.enum(['female', 'male']),
  role: line,
  /** What this person optimises for. */
  priority: line,
  /** Their main worry, phrased as they would say it. */
  concern: line,
  stance: z.enum(['supportive', 'neutral', 'opposed']),
});
export type Stakeholder = z.infer<typeof stakeholderSchema>;

export const personaTargetSchema = z.object({
  skill: z.enum(SKILL_IDS),
  /** The agent's weakness on the skill when the persona was made (0..1), null when the scenario chose the skill. */
  weakness: z.number().min(0).max(1).nullable(),
  /** How this persona presses on the skill, in the persona language (shown in the UI). */
  how: line,
  /** Machine-readable levers, e.g. "objections=3", "closeAttemptsRequired=2". */
  levers: z.array(z.string()).min(1),
});
export type PersonaTarget = z.infer<typeof personaTargetSchema>;

/** The AI customer. Everything needed to play, coach and report on a practice call. */
export const customerPersonaSchema = z.object({
  schemaVersion: z.literal(1),
  seed: z.number().int().min(0),
  language: z.enum(LANGUAGES),
  level: z.enum(LEVELS),
  scenarioType: z.enum(SCENARIO_TYPES),
  audience: z.enum(['B2B', 'B2C']),
  name: line,
  gender: z.enum(['female', 'male']),
  age: z.number().int().min(18).max(95),
  role: line,
  /** The customer's own business (B2B). */
  organization: z.string().nullable(),
  background: line,
  currentSituation: line,
  personality: z.object({ archetype: z.enum(ARCHETYPES), traits: z.array(line).min(2), summary: line }),
  communication: z.object({
    talkativeness: unit,
    directness: unit,
    formality: unit,
    patience: unit,
    interruptTendency: unit,
    /** Silence after the agent stops before the customer takes the turn (turn detector window). */
    turnSilenceMs: z.number().int().min(250).max(2000),
    /** Dead air the customer tolerates before reacting ("hello?"). */
    deadAirToleranceSec: z.number().min(1).max(20),
    /** Typical longest spoken turn. */
    maxTurnWords: z.number().int().min(4).max(80),
    pace: z.enum(['slow', 'normal', 'fast']),
  }),
  attitude: z.object({ trust: unit, interest: unit }),
  emotion: z.object({ baseline: z.enum(EMOTIONS), volatility: unit }),
  objections: z.array(personaObjectionSchema),
  hiddenNeeds: z.array(personaHiddenNeedSchema),
  conversionTriggers: z.array(z.object({ id: z.string(), text: line })),
  buyingSignals: z.array(line),
  technicalQuestions: z.array(z.object({ text: line, answerHint: z.string().optional() })),
  competitor: z.object({ name: line, offer: line }).nullable(),
  decision: z.object({
    authority: z.enum(['sole', 'shared', 'influencer']),
    decisionMakers: z.array(line),
    budget: z.object({ amount: z.number().nullable(), currency: z.enum(['ILS', 'USD', 'EUR']), flexibility: z.enum(['tight', 'some', 'flexible']), text: line }),
    timeline: line,
    /** Close attempts the agent must make before the customer agrees. */
    closeAttemptsRequired: z.number().int().min(1).max(6),
    nextStep: line,
  }),
  stakeholders: z.array(stakeholderSchema),
  opening: z.object({
    resistant: z.boolean(),
    /** Seconds the customer gives the agent to state a relevant reason before trying to end the call. */
    reasonDeadlineSec: z.number().int().nullable(),
    firstResponse: line,
  }),
  /**
   * How the customer says their own facts, first person in their gender ("I haven't reviewed my policies in six
   * years" next to the description "Has not reviewed the portfolio in six years"). The offline brain speaks these;
   * absent on personas stored before they existed.
   */
  spoken: z.object({ intro: line, situation: line, budget: line, timeline: line }).optional(),
  /** Occupation, children, partner, age: every line the customer says agrees with them (absent on personas stored before them). */
  traits: personaTraitsSchema.optional(),
  /** Details the customer mentions in passing and expects the agent to remember (listening tests). */
  plantedDetails: z.array(z.object({ text: line, topics: z.array(z.string()) })),
  targets: z.array(personaTargetSchema).min(1),
  provenance: z.object({
    generator: z.enum(['deterministic', 'llm_enriched']),
    model: z.string().optional(),
    /** Why LLM enrichment was skipped or failed, in plain words. */
    fallbackReason: z.string().optional(),
    companyId: z.string().optional(),
    companyName: z.string(),
    questionnaireVersion: z.number().int(),
    packId: z.string(),
    profileBasis: z.string(),
    callsUsed: z.number().int(),
    notes: z.array(z.string()),
  }),
});
export type CustomerPersona = z.infer<typeof customerPersonaSchema>;
