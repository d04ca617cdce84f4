import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useAuth, useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Alert, Button, Card, ErrorAlert, Field, PageHeader, useAction } from '../../ui/index.ts';
import type { Company } from '../../types.ts';
import { useSettingsT } from './strings.ts';
import { useLiveT } from '../live/strings.ts';

/** Manager: company settings (the practice privacy window, the customer engine, the monthly AI budget). */
export default function SettingsPage() {
  const { t } = useSettingsT();
  const common = useCommonT().t;
  const { company } = useMe();
  const { refresh } = useAuth();
  const [hours, setHours] = useState(String(company?.practicePrivacyHours ?? 0));
  const [engine, setEngine] = useState(company?.voiceEngine ?? 'auto');
  const [budget, setBudget] = useState(company?.aiBudgetCentsPerMonth == null ? '' : String(company.aiBudgetCentsPerMonth / 100));
  const [liveObservation, setLiveObservation] = useState(company?.liveObservation ?? true);
  const live = useLiveT().t;
  const [saved, setSaved] = useState(false);
  const save = useAction(() =>
    api.patch<{ company: Company }>(`/api/companies/${company!.id}/settings`, {
      practicePrivacyHours: Number(hours),
      voiceEngine: engine,
      aiBudgetCentsPerMonth: budget.trim() === '' ? null : Math.round(Number(budget) * 100),
      liveObservation,
    }),
  );
  const fieldError = useFieldErrors(save.error);
  if (!company) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = await save.run();
    if (r) {
      setSaved(true);
      await refresh();
    }
  };
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { company: company.name })} />
      <Card title={t('privacy')}>
        <form className="stack" onSubmit={submit} noValidate style={{ maxInlineSize: 560 }}>
          <p className="muted">{t('privacyHint')}</p>
          {saved && <Alert tone="success">{t('saved')}</Alert>}
          <ErrorAlert error={save.error} />
          <Field label={t('hours')} hint={t('hoursHelp')} error={fieldError('practicePrivacyHours')}>
            <input className="input" type="number" min={0} max={720} step={1} inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} style={{ maxInlineSize: 160 }} />
          </Field>
          <h3>{t('engineTitle')}</h3>
          <p className="muted">{t('engineHint')}</p>
          <Field label={t('engine')} error={fieldError('voiceEngine')}>
            <select name="voiceEngine" value={engine} onChange={(e) => setEngine(e.target.value as typeof engine)}>
              {(['auto', 'realtime', 'cascade', 'offline'] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`engines.${x}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('budget')} hint={t('budgetHelp')} error={fieldError('aiBudgetCentsPerMonth')}>
            <input className="input" name="aiBudget" type="number" min={0} step={1} inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} style={{ maxInlineSize: 160 }} />
          </Field>
          <h3>{live('settingTitle')}</h3>
          <label className="row" style={{ gap: 'var(--s-2)', alignItems: 'center' }}>
            <input type="checkbox" name="liveObservation" checked={liveObservation} onChange={(e) => setLiveObservation(e.target.checked)} />
            {live('settingLabel')}
          </label>
          <p className="small muted">
            {live('settingHint')} {Number(hours) > 0 ? live('settingPrivacyNote') : ''}
          </p>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={save.pending}>
              {common('actions.save')}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
