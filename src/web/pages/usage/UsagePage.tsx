import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { Async, Card, EmptyState, PageHeader, QuotaBar, useQuery } from '../../ui/index.ts';
import type { QuotaLine, Quotas } from '../../types.ts';
import { useUsageT } from './strings.ts';

/** Manager: the company's seat and monthly quotas, and per-agent caps with their use. */
export default function UsagePage() {
  const { t } = useUsageT();
  const common = useCommonT().t;
  const { company } = useMe();
  const q = useQuery<{ quotas: Quotas }>(company ? `/api/companies/${company.id}/usage` : null);
  return (
    <Async query={q}>
      {({ quotas }) => (
        <>
          <PageHeader title={t('title')} subtitle={t('subtitle', { period: quotas.period })} />
          <div className="stack">
            <Card title={t('company')}>
              <div className="stack">
                <QuotaBar
                  label={common('quota.seats')}
                  line={quotas.seats}
                  action={<Link to="/billing" className="small">{common('quota.buySeats')}</Link>}
                />
                <QuotaBar label={common('quota.analyses')} line={quotas.analyses} />
                <QuotaBar label={common('quota.simMinutes')} line={quotas.simMinutes} />
                <p className="muted small">{t('raise')}</p>
              </div>
            </Card>
            <Card title={t('perUser')} tight>
              <p className="muted small" style={{ padding: '0 var(--s-5) var(--s-3)' }}>
                {t('perUserHint')}
              </p>
              {quotas.perUser.length === 0 ? (
                <EmptyState title={t('noPerUser')} />
              ) : (
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th>{t('colName')}</th>
                        <th>{t('colAnalyses')}</th>
                        <th>{t('colMinutes')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {quotas.perUser.map((p) => (
                        <tr key={p.userId}>
                          <td>{p.name}</td>
                          <td style={{ minInlineSize: 180 }}>{p.analyses ? <MiniBar line={p.analyses} /> : <span className="muted">{t('noCap')}</span>}</td>
                          <td style={{ minInlineSize: 180 }}>{p.simMinutes ? <MiniBar line={p.simMinutes} /> : <span className="muted">{t('noCap')}</span>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
          </div>
        </>
      )}
    </Async>
  );
}

function MiniBar({ line }: { line: QuotaLine }) {
  return <QuotaBar label="" line={line} />;
}
