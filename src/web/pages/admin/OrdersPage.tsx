import { useState, type FormEvent } from 'react';
import { useCommonT } from '../../i18n/common.ts';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { Alert, Async, Button, Card, Dialog, EmptyState, ErrorAlert, Field, PageHeader, Segmented, formatDate, formatMoney, useAction, useQuery } from '../../ui/index.ts';
import type { Company, Order } from '../../types.ts';
import { OrderStatus } from '../billing/OrderStatus.tsx';
import { useAdminT } from './strings.ts';
import { useBillingT } from '../billing/strings.ts';

type Filter = 'all' | 'pending' | 'paid';

/** Staff: every order; mark a pending one paid (with a reference), which adds its seats to the company. */
export default function OrdersPage() {
  const { t, lang } = useAdminT();
  const { t: bt } = useBillingT();
  const common = useCommonT().t;
  const orders = useQuery<{ orders: Order[] }>('/api/orders');
  const companies = useQuery<{ companies: Company[] }>('/api/companies');
  const [filter, setFilter] = useState<Filter>('all');
  const [paying, setPaying] = useState<Order | null>(null);
  const [reference, setReference] = useState('');
  const [done, setDone] = useState(false);
  const mark = useAction(() => api.post<{ order: Order }>(`/api/orders/${paying!.id}/mark-paid`, reference.trim() ? { reference: reference.trim() } : {}));
  const companyName = (id: string) => companies.data?.companies.find((c) => c.id === id)?.name ?? '…';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await mark.run();
    if (r) {
      orders.setData((d) => ({ orders: (d?.orders ?? []).map((o) => (o.id === r.order.id ? r.order : o)) }));
      setPaying(null);
      setReference('');
      setDone(true);
    }
  };

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        subtitle={t('orders.subtitle')}
        actions={
          <Segmented<Filter>
            label={t('orders.colStatus')}
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('orders.filterAll') },
              { value: 'pending', label: t('orders.filterPending') },
              { value: 'paid', label: t('orders.filterPaid') },
            ]}
          />
        }
      />
      <div className="stack">
        {done && <Alert tone="success">{t('orders.paidDone')}</Alert>}
        <Card tight>
          <Async query={orders}>
            {({ orders: all }) => {
              const list = filter === 'all' ? all : all.filter((o) => o.status === filter);
              return list.length === 0 ? (
                <EmptyState title={t('orders.empty')} />
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="admin-orders">
                    <thead>
                      <tr>
                        <th>{t('orders.colDate')}</th>
                        <th>{t('orders.colCompany')}</th>
                        <th className="num">{t('orders.colSeats')}</th>
                        <th className="num">{t('orders.colDiscount')}</th>
                        <th className="num">{t('orders.colTotal')}</th>
                        <th>{t('orders.colStatus')}</th>
                        <th>{t('orders.colPaid')}</th>
                        <th>{common('table.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((o) => (
                        <tr key={o.id}>
                          <td className="nowrap">{formatDate(o.createdAt, lang)}</td>
                          <td>
                            <Link to={`/companies/${o.companyId}`}>{companyName(o.companyId)}</Link>
                          </td>
                          <td className="num">{o.seats}</td>
                          <td className="num nowrap">{o.discountCents ? formatMoney(o.discountCents, o.currency, lang) : '—'}</td>
                          <td className="num nowrap">{formatMoney(o.totalCents, o.currency, lang)}</td>
                          <td>
                            <OrderStatus status={o.status} />
                          </td>
                          <td className="small nowrap">
                            {o.paidAt ? `${formatDate(o.paidAt, lang)}${o.paymentMethod ? ` · ${o.paymentMethod === 'manual' || o.paymentMethod === 'test' ? bt(`methods.${o.paymentMethod}`) : o.paymentMethod}` : ''}` : '—'}
                          </td>
                          <td>
                            {o.status === 'pending' && (
                              <div className="cell-actions">
                                <Button size="sm" variant="primary" onClick={() => (mark.reset(), setDone(false), setPaying(o))}>
                                  {t('orders.markPaid')}
                                </Button>
                              </div>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            }}
          </Async>
        </Card>
      </div>
      <Dialog open={!!paying} title={t('orders.markPaidTitle')} onClose={() => setPaying(null)}>
        {paying && (
          <form className="stack" onSubmit={submit} noValidate>
            <p>
              {companyName(paying.companyId)} · {paying.seats} · {formatMoney(paying.totalCents, paying.currency, lang)}
            </p>
            <ErrorAlert error={mark.error} />
            <Field label={t('orders.reference')} hint={t('orders.referenceHint')} optional>
              <input className="input" value={reference} onChange={(e) => setReference(e.target.value)} autoFocus />
            </Field>
            <div className="form-actions">
              <Button type="submit" variant="primary" busy={mark.pending}>
                {t('orders.confirm')}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
