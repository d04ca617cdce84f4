import type { Database } from './driver.ts';
import { usersRepo, sessionsRepo, loginAttemptsRepo } from './repositories/users.ts';
import { companiesRepo, teamsRepo, questionnairesRepo } from './repositories/companies.ts';
import { usageRepo } from './repositories/usage.ts';
import { billingRepo } from './repositories/billing.ts';
import { callsRepo } from './repositories/calls.ts';
import { jobsRepo } from './repositories/jobs.ts';
import { simulationsRepo } from './repositories/simulations.ts';
import { scenariosRepo, personasRepo, assignmentsRepo, skillPriorsRepo } from './repositories/scenarios.ts';
import { reportsRepo } from './repositories/reports.ts';
import { auditRepo } from './repositories/audit.ts';
import { clusterRepo } from './repositories/cluster.ts';

export { openDatabase, num, sql, type Database, type Db, type DbKind, type OpenOptions } from './driver.ts';
export { runMigrations, listMigrations, MIGRATIONS_DIR } from './migrate.ts';
export type { Role, UserRow } from './repositories/users.ts';
export type { CompanyRow, TeamRow, QuestionnaireRow } from './repositories/companies.ts';
export type { UsageKind, ConsumeResult } from './repositories/usage.ts';
export { periodOf } from './repositories/usage.ts';
export type { CallRow, NewCall, CallStatus, CallSummaryRow, CallFilter } from './repositories/calls.ts';
export type { JobRow, JobStatus } from './repositories/jobs.ts';
export type { SimulationRow, NewSimulation, SimulationStatus, SimulationTurnRow, SimulationEventRow, SimulationSummaryRow, SimulationFilter } from './repositories/simulations.ts';
export type { ScenarioRow, ScenarioVersionRow, ScenarioVersionInput, PersonaRow, NewPersona, AssignmentRow, NewAssignment, AssignmentStatus, AssignmentListRow, AssignmentAttemptRow, AssignmentFilter, SkillPriorRow } from './repositories/scenarios.ts';
export type { SessionReportRow, NewSessionReport, SessionReportSummaryRow, CallScoreRow, ReportFilter } from './repositories/reports.ts';
export type { SeatPackageRow, DiscountCodeRow, OrderRow } from './repositories/billing.ts';
export type { AuditRow, NewAudit } from './repositories/audit.ts';
export type { ClusterNodeRow, LiveLeaseRow, LeaseClaim, ClusterRepo } from './repositories/cluster.ts';
export * as tables from './schema.ts';

/** Every repository, bound to one database. Only repositories touch SQL. */
export function createRepositories(database: Database) {
  const db = database.db;
  return {
    users: usersRepo(db),
    sessions: sessionsRepo(db),
    loginAttempts: loginAttemptsRepo(db),
    companies: companiesRepo(db),
    teams: teamsRepo(db),
    questionnaires: questionnairesRepo(db),
    usage: usageRepo(db),
    billing: billingRepo(db),
    calls: callsRepo(db),
    jobs: jobsRepo(db),
    simulations: simulationsRepo(db),
    scenarios: scenariosRepo(db),
    personas: personasRepo(db),
    assignments: assignmentsRepo(db),
    skillPriors: skillPriorsRepo(db),
    reports: reportsRepo(db),
    audit: auditRepo(db),
    cluster: clusterRepo(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
