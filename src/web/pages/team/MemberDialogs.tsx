import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Alert, Button, Dialog, ErrorAlert, Field, useAction } from '../../ui/index.ts';
import type { User } from '../../types.ts';
import { useTeamT } from './strings.ts';

const toCap = (v: string): number | null => (v.trim() === '' ? null : Number(v));

/** Per-agent monthly caps (analyses, practice minutes); empty = only the company quota applies. */
export function CapsDialog({ user, onSaved, onClose }: { user: User | null; onSaved(u: User): void; onClose(): void }) {
  const { t } = useTeamT();
  const common = useCommonT().t;
  const [analyses, setAnalyses] = useState('');
  const [minutes, setMinutes] = useState('');
  const [forId, setForId] = useState<string | null>(null);
  if (user && forId !== user.id) {
    setForId(user.id);
    setAnalyses(user.analysesCap?.toString() ?? '');
    setMinutes(user.simMinutesCap?.toString() ?? '');
  }
  const save = useAction(() => api.patch<{ user: User }>(`/api/users/${user!.id}`, { analysesCap: toCap(analyses), simMinutesCap: toCap(minutes) }));
  const fieldError = useFieldErrors(save.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save.run();
    if (r) onSaved(r.user);
  };
  return (
    <Dialog open={!!user} title={user ? t('capsTitle', { name: user.name }) : ''} onClose={() => (save.reset(), onClose())}>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted small">{t('capsHint')}</p>
        <ErrorAlert error={save.error} />
        <div className="form-grid">
          <Field label={t('analysesCap')} optional error={fieldError('analysesCap')}>
            <input className="input" type="number" min={0} inputMode="numeric" value={analyses} onChange={(e) => setAnalyses(e.target.value)} autoFocus />
          </Field>
          <Field label={t('minutesCap')} optional error={fieldError('simMinutesCap')}>
            <input className="input" type="number" min={0} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </Field>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.pending}>
            {common('actions.save')}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            {common('actions.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Staff: set a new password for a user, or get a random temporary one (shown once). */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useTeamT();
  const common = useCommonT().t;
  const [password, setPassword] = useState('');
  const [temp, setTemp] = useState<string | null>(null);
  const reset = useAction(() =>
    api.post<{ temporaryPassword: string }>(`/api/users/${user!.id}/password-reset`, password.trim() ? { password: password.trim() } : {}),
  );
  const fieldError = useFieldErrors(reset.error);
  const close = () => {
    setPassword('');
    setTemp(null);
    reset.reset();
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await reset.run();
    if (r) setTemp(r.temporaryPassword);
  };
  return (
    <Dialog open={!!user} title={user ? t('resetTitle', { name: user.name }) : ''} onClose={close}>
      {temp ? (
        <div className="stack">
          <Alert tone="success" title={t('resetDone', { name: user?.name ?? '' })}>
            <p className="mono ltr" style={{ fontSize: 'var(--fs-lg)', marginBlock: 'var(--s-2)' }} data-testid="temp-password">
              {temp}
            </p>
            {t('resetCopy')}
          </Alert>
          <div className="form-actions">
            <Button variant="primary" onClick={close} autoFocus>
              {common('actions.close')}
            </Button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <p className="muted small">{t('resetHint')}</p>
          <ErrorAlert error={reset.error} />
          <Field label={t('newPassword')} optional error={fieldError('password')}>
            <input className="input" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
          </Field>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={reset.pending}>
              {t('doReset')}
            </Button>
            <Button variant="ghost" onClick={close}>
              {common('actions.cancel')}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
