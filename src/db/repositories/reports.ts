import { and, desc, eq, gte, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { sessionReports } from '../schema-coaching.ts';
import { calls } from '../schema-calls.ts';
import { users } from '../schema.ts';

export type SessionReportRow = typeof sessionReports.$inferSelect;
export type NewSessionReport = Omit<typeof sessionReports.$inferInsert, 'sharedWithManager' | 'sharedAt' | 'createdAt'> & { createdAt?: Date };
/** A report as listed: every column but the JSON documents, plus per-skill scores and the agent's name. */
export type SessionReportSummaryRow = Omit<SessionReportRow, 'report' | 'analysis'> & {
  skills: { id: string; score: number }[];
  agentName: string | null;
};
/** A real call's score as progress curves read it. */
export interface CallScoreRow {
  id: string;
  agentUserId: string;
  overallScore: number | null;
  skills: { id: string; score: number }[];
  /** Skills the analysis named as weaknesses, most severe first. */
  weaknesses: string[];
  title: string;
  at: Date;
}

export interface ReportFilter {
  companyId?: string;
  agentUserId?: string;
  /** Only reports made at or after this time. */
  since?: Date;
  /**
   * Practice privacy window (hours): only reports the agent shared or that were made more than this many hours
   * ago. 0 or absent: no window.
   */
  privateHours?: number;
  limit?: number;
}

const summaryColumns = {
  simulationId: sessionReports.simulationId,
  companyId: sessionReports.companyId,
  agentUserId: sessionReports.agentUserId,
  scenarioType: sessionReports.scenarioType,
  level: sessionReports.level,
  scenarioId: sessionReports.scenarioId,
  language: sessionReports.language,
  overallScore: sessionReports.overallScore,
  outcome: sessionReports.outcome,
  passed: sessionReports.passed,
  sharedWithManager: sessionReports.sharedWithManager,
  sharedAt: sessionReports.sharedAt,
  createdAt: sessionReports.createdAt,
  skills: sql<{ id: string; score: number }[]>`coalesce((SELECT jsonb_agg(jsonb_build_object('id', s->>'id', 'score', (s->>'score')::real)) FROM jsonb_array_elements(${sessionReports.report}->'skills') s), '[]'::jsonb)`,
  agentName: users.name,
};

/** Visible under the privacy window: shared, or older than `hours`. */
const visibleAfter = (hours: number): SQL =>
  or(eq(sessionReports.sharedWithManager, true), sql`${sessionReports.createdAt} < now() - make_interval(hours => ${hours}::int)`)!;

function conditions(f: ReportFilter): SQL[] {
  const where: SQL[] = [];
  if (f.companyId) where.push(eq(sessionReports.companyId, f.companyId));
  if (f.agentUserId) where.push(eq(sessionReports.agentUserId, f.agentUserId));
  if (f.since) where.push(gte(sessionReports.createdAt, f.since));
  return where;
}

export function reportsRepo(db: Db) {
  return {
    /** Stores the report of a simulation, replacing an earlier one (the sharing choice is kept). */
    async upsert(r: NewSessionReport): Promise<SessionReportRow> {
      const [row] = await db
        .insert(sessionReports)
        .values({ ...r, sharedWithManager: false })
        .onConflictDoUpdate({
          target: sessionReports.simulationId,
          set: { overallScore: r.overallScore, outcome: r.outcome, passed: r.passed, report: r.report, analysis: r.analysis, level: r.level, scenarioType: r.scenarioType, scenarioId: r.scenarioId ?? null },
        })
        .returning();
      return row;
    },
    async bySimulation(simulationId: string): Promise<SessionReportRow | undefined> {
      const [row] = await db.select().from(sessionReports).where(eq(sessionReports.simulationId, simulationId));
      return row;
    },
    /** Owner and visibility facts of a report, for the tenant guard and the privacy window. */
    async scope(simulationId: string): Promise<{ companyId: string; agentUserId: string; createdAt: Date; sharedWithManager: boolean } | undefined> {
      const [row] = await db
        .select({ companyId: sessionReports.companyId, agentUserId: sessionReports.agentUserId, createdAt: sessionReports.createdAt, sharedWithManager: sessionReports.sharedWithManager })
        .from(sessionReports)
        .where(eq(sessionReports.simulationId, simulationId));
      return row;
    },
    /** The agent shares the report with managers (or takes the share back while the window is still open). */
    async setShared(simulationId: string, shared: boolean): Promise<SessionReportRow | undefined> {
      const [row] = await db
        .update(sessionReports)
        .set({ sharedWithManager: shared, sharedAt: shared ? sql`coalesce(${sessionReports.sharedAt}, now())` : null })
        .where(eq(sessionReports.simulationId, simulationId))
        .returning();
      return row;
    },
    /** Reports as listed, newest first, and how many the privacy window still hides. */
    async list(f: ReportFilter): Promise<{ rows: SessionReportSummaryRow[]; hidden: number }> {
      const base = conditions(f);
      const visible = f.privateHours && f.privateHours > 0 ? [...base, visibleAfter(f.privateHours)] : base;
      const rows = await db
        .select(summaryColumns)
        .from(sessionReports)
        .leftJoin(users, eq(users.id, sessionReports.agentUserId))
        .where(visible.length ? and(...visible) : undefined)
        .orderBy(desc(sessionReports.createdAt))
        .limit(f.limit ?? 500);
      let hidden = 0;
      if (f.privateHours && f.privateHours > 0) {
        const [{ n }] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(sessionReports)
          .where(and(...base, sql`NOT (${visibleAfter(f.privateHours)})`));
        hidden = Number(n);
      }
      return { rows: rows.map((r) => ({ ...r, skills: r.skills ?? [] })), hidden };
    },
    /** The agent's sessions in the call-analysis shape (the weakness profile's simulation records), newest first. */
    async analysesByAgent(agentUserId: string, limit = 20): Promise<{ simulationId: string; analysis: unknown; createdAt: Date }[]> {
      return db
        .select({ simulationId: sessionReports.simulationId, analysis: sessionReports.analysis, createdAt: sessionReports.createdAt })
        .from(sessionReports)
        .where(eq(sessionReports.agentUserId, agentUserId))
        .orderBy(desc(sessionReports.createdAt))
        .limit(limit);
    },
    /** The agent's practice history (what "practise next" reads), oldest first. */
    async history(agentUserId: string, limit = 100): Promise<{ scenarioType: string; level: SessionReportRow['level']; passed: boolean; createdAt: Date }[]> {
      const rows = await db
        .select({ scenarioType: sessionReports.scenarioType, level: sessionReports.level, passed: sessionReports.passed, createdAt: sessionReports.createdAt })
        .from(sessionReports)
        .where(eq(sessionReports.agentUserId, agentUserId))
        .orderBy(desc(sessionReports.createdAt))
        .limit(limit);
      return rows.reverse();
    },
    /** Scores of analysed real calls (full reports), for curves beside practice, newest first. */
    async callScores(f: { companyId?: string; agentUserId?: string; since?: Date; limit?: number }): Promise<CallScoreRow[]> {
      const where: SQL[] = [eq(calls.status, 'done'), eq(calls.reportKind, 'full'), isNotNull(calls.overallScore)];
      if (f.companyId) where.push(eq(calls.companyId, f.companyId));
      if (f.agentUserId) where.push(eq(calls.agentUserId, f.agentUserId));
      if (f.since) where.push(gte(calls.createdAt, f.since));
      const rows = await db
        .select({
          id: calls.id,
          agentUserId: calls.agentUserId,
          overallScore: calls.overallScore,
          skills: sql<{ id: string; score: number }[] | null>`(SELECT jsonb_agg(jsonb_build_object('id', s->>'id', 'score', (s->>'score')::real)) FROM jsonb_array_elements(coalesce(${calls.report}->'analysis'->'skills', ${calls.report}->'skills', '[]'::jsonb)) s)`,
          weaknesses: sql<string[] | null>`(SELECT jsonb_agg(w->>'skill') FROM jsonb_array_elements(coalesce(${calls.report}->'analysis'->'weaknesses', '[]'::jsonb)) w)`,
          title: calls.title,
          at: sql<Date>`coalesce(${calls.analysedAt}, ${calls.createdAt})`.mapWith(calls.createdAt),
        })
        .from(calls)
        .where(and(...where))
        .orderBy(desc(calls.createdAt))
        .limit(f.limit ?? 1000);
      return rows.map((r) => ({ ...r, skills: r.skills ?? [], weaknesses: r.weaknesses ?? [] }));
    },
  };
}
