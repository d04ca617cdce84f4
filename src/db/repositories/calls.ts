import { and, desc, eq, gte, lte, lt, sql, getTableColumns, type SQL } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { calls } from '../schema-calls.ts';
import { users } from '../schema.ts';

export type CallRow = typeof calls.$inferSelect;
export type NewCall = typeof calls.$inferInsert;
export type CallStatus = CallRow['status'];

/** A call as listed (no transcript or report bodies) with the agent's display name. */
export type CallSummaryRow = Omit<CallRow, 'transcript' | 'report'> & { agentName: string | null };

export interface CallFilter {
  companyId?: string;
  agentUserId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  callType?: string;
  status?: CallStatus;
  minScore?: number;
  maxScore?: number;
  limit?: number;
  offset?: number;
}

const { transcript: _t, report: _r, ...summaryColumns } = getTableColumns(calls);

export function callsRepo(db: Db) {
  return {
    async insert(c: NewCall): Promise<CallRow> {
      const [row] = await db.insert(calls).values(c).returning();
      return row;
    },
    async byId(id: string): Promise<CallRow | undefined> {
      const [row] = await db.select().from(calls).where(eq(calls.id, id));
      return row;
    },
    /** Owner of a call for the tenant guard, without loading its report. */
    async scope(id: string): Promise<{ companyId: string; agentUserId: string } | undefined> {
      const [row] = await db.select({ companyId: calls.companyId, agentUserId: calls.agentUserId }).from(calls).where(eq(calls.id, id));
      return row;
    },
    async list(f: CallFilter): Promise<{ rows: CallSummaryRow[]; total: number }> {
      const where: SQL[] = [];
      if (f.companyId) where.push(eq(calls.companyId, f.companyId));
      if (f.agentUserId) where.push(eq(calls.agentUserId, f.agentUserId));
      if (f.from) where.push(gte(calls.createdAt, f.from));
      if (f.to) where.push(lt(calls.createdAt, f.to));
      if (f.callType) where.push(eq(calls.callType, f.callType));
      if (f.status) where.push(eq(calls.status, f.status));
      if (f.minScore != null) where.push(gte(calls.overallScore, f.minScore));
      if (f.maxScore != null) where.push(lte(calls.overallScore, f.maxScore));
      const cond = where.length ? and(...where) : undefined;
      const rows = await db
        .select({ ...summaryColumns, agentName: users.name })
        .from(calls)
        .leftJoin(users, eq(users.id, calls.agentUserId))
        .where(cond)
        .orderBy(desc(calls.createdAt))
        .limit(f.limit ?? 50)
        .offset(f.offset ?? 0);
      const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(calls).where(cond);
      return { rows: rows as unknown as CallSummaryRow[], total: Number(n) };
    },
    async update(id: string, patch: Partial<NewCall>): Promise<CallRow | undefined> {
      const [row] = await db
        .update(calls)
        .set({ ...patch, updatedAt: sql`now()` })
        .where(eq(calls.id, id))
        .returning();
      return row;
    },
    /** Moves a call to a processing stage; never moves a finished call back. */
    async setStage(id: string, status: CallStatus, progress: number): Promise<boolean> {
      const r = await db
        .update(calls)
        .set({ status, progress, updatedAt: sql`now()` })
        .where(and(eq(calls.id, id), sql`${calls.status} <> 'done'`))
        .returning({ id: calls.id });
      return r.length > 0;
    },
    /** Flags the analyses quota as taken for this call; true only for the first caller (so it is taken once). */
    async claimQuota(id: string): Promise<boolean> {
      const r = await db
        .update(calls)
        .set({ quotaConsumed: true })
        .where(and(eq(calls.id, id), eq(calls.quotaConsumed, false)))
        .returning({ id: calls.id });
      return r.length > 0;
    },
    async unclaimQuota(id: string): Promise<void> {
      await db.update(calls).set({ quotaConsumed: false }).where(eq(calls.id, id));
    },
    async delete(id: string): Promise<boolean> {
      const r = await db.delete(calls).where(eq(calls.id, id)).returning({ id: calls.id });
      return r.length > 0;
    },
    /** Analysed calls of one agent, newest first (the persona engine reads their weaknesses). */
    async doneByAgent(agentUserId: string, limit = 20): Promise<CallRow[]> {
      return db
        .select()
        .from(calls)
        .where(and(eq(calls.agentUserId, agentUserId), eq(calls.status, 'done')))
        .orderBy(desc(calls.createdAt))
        .limit(limit);
    },
  };
}
