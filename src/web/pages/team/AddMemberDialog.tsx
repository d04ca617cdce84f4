import { useState, type FormEvent, type ReactNode } from 'react';
import { api, isApiError } from '../../api.ts';
import { useCommonT } from '../../i18n/common.ts';
import { useErrorText, useFieldErrors } from '../../i18n/errors.ts';
import { Alert, Button, Dialog, ErrorAlert, Field, useAction } from '../../ui/index.ts';
import type { Team, User } from '../../types.ts';
import { generatePassword } from './password.ts';
import { useTeamT } from './strings.ts';

/**
 * Adds an agent (managers, staff) or a manager (staff) to a company. When the seats are all taken the
 * server answers SEAT_QUOTA_EXCEEDED; the dialog shows it with `seatAction` (a way to add seats).
 */
export function AddMemberDialog({
  open,
  companyId,
  role,
  teams,
  seatAction,
  onAdded,
  onClose,
}: {
  open: boolean;
  companyId: string;
  role: 'agent' | 'manager';
  teams: Team[];
  /** Shown with the "no free seat" message: a way to add seats; a function gets `close` for the dialog. */
  seatAction: ReactNode | ((close: () => void) => ReactNode);
  onAdded(user: User): void;
  onClose(): void;
}) {
  const { t } = useTeamT();
  const common = useCommonT().t;
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState(() => generatePassword());
  const [teamId, setTeamId] = useState<string>(teams.length === 1 ? teams[0].id : '');
  const add = useAction(() =>
    api.post<{ user: User }>(`/api/companies/${companyId}/${role === 'agent' ? 'agents' : 'managers'}`, {
      name: name.trim(),
      email: email.trim(),
      password,
      ...(teamId ? { teamId } : {}),
    }),
  );
  const fieldError = useFieldErrors(add.error);
  const seatFull = isApiError(add.error) && add.error.code === 'SEAT_QUOTA_EXCEEDED';

  const close = () => {
    add.reset();
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await add.run();
    if (r) {
      onAdded(r.user);
      setName('');
      setEmail('');
      setPassword(generatePassword());
    }
  };

  return (
    <Dialog open={open} title={role === 'agent' ? t('addAgentTitle') : t('addManagerTitle')} onClose={close}>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted small">{t('addAgentHint')}</p>
        {seatFull ? (
          <Alert tone="error" title={t('seatFullTitle')} actions={typeof seatAction === 'function' ? seatAction(close) : seatAction}>
            {errorText(add.error)}
          </Alert>
        ) : (
          <ErrorAlert error={add.error} />
        )}
        <Field label={t('name')} error={fieldError('name')}>
          <input className="input" name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <Field label={t('email')} error={fieldError('email')}>
          <input className="input" type="email" name="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label={t('password')} hint={t('passwordHint')} error={fieldError('password')}>
          <input className="input ltr-input mono" name="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <div>
          <Button size="sm" variant="ghost" onClick={() => setPassword(generatePassword())}>
            {t('generate')}
          </Button>
        </div>
        {teams.length > 0 && (
          <Field label={t('team')} error={fieldError('teamId')}>
            <select className="select" name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t('noTeam')}</option>
              {teams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {tm.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={add.pending}>
            {role === 'agent' ? t('addAgent') : t('addManager')}
          </Button>
          <Button variant="ghost" onClick={close}>
            {common('actions.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
