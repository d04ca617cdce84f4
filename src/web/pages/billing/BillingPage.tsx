import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import {
  Alert,
  Async,
  Button,
  Card,
  EmptyState,
  ErrorAlert,
  Field,
  PageHeader,
  QuotaBar,
  formatDate,
  formatMoney,
  useAction,
  useQuery,
} from '../../ui/index.ts';
import type { Order, Quotas, Quote, SeatPackage } from '../../types.ts';
import { OrderStatus } from './OrderStatus.tsx';
import { useBillingT } from './strings.ts';

/** Manager: package → discount code → quote → order → test-mode payment; the seat quota rises when paid. */
export default function BillingPage() {
  const { t, lang } = useBillingT();
  const common = useCommonT().t;
  const { company } = useMe();
  const cid = company?.id ?? null;
  const packages = useQuery<{ packages: SeatPackage[] }>('/api/packages');
  const orders = useQuery<{ orders: Order[] }>(cid && `/api/companies/${cid}/orders`);
  const usage = useQuery<{ quotas: Quotas }>(cid && `/api/companies/${cid}/usage`);
  const [packageId, setPackageId] = useState('');
  const [code, setCode] = useState('');
  const [quote, setQuote] = useState<Quote | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const quoteA = useAction(() => api.post<Quote>('/api/quote', { packageId, ...(code.trim() ? { discountCode: code.trim() } : {}) }));
  const orderA = useAction(() => api.post<{ order: Order }>(`/api/companies/${cid}/orders`, { packageId, ...(code.trim() ? { discountCode: code.trim() } : {}) }));
  // the test payment exists only when the server runs with PAYMENTS_MODE=test; otherwise staff mark orders paid
  const health = useQuery<{ limits?: { paymentsMode?: 'manual' | 'test' } }>('/api/health');
  const testPayments = health.data?.limits?.paymentsMode === 'test';
  const payA = useAction((id: string) => api.post<{ order: Order }>(`/api/orders/${id}/pay-test`));
  const cancelA = useAction((id: string) => api.post<{ order: Order }>(`/api/orders/${id}/cancel`));
  const fieldError = useFieldErrors(quoteA.error ?? orderA.error);

  const replaceOrder = (o: Order) => orders.setData((d) => ({ orders: [o, ...(d?.orders ?? []).filter((x) => x.id !== o.id)] }));
  const getQuote = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const r = await quoteA.run();
    if (r) setQuote(r);
  };
  const placeOrder = async () => {
    const r = await orderA.run();
    if (r) {
      replaceOrder(r.order);
      setQuote(null);
      setCode('');
      setNotice(t('ordered'));
    }
  };
  const pay = async (id: string) => {
    const r = await payA.run(id);
    if (r) {
      replaceOrder(r.order);
      setNotice(t('paid', { seats: r.order.seats }));
      void usage.reload();
    }
  };
  const cancel = async (id: string) => {
    const r = await cancelA.run(id);
    if (r) replaceOrder(r.order);
  };
  const packageName = (id: string) => packages.data?.packages.find((p) => p.id === id)?.name ?? '—';
  const active = packages.data?.packages.filter((p) => p.active) ?? [];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="stack">
        {usage.data && (
          <div className="card">
            <QuotaBar label={common('quota.seats')} line={usage.data.quotas.seats} />
          </div>
        )}
        {notice && <Alert tone="success">{notice}</Alert>}
        <ErrorAlert error={payA.error ?? cancelA.error} />
        <Card title={t('step1')}>
          <Async query={packages}>
            {() =>
              active.length === 0 ? (
                <EmptyState title={t('noPackages')} />
              ) : (
                <form className="stack" onSubmit={getQuote} noValidate>
                  <div className="grid-3" role="radiogroup" aria-label={t('step1')}>
                    {active.map((p) => (
                      <label key={p.id} className="choice-card">
                        <input
                          type="radio"
                          name="package"
                          value={p.id}
                          checked={packageId === p.id}
                          onChange={() => {
                            setPackageId(p.id);
                            setQuote(null);
                          }}
                        />
                        <div style={{ fontWeight: 650 }}>{p.name}</div>
                        <div className="muted small">{t('seats', { count: p.seats })}</div>
                        <div className="price">{formatMoney(p.priceCents, p.currency, lang)}</div>
                      </label>
                    ))}
                  </div>
                  <div className="row" style={{ alignItems: 'flex-end' }}>
                    <Field label={t('discountCode')} optional error={fieldError('discountCode')}>
                      <input
                        className="input ltr-input"
                        name="discountCode"
                        value={code}
                        autoComplete="off"
                        onChange={(e) => {
                          setCode(e.target.value);
                          setQuote(null);
                        }}
                      />
                    </Field>
                    <Button type="submit" variant="primary" disabled={!packageId} busy={quoteA.pending}>
                      {t('getQuote')}
                    </Button>
                  </div>
                  {!fieldError('discountCode') && <ErrorAlert error={quoteA.error} />}
                </form>
              )
            }
          </Async>
        </Card>
        <Card title={t('step2')}>
          {quote ? (
            <div className="stack" data-testid="quote">
              <div className="summary-lines">
                <span>
                  {quote.package.name} · {t('seats', { count: quote.package.seats })}
                </span>
                <span />
                <span>{t('listPrice')}</span>
                <span className="ltr">{formatMoney(quote.list.cents, quote.package.currency, lang)}</span>
                <span>{t('discount')}</span>
                <span className="ltr">−{formatMoney(quote.discount.cents, quote.package.currency, lang)}</span>
                <span className="total">{t('total')}</span>
                <span className="total ltr">{formatMoney(quote.total.cents, quote.package.currency, lang)}</span>
              </div>
              <ErrorAlert error={orderA.error} />
              <div className="form-actions">
                <Button variant="primary" busy={orderA.pending} onClick={() => void placeOrder()}>
                  {t('placeOrder')}
                </Button>
              </div>
            </div>
          ) : (
            <p className="muted">{t('choosePackage')}</p>
          )}
        </Card>
        <Card title={t('orders')} tight>
          <p className="muted small" style={{ padding: '0 var(--s-5) var(--s-3)' }}>
            {t('payHint')}
          </p>
          <Async query={orders}>
            {({ orders: list }) =>
              list.length === 0 ? (
                <EmptyState title={t('noOrders')} />
              ) : (
                <div className="table-wrap">
                  <table className="table" data-testid="orders-table">
                    <thead>
                      <tr>
                        <th>{t('colDate')}</th>
                        <th>{t('colPackage')}</th>
                        <th className="num">{t('colSeats')}</th>
                        <th className="num">{t('colTotal')}</th>
                        <th>{t('colStatus')}</th>
                        <th>{common('table.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((o) => (
                        <tr key={o.id}>
                          <td className="nowrap">{formatDate(o.createdAt, lang)}</td>
                          <td>{packageName(o.packageId)}</td>
                          <td className="num">{o.seats}</td>
                          <td className="num nowrap">{formatMoney(o.totalCents, o.currency, lang)}</td>
                          <td>
                            <OrderStatus status={o.status} />
                          </td>
                          <td>
                            {o.status === 'pending' && (
                              <div className="cell-actions">
                                {testPayments && (
                                  <Button size="sm" variant="primary" busy={payA.pending} onClick={() => void pay(o.id)}>
                                    {t('pay')}
                                  </Button>
                                )}
                                <Button size="sm" variant="ghost" busy={cancelA.pending} onClick={() => void cancel(o.id)}>
                                  {t('cancelOrder')}
                                </Button>
                              </div>
                            )}
                          </td>
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
    </>
  );
}
