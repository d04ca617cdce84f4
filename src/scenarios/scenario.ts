import { z } from 'zod';
import { CALL_TYPES, LANGUAGES, OBJECTION_KINDS, SKILL_IDS } from '../analysis/index.ts';
import { ARCHETYPES, EMOTIONS, SCENARIO_TYPES } from './catalogue.ts';
import { criterionSchema } from './criteria.ts';
import { LEVELS } from './levels.ts';

const unit = z.number().min(0).max(1);

/** What a manager may pin on the generated persona. Anything left out is generated. */
/** Turn-taking rhythms a scenario can ask of its customer (see personaOverridesSchema.turnRhythm). */
export const TURN_RHYTHMS = ['eager', 'natural', 'hesitant', 'window'] as const;
export type TurnRhythm = (typeof TURN_RHYTHMS)[number];

export const personaOverridesSchema = z
  .object({
    name: z.string().trim().min(2).max(80),
    gender: z.enum(['female', 'male']),
    age: z.number().int().min(18).max(95),
    role: z.string().trim().min(2).max(200),
    background: z.string().trim().min(5).max(1000),
    audience: z.enum(['B2B', 'B2C']),
    emotion: z.enum(EMOTIONS),
    archetype: z.enum(ARCHETYPES),
    patience: unit,
    talkativeness: unit,
    interruptTendency: unit,
    /** Objection kinds in the order the customer raises them. */
    objectionKinds: z.array(z.enum(OBJECTION_KINDS)).max(6),
    objectionCount: z.number().int().min(0).max(6),
    intensity: unit,
    closeAttemptsRequired: z.number().int().min(1).max(6),
    hiddenNeedCount: z.number().int().min(1).max(4),
    /** The manager's own objection lines, raised before any generated ones. */
    customObjections: z.array(z.object({ kind: z.enum(OBJECTION_KINDS), text: z.string().trim().min(3).max(500) })).max(6),
    /**
     * How the customer takes the turn (voice): 'eager' answers on less evidence, may overlap a little; 'hesitant'
     * waits to be sure; 'natural' follows the persona's patience; 'window' waits out a fixed silence every time.
     */
    turnRhythm: z.enum(TURN_RHYTHMS),
  })
  .partial();
export type PersonaOverrides = z.infer<typeof personaOverridesSchema>;

/** The platform's pass mark (product brief: pass marks of 70-80): a scenario or assignment without its own uses it. */
export const DEFAULT_PASS_MARK = 70;

/** A scenario: type + level + targets + overrides + yes/no success criteria. Versioned on every edit. */
export const scenarioSchema = z.object({
  id: z.string().optional(),
  version: z.number().int().min(1).default(1),
  name: z.string().trim().min(2).max(200),
  type: z.enum(SCENARIO_TYPES),
  level: z.enum(LEVELS),
  /** Session language; absent = the company's language. */
  language: z.enum(LANGUAGES).optional(),
  callType: z.enum(CALL_TYPES),
  direction: z.enum(['outbound', 'inbound']),
  targetSkills: z.array(z.enum(SKILL_IDS)).min(1).max(7),
  goal: z.object({ he: z.string(), en: z.string() }),
  personaOverrides: personaOverridesSchema.default({}),
  successCriteria: z.array(criterionSchema).min(1).max(12),
  timeLimitSec: z.number().int().min(60).max(3600),
  hintsAllowed: z.number().int().min(0).max(20),
  /** Score (0-100) a call needs, with every success criterion met, to pass; absent = DEFAULT_PASS_MARK. */
  passMark: z.number().int().min(0).max(100).optional(),
  /** Manager's notes to the agent, shown before the call. */
  notes: z.string().max(2000).default(''),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** The score a call of this scenario needs to pass (with every success criterion met). */
export const scenarioPassMark = (s: Pick<Scenario, 'passMark'>): number => s.passMark ?? DEFAULT_PASS_MARK;
