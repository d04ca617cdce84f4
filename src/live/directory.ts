/**
 * The LiveDirectory of many nodes: the lease rows of live calls in PostgreSQL (`live_leases`, migration 0012).
 * The owning node's lease is taken when the call is built (src/voice/ownership.ts); `register` and `update`
 * write what the list shows onto it, so a list on any node sees every node's calls. A node writes only the
 * rows it holds: the node a call was taken from cannot overwrite or remove the new owner's row.
 */
import type { ClusterRepo, LiveLeaseRow } from '../db/index.ts';
import type { LiveDirectory, LiveSessionPatch, LiveSessionSummary } from './types.ts';

/** Register's fields kept in the row's `summary` column (the rest have columns of their own). */
const DESCRIPTIVE = ['scenarioType', 'level', 'scenarioName', 'personaName', 'language', 'mode'] as const;

const summaryOf = (l: LiveLeaseRow): LiveSessionSummary => {
  const extra: Partial<LiveSessionSummary> = {};
  for (const k of DESCRIPTIVE) if (l.summary[k] !== undefined) (extra as Record<string, unknown>)[k] = l.summary[k];
  return {
    simulationId: l.simulationId,
    companyId: l.companyId,
    agentUserId: l.agentUserId,
    scenarioId: l.scenarioId,
    startedAt: l.startedAt.toISOString(),
    node: l.nodeId,
    mood: l.mood,
    scoreSoFar: l.scoreSoFar,
    observers: l.observers,
    ...extra,
  };
};

export class LeaseLiveDirectory implements LiveDirectory {
  constructor(
    private readonly repo: Pick<ClusterRepo, 'live' | 'lease' | 'setSummary' | 'claim' | 'release'>,
    private readonly nodeId: string,
    /** Lease length for a call registered before its lease was taken (ms). */
    private readonly leaseMs = 15_000,
  ) {}

  async register(s: LiveSessionSummary): Promise<void> {
    const summary: Record<string, unknown> = {};
    for (const k of DESCRIPTIVE) if (s[k] !== undefined && s[k] !== null) summary[k] = s[k];
    const patch = { mood: s.mood, scoreSoFar: s.scoreSoFar, observers: s.observers, summary };
    if (await this.repo.setSummary(s.simulationId, this.nodeId, patch)) return;
    // not held yet (a call that went live without the ownership check): take the lease now
    const got = await this.repo.claim({ simulationId: s.simulationId, companyId: s.companyId, agentUserId: s.agentUserId, scenarioId: s.scenarioId, startedAt: new Date(s.startedAt) }, this.nodeId, this.leaseMs);
    if (got) await this.repo.setSummary(s.simulationId, this.nodeId, patch);
  }

  async update(simulationId: string, patch: LiveSessionPatch): Promise<void> {
    const { node: _node, ...rest } = patch;
    await this.repo.setSummary(simulationId, this.nodeId, rest);
  }

  async unregister(simulationId: string): Promise<void> {
    await this.repo.release(simulationId, this.nodeId);
  }

  async list(companyId: string): Promise<LiveSessionSummary[]> {
    return (await this.repo.live({ companyId })).map(summaryOf);
  }

  async get(simulationId: string): Promise<LiveSessionSummary | null> {
    const l = await this.repo.lease(simulationId);
    return l && l.leaseUntil.getTime() > Date.now() ? summaryOf(l) : null;
  }
}
