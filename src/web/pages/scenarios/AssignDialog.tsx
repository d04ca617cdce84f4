import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useFieldErrors } from '../../i18n/errors.ts';
import { Button, Dialog, ErrorAlert, Field, useAction } from '../../ui/index.ts';
import type { Team, User } from '../../types.ts';
import { DEFAULT_PASS_MARK, type Assignment } from './model.ts';
import { useScenariosT } from './strings.ts';

/** Assigns a scenario to chosen agents or to a whole team, with a due date and a note. */
export function AssignDialog({
  open, onClose, companyId, scenario, agents, teams, onAssigned,
}: {
  open: boolean;
  onClose(): void;
  companyId: string;
  /** `passMark`: the scenario's own, the assignment's default. */
  scenario: { id: string; name: string; passMark?: number } | null;
  agents: User[];
  teams: Team[];
  onAssigned(rows: Assignment[]): void;
}) {
  const { t } = useScenariosT();
  const [mode, setMode] = useState<'agents' | 'team'>('agents');
  const [chosen, setChosen] = useState<string[]>([]);
  const [teamId, setTeamId] = useState('');
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [passMark, setPassMark] = useState('');
  const save = useAction((body: unknown) => api.post<{ assignments: Assignment[] }>(`/api/companies/${companyId}/assignments`, body));
  const fieldError = useFieldErrors(save.error);
  if (!scenario) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save.run({
      scenarioId: scenario.id,
      ...(mode === 'agents' ? { agentUserIds: chosen } : { teamId: teamId || undefined }),
      dueAt: due || null,
      note: note || undefined,
      ...(passMark.trim() !== '' ? { passMark: Number(passMark) } : {}),
    });
    if (r) {
      onAssigned(r.assignments);
      setChosen([]);
      setNote('');
      setPassMark('');
      onClose();
    }
  };
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <Dialog open={open} title={t('assign.title', { name: scenario.name })} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate data-testid="assign-form">
        <ErrorAlert error={save.error} />
        <div className="radio-row" role="radiogroup" aria-label={t('assign.to')}>
          {(['agents', 'team'] as const).map((m) => (
            <label key={m} className="radio-pill">
              <input type="radio" name="assign-mode" checked={mode === m} onChange={() => setMode(m)} />
              <span>{t(`assign.${m}`)}</span>
            </label>
          ))}
        </div>
        {mode === 'agents' ? (
          <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="field-label">{t('assign.agents')}</legend>
            {agents.map((a) => (
              <label key={a.id} className="checkbox">
                <input type="checkbox" name="agent" value={a.id} checked={chosen.includes(a.id)} onChange={() => toggle(a.id)} />
                {a.name}
              </label>
            ))}
            {fieldError('agentUserIds') && <span className="field-error" role="alert">{fieldError('agentUserIds')}</span>}
          </fieldset>
        ) : (
          <Field label={t('assign.team')} error={fieldError('teamId')}>
            <select className="select" name="team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{t('assign.chooseTeam')}</option>
              {teams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {tm.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('assign.due')} error={fieldError('dueAt')} optional>
          <input className="input" type="date" name="due" value={due} onChange={(e) => setDue(e.target.value)} style={{ maxInlineSize: 200 }} />
        </Field>
        <Field label={t('assign.note')} error={fieldError('note')} optional>
          <input className="input" name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <Field label={t('assign.passMark')} hint={t('assign.passMarkHint')} error={fieldError('passMark')}>
          <input
            className="input"
            type="number"
            name="passMark"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            placeholder={String(scenario.passMark ?? DEFAULT_PASS_MARK)}
            value={passMark}
            onChange={(e) => setPassMark(e.target.value)}
            style={{ maxInlineSize: 120 }}
          />
        </Field>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.pending}>
            {t('assign.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
