import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Button, Dialog, ErrorAlert, Field, useAction } from '../../ui/index.ts';
import type { Company, User } from '../../types.ts';
import { SECTORS } from '../questionnaire/model.ts';
import { useQuestionnaireT } from '../questionnaire/strings.ts';
import { generatePassword } from '../team/password.ts';
import { useAdminT } from './strings.ts';

/** Staff: a company and its first manager in one step (POST /api/companies). */
export function CreateCompanyDialog({ open, onCreated, onClose }: { open: boolean; onCreated(c: Company, m: User | null): void; onClose(): void }) {
  const { t } = useAdminT();
  const q = useQuestionnaireT().t;
  const common = useCommonT().t;
  const [f, setF] = useState({ name: '', sector: 'other', seatLimit: '5', analysesPerMonth: '50', simMinutesPerMonth: '300', mName: '', mEmail: '', mPassword: generatePassword() });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const create = useAction(() =>
    api.post<{ company: Company; manager: User | null }>('/api/companies', {
      name: f.name.trim(),
      sector: f.sector,
      seatLimit: Number(f.seatLimit),
      analysesPerMonth: Number(f.analysesPerMonth),
      simMinutesPerMonth: Number(f.simMinutesPerMonth),
      manager: { name: f.mName.trim(), email: f.mEmail.trim(), password: f.mPassword },
    }),
  );
  const fe = useFieldErrors(create.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run();
    if (r) {
      onCreated(r.company, r.manager);
      setF({ name: '', sector: 'other', seatLimit: '5', analysesPerMonth: '50', simMinutesPerMonth: '300', mName: '', mEmail: '', mPassword: generatePassword() });
    }
  };
  const close = () => {
    create.reset();
    onClose();
  };
  return (
    <Dialog open={open} title={t('create.title')} onClose={close}>
      <form className="stack" onSubmit={submit} noValidate>
        <ErrorAlert error={create.error} />
        <fieldset className="group">
          <legend>{t('create.company')}</legend>
          <div className="stack-sm">
            <Field label={t('create.name')} error={fe('name')}>
              <input className="input" value={f.name} onChange={set('name')} autoFocus />
            </Field>
            <Field label={t('create.sector')} error={fe('sector')}>
              <select className="select" value={f.sector} onChange={set('sector')}>
                {SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {q(`sectors.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            <div className="form-grid" style={{ gridTemplateColumns: 'repeat(3, 1fr)' }}>
              <Field label={t('create.seatLimit')} error={fe('seatLimit')}>
                <input className="input" type="number" min={1} value={f.seatLimit} onChange={set('seatLimit')} />
              </Field>
              <Field label={t('create.analyses')} error={fe('analysesPerMonth')}>
                <input className="input" type="number" min={0} value={f.analysesPerMonth} onChange={set('analysesPerMonth')} />
              </Field>
              <Field label={t('create.minutes')} error={fe('simMinutesPerMonth')}>
                <input className="input" type="number" min={0} value={f.simMinutesPerMonth} onChange={set('simMinutesPerMonth')} />
              </Field>
            </div>
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>{t('create.manager')}</legend>
          <div className="stack-sm">
            <Field label={t('create.managerName')} error={fe('manager.name')}>
              <input className="input" value={f.mName} onChange={set('mName')} />
            </Field>
            <Field label={t('create.managerEmail')} error={fe('manager.email')}>
              <input className="input" type="email" value={f.mEmail} onChange={set('mEmail')} />
            </Field>
            <Field label={t('create.managerPassword')} error={fe('manager.password')}>
              <input className="input ltr-input mono" value={f.mPassword} onChange={set('mPassword')} />
            </Field>
          </div>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={create.pending}>
            {t('create.submit')}
          </Button>
          <Button variant="ghost" onClick={close}>
            {common('actions.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
