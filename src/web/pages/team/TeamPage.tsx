import { Link, useSearchParams } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { Async, PageHeader, QuotaBar, useQuery } from '../../ui/index.ts';
import type { Company, Quotas, Team, User } from '../../types.ts';
import { MembersCard } from './MembersCard.tsx';
import { TeamsCard } from './TeamsCard.tsx';
import { useTeamT } from './strings.ts';

/** Manager: the company's users and teams; adding an agent takes one dialog. `?add=agent` opens it. */
export default function TeamPage() {
  const { t } = useTeamT();
  const common = useCommonT().t;
  const { company } = useMe();
  const [params] = useSearchParams();
  const id = company?.id ?? null;
  const info = useQuery<{ company: Company; quotas: Quotas }>(id && `/api/companies/${id}`);
  const users = useQuery<{ users: User[] }>(id && `/api/companies/${id}/users`);
  const teams = useQuery<{ teams: Team[] }>(id && `/api/companies/${id}/teams`);
  if (!id) return null;

  const upsert = (u: User) => {
    users.setData((d) => ({ users: d?.users.some((x) => x.id === u.id) ? d.users.map((x) => (x.id === u.id ? u : x)) : [...(d?.users ?? []), u] }));
    void info.reload(); // seat figures changed
  };
  const buySeats = (
    <Link to="/billing" className="btn btn-primary btn-sm">
      {t('buySeats')}
    </Link>
  );

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { company: company?.name ?? '' })} />
      <div className="stack">
        {info.data && (
          <div className="card">
            <QuotaBar label={common('quota.seats')} line={info.data.quotas.seats} action={buySeats} />
          </div>
        )}
        <Async query={users}>
          {({ users: list }) => (
            <Async query={teams}>
              {({ teams: teamList }) => (
                <>
                  <MembersCard
                    companyId={id}
                    users={list}
                    teams={teamList}
                    onChange={upsert}
                    seatAction={buySeats}
                    initiallyAdding={params.get('add') === 'agent'}
                  />
                  <TeamsCard companyId={id} teams={teamList} users={list} onTeams={(next) => teams.setData({ teams: next })} />
                </>
              )}
            </Async>
          )}
        </Async>
      </div>
    </>
  );
}
