import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useCommonT } from '../../i18n/common.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Button, Card, ConfirmDialog, EmptyState, ErrorAlert, Field, Icon, useAction } from '../../ui/index.ts';
import type { Team, User } from '../../types.ts';
import { useTeamT } from './strings.ts';

/** The company's teams: create, delete, and how many active users each has. */
export function TeamsCard({ companyId, teams, users, onTeams }: { companyId: string; teams: Team[]; users: User[]; onTeams(next: Team[]): void }) {
  const { t } = useTeamT();
  const common = useCommonT().t;
  const [name, setName] = useState('');
  const [deleting, setDeleting] = useState<Team | null>(null);
  const create = useAction(() => api.post<{ team: Team }>(`/api/companies/${companyId}/teams`, { name: name.trim() }));
  const remove = useAction((id: string) => api.del<{ ok: true }>(`/api/companies/${companyId}/teams/${id}`));
  const fieldError = useFieldErrors(create.error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create.run();
    if (r) {
      onTeams([...teams, r.team]);
      setName('');
    }
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    const r = await remove.run(deleting.id);
    if (r) onTeams(teams.filter((x) => x.id !== deleting.id));
    setDeleting(null);
  };

  return (
    <Card title={t('teamsTitle')}>
      <div className="stack">
        <ErrorAlert error={remove.error} />
        {teams.length === 0 ? (
          <EmptyState title={t('noTeams')} />
        ) : (
          <ul className="timeline">
            {teams.map((tm) => (
              <li key={tm.id}>
                <Icon name="users" size={16} />
                <span style={{ fontWeight: 600 }}>{tm.name}</span>
                <span className="muted">{t('teamMembers', { count: users.filter((u) => u.active && u.teamId === tm.id).length })}</span>
                <span className="spacer" />
                <Button size="sm" variant="ghost" aria-label={`${common('actions.delete')}: ${tm.name}`} onClick={() => setDeleting(tm)}>
                  <Icon name="trash" size={14} />
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form className="row" onSubmit={submit} noValidate style={{ alignItems: 'flex-end' }}>
          <Field label={t('teamName')} error={fieldError('name')} className="grow">
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Button type="submit" busy={create.pending} disabled={!name.trim()}>
            {t('addTeam')}
          </Button>
        </form>
        {create.error && !fieldError('name') ? <ErrorAlert error={create.error} /> : null}
      </div>
      <ConfirmDialog
        open={!!deleting}
        title={common('actions.delete')}
        confirmLabel={common('actions.delete')}
        busy={remove.pending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        <p>{deleting ? t('deleteTeamConfirm', { name: deleting.name }) : ''}</p>
      </ConfirmDialog>
    </Card>
  );
}
