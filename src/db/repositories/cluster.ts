import { sql } from 'drizzle-orm';
import type { Db } from '../driver.ts';

/** One running node (the registry, migration 0012). */
export interface ClusterNodeRow {
  id: string;
  url: string;
  multiNode: boolean;
  startedAt: Date;
  seenAt: Date;
}

/** One live practice call's lease and what the manager's live list shows of it. */
export interface LiveLeaseRow {
  simulationId: string;
  companyId: string;
  agentUserId: string;
  scenarioId: string | null;
  nodeId: string;
  leaseUntil: Date;
  startedAt: Date;
  mood: string | null;
  scoreSoFar: number | null;
  observers: number;
  takeovers: number;
  /** Descriptive fields of the live list (scenario name and type, level, persona, language, mode). */
  summary: Record<string, unknown>;
}

export interface LeaseClaim {
  simulationId: string;
  companyId: string;
  agentUserId: string;
  scenarioId: string | null;
  startedAt?: Date;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const nodeOf = (r: Record<string, unknown>): ClusterNodeRow => ({ id: String(r.id), url: String(r.url), multiNode: Boolean(r.multi_node), startedAt: date(r.started_at), seenAt: date(r.seen_at) });
const leaseOf = (r: Record<string, unknown>): LiveLeaseRow => ({
  simulationId: String(r.simulation_id),
  companyId: String(r.company_id),
  agentUserId: String(r.agent_user_id),
  scenarioId: r.scenario_id === null || r.scenario_id === undefined ? null : String(r.scenario_id),
  nodeId: String(r.node_id),
  leaseUntil: date(r.lease_until),
  startedAt: date(r.started_at),
  mood: r.mood === null || r.mood === undefined ? null : String(r.mood),
  scoreSoFar: r.score_so_far === null || r.score_so_far === undefined ? null : Number(r.score_so_far),
  observers: Number(r.observers ?? 0),
  takeovers: Number(r.takeovers ?? 0),
  summary: (typeof r.summary === 'string' ? JSON.parse(r.summary) : (r.summary ?? {})) as Record<string, unknown>,
});

/** The node registry and live-call leases: the only SQL of multi-node mode. Times are the database's clock. */
export function clusterRepo(db: Db) {
  const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const ms = (v: number) => sql`make_interval(secs => ${v / 1000})`;
  return {
    async registerNode(n: { id: string; url: string; multiNode: boolean }): Promise<void> {
      await db.execute(sql`INSERT INTO cluster_nodes (id, url, multi_node) VALUES (${n.id}, ${n.url}, ${n.multiNode})
        ON CONFLICT (id) DO UPDATE SET url = excluded.url, multi_node = excluded.multi_node, started_at = now(), seen_at = now()`);
    },
    async touchNode(id: string): Promise<void> {
      await db.execute(sql`UPDATE cluster_nodes SET seen_at = now() WHERE id = ${id}`);
    },
    async removeNode(id: string): Promise<void> {
      await db.execute(sql`DELETE FROM cluster_nodes WHERE id = ${id}`);
    },
    async node(id: string): Promise<ClusterNodeRow | undefined> {
      const [r] = await rows(sql`SELECT * FROM cluster_nodes WHERE id = ${id}`);
      return r ? nodeOf(r) : undefined;
    },
    /** Other nodes seen within `withinMs`. */
    async liveNodes(o: { except: string; withinMs: number }): Promise<ClusterNodeRow[]> {
      return (await rows(sql`SELECT * FROM cluster_nodes WHERE id <> ${o.except} AND seen_at > now() - ${ms(o.withinMs)} ORDER BY started_at`)).map(nodeOf);
    },
    /** Forget nodes not seen for `olderThanMs` (their leases expire on their own). */
    async pruneNodes(olderThanMs: number): Promise<void> {
      await db.execute(sql`DELETE FROM cluster_nodes WHERE seen_at < now() - ${ms(olderThanMs)}`);
    },

    async lease(simulationId: string): Promise<LiveLeaseRow | undefined> {
      const [r] = await rows(sql`SELECT * FROM live_leases WHERE simulation_id = ${simulationId}::uuid`);
      return r ? leaseOf(r) : undefined;
    },
    /**
     * Takes the lease for `nodeId` when nobody holds it, this node already does, or the holder's lease ran out;
     * with `from`, also when `from` holds it (its owner was found dead). Returns the lease, or null when another
     * node holds it. A change of holder counts a takeover.
     */
    async claim(c: LeaseClaim, nodeId: string, ttlMs: number, from?: string): Promise<LiveLeaseRow | null> {
      const r = await rows(sql`INSERT INTO live_leases (simulation_id, company_id, agent_user_id, scenario_id, node_id, lease_until, started_at)
        VALUES (${c.simulationId}::uuid, ${c.companyId}::uuid, ${c.agentUserId}::uuid, ${c.scenarioId}::uuid, ${nodeId}, now() + ${ms(ttlMs)}, ${(c.startedAt ?? new Date()).toISOString()}::timestamptz)
        ON CONFLICT (simulation_id) DO UPDATE SET node_id = excluded.node_id, lease_until = excluded.lease_until, updated_at = now(),
          takeovers = live_leases.takeovers + (CASE WHEN live_leases.node_id <> excluded.node_id THEN 1 ELSE 0 END)
        WHERE live_leases.node_id = excluded.node_id OR live_leases.lease_until < now() OR live_leases.node_id = ${from ?? null}
        RETURNING *`);
      return r[0] ? leaseOf(r[0]) : null;
    },
    /** Renews this node's leases; returns the ids still held (a missing one was taken over by another node). */
    async renew(ids: string[], nodeId: string, ttlMs: number): Promise<string[]> {
      if (ids.length === 0) return [];
      const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
      const r = await rows(sql`UPDATE live_leases SET lease_until = now() + ${ms(ttlMs)}, updated_at = now() WHERE node_id = ${nodeId} AND simulation_id IN (${list}) RETURNING simulation_id`);
      return r.map((x) => String(x.simulation_id));
    },
    /** What the live list shows; written by the holder only (another node's write changes nothing). False when not held. */
    async setSummary(simulationId: string, nodeId: string, s: { mood?: string | null; scoreSoFar?: number | null; observers?: number; summary?: Record<string, unknown> }): Promise<boolean> {
      const keep = (col: string) => sql.raw(col);
      const r = await rows(sql`UPDATE live_leases SET
          mood = ${s.mood === undefined ? keep('mood') : sql`${s.mood}`},
          score_so_far = ${s.scoreSoFar === undefined ? keep('score_so_far') : sql`${s.scoreSoFar}`},
          observers = ${s.observers === undefined ? keep('observers') : sql`${Math.max(0, Math.round(s.observers))}`},
          summary = ${s.summary === undefined ? keep('summary') : sql`${JSON.stringify(s.summary)}::jsonb`},
          updated_at = now()
        WHERE simulation_id = ${simulationId}::uuid AND node_id = ${nodeId} RETURNING simulation_id`);
      return r.length > 0;
    },
    async release(simulationId: string, nodeId: string): Promise<void> {
      await db.execute(sql`DELETE FROM live_leases WHERE simulation_id = ${simulationId}::uuid AND node_id = ${nodeId}`);
    },
    /** Calls in progress (lease held, simulation live), oldest first; of one company or all. */
    async live(o: { companyId?: string } = {}): Promise<LiveLeaseRow[]> {
      const company = o.companyId ? sql`AND l.company_id = ${o.companyId}::uuid` : sql``;
      return (
        await rows(sql`SELECT l.* FROM live_leases l JOIN simulations s ON s.id = l.simulation_id
          WHERE l.lease_until > now() AND s.status IN ('connecting', 'active', 'ending') ${company} ORDER BY l.started_at`)
      ).map(leaseOf);
    },
    /** Leases of calls that are over or whose holder vanished long ago. */
    async pruneLeases(olderThanMs: number): Promise<number> {
      const r = await rows(sql`DELETE FROM live_leases l USING simulations s WHERE s.id = l.simulation_id
        AND (s.status IN ('ended', 'interrupted') OR l.lease_until < now() - ${ms(olderThanMs)}) RETURNING l.simulation_id`);
      return r.length;
    },
  };
}
export type ClusterRepo = ReturnType<typeof clusterRepo>;
