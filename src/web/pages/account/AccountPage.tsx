import { useState, type FormEvent } from 'react';
import { genderSlash } from '../../../i18n/index.ts';
import { api } from '../../api.ts';
import { useAuth, useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { LanguageSwitch } from '../../shell/LanguageSwitch.tsx';
import { Alert, Button, Card, ErrorAlert, Field, PageHeader, useAction } from '../../ui/index.ts';
import type { User } from '../../types.ts';
import { AddressCard } from './AddressCard.tsx';
import { useAccountT } from './strings.ts';

/** Every user: name, interface language, password change. */
export default function AccountPage() {
  const { t } = useAccountT();
  const common = useCommonT().t;
  const { user, company } = useMe();
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="grid-2" style={{ alignItems: 'start' }}>
        <div className="stack">
          <ProfileCard />
          <AddressCard />
          <Card title={t('language')}>
            <div className="stack-sm">
              <div>
                <LanguageSwitch />
              </div>
              <p className="muted small">{t('languageHint')}</p>
            </div>
          </Card>
          <Card title={t('details')}>
            <dl className="summary-lines" style={{ margin: 0 }}>
              <dt>{t('email')}</dt>
              <dd style={{ margin: 0 }}><span className="ltr">{user.email}</span></dd>
              <dt>{t('role')}</dt>
              <dd style={{ margin: 0 }}>{genderSlash(common(`roles.${user.role}`), user.gender)}</dd>
              {company && (
                <>
                  <dt>{t('company')}</dt>
                  <dd style={{ margin: 0 }}>{company.name}</dd>
                </>
              )}
            </dl>
          </Card>
        </div>
        <PasswordCard />
      </div>
    </>
  );
}

function ProfileCard() {
  const { t } = useAccountT();
  const common = useCommonT().t;
  const { user } = useMe();
  const { setUser } = useAuth();
  const [name, setName] = useState(user.name);
  const [saved, setSaved] = useState(false);
  const save = useAction(() => api.patch<{ user: User }>('/api/me', { name: name.trim() }));
  const fieldError = useFieldErrors(save.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = await save.run();
    if (r) {
      setUser(r.user);
      setSaved(true);
    }
  };
  return (
    <Card title={t('profile')}>
      <form className="stack" onSubmit={submit} noValidate>
        {saved && <Alert tone="success">{t('nameSaved')}</Alert>}
        <ErrorAlert error={save.error} />
        <Field label={t('name')} error={fieldError('name')}>
          <input className="input" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.pending} disabled={name.trim() === user.name}>
            {common('actions.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useAccountT();
  const { refresh } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const change = useAction(() => api.post<{ ok: true }>('/api/me/password', { currentPassword: current, newPassword: next }));
  const fieldError = useFieldErrors(change.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const r = await change.run();
    if (r) {
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
      await refresh(); // clears "must change password"
    }
  };
  return (
    <Card title={t('password')}>
      <form className="stack" onSubmit={submit} noValidate>
        {done && <Alert tone="success">{t('passwordChanged')}</Alert>}
        <ErrorAlert error={change.error} />
        <Field label={t('currentPassword')} error={fieldError('currentPassword')}>
          <input className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label={t('newPassword')} hint={t('newPasswordHint')} error={fieldError('newPassword')}>
          <input className="input" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <Field label={t('confirmPassword')} error={mismatch ? t('mismatch') : undefined}>
          <input className="input" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={change.pending}>
            {t('changePassword')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
