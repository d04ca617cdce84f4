/** The LiveDirectory over the lease rows (migration 0012): calls in progress on every node, from any node. */
import type { ClusterRepo, LiveLeaseRow } from '../db/index.ts';
import type { LiveDirectory, LiveSessionSummary } from './types.ts';

const summaryOf = (l: LiveLeaseRow): LiveSessionSummary => ({
  simulationId: l.simulationId,
  companyId: l.companyId,
  agentUserId: l.agentUserId,
  scenarioId: l.scenarioId,
  startedAt: l.startedAt.toISOString(),
  node: l.nodeId,
  mood: l.mood,
  scoreSoFar: l.scoreSoFar,
  observers: l.observers,
});

export function leaseDirectory(repo: Pick<ClusterRepo, 'live' | 'lease' | 'setSummary'>): LiveDirectory {
  return {
    async list(q) {
      return (await repo.live({ companyId: q.companyId })).map(summaryOf);
    },
    async get(simulationId) {
      const l = await repo.lease(simulationId);
      return l && l.leaseUntil.getTime() > Date.now() ? summaryOf(l) : null;
    },
    async update(simulationId, nodeId, patch) {
      await repo.setSummary(simulationId, nodeId, patch);
    },
  };
}
