import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api.ts';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Alert, Async, Button, Card, ErrorAlert, Field, Loading, PageHeader, QuotaBar, formatDate, useAction, useQuery } from '../../ui/index.ts';
import type { AiCost, Company, Quotas, Team, User } from '../../types.ts';
import { AiCostCard } from '../usage/UsagePage.tsx';
import { SECTORS } from '../questionnaire/model.ts';
import { useQuestionnaireT } from '../questionnaire/strings.ts';
import { MembersCard } from '../team/MembersCard.tsx';
import { TeamsCard } from '../team/TeamsCard.tsx';
import { useAdminT } from './strings.ts';

/** Staff: one company — name, sector and quotas (editable), usage and AI cost, users (add manager/agent, reset passwords), teams. */
export default function CompanyDetailPage() {
  const { t, lang } = useAdminT();
  const common = useCommonT().t;
  const { companyId = '' } = useParams();
  const info = useQuery<{ company: Company; quotas: Quotas }>(`/api/companies/${companyId}`);
  const users = useQuery<{ users: User[] }>(`/api/companies/${companyId}/users`);
  const teams = useQuery<{ teams: Team[] }>(`/api/companies/${companyId}/teams`);
  const usage = useQuery<{ ai?: AiCost }>(`/api/companies/${companyId}/usage`);

  if (!info.data) {
    return info.error ? <ErrorAlert error={info.error} onRetry={() => void info.reload()} /> : <Loading />;
  }
  const { company, quotas } = info.data;
  const upsert = (u: User) => {
    users.setData((d) => ({ users: d?.users.some((x) => x.id === u.id) ? d.users.map((x) => (x.id === u.id ? u : x)) : [...(d?.users ?? []), u] }));
    void info.reload();
  };
  const raiseSeats = (close: () => void) => (
    <Button
      size="sm"
      variant="primary"
      onClick={() => {
        close();
        setTimeout(() => document.getElementById('seatLimit')?.focus(), 0);
      }}
    >
      {t('detail.raiseSeats')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={company.name}
        subtitle={t('detail.created', { date: formatDate(company.createdAt, lang) })}
        back={{ to: '/companies', label: t('detail.back') }}
        actions={
          <Link to={`/companies/${company.id}/questionnaire`} className="btn btn-secondary">
            {t('detail.questionnaire')}
          </Link>
        }
      />
      <div className="stack">
        <div className="grid-2" style={{ alignItems: 'start' }}>
          <QuotaForm company={company} onSaved={() => void info.reload()} />
          <Card title={t('detail.usage')}>
            <div className="stack">
              <QuotaBar label={common('quota.seats')} line={quotas.seats} />
              <QuotaBar label={common('quota.analyses')} line={quotas.analyses} />
              <QuotaBar label={common('quota.simMinutes')} line={quotas.simMinutes} />
            </div>
          </Card>
        </div>
        {usage.data?.ai && <AiCostCard ai={usage.data.ai} />}
        <Async query={users}>
          {({ users: list }) => (
            <Async query={teams}>
              {({ teams: teamList }) => (
                <>
                  <MembersCard companyId={company.id} users={list} teams={teamList} onChange={upsert} seatAction={raiseSeats} />
                  <TeamsCard companyId={company.id} teams={teamList} users={list} onTeams={(next) => teams.setData({ teams: next })} />
                </>
              )}
            </Async>
          )}
        </Async>
      </div>
    </>
  );
}

function QuotaForm({ company, onSaved }: { company: Company; onSaved(): void }) {
  const { t } = useAdminT();
  const q = useQuestionnaireT().t;
  const common = useCommonT().t;
  const initial = () => ({
    name: company.name,
    sector: company.sector,
    seatLimit: String(company.seatLimit),
    analysesPerMonth: String(company.analysesPerMonth),
    simMinutesPerMonth: String(company.simMinutesPerMonth),
  });
  const [f, setF] = useState(initial);
  const [saved, setSaved] = useState(false);
  useEffect(() => setF(initial()), [company.seatLimit, company.analysesPerMonth, company.simMinutesPerMonth, company.name]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const save = useAction(() =>
    api.patch<{ company: Company }>(`/api/companies/${company.id}`, {
      name: f.name.trim(),
      sector: f.sector,
      seatLimit: Number(f.seatLimit),
      analysesPerMonth: Number(f.analysesPerMonth),
      simMinutesPerMonth: Number(f.simMinutesPerMonth),
    }),
  );
  const fe = useFieldErrors(save.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (await save.run()) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <Card title={t('detail.quotas')} id="quotas">
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted small">{t('detail.quotasHint')}</p>
        {saved && <Alert tone="success">{t('detail.saved')}</Alert>}
        <ErrorAlert error={save.error} />
        <div className="form-grid">
          <Field label={t('detail.name')} error={fe('name')}>
            <input className="input" value={f.name} onChange={set('name')} />
          </Field>
          <Field label={t('detail.sector')} error={fe('sector')}>
            <select className="select" value={f.sector} onChange={set('sector')}>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {q(`sectors.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-grid">
          <Field label={t('detail.seatLimit')} error={fe('seatLimit')}>
            <input id="seatLimit" className="input" type="number" min={0} value={f.seatLimit} onChange={set('seatLimit')} />
          </Field>
          <Field label={t('detail.analyses')} error={fe('analysesPerMonth')}>
            <input className="input" type="number" min={0} value={f.analysesPerMonth} onChange={set('analysesPerMonth')} />
          </Field>
          <Field label={t('detail.minutes')} error={fe('simMinutesPerMonth')}>
            <input className="input" type="number" min={0} value={f.simMinutesPerMonth} onChange={set('simMinutesPerMonth')} />
          </Field>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.pending}>
            {common('actions.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
