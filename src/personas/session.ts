import type { Scenario } from '../scenarios/index.ts';
import { buildCompanyContext, type CompanyContext, type QuestionnaireAtVersion } from './company-context.ts';
import { compileInstructions } from './instructions.ts';
import { compileOfflineBrainParams, type OfflineBrainParams } from './offline-params.ts';
import { personaForScenario } from './persona-generator.ts';
import type { CustomerPersona } from './persona-schema.ts';
import { buildWeaknessProfile, type AnalysisRecord, type WeaknessProfile } from './weakness-profile.ts';

export interface SessionInput {
  questionnaire: QuestionnaireAtVersion;
  /** The agent's analysed calls and simulations (may be empty). */
  analyses: AnalysisRecord[];
  scenario: Scenario;
  seed?: number;
  /** Used instead of (or, with analyses, blended into) the analysis profile: self-assessment or manager choice. */
  prior?: WeaknessProfile;
  /** How many calls the prior counts as (default 1). */
  priorWeight?: number;
  avoidNames?: string[];
  now?: Date;
}

/** Everything a practice session needs, from loaded inputs: profile → context → persona → compiled forms. */
export interface PreparedSession {
  profile: WeaknessProfile;
  context: CompanyContext;
  persona: CustomerPersona;
  scenario: Scenario;
  instructions: string;
  offline: OfflineBrainParams;
  questionnaireVersion: number;
}

export function prepareSession(input: SessionInput): PreparedSession {
  const profile = buildWeaknessProfile(input.analyses, { now: input.now, prior: input.prior, priorWeight: input.priorWeight });
  const language = input.scenario.language ?? input.questionnaire.data.language;
  const context = buildCompanyContext(input.questionnaire, { language });
  const persona = personaForScenario(input.scenario, profile, context, input.analyses, { seed: input.seed, avoidNames: input.avoidNames });
  return {
    profile,
    context,
    persona,
    scenario: input.scenario,
    instructions: compileInstructions(persona, input.scenario),
    offline: compileOfflineBrainParams(persona, input.scenario),
    questionnaireVersion: input.questionnaire.version,
  };
}
