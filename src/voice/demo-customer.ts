/**
 * A persona-engine customer built from a questionnaire held in memory (the demo company's by default) — no
 * database: used by `salesgym simulate --company demo`, the offline benchmark and tests.
 */
import type { Language } from '../analysis/index.ts';
import { AppError } from '../core/index.ts';
import { DEMO_QUESTIONNAIRE, questionnaireSchema, type QuestionnaireInput } from '../org/index.ts';
import { prepareSession, type CustomerPersona, type OfflineBrainParams } from '../personas/index.ts';
import { SCENARIO_CATALOGUE, defaultScenario, isScenarioType, LEVELS, type Level, type Scenario } from '../scenarios/index.ts';
import type { VoicePersona } from './engine.ts';
import { OfflineCustomerBrain } from './offline-brain/brain.ts';
import { voicePersonaFrom } from './persona-customer.ts';

export interface DemoCustomerRequest {
  /** A catalogue scenario type (skill ids such as objection_handling, or angry_customer, b2b, …). */
  scenarioType: string;
  level?: Level;
  language?: Language;
  seed?: number;
  /** The company's questionnaire (default: the demo insurance agency's). */
  questionnaire?: QuestionnaireInput;
  questionnaireVersion?: number;
}

export interface DemoCustomer {
  scenario: Scenario;
  customer: CustomerPersona;
  offline: OfflineBrainParams;
  voice: VoicePersona;
  /** A fresh offline brain for this customer (same seed → same dialogue). */
  brain(opts?: { seed?: number; clock?: () => number }): OfflineCustomerBrain;
}

/** Scenario → persona (aimed at the scenario's skills) → compiled instructions and offline-brain parameters. */
export function demoCustomer(r: DemoCustomerRequest): DemoCustomer {
  if (!isScenarioType(r.scenarioType)) {
    throw new AppError('VALIDATION_FAILED', `Unknown scenario type "${r.scenarioType}". Choose one of: ${Object.keys(SCENARIO_CATALOGUE).join(', ')}.`);
  }
  const level: Level = r.level ?? 'intermediate';
  if (!LEVELS.includes(level)) throw new AppError('VALIDATION_FAILED', `Unknown level "${level}". Choose one of: ${LEVELS.join(', ')}.`);
  const parsed = questionnaireSchema.safeParse(r.questionnaire ?? DEMO_QUESTIONNAIRE);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'The company questionnaire is incomplete; fill it in before practising.');
  const scenario = defaultScenario(r.scenarioType, level, r.language ?? parsed.data.language);
  const s = prepareSession({ questionnaire: { version: r.questionnaireVersion ?? 1, data: parsed.data }, analyses: [], scenario, seed: r.seed ?? 1 });
  const offline = s.offline;
  return {
    scenario,
    customer: s.persona,
    offline,
    voice: voicePersonaFrom(s.persona, scenario, s.instructions),
    brain: (o = {}) => new OfflineCustomerBrain({ params: offline, seed: o.seed, clock: o.clock }),
  };
}
