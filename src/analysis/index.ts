export * from './taxonomy.ts';
export * from './types.ts';
export { classifyUtterance, PRIMARY_ORDER, type UtteranceClass } from './classifier.ts';
export { normalizeText, normalizeForMatch, words, countWords, detectLanguage } from './text.ts';
export { classifyTranscript, splitSentences, type ClassifiedSegment, type Sentence } from './segments.ts';
export { computeMetrics, toTurns, agentResponseGaps, type Turn } from './metrics.ts';
export { BENCHMARKS, rateMetrics, type Benchmark, type MetricKey, type MetricRating, type Rating } from './benchmarks.ts';
export { RUBRIC_CHECKS } from './rubric-checks.ts';
export {
  SKILL_WEIGHTS, PASS_MARK, STRENGTH_MARK, scoreRubric, overall, weaknessesFrom, strengthsFrom, recommendationsFrom,
  type RubricResult, type CheckResult,
} from './rubric.ts';
export { buildContext, type CompanyContext, type RubricCheck, type RubricContext, type CheckOutcome } from './rubric-context.ts';
export { detectCallType } from './call-type.ts';
export type { Analyzer, AnalyzeOptions } from './analyzer.ts';
export { OfflineAnalyzer, analyzeOffline } from './offline-analyzer.ts';
export { agentVoiced, agentAfter, agentBefore } from './findings.ts';
export { RUBRIC_MISSING, missingOf } from './rubric-missing.ts';
export { LlmAnalyzer, parseLlmReply, llmOutputSchema, type LlmAnalyzerOptions, type LlmOutput } from './llm-analyzer.ts';
export { QuoteVerifier, verifyAnalysisQuotes, FUZZY_THRESHOLD, type QuoteCheck } from './quotes.ts';
export { buildAudioOnlyAnalysis, NEEDS_TRANSCRIPT_NOTICE, AUDIO_METRICS, ratedMetricsOf, type AudioOnlyInput, type VoiceSegment } from './audio-only.ts';
export { formatAnalysisText, clock } from './report-text.ts';
export { benchAnalysis, longTranscript, type BenchResult } from './bench.ts';
export {
  evaluate, analyzeCases, formatEvalReport, spearman, auc, ranks, judgeRoles, evalLabelSchema, evalLabelsFileSchema,
  OUTCOMES, COMPETENT_FROM, POOR_UP_TO, ROLE_FLAG_BELOW, type EvalCase, type EvalLabel, type EvalReport, type CallOutcome,
} from './evaluation.ts';
