/**
 * PracticeService: where finished practice sessions go and what comes back out of them. It stores each session
 * report (with the call-analysis form the weakness profile reads), answers who may see which report (the
 * practice privacy window and the agent's share), and turns stored reports and analysed calls into the agent's
 * progress (skill curves, first/best per scenario, real calls beside practice, profile, "practise next") and the
 * manager's team view.
 */
import { SKILL_IDS, type SkillId } from '../analysis/index.ts';
import { AppError } from '../core/index.ts';
import type { AssignmentListRow, Repositories, SessionReportRow, SessionReportSummaryRow, CallScoreRow } from '../db/index.ts';
import { sessionReportSchema, type SessionReport } from '../coaching/index.ts';
import { buildWeaknessProfile, personaSourcesFromRepos, type WeaknessProfile } from '../personas/index.ts';
import { LEVELS, isScenarioType, scenarioPassMark, recommendNextScenario, type Level, type PracticeResult, type Recommendation } from '../scenarios/index.ts';
import { assignmentPassed, sessionPassed, sessionToCallAnalysis } from './loop.ts';
import { realVsSimulation, scenarioProgress, skillCurves, teamAggregates, type ScorePoint } from './progress.ts';

type PracticeRepos = Pick<Repositories, 'reports' | 'simulations' | 'companies' | 'calls' | 'questionnaires' | 'users' | 'assignments' | 'scenarios'>;

/** Who is asking (the signed-in principal, as far as this service cares). */
export interface Viewer {
  id: string;
  role: 'super_admin' | 'admin' | 'manager' | 'agent';
  companyId: string | null;
}

const isLevel = (s: string | null | undefined): s is Level => !!s && (LEVELS as readonly string[]).includes(s);
const isSkill = (s: string): s is SkillId => (SKILL_IDS as readonly string[]).includes(s);
const skillsOf = (xs: { id: string; score: number }[]) => xs.filter((s) => isSkill(s.id) && Number.isFinite(s.score)).map((s) => ({ id: s.id as SkillId, score: s.score }));

/** A stored report as a score point for the curves. */
export function reportRowToScorePoint(r: Pick<SessionReportSummaryRow, 'agentUserId' | 'createdAt' | 'overallScore' | 'skills' | 'scenarioType' | 'level' | 'scenarioId' | 'outcome' | 'passed'>): ScorePoint {
  return {
    agentId: r.agentUserId, at: r.createdAt, source: 'simulation', overallScore: r.overallScore, skills: skillsOf(r.skills),
    // a scenario is "the same" when it is the same stored scenario, or the same catalogue type at the same level
    scenarioId: r.scenarioId ?? `${r.scenarioType}:${r.level}`, outcome: r.outcome, passed: r.passed,
  };
}

function callRowToScorePoint(c: CallScoreRow): ScorePoint {
  return { agentId: c.agentUserId, at: c.at, source: 'call', overallScore: c.overallScore, skills: skillsOf(c.skills) };
}

/** The privacy window facts of one report for one viewer: may they read it, and if not, until when not. */
export function reportVisibility(
  viewer: Viewer,
  r: { companyId: string; agentUserId: string; createdAt: Date; sharedWithManager: boolean },
  privacyHours: number,
  now = new Date(),
): { visible: boolean; opensAt: Date | null } {
  if (viewer.role === 'super_admin' || viewer.role === 'admin') return { visible: true, opensAt: null };
  if (viewer.companyId !== r.companyId) return { visible: false, opensAt: null };
  if (viewer.id === r.agentUserId) return { visible: true, opensAt: null };
  if (viewer.role !== 'manager') return { visible: false, opensAt: null };
  if (r.sharedWithManager || privacyHours <= 0) return { visible: true, opensAt: null };
  const opensAt = new Date(r.createdAt.getTime() + privacyHours * 3_600_000);
  return opensAt <= now ? { visible: true, opensAt: null } : { visible: false, opensAt };
}

/** One practice call toward an assignment, as its viewer may see it. */
export interface AssignmentAttempt {
  simulationId: string;
  startedAt: Date;
  /** running: the call is live; ended: finished (a report may follow); interrupted: cut off. */
  status: string;
  /** Null without a report, or while the practice privacy window keeps it from this viewer. */
  score: number | null;
  /** Passed this assignment (score ≥ its pass mark and every criterion met); null when unknown to this viewer. */
  passed: boolean | null;
  /** The report exists but is private to the agent until this time. */
  privateUntil: Date | null;
}

/** How long after a call ends a missing report counts as still being built (it normally takes under a second). */
export const REPORT_BUILD_GRACE_MS = 60_000;

export function createPracticeService(repos: PracticeRepos, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());
  const sources = personaSourcesFromRepos(repos);

  async function privacyHours(companyId: string): Promise<number> {
    return (await repos.companies.byId(companyId))?.practicePrivacyHours ?? 0;
  }

  async function profile(agentUserId: string): Promise<WeaknessProfile> {
    return buildWeaknessProfile(await sources.analyses(agentUserId, 40), { agentId: agentUserId, now: now() });
  }

  async function recommendation(agentUserId: string, p?: WeaknessProfile): Promise<Recommendation> {
    const history: PracticeResult[] = (await repos.reports.history(agentUserId)).flatMap((h) =>
      isScenarioType(h.scenarioType) ? [{ type: h.scenarioType, level: h.level, passed: h.passed, at: h.createdAt }] : [],
    );
    return recommendNextScenario(p ?? (await profile(agentUserId)), { history, now: now() });
  }

  /** Each row with its stored scenario's name (a raw id is never shown); null for a catalogue "type:level" id or a deleted scenario. */
  async function withScenarioNames<T extends { scenarioId: string }>(rows: T[]): Promise<(T & { name: string | null })[]> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    return Promise.all(rows.map(async (r) => ({ ...r, name: uuid.test(r.scenarioId) ? ((await repos.scenarios.byId(r.scenarioId))?.name ?? null) : null })));
  }

  /** Curves, first/best per scenario, real calls beside practice, sessions, profile and next step; `privateHours` hides practice inside the window. */
  async function progressOf(agentUserId: string, o: { since?: Date; privateHours?: number }) {
    const [reports, callRows] = await Promise.all([
      repos.reports.list({ agentUserId, since: o.since, privateHours: o.privateHours }),
      repos.reports.callScores({ agentUserId, since: o.since }),
    ]);
    const points = [...reports.rows.map(reportRowToScorePoint), ...callRows.map(callRowToScorePoint)];
    const curves = skillCurves(points)[agentUserId] ?? { call: [], simulation: [] };
    const p = await profile(agentUserId);
    return {
      agentUserId,
      totals: { simulations: reports.rows.length, calls: callRows.length, passed: reports.rows.filter((r) => r.passed).length },
      curves,
      scenarios: await withScenarioNames(scenarioProgress(points).map(({ agentId: _a, ...s }) => s)),
      realVsSimulation: realVsSimulation(points)[0] ?? { agentId: agentUserId, weeks: [], correlation: null, laggedCorrelation: null },
      sessions: reports.rows.slice(0, 50).map(({ skills: _s, agentName: _n, ...r }) => r),
      /** Practice sessions the privacy window keeps from this viewer. */
      hidden: reports.hidden,
      profile: { basis: p.basis, top: p.top, callCount: p.callCount, simulationCount: p.simulationCount, skills: p.skills.map(({ evidence: _e, ...s }) => s) },
      recommendation: await recommendation(agentUserId, p),
    };
  }

  return {
    /** Each assignment with its attempts (score and pass per its pass mark), hiding scores inside the privacy window. */
    async withAttempts<A extends AssignmentListRow>(viewer: Viewer, assignments: A[]): Promise<(A & { attempts: AssignmentAttempt[] })[]> {
      const rows = await repos.assignments.attempts(assignments.map((a) => a.id));
      const hours = new Map<string, number>();
      for (const c of new Set(rows.map((r) => r.companyId))) hours.set(c, await privacyHours(c));
      const at = now();
      return assignments.map((a) => ({
        ...a,
        attempts: rows
          .filter((r) => r.assignmentId === a.id)
          .map((r): AssignmentAttempt => {
            const v = r.hasReport ? reportVisibility(viewer, { ...r, createdAt: r.reportCreatedAt ?? r.createdAt }, hours.get(r.companyId) ?? 0, at) : { visible: true, opensAt: null };
            const known = r.hasReport && v.visible;
            return {
              simulationId: r.simulationId,
              startedAt: r.createdAt,
              status: r.status,
              score: known && r.overallScore !== null ? Math.round(r.overallScore) : null,
              passed: known ? assignmentPassed({ overallScore: r.overallScore, criteria: r.criteriaMet === false ? [{ passed: false }] : [] }, a.passMark) : null,
              privateUntil: r.hasReport && !v.visible ? v.opensAt : null,
            };
          }),
      }));
    },

    /** Stores the report of a finished simulation (the coaching tap's onReport). */
    async storeReport(simulationId: string, report: SessionReport): Promise<SessionReportRow> {
      const sim = await repos.simulations.byId(simulationId);
      if (!sim) throw new AppError('NOT_FOUND', `Practice session ${simulationId} was not found; its report cannot be stored.`);
      const r = sessionReportSchema.parse(report);
      const level: Level = isLevel(r.level) ? r.level : isLevel(sim.level) ? sim.level : 'intermediate';
      const snapMark = (sim.scenarioSnapshot as { passMark?: unknown } | null)?.passMark;
      const row = await repos.reports.upsert({
        simulationId,
        companyId: sim.companyId,
        agentUserId: sim.agentUserId,
        scenarioType: sim.scenarioType,
        level,
        scenarioId: sim.scenarioId ?? null,
        language: r.language,
        overallScore: r.overallScore,
        outcome: r.outcome,
        // against the scenario's own pass mark (70 unless the scenario sets one)
        passed: sessionPassed(r, scenarioPassMark({ passMark: typeof snapMark === 'number' ? snapMark : undefined })),
        report: r,
        analysis: sessionToCallAnalysis(r),
      });
      // a call that passed completes the agent's open assignments of this scenario given before it started
      if (sim.scenarioId) {
        for (const a of await repos.assignments.list({ agentUserId: sim.agentUserId, scenarioId: sim.scenarioId, status: 'open' })) {
          if (a.createdAt <= sim.createdAt && assignmentPassed(r, a.passMark)) await repos.assignments.complete(a.id, simulationId);
        }
      }
      return row;
    },

    /** One report with its sharing state; a manager inside the privacy window gets FORBIDDEN with the time it opens. */
    async report(viewer: Viewer, simulationId: string) {
      const row = await repos.reports.bySimulation(simulationId);
      if (!row) {
        const sim = await repos.simulations.byId(simulationId);
        if (!sim) throw new AppError('NOT_FOUND', 'This practice session was not found.');
        // the report is built when the call ends (in the coaching worker) and stored a moment later
        const justEnded = sim.endedAt !== null && now().getTime() - sim.endedAt.getTime() < REPORT_BUILD_GRACE_MS;
        if (justEnded && (await repos.simulations.turns(simulationId)).some((t) => t.speaker === 'agent')) {
          throw new AppError('REPORT_PENDING', 'The report for this call is being prepared; it will be ready in a few seconds.');
        }
        throw new AppError('NOT_FOUND', 'This practice session has no report yet: it is still running, or it ended before anything was said.');
      }
      const hours = await privacyHours(row.companyId);
      const v = reportVisibility(viewer, row, hours, now());
      if (!v.visible) {
        const when = v.opensAt ? ` until ${v.opensAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
        throw new AppError('FORBIDDEN', `This practice report is private to the agent${when}, unless the agent shares it.`);
      }
      const { report, analysis: _a, ...meta } = row;
      const privateUntil = viewer.id === row.agentUserId && !row.sharedWithManager && hours > 0 ? new Date(row.createdAt.getTime() + hours * 3_600_000) : null;
      return { ...meta, privacyHours: hours, privateUntil: privateUntil && privateUntil > now() ? privateUntil : null, report: report as SessionReport };
    },

    /** The agent shares a report with the company's managers now, or withdraws the share. */
    async share(viewer: Viewer, simulationId: string, shared: boolean) {
      const scope = await repos.reports.scope(simulationId);
      if (!scope) throw new AppError('NOT_FOUND', 'This practice session has no report to share yet.');
      if (scope.agentUserId !== viewer.id) throw new AppError('FORBIDDEN', 'Only the agent who practised can share this report.');
      const row = (await repos.reports.setShared(simulationId, shared))!;
      return { simulationId, sharedWithManager: row.sharedWithManager, sharedAt: row.sharedAt };
    },

    /**
     * A weakness profile as `viewer` may read it: a manager loses the quotes taken from practice sessions still
     * inside the company's privacy window (and not shared); the agent themselves and staff keep them all.
     */
    async visibleProfile<P extends { skills: { evidence: { source: string; recordId?: string }[] }[] }>(viewer: Viewer, agentUserId: string, p: P): Promise<P> {
      if (viewer.role !== 'manager' || viewer.id === agentUserId) return p;
      const ids = [...new Set(p.skills.flatMap((s) => s.evidence.filter((e) => e.source === 'simulation' && e.recordId).map((e) => e.recordId!)))];
      if (ids.length === 0) return p;
      const hidden = new Set<string>();
      for (const id of ids) {
        const r = await repos.reports.scope(id);
        if (!r) continue;
        if (!reportVisibility(viewer, r, await privacyHours(r.companyId), now()).visible) hidden.add(id);
      }
      if (hidden.size === 0) return p;
      return { ...p, skills: p.skills.map((s) => ({ ...s, evidence: s.evidence.filter((e) => !(e.source === 'simulation' && e.recordId && hidden.has(e.recordId))) })) };
    },
    profile,
    recommendation,

    /** The agent's own progress: curves, first/best per scenario, real calls beside practice, profile, next step. */
    async progress(agentUserId: string, o: { since?: Date } = {}) {
      const { hidden: _h, ...p } = await progressOf(agentUserId, { since: o.since });
      return p;
    },

    /**
     * One agent's progress as `viewer` may see it: the agent themselves and staff see everything; a manager of the
     * agent's company sees practice only outside the privacy window (or shared), and is told how much is hidden.
     */
    async agentProgress(viewer: Viewer, agentUserId: string, o: { since?: Date } = {}) {
      const agent = await repos.users.byId(agentUserId);
      if (!agent || !agent.companyId) throw new AppError('NOT_FOUND', 'That agent was not found.');
      const staff = viewer.role === 'super_admin' || viewer.role === 'admin';
      if (!staff && viewer.companyId !== agent.companyId) throw new AppError('FORBIDDEN', 'This agent belongs to another company.');
      if (viewer.role === 'agent' && viewer.id !== agentUserId) throw new AppError('FORBIDDEN', 'Only managers see another agent\'s progress.');
      const hours = staff || viewer.id === agentUserId ? 0 : await privacyHours(agent.companyId);
      return { ...(await progressOf(agentUserId, { since: o.since, privateHours: hours })), privacyHours: hours };
    },

    /** A manager's view of the team's practice: what the privacy window lets them see, how much it hides, and totals. */
    async team(viewer: Viewer, companyId: string, o: { since?: Date; agentUserId?: string } = {}) {
      const staff = viewer.role === 'super_admin' || viewer.role === 'admin';
      const hours = staff ? 0 : await privacyHours(companyId);
      const [reports, callRows, people] = await Promise.all([
        repos.reports.list({ companyId, agentUserId: o.agentUserId, since: o.since, privateHours: hours }),
        repos.reports.callScores({ companyId, agentUserId: o.agentUserId, since: o.since }),
        repos.users.listByCompany(companyId),
      ]);
      const points = [...reports.rows.map(reportRowToScorePoint), ...callRows.map(callRowToScorePoint)];
      const names = new Map(people.map((u) => [u.id, u.name]));
      const aggregates = teamAggregates(points);
      return {
        companyId,
        privacyHours: hours,
        hidden: reports.hidden,
        sessions: reports.rows.slice(0, 200).map(({ skills: _s, ...r }) => r),
        aggregates: { ...aggregates, perAgent: aggregates.perAgent.map((a) => ({ ...a, agentName: names.get(a.agentId) ?? null })) },
      };
    },
  };
}
export type PracticeService = ReturnType<typeof createPracticeService>;
