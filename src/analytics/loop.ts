/**
 * The closed loop: a finished practice session's report becomes (1) a CallAnalysis-shaped record for the
 * persona engine's weakness profile (its 'simulation' seam), (2) a practice result for "practise next", and
 * (3) a score point for long-term tracking.
 */
import type { CallAnalysis } from '../analysis/index.ts';
import type { SessionReport } from '../coaching/index.ts';
import type { AnalysisRecord } from '../personas/index.ts';
import type { PracticeResult, ScenarioType, Level } from '../scenarios/index.ts';
import type { ScorePoint } from './progress.ts';

/** The session report in the call-analysis shape (the fields they share, plus the simulation's findings). */
export function sessionToCallAnalysis(r: SessionReport): CallAnalysis {
  return {
    language: r.language,
    callType: r.callType,
    durationSec: r.durationSec,
    overallScore: r.overallScore,
    skills: r.skills,
    strengths: r.strengths,
    weaknesses: r.weaknesses,
    recommendations: r.recommendations,
    metrics: r.metrics,
    objections: r.objections.map((o) => ({ kind: o.kind, quote: o.quote, startSec: o.startSec, handled: o.handled })),
    tone: r.tone,
    analyzer: { name: 'simulation-report', quotesCorrected: 0, quotesDropped: r.quotesDropped },
    notices: r.skillsNotExercised.length ? [`not exercised in this practice call: ${r.skillsNotExercised.join(', ')}`] : [],
  };
}

/** The weakness-profile input (personas' AnalysisRecord with source 'simulation'). */
export function sessionToAnalysisRecord(r: SessionReport, meta: { at: Date; sessionId?: string }): AnalysisRecord {
  return { analysis: sessionToCallAnalysis(r), at: meta.at, source: 'simulation', ...(meta.sessionId ? { id: meta.sessionId } : {}) };
}

/** Pass mark for a practice session: score ≥ 70 (brief: pass marks of 70–80) and no failed criterion. */
export const SESSION_PASS_MARK = 70;

export function sessionPassed(r: SessionReport, passMark = SESSION_PASS_MARK): boolean {
  return r.overallScore !== null && r.overallScore >= passMark && r.criteria.every((c) => c.passed);
}

/**
 * Whether a practice call passes an assignment: its score reaches the assignment's pass mark and every success
 * criterion was met. A pass mark of 0 asks only that the call was held (any scored call completes it).
 */
export function assignmentPassed(r: { overallScore: number | null; criteria?: readonly { passed: boolean }[] }, passMark: number): boolean {
  if (r.overallScore === null) return false;
  if (passMark <= 0) return true;
  return r.overallScore >= passMark && (r.criteria ?? []).every((c) => c.passed);
}

/** The practice history entry scenarios' recommendNextScenario reads. */
export function sessionToPracticeResult(r: SessionReport, meta: { at: Date; type: ScenarioType; level: Level }): PracticeResult {
  return { type: meta.type, level: meta.level, passed: sessionPassed(r), at: meta.at };
}

/** A score point for progress curves. */
export function sessionToScorePoint(r: SessionReport, meta: { agentId: string; at: Date }): ScorePoint {
  return {
    agentId: meta.agentId, at: meta.at, source: 'simulation', overallScore: r.overallScore,
    skills: r.skills.map((s) => ({ id: s.id, score: s.score })),
    ...(r.scenarioId ? { scenarioId: r.scenarioId } : {}),
    outcome: r.outcome, passed: sessionPassed(r),
  };
}

/** A real call's analysis as a score point. */
export function callToScorePoint(a: CallAnalysis, meta: { agentId: string; at: Date }): ScorePoint {
  return { agentId: meta.agentId, at: meta.at, source: 'call', overallScore: a.overallScore, skills: a.skills.map((s) => ({ id: s.id, score: s.score })) };
}
