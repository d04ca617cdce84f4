/** Practice sessions written straight to the database, for tests about what a finished (or scored) session allows. */
import type { AppContext } from '../app/index.ts';
import { newId } from '../core/index.ts';

/** Inserts a practice session of a stored scenario in the given state; with `score`, also its stored report. */
export async function insertPracticeSession(
  ctx: AppContext,
  s: { companyId: string; agentUserId: string; scenarioId: string | null; status?: 'ended' | 'interrupted' | 'active'; score?: { overall: number; passed: boolean }; endedAt?: Date },
): Promise<string> {
  const id = newId();
  const status = s.status ?? 'ended';
  await ctx.repos.simulations.insert({
    id,
    companyId: s.companyId,
    agentUserId: s.agentUserId,
    scenarioId: s.scenarioId,
    scenarioType: 'discovery',
    level: 'foundation',
    scenarioSnapshot: {},
    personaSnapshot: {},
    engine: 'text',
    mode: 'text',
    language: 'he',
    status,
    seed: 1,
    secondsUsed: 60,
    ...(status === 'active' ? { startedAt: new Date() } : { startedAt: new Date(), endedAt: s.endedAt ?? new Date(), outcome: 'no_outcome' as const, endReason: 'agent_ended', durationMs: 60_000 }),
  });
  if (s.score) {
    await ctx.repos.reports.upsert({
      simulationId: id,
      companyId: s.companyId,
      agentUserId: s.agentUserId,
      scenarioType: 'discovery',
      level: 'foundation',
      scenarioId: s.scenarioId,
      language: 'he',
      overallScore: s.score.overall,
      outcome: 'next_step',
      passed: s.score.passed,
      report: { overallScore: s.score.overall, criteria: [], skills: [] },
      analysis: {},
    });
  }
  return id;
}
