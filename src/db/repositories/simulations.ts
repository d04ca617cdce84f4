import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { simulations, simulationTurns, simulationEvents } from '../schema-simulations.ts';
import { users } from '../schema.ts';

export type SimulationRow = typeof simulations.$inferSelect;
export type NewSimulation = typeof simulations.$inferInsert;
export type SimulationStatus = SimulationRow['status'];
export type SimulationTurnRow = typeof simulationTurns.$inferSelect;
export type SimulationEventRow = typeof simulationEvents.$inferSelect;
/** A simulation as listed (no snapshots) with the agent's display name. */
export type SimulationSummaryRow = Omit<SimulationRow, 'scenarioSnapshot' | 'personaSnapshot'> & { agentName: string | null; personaName: string | null };

export interface SimulationFilter {
  companyId?: string;
  agentUserId?: string;
  status?: SimulationStatus;
  /** Managers: hide sessions that ended less than this many hours ago (practice privacy window). */
  privateHours?: number;
  limit?: number;
  offset?: number;
}

const { scenarioSnapshot: _s, personaSnapshot: _p, ...summaryColumns } = getTableColumns(simulations);
const LIVE: SimulationStatus[] = ['connecting', 'active', 'ending'];

export function simulationsRepo(db: Db) {
  return {
    async insert(s: NewSimulation): Promise<SimulationRow> {
      const [row] = await db.insert(simulations).values(s).returning();
      return row;
    },
    async byId(id: string): Promise<SimulationRow | undefined> {
      const [row] = await db.select().from(simulations).where(eq(simulations.id, id));
      return row;
    },
    /** Owner of a simulation for the tenant guard. */
    async scope(id: string): Promise<{ companyId: string; agentUserId: string } | undefined> {
      const [row] = await db.select({ companyId: simulations.companyId, agentUserId: simulations.agentUserId }).from(simulations).where(eq(simulations.id, id));
      return row;
    },
    async list(f: SimulationFilter): Promise<{ rows: SimulationSummaryRow[]; total: number }> {
      const where: SQL[] = [];
      if (f.companyId) where.push(eq(simulations.companyId, f.companyId));
      if (f.agentUserId) where.push(eq(simulations.agentUserId, f.agentUserId));
      if (f.status) where.push(eq(simulations.status, f.status));
      if (f.privateHours && f.privateHours > 0)
        where.push(sql`${simulations.endedAt} IS NOT NULL AND ${simulations.endedAt} < now() - make_interval(hours => ${f.privateHours}::int)`);
      const cond = where.length ? and(...where) : undefined;
      const rows = await db
        .select({
          ...summaryColumns,
          agentName: users.name,
          personaName: sql<string | null>`${simulations.personaSnapshot}->'card'->>'name'`,
        })
        .from(simulations)
        .leftJoin(users, eq(users.id, simulations.agentUserId))
        .where(cond)
        .orderBy(desc(simulations.createdAt))
        .limit(f.limit ?? 50)
        .offset(f.offset ?? 0);
      const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(simulations).where(cond);
      return { rows, total: Number(n) };
    },
    /** An agent's finished (status `ended`) sessions of a stored scenario since a moment, newest first. */
    async finishedOfScenario(agentUserId: string, scenarioId: string, since: Date): Promise<SimulationRow[]> {
      return db
        .select()
        .from(simulations)
        .where(and(eq(simulations.agentUserId, agentUserId), eq(simulations.scenarioId, scenarioId), eq(simulations.status, 'ended'), sql`${simulations.createdAt} >= ${since}`))
        .orderBy(desc(simulations.endedAt))
        .limit(20);
    },
    async update(id: string, patch: Partial<NewSimulation>): Promise<SimulationRow | undefined> {
      const [row] = await db.update(simulations).set(patch).where(eq(simulations.id, id)).returning();
      return row;
    },
    /** Moves a live simulation to a final state; a simulation already final is left as it is. */
    async finish(id: string, f: { status: 'ended' | 'interrupted'; outcome: NonNullable<SimulationRow['outcome']>; endReason: string; durationMs: number }): Promise<boolean> {
      const r = await db
        .update(simulations)
        .set({ ...f, endedAt: sql`now()` })
        .where(and(eq(simulations.id, id), inArray(simulations.status, LIVE)))
        .returning({ id: simulations.id });
      return r.length > 0;
    },
    async addSeconds(id: string, seconds: number): Promise<void> {
      await db.update(simulations).set({ secondsUsed: sql`${simulations.secondsUsed} + ${seconds}` }).where(eq(simulations.id, id));
    },
    /** This node still runs these live simulations. */
    async heartbeat(ids: string[], nodeId: string): Promise<void> {
      if (ids.length === 0) return;
      await db.update(simulations).set({ heartbeatAt: sql`now()`, nodeId }).where(and(inArray(simulations.id, ids), inArray(simulations.status, LIVE)));
    },
    /**
     * Marks live simulations nobody runs any more as interrupted: those of `nodeId` (this node restarted, its
     * sessions died with it) and those whose heartbeat is older than `staleBefore` (another node died).
     */
    async interruptOrphans(o: { nodeId?: string; staleBefore: Date; except?: string[] }): Promise<string[]> {
      const orphan = or(
        o.nodeId ? eq(simulations.nodeId, o.nodeId) : undefined,
        lt(simulations.heartbeatAt, o.staleBefore),
        and(isNull(simulations.heartbeatAt), lt(simulations.createdAt, o.staleBefore)),
      );
      const keep = o.except?.length ? sql`${simulations.id} NOT IN (${sql.join(o.except.map((x) => sql`${x}::uuid`), sql`, `)})` : undefined;
      const r = await db
        .update(simulations)
        .set({
          status: 'interrupted',
          outcome: 'no_outcome',
          endReason: 'server_lost',
          endedAt: sql`now()`,
          durationMs: sql`coalesce(${simulations.durationMs}, (extract(epoch from (now() - coalesce(${simulations.startedAt}, ${simulations.createdAt}))) * 1000)::int)`,
        })
        .where(and(inArray(simulations.status, LIVE), orphan, keep))
        .returning({ id: simulations.id });
      return r.map((x) => x.id);
    },
    /** Insert a finished turn, or rewrite it (same id) when it was cut off later; seq is kept from the first write. */
    async upsertTurn(simulationId: string, t: Omit<typeof simulationTurns.$inferInsert, 'simulationId' | 'createdAt'>): Promise<void> {
      await db
        .insert(simulationTurns)
        .values({ ...t, simulationId })
        .onConflictDoUpdate({
          target: [simulationTurns.simulationId, simulationTurns.id],
          set: { text: t.text, endMs: t.endMs, interrupted: t.interrupted, latency: t.latency ?? null },
        });
    },
    async setTurnLatency(simulationId: string, turnId: string, latency: unknown): Promise<boolean> {
      const r = await db
        .update(simulationTurns)
        .set({ latency })
        .where(and(eq(simulationTurns.simulationId, simulationId), eq(simulationTurns.id, turnId)))
        .returning({ id: simulationTurns.id });
      return r.length > 0;
    },
    async turns(simulationId: string): Promise<SimulationTurnRow[]> {
      return db.select().from(simulationTurns).where(eq(simulationTurns.simulationId, simulationId)).orderBy(asc(simulationTurns.seq));
    },
    async appendEvent(simulationId: string, atMs: number, kind: string, data: unknown): Promise<void> {
      await db.insert(simulationEvents).values({ simulationId, atMs: Math.round(atMs), kind, data: data ?? {} });
    },
    async events(simulationId: string, kinds?: string[]): Promise<SimulationEventRow[]> {
      const cond = kinds?.length ? and(eq(simulationEvents.simulationId, simulationId), inArray(simulationEvents.kind, kinds)) : eq(simulationEvents.simulationId, simulationId);
      return db.select().from(simulationEvents).where(cond).orderBy(asc(simulationEvents.id));
    },
    async delete(id: string): Promise<boolean> {
      const r = await db.delete(simulations).where(eq(simulations.id, id)).returning({ id: simulations.id });
      return r.length > 0;
    },
  };
}
