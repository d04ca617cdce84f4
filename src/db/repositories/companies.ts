import { asc, desc, eq, and, sql } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { companies, teams, questionnaires, users } from '../schema.ts';

export type CompanyRow = typeof companies.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;
export type QuestionnaireRow = typeof questionnaires.$inferSelect;

export function companiesRepo(db: Db) {
  return {
    async byId(id: string): Promise<CompanyRow | undefined> {
      const [c] = await db.select().from(companies).where(eq(companies.id, id));
      return c;
    },
    async list(): Promise<CompanyRow[]> {
      return db.select().from(companies).orderBy(asc(companies.name));
    },
    async findDemo(): Promise<CompanyRow | undefined> {
      const [c] = await db.select().from(companies).where(eq(companies.isDemo, true)).limit(1);
      return c;
    },
    async insert(c: typeof companies.$inferInsert): Promise<CompanyRow> {
      const [row] = await db.insert(companies).values(c).returning();
      return row;
    },
    async update(id: string, patch: Partial<typeof companies.$inferInsert>): Promise<CompanyRow | undefined> {
      if (Object.keys(patch).length === 0) return this.byId(id);
      const [row] = await db.update(companies).set(patch).where(eq(companies.id, id)).returning();
      return row;
    },
    async addSeats(id: string, seats: number) {
      await db.update(companies).set({ seatLimit: sql`${companies.seatLimit} + ${seats}` }).where(eq(companies.id, id));
    },
    async delete(id: string) {
      await db.delete(users).where(eq(users.companyId, id));
      await db.delete(companies).where(eq(companies.id, id));
    },
    async stats(): Promise<{ companies: number; users: number }> {
      const r = (await db.execute(
        sql`SELECT (SELECT count(*) FROM companies)::int AS companies, (SELECT count(*) FROM users)::int AS users`,
      )) as unknown as { rows: { companies: number; users: number }[] };
      return { companies: Number(r.rows[0].companies), users: Number(r.rows[0].users) };
    },
  };
}

export function teamsRepo(db: Db) {
  return {
    async byId(id: string): Promise<TeamRow | undefined> {
      const [t] = await db.select().from(teams).where(eq(teams.id, id));
      return t;
    },
    async listByCompany(companyId: string): Promise<TeamRow[]> {
      return db.select().from(teams).where(eq(teams.companyId, companyId)).orderBy(asc(teams.name));
    },
    async insert(t: typeof teams.$inferInsert): Promise<TeamRow> {
      const [row] = await db.insert(teams).values(t).returning();
      return row;
    },
    async rename(id: string, name: string) {
      const [row] = await db.update(teams).set({ name }).where(eq(teams.id, id)).returning();
      return row;
    },
    async delete(id: string) {
      await db.delete(teams).where(eq(teams.id, id));
    },
  };
}

export function questionnairesRepo(db: Db) {
  return {
    async latest(companyId: string): Promise<QuestionnaireRow | undefined> {
      const [q] = await db
        .select()
        .from(questionnaires)
        .where(eq(questionnaires.companyId, companyId))
        .orderBy(desc(questionnaires.version))
        .limit(1);
      return q;
    },
    async byVersion(companyId: string, version: number): Promise<QuestionnaireRow | undefined> {
      const [q] = await db
        .select()
        .from(questionnaires)
        .where(and(eq(questionnaires.companyId, companyId), eq(questionnaires.version, version)));
      return q;
    },
    async history(companyId: string): Promise<Omit<QuestionnaireRow, 'data'>[]> {
      return db
        .select({
          id: questionnaires.id,
          companyId: questionnaires.companyId,
          version: questionnaires.version,
          createdBy: questionnaires.createdBy,
          createdAt: questionnaires.createdAt,
        })
        .from(questionnaires)
        .where(eq(questionnaires.companyId, companyId))
        .orderBy(desc(questionnaires.version));
    },
    /** Appends the next version; the unique (company, version) key rejects a concurrent duplicate. */
    async append(id: string, companyId: string, data: unknown, createdBy: string | null): Promise<QuestionnaireRow> {
      const [row] = await db
        .insert(questionnaires)
        .values({
          id,
          companyId,
          data,
          createdBy,
          version: sql`(SELECT COALESCE(max(version), 0) + 1 FROM questionnaires WHERE company_id = ${companyId})`,
        })
        .returning();
      return row;
    },
  };
}
