/** Manager home: the team's average score per week (real calls and practice) and each agent's figures. */
import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import type { Team } from '../../types.ts';
import { Alert, Async, Card, EmptyState, formatNumber, useQuery } from '../../ui/index.ts';
import { DASHBOARD_WEEKS } from './AgentDashboardCard.tsx';
import { PeriodFigures } from './parts.tsx';
import { useDashT } from './strings.ts';
import type { TeamDashboard } from './types.ts';
import { WeeklyChart } from './WeeklyChart.tsx';

/** The company's dashboard, or one team's when the home page's address says `?team=<id>` (both cards read it). */
export function useTeamDashboard() {
  const { company } = useMe();
  const [params] = useSearchParams();
  const team = params.get('team');
  return useQuery<TeamDashboard>(company ? `/api/companies/${company.id}/dashboard?weeks=${DASHBOARD_WEEKS}${team ? `&teamId=${encodeURIComponent(team)}` : ''}` : null);
}

/** A choice of team, shown only when the company has more than one. */
function TeamChoice() {
  const { t } = useDashT();
  const { company } = useMe();
  const [params, setParams] = useSearchParams();
  const teams = useQuery<{ teams: Team[] }>(company ? `/api/companies/${company.id}/teams` : null);
  const list = teams.data?.teams ?? [];
  if (list.length < 2) return null;
  return (
    <select
      aria-label={t('team.choose')}
      value={params.get('team') ?? ''}
      onChange={(e) => setParams((p) => { const n = new URLSearchParams(p); if (e.target.value) n.set('team', e.target.value); else n.delete('team'); return n; }, { replace: true })}
      data-testid="dashboard-team"
    >
      <option value="">{t('team.all')}</option>
      {list.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
    </select>
  );
}

export default function TeamTrendCard() {
  const { t, lang } = useDashT();
  const q = useTeamDashboard();
  const n = (v: number | null) => (v === null ? '—' : formatNumber(Math.round(v), lang));
  return (
    <div className="dash-wide" data-testid="team-dashboard">
      <Card title={t('team.title')} actions={<TeamChoice />}>
        <Async query={q}>
          {(d) =>
            d.totals.calls === 0 && d.totals.sessions === 0 ? (
              <EmptyState title={t('team.empty')} />
            ) : (
              <div className="stack">
                <PeriodFigures totals={d.totals} bar={d.callBar} />
                <p className="small muted">{t('team.subtitle', { n: d.weeks.length })}</p>
                <WeeklyChart weeks={d.weeks} bar={d.callBar} testId="team-weekly-chart" />
                {d.hidden > 0 && <Alert tone="info">{t('team.hidden', { count: d.hidden })}</Alert>}
                <div className="table-wrap">
                  <table className="table" data-testid="team-agents">
                    <thead>
                      <tr><th>{t('team.table.agent')}</th><th className="num">{t('team.table.calls')}</th><th className="num">{t('team.table.practice')}</th><th className="num">{t('team.table.change')}</th><th className="num">{t('team.table.sessions')}</th></tr>
                    </thead>
                    <tbody>
                      {d.agents.map((a) => (
                        <tr key={a.agentUserId}>
                          <td><Link to={`/team/${a.agentUserId}`} aria-label={t('team.table.open')}><bdi>{a.name}</bdi></Link></td>
                          <td className="num">{n(a.totals.callAverage)}</td>
                          <td className="num">{n(a.totals.practiceAverage)}</td>
                          <td className={`num ${a.change !== null && a.change > 0 ? 'coach-good' : ''}`}><bdi dir="ltr">{a.change === null ? '—' : `${a.change > 0 ? '+' : a.change < 0 ? '−' : ''}${formatNumber(Math.abs(Math.round(a.change)), lang)}`}</bdi></td>
                          <td className="num">{formatNumber(a.totals.sessions, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            )
          }
        </Async>
      </Card>
    </div>
  );
}
