/**
 * Personas: weakness profile (the spec's analysis parser) → company context → PersonaGenerator →
 * instruction compiler (realtime/chat instructions + offline brain parameters). Industry packs are data files.
 */
export { buildWeaknessProfile, profileFromSelfAssessment, profileFromManagerChoice, weaknessProfileSchema, type WeaknessProfile, type SkillWeakness, type Evidence, type AnalysisRecord, type WeaknessProfileOptions } from './weakness-profile.ts';
export { buildCompanyContext, topicWords, type CompanyContext, type QuestionnaireAtVersion, type ContextObjection, type ContextHiddenNeed, type TechnicalQuestion, type ConversationStyle } from './company-context.ts';
export { generatePersona, personaForScenario, type GenerateOptions } from './persona-generator.ts';
export { customerPersonaSchema, personaObjectionSchema, personaHiddenNeedSchema, personaTargetSchema, stakeholderSchema, type CustomerPersona, type PersonaObjection, type PersonaHiddenNeed, type PersonaTarget, type Stakeholder } from './persona-schema.ts';
export { enrichPersona, enrichmentSchema, type EnrichOptions } from './enrich.ts';
export { compileInstructions, compileDifficultyUpdate } from './instructions.ts';
export { compileOfflineBrainParams, offlineBrainParamsSchema, BRAIN_EVENTS, type OfflineBrainParams, type BrainEvent } from './offline-params.ts';
export { phraseBank, inboundOpeners, PHRASE_SITUATIONS, type PhraseBank, type PhraseSituation } from './phrasebank.ts';
export { TECHNIQUES, TECHNIQUE_LABELS, TECHNIQUE_ACTS, type Technique } from './techniques.ts';
export { INDUSTRY_PACKS, PACK_IDS, packFor, industryPackSchema, type IndustryPack, type IndustryPackInput } from './packs/index.ts';
export { createRng, hashString, type Rng } from './rng.ts';
export { genderize, type Gender } from './text.ts';
export { traitsFrom, clashesWith, personaTraitsSchema, OCCUPATIONS, type PersonaTraits, type Occupation } from './traits.ts';

import type { Scenario } from '../scenarios/index.ts';
import { compileInstructions } from './instructions.ts';
import { compileOfflineBrainParams, type OfflineBrainParams } from './offline-params.ts';
import type { CustomerPersona } from './persona-schema.ts';

/** Both compiled forms of a persona for a session: model instructions and offline brain parameters. */
export function compileSession(persona: CustomerPersona, scenario: Scenario): { instructions: string; offline: OfflineBrainParams } {
  return { instructions: compileInstructions(persona, scenario), offline: compileOfflineBrainParams(persona, scenario) };
}
export { prepareSession, type SessionInput, type PreparedSession } from './session.ts';
export { personaSourcesFromRepos, type PersonaSources } from './sources.ts';
export { createPersonaService, toStoredScenario, type PersonaService, type PersonaServiceDeps, type StoredScenario, type PracticeRequest, type PracticePrepared, type PersonaPreview, type PractiseNext, type Actor } from './service.ts';
export { seedDemoPersonas, type DemoPersonaSeed } from './demo.ts';
