import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Async, Badge, Button, Card, EmptyState, Icon, PageHeader, Stat, formatDate, formatNumber, useQuery } from '../../ui/index.ts';
import type { Company } from '../../types.ts';
import { useQuestionnaireT } from '../questionnaire/strings.ts';
import { CreateCompanyDialog } from './CreateCompanyDialog.tsx';
import { useAdminT } from './strings.ts';

/** Staff landing page: every company with its seats and quotas; create a company with its manager. */
export default function CompaniesPage() {
  const { t, lang } = useAdminT();
  const q = useQuestionnaireT().t;
  const companies = useQuery<{ companies: Company[] }>('/api/companies');
  const stats = useQuery<{ companies: number; users: number }>('/api/admin/stats');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Company | null>(null);

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        subtitle={t('companies.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Icon name="plus" size={16} />
            {t('companies.create')}
          </Button>
        }
      />
      <div className="stack">
        {stats.data && (
          <div className="grid-3">
            <Stat label={t('companies.statCompanies')} value={formatNumber(stats.data.companies, lang)} />
            <Stat label={t('companies.statUsers')} value={formatNumber(stats.data.users, lang)} />
          </div>
        )}
        {created && (
          <Alert tone="success" actions={<Link to={`/companies/${created.id}`}>{created.name}</Link>}>
            {t('create.created', { name: created.name })}
          </Alert>
        )}
        <Card tight>
          <Async query={companies}>
            {({ companies: list }) =>
              list.length === 0 ? (
                <EmptyState title={t('companies.empty')} action={<Button onClick={() => setCreating(true)}>{t('companies.create')}</Button>}>
                  {t('companies.emptyText')}
                </EmptyState>
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="companies-table">
                    <thead>
                      <tr>
                        <th>{t('companies.colName')}</th>
                        <th>{t('companies.colSector')}</th>
                        <th className="num">{t('companies.colSeats')}</th>
                        <th className="num">{t('companies.colAnalyses')}</th>
                        <th className="num">{t('companies.colMinutes')}</th>
                        <th>{t('companies.colCreated')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((c) => (
                        <tr key={c.id}>
                          <td>
                            <Link to={`/companies/${c.id}`} style={{ fontWeight: 600 }}>
                              {c.name}
                            </Link>{' '}
                            {c.isDemo && <Badge tone="brand">{t('companies.demo')}</Badge>}
                          </td>
                          <td>{q(`sectors.${c.sector as 'other'}`)}</td>
                          <td className="num">
                            <SeatFigure used={c.seatsUsed} limit={c.seatLimit} />
                          </td>
                          <td className="num">{formatNumber(c.analysesPerMonth, lang)}</td>
                          <td className="num">{formatNumber(c.simMinutesPerMonth, lang)}</td>
                          <td className="nowrap">{formatDate(c.createdAt, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </Async>
        </Card>
      </div>
      <CreateCompanyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
          companies.setData((d) => ({ companies: [c, ...(d?.companies ?? [])] }));
          void stats.reload();
        }}
      />
    </>
  );
}

function SeatFigure({ used, limit }: { used: number; limit: number }) {
  const tone = used >= limit ? 'danger' : limit > 0 && used / limit >= 0.8 ? 'warn' : undefined;
  return (
    <Badge tone={tone}>
      <span className="ltr">{`${used} / ${limit}`}</span>
    </Badge>
  );
}
