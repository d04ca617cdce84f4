/** The manager's drill-down on one agent: their weeks (real calls and practice), open weaknesses, and why they need attention. */
import { Alert, Async, Card, useQuery } from '../../ui/index.ts';
import { AgentDashboardView, DASHBOARD_WEEKS } from './AgentDashboardCard.tsx';
import { ReasonText } from './parts.tsx';
import { useDashT } from './strings.ts';
import type { AgentDashboard } from './types.ts';

export function AgentDashboardSection({ agentId, name }: { agentId: string; name: string }) {
  const { t } = useDashT();
  const q = useQuery<AgentDashboard>(`/api/agents/${agentId}/dashboard?weeks=${DASHBOARD_WEEKS}`);
  return (
    <Async query={q}>
      {(d) => (
        <div className="stack" data-testid="agent-drilldown-dashboard">
          {d.attention.length > 0 && (
            <Alert tone="warning" title={t('attention.title')}>
              <ul className="dash-reasons" data-testid="agent-attention">
                {d.attention.map((r) => <li key={r.rule} data-rule={r.rule}><ReasonText r={r} /></li>)}
              </ul>
            </Alert>
          )}
          <AgentDashboardView d={d} title={t('agent.drillTitle', { name })} />
          {d.hidden > 0 && <Card><p className="small muted">{t('team.hidden', { count: d.hidden })}</p></Card>}
        </div>
      )}
    </Async>
  );
}
