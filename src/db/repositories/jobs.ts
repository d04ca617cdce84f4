import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { jobs } from '../schema-calls.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = JobRow['status'];

/** snake_case row from a raw statement → JobRow. */
function fromRaw(r: Record<string, unknown>): JobRow {
  const d = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    id: String(r.id),
    kind: String(r.kind),
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    companyId: (r.company_id as string | null) ?? null,
    status: r.status as JobStatus,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    runAt: d(r.run_at)!,
    lockedUntil: d(r.locked_until),
    lockedBy: (r.locked_by as string | null) ?? null,
    stage: (r.stage as string | null) ?? null,
    progress: Number(r.progress),
    error: (r.error as string | null) ?? null,
    createdAt: d(r.created_at)!,
    updatedAt: d(r.updated_at)!,
    finishedAt: d(r.finished_at),
    finishedBy: (r.finished_by as string | null) ?? null,
  };
}

const ms = (n: number) => sql`(${Math.round(n)} * interval '1 millisecond')`;

/** The job queue's storage. Every state change after a claim is conditional on the worker still holding the lease. */
export function jobsRepo(db: Db) {
  const raw = async (q: SQL) => ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows.map(fromRaw);
  const mine = (id: string, worker: string) => and(eq(jobs.id, id), eq(jobs.lockedBy, worker), eq(jobs.status, 'running'));
  return {
    async enqueue(j: { id: string; kind: string; payload: unknown; companyId?: string | null; maxAttempts?: number; runAt?: Date }): Promise<JobRow> {
      const [row] = await db
        .insert(jobs)
        .values({
          id: j.id,
          kind: j.kind,
          payload: j.payload ?? {},
          companyId: j.companyId ?? null,
          status: 'queued',
          attempts: 0,
          maxAttempts: j.maxAttempts ?? 5,
          runAt: j.runAt ?? new Date(),
          progress: 0,
        })
        .returning();
      return row;
    },
    async byId(id: string): Promise<JobRow | undefined> {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row;
    },
    /**
     * Claims the oldest runnable job of the given kinds: queued and due, or running with an expired lease
     * (its worker died). FOR UPDATE SKIP LOCKED lets many workers claim concurrently without blocking.
     */
    async claim(kinds: string[], worker: string, leaseMs: number): Promise<JobRow | undefined> {
      if (kinds.length === 0) return undefined;
      const kindList = sql.join(kinds.map((k) => sql`${k}`), sql`, `);
      const rows = await raw(sql`
        UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${worker},
          locked_until = now() + ${ms(leaseMs)}, updated_at = now()
        WHERE id = (
          SELECT id FROM jobs
          WHERE kind IN (${kindList})
            AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
          ORDER BY run_at, created_at
          FOR UPDATE SKIP LOCKED
          LIMIT 1)
        RETURNING *`);
      return rows[0];
    },
    /** Renews the lease; false when the job is no longer this worker's (reclaimed or cancelled). */
    async heartbeat(id: string, worker: string, leaseMs: number): Promise<boolean> {
      const r = await db
        .update(jobs)
        .set({ lockedUntil: sql`now() + ${ms(leaseMs)}`, updatedAt: sql`now()` })
        .where(mine(id, worker))
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    async progress(id: string, worker: string, stage: string, progress: number): Promise<boolean> {
      const r = await db
        .update(jobs)
        .set({ stage, progress, updatedAt: sql`now()` })
        .where(mine(id, worker))
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    async complete(id: string, worker: string): Promise<boolean> {
      const r = await db
        .update(jobs)
        .set({ status: 'done', stage: 'done', progress: 1, lockedBy: null, lockedUntil: null, error: null, finishedAt: sql`now()`, finishedBy: worker, updatedAt: sql`now()` })
        .where(mine(id, worker))
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    /** Puts the job back in the queue to run again at `runAt`, recording why the attempt failed. */
    async retry(id: string, worker: string, error: string, runAt: Date): Promise<boolean> {
      const r = await db
        .update(jobs)
        .set({ status: 'queued', error, runAt, lockedBy: null, lockedUntil: null, updatedAt: sql`now()` })
        .where(mine(id, worker))
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    async fail(id: string, worker: string | null, error: string): Promise<boolean> {
      const where = worker ? mine(id, worker) : eq(jobs.id, id);
      const r = await db
        .update(jobs)
        .set({ status: 'failed', stage: 'failed', error, lockedBy: null, lockedUntil: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
        .where(where)
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    /** Returns a running job to the queue without counting the attempt (graceful shutdown). */
    async release(id: string, worker: string): Promise<boolean> {
      const r = await db
        .update(jobs)
        .set({ status: 'queued', attempts: sql`greatest(${jobs.attempts} - 1, 0)`, lockedBy: null, lockedUntil: null, runAt: sql`now()`, updatedAt: sql`now()` })
        .where(mine(id, worker))
        .returning({ id: jobs.id });
      return r.length > 0;
    },
    /**
     * Puts every running job back in the queue at once. Only for an embedded database that a single process
     * owns (PGlite): whatever is 'running' when it opens was orphaned by a crash, no need to wait for the lease.
     */
    async requeueOrphans(): Promise<number> {
      const r = await db
        .update(jobs)
        .set({ status: 'queued', lockedBy: null, lockedUntil: null, runAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(jobs.status, 'running'))
        .returning({ id: jobs.id });
      return r.length;
    },
    /** Jobs whose payload has `key` = `value` (e.g. callId), newest first. */
    async byPayload(kind: string, key: string, value: string): Promise<JobRow[]> {
      return db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, kind), sql`${jobs.payload} ->> ${key} = ${value}`))
        .orderBy(sql`${jobs.createdAt} DESC`);
    },
    /** Marks unfinished jobs with payload `key` = `value` as failed (their subject was deleted). */
    async cancelByPayload(kind: string, key: string, value: string, reason: string): Promise<number> {
      const r = await db
        .update(jobs)
        .set({ status: 'failed', stage: 'failed', error: reason, lockedBy: null, lockedUntil: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(jobs.kind, kind), sql`${jobs.payload} ->> ${key} = ${value}`, sql`${jobs.status} IN ('queued', 'running')`))
        .returning({ id: jobs.id });
      return r.length;
    },
    /** Counts by status for a kind (dashboards, tests). */
    async counts(kind: string): Promise<Record<JobStatus, number>> {
      const rows = await db
        .select({ status: jobs.status, n: sql<number>`count(*)::int` })
        .from(jobs)
        .where(eq(jobs.kind, kind))
        .groupBy(jobs.status);
      const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
      for (const r of rows) out[r.status] = Number(r.n);
      return out;
    },
  };
}
