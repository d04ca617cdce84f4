import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { users, authSessions, loginAttempts, companies } from '../schema.ts';

export type Role = 'super_admin' | 'admin' | 'manager' | 'agent';
export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export function usersRepo(db: Db) {
  return {
    async byId(id: string): Promise<UserRow | undefined> {
      const [u] = await db.select().from(users).where(eq(users.id, id));
      return u;
    },
    async byEmail(email: string): Promise<UserRow | undefined> {
      const [u] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
      return u;
    },
    async listByCompany(companyId: string): Promise<UserRow[]> {
      return db.select().from(users).where(eq(users.companyId, companyId)).orderBy(asc(users.role), asc(users.name));
    },
    async listStaff(): Promise<UserRow[]> {
      return db.select().from(users).where(sql`${users.companyId} IS NULL`).orderBy(asc(users.email));
    },
    /** Inserts a platform-level user (admin, super_admin), or a company user without seat accounting. */
    async insert(u: NewUser): Promise<UserRow> {
      const [row] = await db.insert(users).values({ ...u, email: u.email.trim().toLowerCase() }).returning();
      return row;
    },
    /**
     * Adds a company user and takes one seat in the same transaction; returns undefined when no seat is free.
     * The conditional UPDATE makes two racing adds unable to both take the last seat.
     */
    async insertWithSeat(u: NewUser & { companyId: string }): Promise<UserRow | undefined> {
      return db.transaction(async (tx) => {
        const taken = await tx
          .update(companies)
          .set({ seatsUsed: sql`${companies.seatsUsed} + 1` })
          .where(and(eq(companies.id, u.companyId), sql`${companies.seatsUsed} < ${companies.seatLimit}`))
          .returning({ id: companies.id });
        if (taken.length === 0) return undefined;
        const [row] = await tx.insert(users).values({ ...u, email: u.email.trim().toLowerCase() }).returning();
        return row;
      });
    },
    async update(id: string, patch: Partial<NewUser>): Promise<UserRow | undefined> {
      if (Object.keys(patch).length === 0) return this.byId(id);
      const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
      return row;
    },
    /** Reactivates a company user if a seat is free; undefined when none is (or the user is already active). */
    async reactivate(id: string): Promise<UserRow | undefined> {
      return db.transaction(async (tx) => {
        const [u] = await tx.select().from(users).where(and(eq(users.id, id), eq(users.active, false)));
        if (!u) return undefined;
        if (u.companyId) {
          const taken = await tx
            .update(companies)
            .set({ seatsUsed: sql`${companies.seatsUsed} + 1` })
            .where(and(eq(companies.id, u.companyId), sql`${companies.seatsUsed} < ${companies.seatLimit}`))
            .returning({ id: companies.id });
          if (taken.length === 0) return undefined;
        }
        const [row] = await tx.update(users).set({ active: true }).where(eq(users.id, id)).returning();
        return row;
      });
    },
    /**
     * Deactivates a user, frees a company user's seat and ends their sessions, in one transaction. Undefined when
     * the user is already inactive, or is the last active super admin (their rows are locked while counting, so two
     * super admins deactivating each other at once cannot leave none).
     */
    async deactivate(id: string): Promise<UserRow | undefined> {
      return db.transaction(async (tx) => {
        const [target] = await tx.select({ role: users.role }).from(users).where(eq(users.id, id));
        if (target?.role === 'super_admin') {
          const supers = await tx.execute(sql`SELECT id FROM users WHERE role = 'super_admin' AND active ORDER BY id FOR UPDATE`);
          const n = ((supers as unknown as { rows?: unknown[] }).rows ?? (supers as unknown as unknown[])).length;
          if (n <= 1) return undefined;
        }
        const [row] = await tx
          .update(users)
          .set({ active: false })
          .where(and(eq(users.id, id), eq(users.active, true)))
          .returning();
        if (row?.companyId) {
          await tx
            .update(companies)
            .set({ seatsUsed: sql`GREATEST(${companies.seatsUsed} - 1, 0)` })
            .where(eq(companies.id, row.companyId));
        }
        if (row) await tx.delete(authSessions).where(eq(authSessions.userId, id));
        return row;
      });
    },
  };
}

export function sessionsRepo(db: Db) {
  return {
    async create(s: typeof authSessions.$inferInsert) {
      await db.insert(authSessions).values(s);
    },
    /** The live session and its user, or undefined when missing or expired. */
    async find(id: string): Promise<{ session: typeof authSessions.$inferSelect; user: UserRow } | undefined> {
      const [r] = await db
        .select({ session: authSessions, user: users })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        .where(and(eq(authSessions.id, id), sql`${authSessions.expiresAt} > now()`));
      return r;
    },
    async touch(id: string) {
      await db.update(authSessions).set({ lastSeenAt: new Date() }).where(eq(authSessions.id, id));
    },
    async delete(id: string) {
      await db.delete(authSessions).where(eq(authSessions.id, id));
    },
    async deleteForUser(userId: string) {
      await db.delete(authSessions).where(eq(authSessions.userId, userId));
    },
    /** Ends every session of the user but one (the one that just changed the password). */
    async deleteOthers(userId: string, keepSessionId: string) {
      await db.delete(authSessions).where(and(eq(authSessions.userId, userId), sql`${authSessions.id} <> ${keepSessionId}`));
    },
  };
}

export function loginAttemptsRepo(db: Db) {
  return {
    async record(email: string, ip: string | null, success: boolean) {
      await db.insert(loginAttempts).values({ email: email.trim().toLowerCase(), ip, success });
    },
    /** Failed attempts for this email from this client since that client's last success for it, within the window. */
    async pairFailures(email: string, ip: string, windowMinutes: number): Promise<{ count: number; last: Date | null }> {
      const e = email.trim().toLowerCase();
      const rows = (await db.execute(sql`
        SELECT count(*)::int AS count, max(at) AS last FROM login_attempts
        WHERE email = ${e} AND ip = ${ip} AND success = false
          AND at > now() - make_interval(mins => ${windowMinutes})
          AND at > COALESCE((SELECT max(at) FROM login_attempts WHERE email = ${e} AND ip = ${ip} AND success = true), 'epoch')
      `)) as unknown as { rows: { count: number; last: string | Date | null }[] };
      const r = rows.rows[0];
      return { count: Number(r?.count ?? 0), last: r?.last ? new Date(r.last) : null };
    },
    /** Failed attempts from this client for any account within the window (password spraying). */
    async clientFailures(ip: string, windowMinutes: number): Promise<{ count: number; oldest: Date | null }> {
      const rows = (await db.execute(sql`
        SELECT count(*)::int AS count, min(at) AS oldest FROM login_attempts
        WHERE ip = ${ip} AND success = false AND at > now() - make_interval(mins => ${windowMinutes})
      `)) as unknown as { rows: { count: number; oldest: string | Date | null }[] };
      const r = rows.rows[0];
      return { count: Number(r?.count ?? 0), oldest: r?.oldest ? new Date(r.oldest) : null };
    },
    /** Forgets an account's failed attempts (an admin reset its password). */
    async clearFailures(email: string) {
      await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email.trim().toLowerCase()), eq(loginAttempts.success, false)));
    },
  };
}
