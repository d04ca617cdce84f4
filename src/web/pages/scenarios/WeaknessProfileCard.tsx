import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api.ts';
import { Button, Card, ErrorAlert, useAction } from '../../ui/index.ts';
import type { WeaknessProfile } from './model.ts';
import { skillLabel } from './PersonaCard.tsx';
import { useScenariosT } from './strings.ts';

const mmss = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;

/**
 * The ranked weaknesses with their evidence quotes (each linking to the call at that moment). Worded for the agent;
 * a manager's page passes its own `title` and `basis` sentence.
 */
export function WeaknessProfileCard({ profile, title, basis }: { profile: WeaknessProfile; title?: string; basis?: string }) {
  const { t, lang } = useScenariosT();
  const shown = profile.basis === 'none' ? [] : profile.skills.filter((s) => s.weakness > 0);
  return (
    <Card title={title ?? t('profile.title')}>
      <p className="muted small" data-testid="profile-basis">
        {basis ?? t(`profile.basis.${profile.basis}`, { calls: profile.callCount })}
      </p>
      <ul className="weakness-list" data-testid="weakness-list">
        {shown.map((s) => {
          const top = profile.top.includes(s.skill);
          return (
            <li key={s.skill} data-top={top} data-skill={s.skill}>
              <div className="row">
                <strong>{skillLabel(s.skill, lang)}</strong>
                {top && <span className="badge badge-danger">{t('profile.top')}</span>}
                <span className="muted small">
                  {s.score !== null ? t('profile.score', { score: Math.round(s.score) }) : t('profile.noScore')}
                  {s.trend !== 'unknown' ? ` · ${t(`profile.trend.${s.trend}`)}` : ''}
                </span>
              </div>
              <div className="weakness-bar" role="meter" aria-label={`${t('profile.weakness')} ${skillLabel(s.skill, lang)}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(s.weakness * 100)}>
                <span style={{ inlineSize: `${Math.round(s.weakness * 100)}%` }} />
              </div>
              {top && s.evidence.length > 0 && (
                <ul className="evidence">
                  {s.evidence.slice(0, 2).map((e, i) => (
                    <li key={i}>
                      <blockquote dir="auto">“{e.text}”</blockquote>
                      <div className="muted small">
                        <span dir="auto">{e.note}</span>
                        {e.recordId && e.source === 'call' && (
                          <>
                            {' · '}
                            <Link to={`/calls/${e.recordId}?t=${Math.floor(e.startSec)}`}>{t('profile.at', { time: mmss(e.startSec) })}</Link>
                          </>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

const SKILLS = ['opening', 'discovery', 'rapport', 'listening', 'objection_handling', 'product_knowledge', 'closing'] as const;

/** For an agent with no analysed calls: rate each skill 1..5 so "practise next" has something to aim at. */
export function SelfAssessmentCard({ agentId, onSaved }: { agentId: string; onSaved(): void }) {
  const { t, lang } = useScenariosT();
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const save = useAction(() => api.post<{ profile: WeaknessProfile }>(`/api/agents/${agentId}/self-assessment`, { ratings }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await save.run()) onSaved();
  };
  return (
    <Card title={t('profile.selfTitle')}>
      <form className="stack" onSubmit={submit} noValidate data-testid="self-assessment">
        <p className="muted small">{t('profile.selfHint')}</p>
        <ErrorAlert error={save.error} />
        {SKILLS.map((s) => (
          <div key={s} className="rating-row">
            <span>{skillLabel(s, lang)}</span>
            <div className="radio-row" role="radiogroup" aria-label={skillLabel(s, lang)}>
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="radio-pill">
                  <input type="radio" name={`rate-${s}`} value={n} checked={ratings[s] === n} onChange={() => setRatings((r) => ({ ...r, [s]: n }))} />
                  <span>{t('profile.rating', { n })}</span>
                </label>
              ))}
            </div>
          </div>
        ))}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.pending} disabled={Object.keys(ratings).length === 0}>
            {t('profile.selfSubmit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
