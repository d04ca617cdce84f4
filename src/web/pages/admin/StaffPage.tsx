import { useState, type FormEvent } from 'react';
import { genderSlash } from '../../../i18n/index.ts';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Alert, Async, Badge, Button, Card, Dialog, ErrorAlert, Field, Icon, PageHeader, formatDate, useAction, useQuery } from '../../ui/index.ts';
import type { User } from '../../types.ts';
import { ResetPasswordDialog } from '../team/MemberDialogs.tsx';
import { generatePassword } from '../team/password.ts';
import { useAdminT } from './strings.ts';

/** Super admin: the platform's admins and super admins; add one, reset a password. */
export default function StaffPage() {
  const { t, lang } = useAdminT();
  const common = useCommonT().t;
  const { user: me } = useMe();
  const staff = useQuery<{ users: User[] }>('/api/admin/staff');
  const [adding, setAdding] = useState(false);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const blank = () => ({ name: '', email: '', password: generatePassword(), role: 'admin' as 'admin' | 'super_admin' });
  const [f, setF] = useState(blank);
  const create = useAction(() => api.post<{ user: User }>('/api/admin/staff', { ...f, name: f.name.trim(), email: f.email.trim() }));
  const fe = useFieldErrors(create.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run();
    if (r) {
      staff.setData((d) => ({ users: [...(d?.users ?? []), r.user] }));
      setAdded(r.user.name);
      setAdding(false);
      setF(blank());
    }
  };
  return (
    <>
      <PageHeader
        title={t('staff.title')}
        subtitle={t('staff.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={16} />
            {t('staff.add')}
          </Button>
        }
      />
      <div className="stack">
        {added && <Alert tone="success">{t('staff.added', { name: added })}</Alert>}
        <Card tight>
          <Async query={staff}>
            {({ users }) => (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('staff.name')}</th>
                      <th>{t('staff.email')}</th>
                      <th>{t('staff.role')}</th>
                      <th>{common('table.added')}</th>
                      <th>{common('table.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {users.map((u) => (
                      <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                        <td>{u.name}</td>
                        <td><span className="ltr">{u.email}</span></td>
                        <td>
                          <Badge tone={u.role === 'super_admin' ? 'brand' : undefined}>{genderSlash(common(`roles.${u.role}`), u.gender)}</Badge>
                        </td>
                        <td className="small muted nowrap">{formatDate(u.createdAt, lang)}</td>
                        <td>
                          {u.id !== me.id && u.active && (
                            <div className="cell-actions">
                              <Button size="sm" variant="ghost" onClick={() => setResetFor(u)}>
                                <Icon name="key" size={14} />
                                {t('staff.reset')}
                              </Button>
                            </div>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Async>
        </Card>
      </div>
      <ResetPasswordDialog user={resetFor} onClose={() => setResetFor(null)} />
      <Dialog open={adding} title={t('staff.addTitle')} onClose={() => (create.reset(), setAdding(false))}>
        <form className="stack" onSubmit={submit} noValidate>
          <ErrorAlert error={create.error} />
          <Field label={t('staff.name')} error={fe('name')}>
            <input className="input" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} autoFocus />
          </Field>
          <Field label={t('staff.email')} error={fe('email')}>
            <input className="input" type="email" value={f.email} onChange={(e) => setF({ ...f, email: e.target.value })} />
          </Field>
          <Field label={t('staff.password')} error={fe('password')}>
            <input className="input ltr-input mono" value={f.password} onChange={(e) => setF({ ...f, password: e.target.value })} />
          </Field>
          <Field label={t('staff.role')} error={fe('role')}>
            <select className="select" value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as 'admin' | 'super_admin' })}>
              <option value="admin">{common('roles.admin')}</option>
              <option value="super_admin">{common('roles.super_admin')}</option>
            </select>
          </Field>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={create.pending}>
              {t('staff.add')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
