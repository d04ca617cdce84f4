/** The agent's home: average real-call and practice score over the weeks, calls that met the bar, open weaknesses. */
import { Link } from 'react-router-dom';
import { Async, Card, EmptyState, useQuery } from '../../ui/index.ts';
import { PeriodFigures, WeaknessTrends } from './parts.tsx';
import { useDashT } from './strings.ts';
import type { AgentDashboard } from './types.ts';
import { WeeklyChart } from './WeeklyChart.tsx';

export const DASHBOARD_WEEKS = 8;

export default function AgentDashboardCard() {
  const { t } = useDashT();
  const q = useQuery<AgentDashboard>(`/api/dashboard/me?weeks=${DASHBOARD_WEEKS}`);
  return (
    <div className="dash-wide stack" data-testid="agent-dashboard">
      <Async query={q}>
        {(d) => <AgentDashboardView d={d} title={t('agent.title')} actions={<Link className="small" to="/progress">{t('agent.progress')}</Link>} />}
      </Async>
    </div>
  );
}

/** The dashboard of one agent (their home, and the manager's drill-down). */
export function AgentDashboardView({ d, title, actions }: { d: AgentDashboard; title: string; actions?: React.ReactNode }) {
  const { t } = useDashT();
  const empty = d.totals.calls === 0 && d.totals.sessions === 0;
  return (
    <div className="grid-2 dash-grid">
      <Card title={title} actions={actions}>
        {empty ? (
          <EmptyState title={t('agent.empty')} />
        ) : (
          <>
            <PeriodFigures totals={d.totals} bar={d.callBar} />
            <p className="small muted">{t('agent.weeks', { n: d.weeks.length })}</p>
            <WeeklyChart weeks={d.weeks} bar={d.callBar} testId="agent-weekly-chart" />
          </>
        )}
      </Card>
      <Card title={t('weaknesses.title')}>
        <WeaknessTrends rows={d.weaknesses} />
      </Card>
    </div>
  );
}
