/**
 * "Practise this weakness" under a weakness of a call report (the call's agent only): starts a practice call
 * aimed at that skill (POST /api/calls/:callId/practice — the skill's catalogue scenario at a level matched to
 * this call's score, with a customer who presses on it) and lands on its practice page.
 */
import { useNavigate } from 'react-router-dom';
import { api } from '../../api.ts';
import { SKILL_LABELS, type SkillId } from '../../../analysis/taxonomy.ts';
import { Button, ErrorAlert, useAction } from '../../ui/index.ts';
import { useDashT } from '../dashboard/strings.ts';
import type { CreatedSimulation } from '../practice/model.ts';

export function PractiseWeaknessButton({ callId, skill }: { callId: string; skill: SkillId }) {
  const { t, lang } = useDashT();
  const navigate = useNavigate();
  const start = useAction((mode: 'voice' | 'text') => api.post<CreatedSimulation>(`/api/calls/${callId}/practice`, { skill, mode }));
  const go = async (mode: 'voice' | 'text') => {
    const r = await start.run(mode);
    if (r) navigate(`/practice/${r.simulation.id}`, { state: { created: r } });
  };
  return (
    <div className="practise-weakness">
      <Button size="sm" variant="primary" busy={start.pending} onClick={() => void go('voice')} data-testid={`practise-${skill}`}>
        {t('practise.button')}
      </Button>
      <Button size="sm" variant="ghost" busy={start.pending} onClick={() => void go('text')} data-testid={`practise-${skill}-typed`}>
        {t('practise.typed')}
      </Button>
      <span className="small muted">{t('practise.hint', { skill: SKILL_LABELS[skill][lang] })}</span>
      <ErrorAlert error={start.error} />
    </div>
  );
}
