import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { Async, Badge, Card, EmptyState, useQuery } from '../../ui/index.ts';
import type { Team, User } from '../../types.ts';
import { useHomeT } from './strings.ts';

/** Manager home: head-count of the team and a shortcut to add an agent. */
export default function TeamSummaryCard() {
  const { t } = useHomeT();
  const { company } = useMe();
  const users = useQuery<{ users: User[] }>(company ? `/api/companies/${company.id}/users` : null);
  const teams = useQuery<{ teams: Team[] }>(company ? `/api/companies/${company.id}/teams` : null);
  return (
    <Card
      title={t('teamTitle')}
      actions={
        <Link to="/team?add=agent" className="btn btn-primary btn-sm">
          {t('addAgent')}
        </Link>
      }
    >
      <Async query={users}>
        {({ users: list }) => {
          const agents = list.filter((u) => u.role === 'agent' && u.active);
          const managers = list.filter((u) => u.role === 'manager' && u.active);
          return (
            <div className="stack">
              <div className="grid-3" style={{ gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
                <Figure label={t('agentsActive', { count: agents.length })} value={agents.length} />
                <Figure label={t('managers', { count: managers.length })} value={managers.length} />
                <Figure label={t('teams', { count: teams.data?.teams.length ?? 2 })} value={teams.data?.teams.length ?? '…'} />
              </div>
              {agents.length === 0 ? (
                <EmptyState title={t('noAgents')} />
              ) : (
                <div className="row">
                  {agents.slice(0, 8).map((a) => (
                    <Badge key={a.id}>{a.name}</Badge>
                  ))}
                </div>
              )}
              <Link to="/team" className="small">
                {t('manageTeam')}
              </Link>
            </div>
          );
        }}
      </Async>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="stat">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
