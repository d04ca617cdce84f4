import { useState, type ReactNode } from 'react';
import { genderSlash } from '../../../i18n/index.ts';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { useCommonT } from '../../i18n/common.ts';
import { Alert, Badge, Button, Card, ConfirmDialog, EmptyState, ErrorAlert, Icon, useAction } from '../../ui/index.ts';
import type { Team, User } from '../../types.ts';
import { AddMemberDialog } from './AddMemberDialog.tsx';
import { CapsDialog, ResetPasswordDialog } from './MemberDialogs.tsx';
import { useTeamT } from './strings.ts';
import { useAgentT } from './agent-strings.ts';

const ROLE_ORDER: Record<User['role'], number> = { super_admin: 0, admin: 1, manager: 2, agent: 3 };

/**
 * The users of one company with everything a manager (or staff) does to them: add, move between teams,
 * set caps, deactivate, and — staff only — reset a password and add managers.
 */
export function MembersCard({
  companyId,
  users,
  teams,
  onChange,
  seatAction,
  initiallyAdding,
}: {
  companyId: string;
  users: User[];
  teams: Team[];
  /** Called with the changed or new user; the caller updates its lists and the seat figures. */
  onChange(u: User): void;
  seatAction: ReactNode | ((close: () => void) => ReactNode);
  initiallyAdding?: boolean;
}) {
  const { t } = useTeamT();
  const common = useCommonT().t;
  const agentT = useAgentT().t;
  const { user: me } = useMe();
  const staff = me.role === 'super_admin' || me.role === 'admin';
  const [adding, setAdding] = useState<'agent' | 'manager' | null>(initiallyAdding ? 'agent' : null);
  const [capsFor, setCapsFor] = useState<User | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const patch = useAction((id: string, body: Record<string, unknown>) => api.patch<{ user: User }>(`/api/users/${id}`, body));

  const canEdit = (u: User) => u.active && (staff || u.role === 'agent');
  const teamName = (id: string | null) => teams.find((x) => x.id === id)?.name;
  const sorted = [...users].sort((a, b) => Number(b.active) - Number(a.active) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));

  const moveTeam = async (u: User, teamId: string) => {
    const r = await patch.run(u.id, { teamId: teamId || null });
    if (r) onChange(r.user);
  };
  const deactivate = async () => {
    if (!deactivating) return;
    const r = await patch.run(deactivating.id, { active: false });
    if (r) {
      onChange(r.user);
      setNotice(t('deactivated', { name: r.user.name }));
    }
    setDeactivating(null);
  };

  const reactivate = async (u: User) => {
    const r = await patch.run(u.id, { active: true });
    if (r) {
      onChange(r.user);
      setNotice(t('reactivated', { name: r.user.name }));
    }
  };

  return (
    <Card
      tight
      title={t('members')}
      actions={
        <>
          {staff && (
            <Button size="sm" onClick={() => setAdding('manager')}>
              {t('addManager')}
            </Button>
          )}
          <Button size="sm" variant="primary" onClick={() => setAdding('agent')}>
            <Icon name="plus" size={16} />
            {t('addAgent')}
          </Button>
        </>
      }
    >
      {(notice || !!patch.error) && (
        <div style={{ padding: '0 var(--s-5) var(--s-3)' }}>
          {notice && <Alert tone="success">{notice}</Alert>}
          <ErrorAlert error={patch.error} />
        </div>
      )}
      {sorted.length === 0 ? (
        <EmptyState title={t('emptyMembers')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="members-table">
            <thead>
              <tr>
                <th>{t('colName')}</th>
                <th>{t('colEmail')}</th>
                <th>{t('colRole')}</th>
                <th>{t('colTeam')}</th>
                <th>{t('colCaps')}</th>
                <th className="num">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                  <td>
                    <span className="row" style={{ gap: 'var(--s-2)', flexWrap: 'nowrap' }}>
                      {me.role === 'manager' && u.role === 'agent' ? (
                        <Link className="nowrap" to={`/team/${u.id}`} title={agentT('open', { name: u.name })} data-testid="agent-link">
                          {u.name}
                        </Link>
                      ) : (
                        <span className="nowrap">{u.name}</span>
                      )}
                      {u.id === me.id && <span className="muted small nowrap">{genderSlash(t('you'), me.gender)}</span>}
                      {!u.active && <Badge>{common('state.inactive')}</Badge>}
                    </span>
                  </td>
                  <td><span className="ltr">{u.email}</span></td>
                  <td className="nowrap">{genderSlash(common(`roles.${u.role}`), u.gender)}</td>
                  <td>
                    {canEdit(u) && teams.length > 0 ? (
                      <select
                        className="select"
                        style={{ minBlockSize: 32, paddingBlock: 4 }}
                        aria-label={`${t('colTeam')}: ${u.name}`}
                        value={u.teamId ?? ''}
                        onChange={(e) => void moveTeam(u, e.target.value)}
                      >
                        <option value="">{t('noTeam')}</option>
                        {teams.map((tm) => (
                          <option key={tm.id} value={tm.id}>
                            {tm.name}
                          </option>
                        ))}
                      </select>
                    ) : (
                      (teamName(u.teamId) ?? <span className="muted">{t('noTeam')}</span>)
                    )}
                  </td>
                  <td className="small">
                    {u.analysesCap == null && u.simMinutesCap == null ? (
                      <span className="muted">{t('capsNone')}</span>
                    ) : (
                      t('capsShort', { analyses: u.analysesCap ?? '∞', minutes: u.simMinutesCap ?? '∞' })
                    )}
                  </td>
                  <td>
                    <div className="cell-actions">
                      {canEdit(u) && u.role === 'agent' && (
                        <Button size="sm" variant="ghost" onClick={() => setCapsFor(u)}>
                          {t('editCaps')}
                        </Button>
                      )}
                      {staff && u.active && (
                        <Button size="sm" variant="ghost" onClick={() => setResetFor(u)}>
                          <Icon name="key" size={14} />
                          {t('resetPassword')}
                        </Button>
                      )}
                      {canEdit(u) && u.id !== me.id && (
                        <Button size="sm" variant="danger" onClick={() => setDeactivating(u)}>
                          {t('deactivate')}
                        </Button>
                      )}
                      {!u.active && (staff || u.role === 'agent') && (
                        <Button size="sm" variant="ghost" onClick={() => void reactivate(u)}>
                          {t('reactivate')}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddMemberDialog
        open={adding !== null}
        companyId={companyId}
        role={adding ?? 'agent'}
        teams={teams}
        seatAction={seatAction}
        onAdded={(u) => {
          onChange(u);
          setNotice(t('added', { name: u.name }));
          setAdding(null);
        }}
        onClose={() => setAdding(null)}
      />
      <CapsDialog
        user={capsFor}
        onSaved={(u) => {
          onChange(u);
          setCapsFor(null);
        }}
        onClose={() => setCapsFor(null)}
      />
      <ResetPasswordDialog user={resetFor} onClose={() => setResetFor(null)} />
      <ConfirmDialog
        open={!!deactivating}
        title={t('deactivate')}
        confirmLabel={t('deactivate')}
        busy={patch.pending}
        onConfirm={() => void deactivate()}
        onClose={() => setDeactivating(null)}
      >
        <p>{deactivating ? t('deactivateConfirm', { name: deactivating.name }) : ''}</p>
      </ConfirmDialog>
    </Card>
  );
}
