/**
 * Coaching: the live layer of a practice call (ConversationTracker, VoiceConfidence, EmotionDetector,
 * DifficultyEngine, RealTimeCoach, LiveCoaching) and the session report.
 */
export { type Turn, type CustomerState, type LiveEvent, type Bilingual, customerStateFromValues } from './types.ts';
export { COACHING_BENCHMARKS, compareToBenchmark, type Benchmark, type BenchmarkId } from './benchmarks.ts';
export {
  ConversationTracker, type ConversationSnapshot, type ObjectionRecord, type BuyingSignalRecord, type TrackedTurn, type TrackerOptions,
} from './conversation-tracker.ts';
export { ProsodyTracker, featuresOf, DEFAULT_PROSODY_OPTIONS, type ProsodyOptions, type ProsodyCounts, type ProsodyFeatures } from './prosody.ts';
export { VoiceConfidence, confidenceFromFeatures, CONFIDENCE_WEIGHTS, MIN_SPEECH_SEC, type ConfidenceReading } from './voice-confidence.ts';
export { CUSTOMER_MOODS, MOOD_LABELS, type CustomerMood } from './emotion-lexicon.ts';
export { EmotionDetector, moodFromState, type AgentState, type AgentReading, type MoodReading } from './emotion.ts';
export {
  DifficultyEngine, LEVEL_LIMITS, toInstructionUpdate, brainTarget, engineTarget,
  type DifficultyMode, type DifficultyDirectives, type DifficultyChange, type DifficultyOptions, type DifficultyTarget, type EngineDirective, type LevelLimits,
} from './difficulty.ts';
export { RealTimeCoach, HINT_RULES, type HintRule, type HintEvent, type CoachOptions } from './coach.ts';
export { LiveCoaching, type LiveCoachingOptions, type LiveRecord, type CoachMessage } from './live.ts';
export { sessionReportSchema, SESSION_OUTCOMES, type SessionReport, type SessionOutcome, type CriterionResult } from './report-schema.ts';
export {
  buildSessionReport, reportInputFromLive, inferOutcome, latencySummary, verifyQuotes,
  type SessionReportInput, type ScenarioFacts, type LatencyTimelineLike,
} from './report.ts';
export { benchCoaching } from './bench.ts';
export { coachingTap, scenarioFacts, CoachingSession, type CoachingTapOptions, type CoachingInit, type CoachingEnd, type DirectiveOut } from './voice-tap.ts';
export { CoachingWorkerHost, youngGenerationBytes } from './worker-host.ts';
export { reportForTypedCall, type TypedCall } from './cli-report.ts';
