import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../driver.ts';
import { personas, scenarioAssignments, scenarios, scenarioVersions, skillPriors } from '../schema-scenarios.ts';
import { teams, users } from '../schema.ts';
import { simulations } from '../schema-simulations.ts';
import { sessionReports } from '../schema-coaching.ts';

export type ScenarioRow = typeof scenarios.$inferSelect;
export type ScenarioVersionRow = typeof scenarioVersions.$inferSelect;
export type PersonaRow = typeof personas.$inferSelect;
export type NewPersona = typeof personas.$inferInsert;
export type AssignmentRow = typeof scenarioAssignments.$inferSelect;
export type NewAssignment = typeof scenarioAssignments.$inferInsert;
export type AssignmentStatus = AssignmentRow['status'];
export type SkillPriorRow = typeof skillPriors.$inferSelect;

/** What a version stores; `definition` is the whole validated scenario, the columns mirror its parts. */
export interface ScenarioVersionInput {
  name: string;
  type: string;
  level: ScenarioRow['level'];
  language: 'he' | 'en' | null;
  targetSkills: string[];
  personaOverrides: unknown;
  successCriteria: unknown;
  definition: unknown;
}

/** An assignment as listed: with the scenario version's name/type/level/targets, the agent's and team's names. */
export type AssignmentListRow = AssignmentRow & {
  scenarioName: string;
  scenarioType: string;
  level: ScenarioRow['level'];
  targetSkills: string[];
  agentName: string | null;
  teamName: string | null;
  scenarioArchived: boolean;
};

/** A practice call that counts toward an assignment: the agent's own, of its scenario, started after it was given. */
export interface AssignmentAttemptRow {
  assignmentId: string;
  simulationId: string;
  status: string;
  createdAt: Date;
  endedAt: Date | null;
  /** Null while there is no report (call running, or nothing readable was said). */
  overallScore: number | null;
  /** Every success criterion of the report was met (null without a report). */
  criteriaMet: boolean | null;
  hasReport: boolean;
  companyId: string;
  agentUserId: string;
  sharedWithManager: boolean;
  reportCreatedAt: Date | null;
}

export interface AssignmentFilter {
  companyId?: string;
  agentUserId?: string;
  scenarioId?: string;
  status?: AssignmentStatus;
  limit?: number;
}

const versionRow = (scenarioId: string, version: number, v: ScenarioVersionInput, createdBy: string | null) => ({
  scenarioId,
  version,
  name: v.name,
  type: v.type,
  level: v.level,
  language: v.language,
  targetSkills: v.targetSkills,
  personaOverrides: v.personaOverrides,
  successCriteria: v.successCriteria,
  definition: v.definition,
  createdBy,
});

/** Company scenarios with every version kept: an edit appends a version, it never rewrites one. */
export function scenariosRepo(db: Db) {
  return {
    async create(s: { id: string; companyId: string; createdBy: string | null }, v: ScenarioVersionInput): Promise<{ scenario: ScenarioRow; version: ScenarioVersionRow }> {
      return db.transaction(async (tx) => {
        const [scenario] = await tx
          .insert(scenarios)
          .values({ id: s.id, companyId: s.companyId, currentVersion: 1, name: v.name, type: v.type, level: v.level, archived: false, createdBy: s.createdBy })
          .returning();
        const [version] = await tx.insert(scenarioVersions).values(versionRow(s.id, 1, v, s.createdBy)).returning();
        return { scenario, version };
      });
    },
    /**
     * Appends version `expectedVersion + 1`. Returns undefined when the scenario's current version is no longer
     * `expectedVersion` (someone saved in between) or the scenario does not exist.
     */
    async addVersion(id: string, expectedVersion: number, v: ScenarioVersionInput, createdBy: string | null): Promise<{ scenario: ScenarioRow; version: ScenarioVersionRow } | undefined> {
      return db.transaction(async (tx) => {
        const [scenario] = await tx
          .update(scenarios)
          .set({ currentVersion: expectedVersion + 1, name: v.name, type: v.type, level: v.level, updatedAt: sql`now()` })
          .where(and(eq(scenarios.id, id), eq(scenarios.currentVersion, expectedVersion)))
          .returning();
        if (!scenario) return undefined;
        const [version] = await tx.insert(scenarioVersions).values(versionRow(id, expectedVersion + 1, v, createdBy)).returning();
        return { scenario, version };
      });
    },
    async byId(id: string): Promise<ScenarioRow | undefined> {
      const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id));
      return row;
    },
    /** Owner of a scenario for the tenant guard. */
    async scope(id: string): Promise<{ companyId: string } | undefined> {
      const [row] = await db.select({ companyId: scenarios.companyId }).from(scenarios).where(eq(scenarios.id, id));
      return row;
    },
    /** One version (the current one when `version` is omitted). */
    async version(id: string, version?: number): Promise<ScenarioVersionRow | undefined> {
      if (version !== undefined) {
        const [row] = await db.select().from(scenarioVersions).where(and(eq(scenarioVersions.scenarioId, id), eq(scenarioVersions.version, version)));
        return row;
      }
      const [row] = await db
        .select({ v: scenarioVersions })
        .from(scenarioVersions)
        .innerJoin(scenarios, and(eq(scenarios.id, scenarioVersions.scenarioId), eq(scenarios.currentVersion, scenarioVersions.version)))
        .where(eq(scenarioVersions.scenarioId, id));
      return row?.v;
    },
    /** Every version, newest first, with who saved it. */
    async versions(id: string): Promise<(ScenarioVersionRow & { createdByName: string | null })[]> {
      const rows = await db
        .select({ v: scenarioVersions, createdByName: users.name })
        .from(scenarioVersions)
        .leftJoin(users, eq(users.id, scenarioVersions.createdBy))
        .where(eq(scenarioVersions.scenarioId, id))
        .orderBy(desc(scenarioVersions.version));
      return rows.map((r) => ({ ...r.v, createdByName: r.createdByName }));
    },
    /** A company's scenarios with their current version, most recently changed first. */
    async list(companyId: string, opts: { includeArchived?: boolean } = {}): Promise<{ scenario: ScenarioRow; version: ScenarioVersionRow }[]> {
      const where = [eq(scenarios.companyId, companyId)];
      if (!opts.includeArchived) where.push(eq(scenarios.archived, false));
      return db
        .select({ scenario: scenarios, version: scenarioVersions })
        .from(scenarios)
        .innerJoin(scenarioVersions, and(eq(scenarioVersions.scenarioId, scenarios.id), eq(scenarioVersions.version, scenarios.currentVersion)))
        .where(and(...where))
        .orderBy(desc(scenarios.updatedAt));
    },
    async setArchived(id: string, archived: boolean): Promise<ScenarioRow | undefined> {
      const [row] = await db.update(scenarios).set({ archived, updatedAt: sql`now()` }).where(eq(scenarios.id, id)).returning();
      return row;
    },
  };
}

/** Generated personas: immutable rows, each pinned to the scenario and questionnaire versions it came from. */
export function personasRepo(db: Db) {
  return {
    async insert(p: NewPersona): Promise<PersonaRow> {
      const [row] = await db.insert(personas).values(p).returning();
      return row;
    },
    async byId(id: string): Promise<PersonaRow | undefined> {
      const [row] = await db.select().from(personas).where(eq(personas.id, id));
      return row;
    },
    /** Owner of a persona for the tenant guard (the agent it was made for). */
    async scope(id: string): Promise<{ companyId: string; agentUserId: string | null } | undefined> {
      const [row] = await db.select({ companyId: personas.companyId, agentUserId: personas.agentUserId }).from(personas).where(eq(personas.id, id));
      return row;
    },
    async listByAgent(agentUserId: string, opts: { limit?: number; purpose?: PersonaRow['purpose'] } = {}): Promise<PersonaRow[]> {
      const where: SQL[] = [eq(personas.agentUserId, agentUserId)];
      if (opts.purpose) where.push(eq(personas.purpose, opts.purpose));
      return db.select().from(personas).where(and(...where)).orderBy(desc(personas.createdAt)).limit(opts.limit ?? 20);
    },
    /** Names of the agent's most recent customers (so the next one is somebody new). */
    async recentNames(agentUserId: string, limit = 6): Promise<string[]> {
      const rows = await db
        .select({ name: sql<string | null>`${personas.persona}->>'name'` })
        .from(personas)
        .where(eq(personas.agentUserId, agentUserId))
        .orderBy(desc(personas.createdAt))
        .limit(limit);
      return rows.map((r) => r.name).filter((n): n is string => !!n);
    },
  };
}

/** Manager assignments, one row per agent. */
export function assignmentsRepo(db: Db) {
  const listColumns = {
    a: scenarioAssignments,
    scenarioName: scenarioVersions.name,
    scenarioType: scenarioVersions.type,
    level: scenarioVersions.level,
    targetSkills: scenarioVersions.targetSkills,
    agentName: users.name,
    teamName: teams.name,
    scenarioArchived: scenarios.archived,
  };
  const select = () =>
    db
      .select(listColumns)
      .from(scenarioAssignments)
      .innerJoin(scenarioVersions, and(eq(scenarioVersions.scenarioId, scenarioAssignments.scenarioId), eq(scenarioVersions.version, scenarioAssignments.scenarioVersion)))
      .innerJoin(scenarios, eq(scenarios.id, scenarioAssignments.scenarioId))
      .leftJoin(users, eq(users.id, scenarioAssignments.agentUserId))
      .leftJoin(teams, eq(teams.id, scenarioAssignments.teamId));
  type Joined = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
  const flat = (r: Joined): AssignmentListRow => {
    const { a, ...rest } = r;
    return { ...a, ...rest };
  };
  return {
    async insertMany(rows: NewAssignment[]): Promise<AssignmentRow[]> {
      if (rows.length === 0) return [];
      return db.insert(scenarioAssignments).values(rows).returning();
    },
    async byId(id: string): Promise<AssignmentListRow | undefined> {
      const [row] = await select().where(eq(scenarioAssignments.id, id));
      return row && flat(row);
    },
    /** Owner of an assignment for the tenant guard (the assigned agent). */
    async scope(id: string): Promise<{ companyId: string; agentUserId: string } | undefined> {
      const [row] = await db.select({ companyId: scenarioAssignments.companyId, agentUserId: scenarioAssignments.agentUserId }).from(scenarioAssignments).where(eq(scenarioAssignments.id, id));
      return row;
    },
    /** Open ones by due date (undated last), then the rest newest first. */
    async list(f: AssignmentFilter): Promise<AssignmentListRow[]> {
      const where: SQL[] = [];
      if (f.companyId) where.push(eq(scenarioAssignments.companyId, f.companyId));
      if (f.agentUserId) where.push(eq(scenarioAssignments.agentUserId, f.agentUserId));
      if (f.scenarioId) where.push(eq(scenarioAssignments.scenarioId, f.scenarioId));
      if (f.status) where.push(eq(scenarioAssignments.status, f.status));
      const rows = await select()
        .where(where.length ? and(...where) : undefined)
        .orderBy(
          sql`CASE WHEN ${scenarioAssignments.status} = 'open' THEN 0 ELSE 1 END`,
          sql`${scenarioAssignments.dueAt} ASC NULLS LAST`,
          desc(scenarioAssignments.createdAt),
        )
        .limit(f.limit ?? 200);
      return rows.map(flat);
    },
    /** The practice calls that count toward these assignments, newest first (at most `perAssignment` each). */
    async attempts(ids: string[], perAssignment = 10): Promise<AssignmentAttemptRow[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({
          assignmentId: scenarioAssignments.id,
          simulationId: simulations.id,
          status: simulations.status,
          createdAt: simulations.createdAt,
          endedAt: simulations.endedAt,
          overallScore: sessionReports.overallScore,
          criteriaMet: sql<boolean | null>`CASE WHEN ${sessionReports.simulationId} IS NULL THEN NULL ELSE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(${sessionReports.report}->'criteria', '[]'::jsonb)) c WHERE (c->>'passed')::boolean IS NOT TRUE) END`,
          hasReport: sql<boolean>`${sessionReports.simulationId} IS NOT NULL`,
          companyId: simulations.companyId,
          agentUserId: simulations.agentUserId,
          sharedWithManager: sql<boolean>`coalesce(${sessionReports.sharedWithManager}, false)`,
          reportCreatedAt: sessionReports.createdAt,
        })
        .from(scenarioAssignments)
        .innerJoin(
          simulations,
          and(eq(simulations.agentUserId, scenarioAssignments.agentUserId), eq(simulations.scenarioId, scenarioAssignments.scenarioId), sql`${simulations.createdAt} >= ${scenarioAssignments.createdAt}`),
        )
        .leftJoin(sessionReports, eq(sessionReports.simulationId, simulations.id))
        .where(inArray(scenarioAssignments.id, ids))
        .orderBy(desc(simulations.createdAt));
      const count = new Map<string, number>();
      return rows
        .filter((r) => {
          const n = (count.get(r.assignmentId) ?? 0) + 1;
          count.set(r.assignmentId, n);
          return n <= perAssignment;
        })
        .map((r) => ({ ...r, criteriaMet: r.criteriaMet === null ? null : Boolean(r.criteriaMet), hasReport: Boolean(r.hasReport), sharedWithManager: Boolean(r.sharedWithManager) }));
    },
    /** Marks an open assignment completed; false when it was not open. */
    async complete(id: string, simulationId: string | null = null): Promise<boolean> {
      const r = await db
        .update(scenarioAssignments)
        .set({ status: 'completed', completedAt: sql`now()`, simulationId })
        .where(and(eq(scenarioAssignments.id, id), eq(scenarioAssignments.status, 'open')))
        .returning({ id: scenarioAssignments.id });
      return r.length > 0;
    },
    /** Completes the agent's open assignments of a scenario (any version) after a practice session; returns their ids. */
    async completeForScenario(agentUserId: string, scenarioId: string, simulationId: string | null): Promise<string[]> {
      const r = await db
        .update(scenarioAssignments)
        .set({ status: 'completed', completedAt: sql`now()`, simulationId })
        .where(and(eq(scenarioAssignments.agentUserId, agentUserId), eq(scenarioAssignments.scenarioId, scenarioId), eq(scenarioAssignments.status, 'open')))
        .returning({ id: scenarioAssignments.id });
      return r.map((x) => x.id);
    },
    async cancel(id: string): Promise<boolean> {
      const r = await db
        .update(scenarioAssignments)
        .set({ status: 'cancelled' })
        .where(and(eq(scenarioAssignments.id, id), eq(scenarioAssignments.status, 'open')))
        .returning({ id: scenarioAssignments.id });
      return r.length > 0;
    },
    /** Active agents of a team, for expanding a team assignment. */
    async teamAgents(teamId: string): Promise<{ id: string; companyId: string | null }[]> {
      return db
        .select({ id: users.id, companyId: users.companyId })
        .from(users)
        .where(and(eq(users.teamId, teamId), eq(users.role, 'agent'), eq(users.active, true)))
        .orderBy(asc(users.name));
    },
    /** Which of these users are active agents of the company. */
    async agentsOf(companyId: string, userIds: string[]): Promise<string[]> {
      if (userIds.length === 0) return [];
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.companyId, companyId), inArray(users.id, userIds), eq(users.role, 'agent'), eq(users.active, true)));
      return rows.map((r) => r.id);
    },
  };
}

/** Self-assessments and managers' choices of skills to train; the newest of each kind counts. */
export function skillPriorsRepo(db: Db) {
  return {
    async insert(p: typeof skillPriors.$inferInsert): Promise<SkillPriorRow> {
      const [row] = await db.insert(skillPriors).values(p).returning();
      return row;
    },
    async latest(agentUserId: string, kind: SkillPriorRow['kind']): Promise<SkillPriorRow | undefined> {
      const [row] = await db
        .select()
        .from(skillPriors)
        .where(and(eq(skillPriors.agentUserId, agentUserId), eq(skillPriors.kind, kind)))
        .orderBy(desc(skillPriors.createdAt))
        .limit(1);
      return row;
    },
  };
}
