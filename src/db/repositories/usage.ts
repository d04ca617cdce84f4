import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { usageCounters } from '../schema.ts';

export type UsageKind = 'analyses' | 'sim_seconds';

export type ConsumeResult =
  | { ok: true; companyUsed: number; userUsed: number | null }
  | { ok: false; scope: 'company' | 'user'; used: number; limit: number };

/** Current month as 'YYYY-MM' in UTC. */
export const periodOf = (d = new Date()): string => d.toISOString().slice(0, 7);

class QuotaDenied extends Error {
  constructor(readonly result: Extract<ConsumeResult, { ok: false }>) {
    super('quota denied');
  }
}

export function usageRepo(db: Db) {
  return {
    async get(companyId: string, scope: string, kind: UsageKind, period = periodOf()): Promise<number> {
      const [r] = await db
        .select({ used: usageCounters.used })
        .from(usageCounters)
        .where(
          and(
            eq(usageCounters.companyId, companyId),
            eq(usageCounters.scope, scope),
            eq(usageCounters.kind, kind),
            eq(usageCounters.period, period),
          ),
        );
      return Number(r?.used ?? 0);
    },
    /** Usage of every scope of a company in a period: { company: {...}, [userId]: {...} }. */
    async byCompany(companyId: string, period = periodOf()): Promise<Record<string, Record<UsageKind, number>>> {
      const rows = await db
        .select()
        .from(usageCounters)
        .where(and(eq(usageCounters.companyId, companyId), eq(usageCounters.period, period)));
      const out: Record<string, Record<UsageKind, number>> = {};
      for (const r of rows) {
        out[r.scope] ??= { analyses: 0, sim_seconds: 0 };
        out[r.scope][r.kind] = Number(r.used);
      }
      return out;
    },
    /**
     * Atomically takes `amount` units from the company's monthly allowance and, when `userLimit` is set,
     * from the user's cap as well. A conditional UPDATE (`used + amount <= limit`) decides: when many
     * requests race for the last unit exactly one wins, on PostgreSQL and on PGlite alike.
     */
    async consume(opts: {
      companyId: string;
      userId: string | null;
      kind: UsageKind;
      amount: number;
      companyLimit: number;
      userLimit: number | null;
      period?: string;
    }): Promise<ConsumeResult> {
      const period = opts.period ?? periodOf();
      const take = async (tx: Db, scope: string, limit: number, which: 'company' | 'user') => {
        await tx
          .insert(usageCounters)
          .values({ companyId: opts.companyId, scope, kind: opts.kind, period, used: 0 })
          .onConflictDoNothing();
        const rows = await tx
          .update(usageCounters)
          .set({ used: sql`${usageCounters.used} + ${opts.amount}` })
          .where(
            and(
              eq(usageCounters.companyId, opts.companyId),
              eq(usageCounters.scope, scope),
              eq(usageCounters.kind, opts.kind),
              eq(usageCounters.period, period),
              sql`${usageCounters.used} + ${opts.amount} <= ${limit}`,
            ),
          )
          .returning({ used: usageCounters.used });
        if (rows.length === 0) {
          const [cur] = await tx
            .select({ used: usageCounters.used })
            .from(usageCounters)
            .where(
              and(
                eq(usageCounters.companyId, opts.companyId),
                eq(usageCounters.scope, scope),
                eq(usageCounters.kind, opts.kind),
                eq(usageCounters.period, period),
              ),
            );
          throw new QuotaDenied({ ok: false, scope: which, used: Number(cur?.used ?? 0), limit });
        }
        return Number(rows[0].used);
      };
      try {
        return await db.transaction(async (tx) => {
          const companyUsed = await take(tx as unknown as Db, 'company', opts.companyLimit, 'company');
          let userUsed: number | null = null;
          if (opts.userId && opts.userLimit != null) {
            userUsed = await take(tx as unknown as Db, opts.userId, opts.userLimit, 'user');
          }
          return { ok: true as const, companyUsed, userUsed };
        });
      } catch (e) {
        if (e instanceof QuotaDenied) return e.result;
        throw e;
      }
    },
  };
}
