/**
 * "Practise this weakness" from a call report: the targeted practice scenario for one weakness the call's
 * analysis named — the catalogue scenario of that skill (the one "practise next" picks for it), at the level the
 * skill's score in that call calls for, in the call's language. The persona engine then aims the customer at
 * the skill (a scenario's focus skills are among the persona's targets).
 */
import { callAnalysisSchema, type CallAnalysis, type Language, type SkillId } from '../analysis/index.ts';
import { AppError } from '../core/index.ts';
import { levelForSkill, scenarioTypeForSkill, type Level, type ScenarioType } from '../scenarios/index.ts';

export interface PracticeTarget {
  skill: SkillId;
  scenarioType: ScenarioType;
  level: Level;
  language: Language;
}

/** The stored call report's analysis ({ kind, analysis, audio } or a bare analysis), or null when it has none. */
export function analysisOfStoredReport(report: unknown): CallAnalysis | null {
  const inner = report && typeof report === 'object' && 'analysis' in report ? (report as { analysis: unknown }).analysis : report;
  const a = callAnalysisSchema.safeParse(inner);
  return a.success ? a.data : null;
}

/** The practice target for `skill` in this call; VALIDATION_FAILED when the call's report names no such weakness. */
export function practiceTargetForWeakness(a: CallAnalysis | null, skill: SkillId): PracticeTarget {
  const w = a?.weaknesses.find((x) => x.skill === skill);
  if (!a || !w) {
    throw new AppError('VALIDATION_FAILED', 'This call’s report names no weakness in that skill; choose one of the weaknesses listed in the report.', {
      details: { fields: { skill: 'not a weakness of this call' } },
    });
  }
  const score = a.skills.find((s) => s.id === skill)?.score ?? null;
  return { skill, scenarioType: scenarioTypeForSkill(skill), level: levelForSkill(score, w.severity), language: a.language };
}
