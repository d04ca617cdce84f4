/** Manager home: who needs attention, by the rules stated under the list, each agent linking to their page. */
import { Link } from 'react-router-dom';
import { Async, Card } from '../../ui/index.ts';
import { AttentionRulesText, ReasonText } from './parts.tsx';
import { useDashT } from './strings.ts';
import { useTeamDashboard } from './TeamTrendCard.tsx';

export default function AttentionCard() {
  const { t } = useDashT();
  const q = useTeamDashboard();
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
