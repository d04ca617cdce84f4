import { Async, PageHeader, Stat, formatMoney, formatNumber, useQuery } from '../../ui/index.ts';
import type { Order } from '../../types.ts';
import { useAdminT } from './strings.ts';

interface Health {
  status: string;
  version: string;
  database: string;
  ai: string;
  uptimeSec: number;
}

/** Staff: platform figures (companies, users, orders) and the server's health. */
export default function SystemPage() {
  const { t, lang } = useAdminT();
  const stats = useQuery<{ companies: number; users: number; database: string }>('/api/admin/stats');
  const health = useQuery<Health>('/api/health');
  const orders = useQuery<{ orders: Order[] }>('/api/orders');
  const pending = orders.data?.orders.filter((o) => o.status === 'pending').length;
  const revenue = new Map<string, number>();
  for (const o of orders.data?.orders ?? []) if (o.status === 'paid') revenue.set(o.currency, (revenue.get(o.currency) ?? 0) + o.totalCents);

  return (
    <>
      <PageHeader title={t('system.title')} subtitle={t('system.subtitle')} />
      <div className="stack">
        <Async query={stats}>
          {(s) => (
            <div className="grid-3">
              <Stat label={t('system.companies')} value={formatNumber(s.companies, lang)} />
              <Stat label={t('system.users')} value={formatNumber(s.users, lang)} />
              <Stat label={t('system.orders')} value={pending ?? '…'} />
              <Stat
                label={t('system.revenue')}
                value={revenue.size ? [...revenue].map(([c, v]) => formatMoney(v, c, lang)).join(' · ') : formatMoney(0, 'ILS', lang)}
              />
            </div>
          )}
        </Async>
        <Async query={health}>
          {(h) => (
            <div className="grid-3">
              <Stat label={t('system.database')} value={<bdi>{h.database === 'pglite' || h.database === 'postgres' ? t(`system.databases.${h.database}`) : h.database}</bdi>} />
              <Stat label={t('system.ai')} value={<bdi>{h.ai === 'openai' || h.ai === 'openai-compatible' || h.ai === 'offline' ? t(`system.engines.${h.ai}`) : h.ai}</bdi>} />
              <Stat label={t('system.version')} value={<span className="ltr">{h.version}</span>} />
              <Stat label={t('system.uptime')} value={t('system.minutes', { count: Math.round(h.uptimeSec / 60) })} />
            </div>
          )}
        </Async>
      </div>
    </>
  );
}
