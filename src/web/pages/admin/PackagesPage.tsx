import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Async, Badge, Button, Card, EmptyState, ErrorAlert, Field, PageHeader, formatDate, formatMoney, formatNumber, useAction, useQuery } from '../../ui/index.ts';
import type { Currency, DiscountCode, SeatPackage } from '../../types.ts';
import { useAdminT } from './strings.ts';

const CURRENCIES: Currency[] = ['ILS', 'USD', 'EUR'];
const toCents = (v: string) => Math.round(Number(v.replace(/[,\s]/g, '')) * 100);

/** Staff: seat packages (create, hide/activate) and discount codes (create, deactivate). */
export default function PackagesPage() {
  const { t } = useAdminT();
  return (
    <>
      <PageHeader title={t('packages.title')} subtitle={t('packages.subtitle')} />
      <div className="stack">
        <PackagesCard />
        <CodesCard />
      </div>
    </>
  );
}

function PackagesCard() {
  const { t, lang } = useAdminT();
  const common = useCommonT().t;
  const list = useQuery<{ packages: SeatPackage[] }>('/api/packages');
  const [f, setF] = useState({ name: '', seats: '5', price: '', currency: 'ILS' as Currency });
  const create = useAction(() =>
    api.post<{ package: SeatPackage }>('/api/packages', { name: f.name.trim(), seats: Number(f.seats), priceCents: toCents(f.price), currency: f.currency }),
  );
  const toggle = useAction((p: SeatPackage) => api.patch<{ package: SeatPackage }>(`/api/packages/${p.id}`, { active: !p.active }));
  const fe = useFieldErrors(create.error);
  const replace = (p: SeatPackage) => list.setData((d) => ({ packages: (d?.packages ?? []).some((x) => x.id === p.id) ? d!.packages.map((x) => (x.id === p.id ? p : x)) : [...(d?.packages ?? []), p] }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run();
    if (r) {
      replace(r.package);
      setF({ name: '', seats: '5', price: '', currency: f.currency });
    }
  };
  return (
    <Card title={t('packages.packages')} tight>
      <ErrorAlert error={toggle.error} />
      <Async query={list}>
        {({ packages }) =>
          packages.length === 0 ? (
            <EmptyState title={t('packages.noPackages')} />
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('packages.name')}</th>
                    <th className="num">{t('packages.seats')}</th>
                    <th className="num">{t('packages.price')}</th>
                    <th>{common('table.status')}</th>
                    <th>{common('table.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {packages.map((p) => (
                    <tr key={p.id} className={p.active ? undefined : 'inactive'}>
                      <td style={{ fontWeight: 600 }}>{p.name}</td>
                      <td className="num">{p.seats}</td>
                      <td className="num nowrap">{formatMoney(p.priceCents, p.currency, lang)}</td>
                      <td>{p.active ? <Badge tone="ok">{common('state.active')}</Badge> : <Badge>{t('packages.hidden')}</Badge>}</td>
                      <td>
                        <div className="cell-actions">
                          <Button size="sm" variant="ghost" onClick={async () => { const r = await toggle.run(p); if (r) replace(r.package); }}>
                            {p.active ? t('packages.hide') : t('packages.show')}
                          </Button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Async>
      <form className="stack" onSubmit={submit} noValidate style={{ padding: 'var(--s-4) var(--s-5) var(--s-5)', borderBlockStart: '1px solid var(--c-border)' }}>
        <h3 style={{ fontSize: 'var(--fs-md)' }}>{t('packages.newPackage')}</h3>
        <ErrorAlert error={create.error} />
        <div className="form-grid">
          <Field label={t('packages.name')} error={fe('name')}>
            <input className="input" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
          </Field>
          <Field label={t('packages.seats')} error={fe('seats')}>
            <input className="input" type="number" min={1} value={f.seats} onChange={(e) => setF({ ...f, seats: e.target.value })} />
          </Field>
          <Field label={t('packages.price')} hint={t('packages.priceHint')} error={fe('priceCents')}>
            <input className="input" type="number" min={0} step="0.01" value={f.price} onChange={(e) => setF({ ...f, price: e.target.value })} />
          </Field>
          <Field label={t('packages.currency')} error={fe('currency')}>
            <select className="select" value={f.currency} onChange={(e) => setF({ ...f, currency: e.target.value as Currency })}>
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={create.pending}>
            {common('actions.create')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function CodesCard() {
  const { t, lang } = useAdminT();
  const common = useCommonT().t;
  const list = useQuery<{ codes: DiscountCode[] }>('/api/discount-codes');
  const blank = { code: '', kind: 'percent' as 'percent' | 'fixed', value: '', validFrom: '', validUntil: '', maxUses: '' };
  const [f, setF] = useState(blank);
  const create = useAction(() =>
    api.post<{ code: DiscountCode }>('/api/discount-codes', {
      code: f.code.trim(),
      kind: f.kind,
      value: f.kind === 'percent' ? Number(f.value) : toCents(f.value),
      validFrom: f.validFrom || null,
      validUntil: f.validUntil || null,
      maxUses: f.maxUses ? Number(f.maxUses) : null,
    }),
  );
  const deactivate = useAction((id: string) => api.patch<{ code: DiscountCode }>(`/api/discount-codes/${id}`, { active: false }));
  const fe = useFieldErrors(create.error);
  const replace = (c: DiscountCode) => list.setData((d) => ({ codes: (d?.codes ?? []).some((x) => x.id === c.id) ? d!.codes.map((x) => (x.id === c.id ? c : x)) : [c, ...(d?.codes ?? [])] }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run();
    if (r) {
      replace(r.code);
      setF(blank);
    }
  };
  const describe = (c: DiscountCode) => (c.kind === 'percent' ? `${c.value}%` : formatNumber(c.value / 100, lang));
  return (
    <Card title={t('packages.codes')} tight>
      <ErrorAlert error={deactivate.error} />
      <Async query={list}>
        {({ codes }) =>
          codes.length === 0 ? (
            <EmptyState title={t('packages.noCodes')} />
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('packages.code')}</th>
                    <th>{t('packages.value')}</th>
                    <th>{t('packages.colValidity')}</th>
                    <th className="num">{t('packages.uses')}</th>
                    <th>{common('table.status')}</th>
                    <th>{common('table.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {codes.map((c) => (
                    <tr key={c.id} className={c.active ? undefined : 'inactive'}>
                      <td><code className="ltr">{c.code}</code></td>
                      <td className="nowrap">{describe(c)}</td>
                      <td className="nowrap small">
                        {c.validFrom || c.validUntil ? `${formatDate(c.validFrom, lang)} – ${formatDate(c.validUntil, lang)}` : t('packages.always')}
                      </td>
                      <td className="num">
                        {c.uses}
                        {c.maxUses != null ? ` / ${c.maxUses}` : ''}
                      </td>
                      <td>{c.active ? <Badge tone="ok">{common('state.active')}</Badge> : <Badge>{common('state.inactive')}</Badge>}</td>
                      <td>
                        {c.active && (
                          <div className="cell-actions">
                            <Button size="sm" variant="danger" onClick={async () => { const r = await deactivate.run(c.id); if (r) replace(r.code); }}>
                              {t('packages.deactivate')}
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
      <form className="stack" onSubmit={submit} noValidate style={{ padding: 'var(--s-4) var(--s-5) var(--s-5)', borderBlockStart: '1px solid var(--c-border)' }}>
        <h3 style={{ fontSize: 'var(--fs-md)' }}>{t('packages.newCode')}</h3>
        <ErrorAlert error={create.error} />
        <div className="form-grid">
          <Field label={t('packages.code')} error={fe('code')}>
            <input className="input ltr-input mono" value={f.code} onChange={(e) => setF({ ...f, code: e.target.value.toUpperCase() })} />
          </Field>
          <Field label={t('packages.kind')} error={fe('kind')}>
            <select className="select" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value as 'percent' | 'fixed' })}>
              <option value="percent">{t('packages.percent')}</option>
              <option value="fixed">{t('packages.fixed')}</option>
            </select>
          </Field>
          <Field label={t('packages.value')} hint={t('packages.valueHint')} error={fe('value')}>
            <input className="input" type="number" min={1} value={f.value} onChange={(e) => setF({ ...f, value: e.target.value })} />
          </Field>
        </div>
        <div className="form-grid">
          <Field label={t('packages.validFrom')} optional error={fe('validFrom')}>
            <input className="input" type="date" value={f.validFrom} onChange={(e) => setF({ ...f, validFrom: e.target.value })} />
          </Field>
          <Field label={t('packages.validUntil')} optional error={fe('validUntil')}>
            <input className="input" type="date" value={f.validUntil} onChange={(e) => setF({ ...f, validUntil: e.target.value })} />
          </Field>
          <Field label={t('packages.maxUses')} optional error={fe('maxUses')}>
            <input className="input" type="number" min={1} value={f.maxUses} onChange={(e) => setF({ ...f, maxUses: e.target.value })} />
          </Field>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={create.pending}>
            {common('actions.create')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
