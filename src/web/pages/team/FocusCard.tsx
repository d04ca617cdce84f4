import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { Alert, Button, Card, ErrorAlert, useAction } from '../../ui/index.ts';
import { SKILL_IDS, SKILL_LABELS, type SkillId } from '../../../analysis/taxonomy.ts';
import type { WeaknessProfile } from '../scenarios/model.ts';
import { useAgentT } from './agent-strings.ts';

/** GET /api/agents/:agentId/profile */
export interface ProfileResponse {
  profile: WeaknessProfile;
  focus: SkillId[];
  focusLimit: number;
}

/**
 * The manager chooses the skills an agent should train, most important first (the order of choosing), up to the
 * server's limit; saving returns the updated weakness profile, which the page shows at once.
 */
export function FocusCard({ agentId, agentName, saved, onSaved }: { agentId: string; agentName: string; saved: ProfileResponse; onSaved(next: ProfileResponse): void }) {
  const { t, lang } = useAgentT();
  const [chosen, setChosen] = useState<SkillId[]>(saved.focus);
  const [notice, setNotice] = useState<string | null>(null);
  const savedKey = saved.focus.join();
  useEffect(() => setChosen(saved.focus), [saved.focus]); // another load of the saved focus replaces the choice
  const save = useAction((skills: SkillId[]) => api.put<{ profile: WeaknessProfile; focus: SkillId[] }>(`/api/agents/${agentId}/focus`, { skills }));
  const max = saved.focusLimit;
  const label = (s: SkillId) => SKILL_LABELS[s][lang];
  const full = chosen.length >= max;

  const toggle = (s: SkillId) => {
    setNotice(null);
    setChosen((c) => (c.includes(s) ? c.filter((x) => x !== s) : c.length < max ? [...c, s] : c));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const r = await save.run(chosen);
    if (!r) return;
    onSaved({ ...saved, profile: r.profile, focus: r.focus });
    setNotice(r.focus.length > 0 ? t('focus.saved', { skills: r.profile.top.map(label).join(', ') }) : t('focus.cleared'));
  };

  return (
    <Card title={t('focus.title')}>
      <form className="stack" onSubmit={submit} noValidate data-testid="focus-form">
        <p className="muted small">{t('focus.hint', { max, name: agentName })}</p>
        <div className="focus-skills" role="group" aria-label={t('focus.title')}>
          {SKILL_IDS.map((s) => {
            const rank = chosen.indexOf(s) + 1;
            return (
              <label key={s} className="radio-pill focus-skill" data-testid={`focus-${s}`}>
                <input type="checkbox" checked={rank > 0} disabled={rank === 0 && full} onChange={() => toggle(s)} />
                <span>
                  {rank > 0 && <b className="focus-rank" aria-label={t('focus.priority', { n: rank })}>{rank}</b>}
                  {label(s)}
                </span>
              </label>
            );
          })}
        </div>
        <p className="small" aria-live="polite" data-testid="focus-count">
          {t('focus.count', { n: chosen.length, max })}
          {full && <span className="muted"> · {t('focus.full')}</span>}
        </p>
        <ErrorAlert error={save.error} />
        {notice && <Alert tone="success"><span data-testid="focus-notice">{notice}</span></Alert>}
        <div className="row">
          <Button type="submit" variant="primary" busy={save.pending} disabled={chosen.join() === savedKey} data-testid="focus-save">
            {t('focus.save')}
          </Button>
          <Button variant="ghost" disabled={chosen.length === 0} onClick={() => { setNotice(null); setChosen([]); }}>
            {t('focus.clear')}
          </Button>
        </div>
        <p className="muted small" data-testid="focus-saved">
          {saved.focus.length > 0 ? t('focus.current', { skills: saved.focus.map((s, i) => `${i + 1}. ${label(s)}`).join(' · ') }) : t('focus.none')}
        </p>
      </form>
    </Card>
  );
}
