/**
 * Session ownership across nodes (issue 17): each live practice call has one owning node, recorded with a lease
 * in PostgreSQL (`live_leases`, renewed every `renewMs` while the call runs). A node asked for a call another
 * node holds takes it over only when that owner is gone: its lease ran out, or it is not in the node registry,
 * or it does not answer its health check as itself (a killed node refuses the connection at once, so the
 * takeover does not wait for the lease to expire). Two nodes racing for a dead owner's call: the conditional
 * UPDATE lets one win. The taking node rebuilds the call from the database (`loadResume`): finished turns,
 * the conversation handed to the engine (the offline brain replays the agent's turns into the same seeded
 * state; an LLM brain gets the history), the difficulty in force, and the session clock.
 */
import { AppError } from '../core/index.ts';
import type { ClusterRepo, Repositories, SimulationRow } from '../db/index.ts';
import type { DifficultyDirective } from './engine.ts';
import type { HistoryTurn } from './fallback-engine.ts';
import type { SessionTap, TurnRecord } from './session.ts';

/** Lease length and renewal (ms). A dead owner is normally noticed at once (health check), the lease is the backstop. */
export const LEASE_MS = 15_000;
export const RENEW_MS = 5_000;
/** A registered node not seen for this long is gone (nodes touch their row at every renewal). */
const NODE_STALE_MS = 3 * RENEW_MS;

/** The call runs on another live node: the page should reconnect (the load balancer routes by id). */
export class SessionElsewhereError extends AppError {
  constructor(readonly node: string) {
    super('CONFLICT', 'This call is running on another server; reconnecting…');
  }
}

export type Claim = { kind: 'owned'; takenOverFrom: string | null };

export interface OwnershipOptions {
  repo: Pick<ClusterRepo, 'lease' | 'claim' | 'renew' | 'release' | 'node' | 'touchNode' | 'setSummary' | 'pruneLeases'>;
  nodeId: string;
  leaseMs?: number;
  renewMs?: number;
  /** Does the node at `url` answer as `nodeId`? Default: GET url/api/health within 1.5 s. */
  probe?: (url: string, nodeId: string) => Promise<boolean>;
  log?: (msg: string, err?: unknown) => void;
}

/** GET /api/health of another node: alive when it answers as that node. */
export async function probeNode(url: string, nodeId: string): Promise<boolean> {
  try {
    const r = await fetch(new URL('/api/health', url), { signal: AbortSignal.timeout(1500) });
    if (!r.ok) return false;
    const body = (await r.json()) as { node?: string };
    return body.node === nodeId;
  } catch {
    return false;
  }
}

export class SessionOwnership {
  private timer: NodeJS.Timeout | null = null;
  private readonly moods = new Map<string, string>();
  /** Takeovers this node made (simulation id → previous owner), for logs and tests. */
  readonly takeovers: Array<{ simulationId: string; from: string; at: number }> = [];

  constructor(private readonly o: OwnershipOptions) {}

  get nodeId(): string {
    return this.o.nodeId;
  }

  /** Take the lease of a call about to run here; throws SessionElsewhereError while a live node holds it. */
  async claim(row: SimulationRow): Promise<Claim> {
    const c = { simulationId: row.id, companyId: row.companyId, agentUserId: row.agentUserId, scenarioId: row.scenarioId, startedAt: row.startedAt ?? row.createdAt };
    const me = this.o.nodeId;
    const held = await this.o.repo.lease(row.id);
    // a started call whose lease is missing (stored before leases, or its owner died before writing it)
    const previous = held?.nodeId ?? (row.status === 'active' && row.nodeId && row.nodeId !== me ? row.nodeId : null);
    if (!held || held.nodeId === me) {
      if (previous && previous !== me && (await this.alive(previous))) throw new SessionElsewhereError(previous);
      const got = await this.o.repo.claim(c, me, this.leaseMs);
      if (got) return { kind: 'owned', takenOverFrom: previous && previous !== me ? this.tookOver(row.id, previous) : null };
    }
    const owner = (await this.o.repo.lease(row.id))?.nodeId ?? previous;
    if (owner && owner !== me && (await this.alive(owner))) throw new SessionElsewhereError(owner);
    const got = await this.o.repo.claim(c, me, this.leaseMs, owner ?? undefined);
    if (!got) throw new SessionElsewhereError(owner ?? 'unknown');
    return { kind: 'owned', takenOverFrom: owner && owner !== me ? this.tookOver(row.id, owner) : null };
  }

  /** Renew the leases of `liveIds()` every renewMs; a call another node took over is handed to `onLost`. */
  start(liveIds: () => string[], onLost: (simulationId: string) => void): void {
    if (this.timer) return;
    let prunes = 0;
    this.timer = setInterval(() => {
      void (async () => {
        const ids = liveIds();
        await this.o.repo.touchNode(this.o.nodeId);
        const kept = new Set(await this.o.repo.renew(ids, this.o.nodeId, this.leaseMs));
        for (const id of ids) if (!kept.has(id)) onLost(id);
        if (++prunes % 12 === 0) await this.o.repo.pruneLeases(10 * 60_000);
      })().catch((e) => this.o.log?.('lease renewal failed', e));
    }, this.o.renewMs ?? RENEW_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The call is over here (ended, interrupted, or lost): the lease goes. */
  release(simulationId: string): void {
    this.moods.delete(simulationId);
    void this.o.repo.release(simulationId, this.o.nodeId).catch((e) => this.o.log?.(`simulation ${simulationId}: could not release its lease`, e));
  }

  /** What the live list shows (mood, score so far); written by the owner only, never throws. */
  summary(simulationId: string, s: { mood?: string | null; scoreSoFar?: number | null }): void {
    void this.o.repo.setSummary(simulationId, this.o.nodeId, s).catch((e) => this.o.log?.(`simulation ${simulationId}: could not update its live summary`, e));
  }

  /** A tap keeping the lease row's mood current (one write per change of mood). */
  tap(simulationId: string): SessionTap {
    return {
      onEngineEvent: (e) => {
        if (e.type !== 'customer_state' || this.moods.get(simulationId) === e.mood) return;
        this.moods.set(simulationId, e.mood);
        this.summary(simulationId, { mood: e.mood });
      },
    };
  }

  private get leaseMs(): number {
    return this.o.leaseMs ?? LEASE_MS;
  }

  private tookOver(simulationId: string, from: string): string {
    this.takeovers.push({ simulationId, from, at: Date.now() });
    this.o.log?.(`simulation ${simulationId}: taken over from node ${from}`);
    return from;
  }

  /** The owner is registered, seen lately, and answers its health check as itself. */
  private async alive(nodeId: string): Promise<boolean> {
    const node = await this.o.repo.node(nodeId);
    if (!node || Date.now() - node.seenAt.getTime() > NODE_STALE_MS) return false;
    return (this.o.probe ?? probeNode)(node.url, nodeId);
  }
}

/** What a node needs to carry a call on from the database. */
export interface ResumeState {
  /** Finished turns as the session reports them (the page gets them replayed). */
  turns: TurnRecord[];
  /** The conversation for the engine (turns with words). */
  history: HistoryTurn[];
  /** Stored turn ids and their sequence numbers (new turns continue after them). */
  seqs: Array<[string, number]>;
  /** Session-clock ms when the call is taken over (time since it started, the outage included). */
  elapsedMs: number;
  /** The difficulty in force (the last one stored). */
  directive: DifficultyDirective;
}

const LEVELS = new Set(['supportive', 'neutral', 'challenging']);

export async function loadResume(repos: Pick<Repositories, 'simulations'>, row: SimulationRow, now = Date.now()): Promise<ResumeState> {
  const [turns, difficulty] = await Promise.all([repos.simulations.turns(row.id), repos.simulations.events(row.id, ['difficulty'])]);
  const last = difficulty.at(-1)?.data as { level?: string } | undefined;
  const started = (row.startedAt ?? row.createdAt).getTime();
  const lastEnd = turns.reduce((m, t) => Math.max(m, t.endMs), 0);
  return {
    turns: turns.map((t) => ({ id: t.id, speaker: t.speaker, text: t.text, startMs: t.startMs, endMs: t.endMs, interrupted: t.interrupted, engine: t.engine, latency: null, ...(t.inaudible ? { inaudible: true } : {}) })),
    history: turns.filter((t) => t.text.trim() !== '').map((t) => ({ role: t.speaker, text: t.text })),
    seqs: turns.map((t) => [t.id, t.seq]),
    elapsedMs: Math.max(now - started, lastEnd),
    directive: { level: last?.level && LEVELS.has(last.level) ? (last.level as DifficultyDirective['level']) : 'neutral' },
  };
}
