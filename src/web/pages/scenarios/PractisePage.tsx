import { useNavigate } from 'react-router-dom';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { Alert, Async, Badge, Button, Card, EmptyState, ErrorAlert, PageHeader, formatDate, useAction, useQuery } from '../../ui/index.ts';
import { DEFAULT_PASS_MARK, type Assignment, type PractiseNext, type WeaknessProfile } from './model.ts';
import { AssignmentAttempts, PassCriteria } from './AssignmentAttempts.tsx';
import { PersonaCard } from './PersonaCard.tsx';
import { useScenariosT } from './strings.ts';
import { SelfAssessmentCard, WeaknessProfileCard } from './WeaknessProfileCard.tsx';

interface StartBody {
  assignmentId?: string;
  scenarioType?: string;
  scenarioId?: string;
  level?: string;
  seed?: number;
  mode: 'voice' | 'text';
}

/** Agent: "practise next" with the customer waiting for them, their assignments, and their weakness profile. */
export default function PractisePage() {
  const { t, lang } = useScenariosT();
  const { user } = useMe();
  const navigate = useNavigate();
  const next = useQuery<PractiseNext>(`/api/agents/${user.id}/practice-next`);
  const assignments = useQuery<{ assignments: Assignment[] }>('/api/assignments');
  const profile = useQuery<{ profile: WeaknessProfile }>(`/api/agents/${user.id}/profile`);
  const start = useAction((body: StartBody) => api.post<{ simulation: { id: string } }>('/api/simulations', body));
  const complete = useAction((id: string) => api.post<{ assignment: Assignment }>(`/api/assignments/${id}/complete`, {}));

  const go = async (body: StartBody) => {
    const r = await start.run(body);
    if (r) navigate(`/practice/${r.simulation.id}`, { state: { created: r } });
  };
  const startNext = (n: PractiseNext, mode: StartBody['mode']) =>
    go(n.assignment ? { assignmentId: n.assignment.id, seed: n.preview?.seed, mode } : { scenarioType: n.scenario.type, level: n.scenario.level, seed: n.preview?.seed, mode });
  const reloadAll = () => Promise.all([next.reload(), profile.reload(), assignments.reload()]);

  return (
    <>
      <PageHeader title={t('practise.title')} subtitle={t('practise.subtitle')} />
      <ErrorAlert error={start.error ?? complete.error} />
      <div className="grid-2" style={{ alignItems: 'start' }}>
        <Async query={next}>
          {(n) => (
            <Card title={t('practise.next')} className="stack" id="practise-next">
              <p className="next-reason" data-testid="next-reason">
                {n.recommendation.reason[lang]}
              </p>
              <p dir="auto">
                <strong>{n.scenario.name}</strong> — {n.scenario.goal[lang]}
              </p>
              {n.scenario.notes && <p className="muted small" dir="auto">{n.scenario.notes}</p>}
              <PassCriteria scenario={n.scenario} passMark={n.assignment?.passMark ?? n.scenario.passMark ?? DEFAULT_PASS_MARK} />
              <div className="row">
                <Button variant="primary" busy={start.pending} onClick={() => void startNext(n, 'voice')} data-testid="start-next">
                  {t('practise.start')}
                </Button>
                <Button busy={start.pending} onClick={() => void startNext(n, 'text')}>
                  {t('practise.startText')}
                </Button>
              </div>
              {n.preview ? (
                <>
                  <h3>{t('practise.customer')}</h3>
                  <PersonaCard persona={n.preview.persona} reveal="agent" />
                </>
              ) : (
                <Alert tone="info">{t('practise.noQuestionnaire')}</Alert>
              )}
            </Card>
          )}
        </Async>
        <div className="stack">
          <Card title={t('practise.assigned')} tight>
            <Async query={assignments}>
              {({ assignments: rows }) => {
                const open = rows.filter((a) => a.status === 'open');
                return open.length === 0 ? (
                  <EmptyState title={t('practise.noAssigned')} />
                ) : (
                  <ul className="stack-sm" style={{ listStyle: 'none', margin: 0, padding: 'var(--s-3) var(--s-4)' }} data-testid="my-assignments">
                    {open.map((a) => {
                      const overdue = a.dueAt !== null && new Date(a.dueAt).getTime() < Date.now();
                      return (
                        <li key={a.id} className="sub-card stack-sm">
                          <div className="row">
                            <strong dir="auto">{a.scenarioName}</strong>
                            <Badge tone={overdue ? 'danger' : 'brand'}>{a.dueAt ? t('practise.due', { date: formatDate(a.dueAt, lang) }) : t('practise.noDue')}</Badge>
                          </div>
                          {a.note && <p className="muted small" dir="auto">{a.note}</p>}
                          <p className="small">
                            {t('assignments.passMark')}: <strong>{a.passMark}</strong>
                          </p>
                          <AssignmentAttempts assignment={a} />
                          <div className="row">
                            <Button size="sm" variant="primary" busy={start.pending} onClick={() => void go({ assignmentId: a.id, mode: 'voice' })}>
                              {t('practise.practiseThis')}
                            </Button>
                            <Button size="sm" variant="ghost" busy={complete.pending} onClick={async () => (await complete.run(a.id)) && reloadAll()}>
                              {t('practise.markDone')}
                            </Button>
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                );
              }}
            </Async>
          </Card>
          <Async query={profile}>
            {({ profile: p }) => (
              <>
                {p.basis === 'none' && <SelfAssessmentCard agentId={user.id} onSaved={() => void reloadAll()} />}
                <WeaknessProfileCard profile={p} />
              </>
            )}
          </Async>
        </div>
      </div>
    </>
  );
}
