import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { Async, Card, EmptyState, PageHeader, QuotaBar, useQuery } from '../../ui/index.ts';
import type { AiCost, QuotaLine, Quotas } from '../../types.ts';
import { useUsageT } from './strings.ts';

/** Manager: the company's seat and monthly quotas, and per-agent caps with their use. */
export default function UsagePage() {
  const { t } = useUsageT();
  const common = useCommonT().t;
  const { company } = useMe();
  const q = useQuery<{ quotas: Quotas; ai?: AiCost }>(company ? `/api/companies/${company.id}/usage` : null);
  return (
    <Async query={q}>
      {({ quotas, ai }) => (
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
            {ai && <AiCostCard ai={ai} />}
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

const usd = (n: number | null) => (n === null ? '—' : `$${n < 1 ? n.toFixed(3) : n.toFixed(2)}`);

/** What the AI services cost: this month against the budget, per practice minute, month by month. */
export function AiCostCard({ ai }: { ai: AiCost }) {
  const { t } = useUsageT();
  return (
    <Card title={t('aiCost')} tight>
      <dl data-testid="ai-cost" style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: 'var(--s-2) var(--s-3)', margin: 0, padding: '0 var(--s-5) var(--s-3)' }}>
        <dt className="muted">{t('aiThisMonth')}</dt>
        <dd style={{ margin: 0 }}>{usd(ai.current.costUsd)}{ai.budgetUsd !== null ? ` / ${usd(ai.budgetUsd)}` : ''}</dd>
        <dt className="muted">{t('aiPerMinute')}</dt>
        <dd style={{ margin: 0 }}>{usd(ai.current.costPerMinuteUsd)}</dd>
      </dl>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t('colMonth')}</th>
              <th>{t('colCalls')}</th>
              <th>{t('colMinutes')}</th>
              <th>{t('colCost')}</th>
              <th>{t('colPerMinute')}</th>
            </tr>
          </thead>
          <tbody>
            {ai.months.map((m) => (
              <tr key={m.month}>
                <td>{m.month}</td>
                <td>{m.calls}</td>
                <td>{m.minutes}</td>
                <td>{usd(m.costUsd)}</td>
                <td>{usd(m.costPerMinuteUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small" style={{ padding: '0 var(--s-5) var(--s-3)' }}>{t('aiHint')}</p>
    </Card>
  );
}

function MiniBar({ line }: { line: QuotaLine }) {
  return <QuotaBar label="" line={line} />;
}
