/** Scenarios: the catalogue of types, the four levels, yes/no success criteria, the builder and "practise next". */
export * from './catalogue.ts';
export * from './levels.ts';
export * from './criteria.ts';
export * from './scenario.ts';
export { ScenarioBuilder, defaultScenario } from './builder.ts';
export { recommendNextScenario, levelForSkill, type ProfileLike, type PracticeResult, type OpenAssignment, type Recommendation } from './recommend.ts';
export { scenarioCatalogueView, checkCatalogue, EMOTION_LABELS, ARCHETYPE_LABELS, OBJECTION_KIND_LABELS, type CheckParam, type ScenarioCatalogueView } from './labels.ts';
export { scenarioDraftSchema, scenarioFromDraft, type ScenarioDraft } from './draft.ts';
