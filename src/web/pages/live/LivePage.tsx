import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Async, Badge, Card, EmptyState, PageHeader, useQuery } from '../../ui/index.ts';
import { moodTone } from '../coaching/index.ts';
import { isMood } from '../practice/model.ts';
import { usePracticeT } from '../practice/strings.ts';
import { useLiveT } from './strings.ts';
import type { LiveList } from './types.ts';

const REFRESH_MS = 3000;
const fmtClock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;

/** Manager: the company's practice calls in progress (refreshes by itself), each one open to listen in. */
export default function LivePage() {
  const { t } = useLiveT();
  const practice = usePracticeT().t;
  const q = useQuery<LiveList>('/api/live');
  const { reload } = q;
  useEffect(() => {
    const timer = window.setInterval(() => void reload(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <Async query={q}>
          {({ observation, calls }) =>
            !observation.allowed ? (
              <div data-testid="live-off" data-reason={observation.reason}>
                <Alert tone="info">{observation.reason === 'privacy_window' ? t('offPrivacy') : t('offSetting')}</Alert>
              </div>
            ) : calls.length === 0 ? (
              <EmptyState title={t('empty')} />
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="live-calls">
                  <thead>
                    <tr>
                      <th>{t('colAgent')}</th>
                      <th>{t('colScenario')}</th>
                      <th>{t('colCustomer')}</th>
                      <th>{t('colDuration')}</th>
                      <th>{t('colMood')}</th>
                      <th>{t('colScore')}</th>
                      <th>{t('colObservers')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {calls.map((c) => (
                      <tr key={c.simulationId} data-simulation={c.simulationId}>
                        <td>{c.agentName ?? '—'}</td>
                        <td dir="auto">{c.scenarioName ?? c.scenarioType ?? '—'}</td>
                        <td dir="auto">{c.personaName ?? '—'}</td>
                        <td>{fmtClock(c.durationSec)}</td>
                        <td>{c.mood ? <span className={`mood-chip mood-${moodTone(c.mood)}`}>{isMood(c.mood) ? practice(`moods.${c.mood}`) : c.mood}</span> : '—'}</td>
                        <td>{c.scoreSoFar ?? '—'}</td>
                        <td>{c.observers > 0 ? <Badge tone="brand">{c.observers}</Badge> : 0}</td>
                        <td>
                          <Link to={`/live/${c.simulationId}`} state={{ agentName: c.agentName }} data-testid="listen">
                            {t('listen')}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Async>
        <p className="small muted">{t('refreshed')}</p>
      </Card>
    </>
  );
}
