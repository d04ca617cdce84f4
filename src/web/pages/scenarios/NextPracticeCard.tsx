import { Link } from 'react-router-dom';
import { useMe } from '../../auth.tsx';
import { Async, Card, useQuery } from '../../ui/index.ts';
import type { PractiseNext } from './model.ts';
import { skillLabel } from './PersonaCard.tsx';
import { useScenariosT } from './strings.ts';

/** Agent home: the "practise next" recommendation and who the customer will be. */
export default function NextPracticeCard() {
  const { t, lang } = useScenariosT();
  const { user } = useMe();
  const next = useQuery<PractiseNext>(`/api/agents/${user.id}/practice-next`);
  return (
    <Card title={t('practise.next')}>
      <Async query={next}>
        {(n) => (
          <div className="stack-sm" data-testid="home-next-practice">
            <p className="next-reason">{n.recommendation.reason[lang]}</p>
            <p dir="auto">{n.scenario.name}</p>
            {n.preview && (
              <p className="muted small" dir="auto">
                {n.preview.persona.name} · {n.preview.persona.targets.map((x) => skillLabel(x.skill, lang)).join(' · ')}
              </p>
            )}
            <Link to="/training" className="btn btn-primary btn-sm" style={{ alignSelf: 'flex-start' }}>
              {t('practise.practiseThis')}
            </Link>
          </div>
        )}
      </Async>
    </Card>
  );
}
