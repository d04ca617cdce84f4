import { Navigate } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { Async, Card, EmptyState, PageHeader, QuotaBar, useQuery } from '../../ui/index.ts';
import { useCommonT } from '../../i18n/common.ts';
import type { Company, Quotas, Team } from '../../types.ts';
import { HomeCards, hasHomeCards } from './HomeCards.tsx';
import { useHomeT } from './strings.ts';

/** The landing page: staff go to the companies list; managers and agents get their home with its cards. */
export default function HomePage() {
  const { user } = useMe();
  if (user.role === 'super_admin' || user.role === 'admin') return <Navigate to="/companies" replace />;
  return user.role === 'manager' ? <ManagerHome /> : <AgentHome />;
}

function ManagerHome() {
  const { t } = useHomeT();
  const { user, company } = useMe();
  return (
    <>
      <PageHeader title={t('hello', { name: user.name })} subtitle={t('managerSubtitle', { company: company?.name ?? '' })} />
      <HomeCards />
    </>
  );
}

function AgentHome() {
  const { t } = useHomeT();
  const { user, company } = useMe();
  const teams = useQuery<{ teams: Team[] }>(company ? `/api/companies/${company.id}/teams` : null);
  const team = teams.data?.teams.find((x) => x.id === user.teamId);
  return (
    <>
      <PageHeader
        title={t('hello', { name: user.name })}
        subtitle={t('agentSubtitle', { company: company?.name ?? '', team: team?.name ?? t('noTeam') })}
      />
      <div className="stack">
        {hasHomeCards(user.role) ? (
          <HomeCards />
        ) : (
          <div className="card">
            <EmptyState title={t('nothingYet')}>{t('nothingYetText')}</EmptyState>
          </div>
        )}
        {company && <AgentUsage companyId={company.id} />}
      </div>
    </>
  );
}

/** The agent's own monthly caps when set, otherwise the company's monthly quotas. */
function AgentUsage({ companyId }: { companyId: string }) {
  const { t } = useHomeT();
  const common = useCommonT().t;
  const { user } = useMe();
  const q = useQuery<{ company: Company; quotas: Quotas }>(`/api/companies/${companyId}`);
  return (
    <Async query={q}>
      {({ quotas }) => {
        const mine = quotas.perUser.find((p) => p.userId === user.id);
        const analyses = mine?.analyses ?? quotas.analyses;
        const minutes = mine?.simMinutes ?? quotas.simMinutes;
        const personal = !!(mine?.analyses || mine?.simMinutes);
        return (
          <Card title={personal ? t('myUsage') : t('myUsageCompany')}>
            <div className="stack">
              <QuotaBar label={common('quota.analyses')} line={analyses} />
              <QuotaBar label={common('quota.simMinutes')} line={minutes} />
            </div>
          </Card>
        );
      }}
    </Async>
  );
}
