/** Manager home: who needs attention, by the rules stated under the list, each agent linking to their page. */
import { Link } from 'react-router-dom';
import { Async, Card, useQuery } from '../../ui/index.ts';
import { useMe } from '../../auth.tsx';
import { DASHBOARD_WEEKS } from './AgentDashboardCard.tsx';
import { AttentionRulesText, ReasonText } from './parts.tsx';
import { useDashT } from './strings.ts';
import type { TeamDashboard } from './types.ts';

export default function AttentionCard() {
  const { t } = useDashT();
  const { company } = useMe();
  const q = useQuery<TeamDashboard>(company ? `/api/companies/${company.id}/dashboard?weeks=${DASHBOARD_WEEKS}` : null);
  return (
    <Card title={t('attention.title')}>
      <Async query={q}>
        {(d) => (
          <>
            {d.attention.length === 0 ? (
              <p className="muted">{t('attention.none')}</p>
            ) : (
              <ul className="dash-list" data-testid="attention-list">
                {d.attention.map((a) => (
                  <li key={a.agentUserId} data-agent={a.agentUserId}>
                    <Link to={`/team/${a.agentUserId}`} aria-label={t('attention.open', { name: a.name })}><strong><bdi>{a.name}</bdi></strong></Link>
                    <ul className="dash-reasons small">
                      {a.reasons.map((r) => (
                        <li key={r.rule} data-rule={r.rule}><ReasonText r={r} /></li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
            <AttentionRulesText rules={d.rules} />
          </>
        )}
      </Async>
    </Card>
  );
}
