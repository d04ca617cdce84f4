/**
 * DashboardService: the agent's dashboard (weekly real-call and practice scores, calls that met the bar, open
 * weaknesses with their trend) and the manager's (team trend, per-agent figures, who needs attention), read
 * from stored reports, analysed calls and assignments. Practice inside the company's privacy window is left out
 * of a manager's figures (and counted), exactly as the progress views do; whether an agent practised recently
 * is not private, so the "no practice" rule reads every session.
 */
import { SKILL_IDS, type SkillId } from '../analysis/index.ts';
import { AppError } from '../core/index.ts';
import type { CallScoreRow, Repositories, SessionReportSummaryRow } from '../db/index.ts';
import { ATTENTION_RULES, CALL_BAR, attentionReasons, asSkills, weaknessTrends, weeklyScores, type AttentionReason, type CallFindings, type WeaknessTrend, type WeekScores } from './dashboard.ts';
import { reportRowToScorePoint, reportVisibility, type Viewer } from './practice.ts';
import type { ScorePoint } from './progress.ts';

type DashboardRepos = Pick<Repositories, 'reports' | 'companies' | 'users' | 'assignments'>;

const DAY = 86_400_000;
/** Weeks a dashboard shows by default, and at most. */
export const DASHBOARD_WEEKS = { default: 8, max: 52 } as const;

const isSkill = (s: string): s is SkillId => (SKILL_IDS as readonly string[]).includes(s);
const mean = (xs: number[]): number | null => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
const scores = (ps: readonly ScorePoint[]) => ps.map((p) => p.overallScore).filter((x): x is number => x !== null);

function callPoint(c: CallScoreRow): ScorePoint {
  return { agentId: c.agentUserId, at: c.at, source: 'call', overallScore: c.overallScore, skills: c.skills.filter((s) => isSkill(s.id)) as ScorePoint['skills'] };
}
function callFindings(c: CallScoreRow): CallFindings {
  return { id: c.id, at: c.at, overallScore: c.overallScore, weaknesses: asSkills(c.weaknesses), skills: c.skills.filter((s) => isSkill(s.id)) as CallFindings['skills'] };
}

/** Totals of a period: averages, calls that met the bar, practice sessions. */
export interface PeriodTotals {
  calls: number;
  callAverage: number | null;
  callsMetBar: number;
  sessions: number;
  practiceAverage: number | null;
  sessionsPassed: number;
}

function totalsOf(points: readonly ScorePoint[]): PeriodTotals {
  const calls = points.filter((p) => p.source === 'call');
  const sims = points.filter((p) => p.source === 'simulation');
  return {
    calls: calls.length,
    callAverage: mean(scores(calls)),
    callsMetBar: scores(calls).filter((s) => s >= CALL_BAR).length,
    sessions: sims.length,
    practiceAverage: mean(scores(sims)),
    sessionsPassed: sims.filter((p) => p.passed).length,
  };
}

export interface AgentDashboard {
  agentUserId: string;
  weeks: WeekScores[];
  totals: PeriodTotals;
  callBar: number;
  weaknesses: WeaknessTrend[];
  attention: AttentionReason[];
  recentCalls: { id: string; title: string; at: Date; overallScore: number | null; metBar: boolean; weaknesses: SkillId[] }[];
  /** The practice privacy window as applied to this viewer (0: none) and the sessions it hides. */
  privacyHours: number;
  hidden: number;
}

export interface TeamDashboard {
  companyId: string;
  teamId: string | null;
  weeks: WeekScores[];
  totals: PeriodTotals;
  callBar: number;
  agents: {
    agentUserId: string;
    name: string;
    teamId: string | null;
    totals: PeriodTotals;
    /** Average of the newer half of the period's weeks minus the older half (calls and practice together). */
    change: number | null;
    lastActivity: Date | null;
    attention: AttentionReason[];
  }[];
  /** Agents with at least one attention reason, most reasons first. */
  attention: { agentUserId: string; name: string; reasons: AttentionReason[] }[];
  rules: typeof ATTENTION_RULES;
  privacyHours: number;
  hidden: number;
}

export function createDashboardService(repos: DashboardRepos, opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());

  /** Practice reports split into what `viewer` may see and what the window hides, plus the latest date per agent. */
  async function practice(viewer: Viewer, f: { companyId: string; agentUserId?: string }) {
    const { rows } = await repos.reports.list({ ...f, limit: 5000 });
    const hours = viewer.role === 'manager' ? ((await repos.companies.byId(f.companyId))?.practicePrivacyHours ?? 0) : 0;
    const visible: SessionReportSummaryRow[] = [];
    const hidden: SessionReportSummaryRow[] = [];
    const lastAt = new Map<string, Date>();
    for (const r of rows) {
      if (!lastAt.has(r.agentUserId) || lastAt.get(r.agentUserId)! < r.createdAt) lastAt.set(r.agentUserId, r.createdAt);
      (reportVisibility(viewer, r, hours, now()).visible ? visible : hidden).push(r);
    }
    return { visible, hours, lastAt, hiddenOf: (ids: Set<string>) => hidden.filter((r) => ids.has(r.agentUserId)).length };
  }

  const since = (weeks: number) => new Date(now().getTime() - weeks * 7 * DAY - 7 * DAY);

  async function agentDashboard(viewer: Viewer, agentUserId: string, o: { weeks?: number } = {}): Promise<AgentDashboard> {
    const agent = await repos.users.byId(agentUserId);
    if (!agent?.companyId) throw new AppError('NOT_FOUND', 'That agent was not found.');
    const weeks = o.weeks ?? DASHBOARD_WEEKS.default;
    const [p, callRows, open] = await Promise.all([
      practice(viewer, { companyId: agent.companyId, agentUserId }),
      repos.reports.callScores({ agentUserId, limit: 500 }),
      repos.assignments.list({ agentUserId, status: 'open' }),
    ]);
    const from = since(weeks);
    const allPoints = [...p.visible.map(reportRowToScorePoint), ...callRows.map(callPoint)];
    const points = allPoints.filter((x) => x.at >= from);
    const findings = callRows.map(callFindings);
    return {
      agentUserId,
      weeks: weeklyScores(points, { now: now(), weeks }),
      totals: totalsOf(points),
      callBar: CALL_BAR,
      weaknesses: weaknessTrends(findings),
      attention: attentionReasons({ points: allPoints, calls: findings, openAssignments: open.filter((a) => !a.scenarioArchived), lastPracticeAt: p.lastAt.get(agentUserId) ?? null }, now()),
      recentCalls: callRows.slice(0, 6).map((c) => ({
        id: c.id, title: c.title, at: c.at, overallScore: c.overallScore, metBar: c.overallScore !== null && c.overallScore >= CALL_BAR, weaknesses: asSkills(c.weaknesses),
      })),
      privacyHours: p.hours,
      hidden: p.hiddenOf(new Set([agentUserId])),
    };
  }

  async function teamDashboard(viewer: Viewer, companyId: string, o: { weeks?: number; teamId?: string } = {}): Promise<TeamDashboard> {
    const weeks = o.weeks ?? DASHBOARD_WEEKS.default;
    const [people, p, callRows, open] = await Promise.all([
      repos.users.listByCompany(companyId),
      practice(viewer, { companyId }),
      repos.reports.callScores({ companyId, limit: 5000 }),
      repos.assignments.list({ companyId, status: 'open', limit: 2000 }),
    ]);
    const agents = people.filter((u) => u.role === 'agent' && u.active && (!o.teamId || u.teamId === o.teamId));
    const ids = new Set(agents.map((a) => a.id));
    const from = since(weeks);
    const allPoints = [...p.visible.map(reportRowToScorePoint), ...callRows.map(callPoint)].filter((x) => ids.has(x.agentId));
    const points = allPoints.filter((x) => x.at >= from);
    const half = new Date(now().getTime() - (weeks / 2) * 7 * DAY);
    const perAgent = agents.map((a) => {
      const mine = points.filter((x) => x.agentId === a.id);
      const older = mean(scores(mine.filter((x) => x.at < half)));
      const newer = mean(scores(mine.filter((x) => x.at >= half)));
      const reasons = attentionReasons(
        {
          points: allPoints.filter((x) => x.agentId === a.id),
          calls: callRows.filter((c) => c.agentUserId === a.id).map(callFindings),
          openAssignments: open.filter((x) => x.agentUserId === a.id && !x.scenarioArchived),
          lastPracticeAt: p.lastAt.get(a.id) ?? null,
        },
        now(),
      );
      const last = mine.reduce<Date | null>((m, x) => (!m || x.at > m ? x.at : m), null);
      return {
        agentUserId: a.id, name: a.name, teamId: a.teamId, totals: totalsOf(mine),
        change: older !== null && newer !== null ? Math.round((newer - older) * 10) / 10 : null,
        lastActivity: last, attention: reasons,
      };
    });
    return {
      companyId,
      teamId: o.teamId ?? null,
      weeks: weeklyScores(points, { now: now(), weeks }),
      totals: totalsOf(points),
      callBar: CALL_BAR,
      agents: perAgent,
      attention: perAgent
        .filter((a) => a.attention.length > 0)
        .sort((a, b) => b.attention.length - a.attention.length || a.name.localeCompare(b.name))
        .map((a) => ({ agentUserId: a.agentUserId, name: a.name, reasons: a.attention })),
      rules: ATTENTION_RULES,
      privacyHours: p.hours,
      hidden: p.hiddenOf(ids),
    };
  }

  return { agentDashboard, teamDashboard };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
