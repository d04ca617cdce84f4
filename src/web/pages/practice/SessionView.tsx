import { Badge, Card, EmptyState, PageHeader, formatDateTime } from '../../ui/index.ts';
import { useMe } from '../../auth.tsx';
import { TechnicalTimings, firstWords } from './LatencyTimeline.tsx';
import { ReportLinkCard } from '../coaching/index.ts';
import type { SimulationDetails } from './model.ts';
import { usePracticeT } from './strings.ts';
import { formatSeconds, genderSlash } from '../../../i18n/index.ts';
import './practice.css';

/** A finished (or cut-off) practice call: outcome, transcript, recording; response times only under "technical details". */
export function SessionView({ details }: { details: SimulationDetails }) {
  const { t, lang } = usePracticeT();
  const { user } = useMe();
  const s = details.simulation;
  const rtl = s.language === 'he';
  const base = `/api/simulations/${s.id}/recording`;
  const reasons = ['agent_ended', 'customer_hung_up', 'time_limit', 'quota_exhausted', 'engine_failed', 'disconnected'];
  return (
    <>
      <PageHeader title={t('session.title')} subtitle={`${details.scenario.name ?? ''} · ${formatDateTime(s.createdAt, lang)}`} back={{ to: '/practice', label: t('session.back') }} />
      <div className="call-grid">
        <Card title={t('session.transcript')}>
          {details.turns.length === 0 ? (
            <EmptyState title={t('session.noTurns')} />
          ) : (
            <div className="transcript" dir={rtl ? 'rtl' : 'ltr'} lang={s.language} data-testid="session-transcript">
              {details.turns.map((turn) => (
                <div key={turn.id} className={`bubble bubble-${turn.speaker}`} data-speaker={turn.speaker} data-inaudible={turn.inaudible ? 'true' : undefined}>
                  <span className="bubble-who">{turn.speaker === 'agent' ? genderSlash(t('call.you'), user.gender) : details.persona.name}</span>
                  {turn.inaudible ? <em className="muted">({t('call.inaudible')})</em> : turn.text}
                  {turn.interrupted && <span className="bubble-cut">({t('call.interrupted')})</span>}
                </div>
              ))}
            </div>
          )}
        </Card>
        <div className="stack">
          <Card title={details.persona.name}>
            <p>{details.persona.summary}</p>
            <p>
              <Badge tone={s.status === 'interrupted' ? 'warn' : 'ok'}>{t(`status.${s.status}`)}</Badge> {s.outcome && <Badge>{t(`outcomes.${s.outcome}`)}</Badge>}
            </p>
            {s.endReason && reasons.includes(s.endReason) && <p className="muted">{t(`endReasons.${s.endReason as 'agent_ended'}`)}</p>}
            {s.durationMs !== null && (
              <p className="muted">
                {t('call.duration')} <bdi>{formatSeconds(Math.round(s.durationMs / 1000), lang, 0)}</bdi> · {t(`call.engines.${s.engine}`)}
              </p>
            )}
          </Card>
          <ReportLinkCard simulationId={s.id} />
          {/* a customer turn's timeline measures the agent turn right before it */}
          <TechnicalTimings
            rows={details.turns.flatMap((turn, i) => {
              const next = details.turns[i + 1];
              return turn.speaker === 'agent' && next?.speaker === 'customer' && next.latency ? [{ id: turn.id, label: firstWords(turn.text), timeline: next.latency }] : [];
            })}
          />
          {(details.recordings.agentBytes || details.recordings.customerBytes) && (
            <Card title={t('session.recording')}>
              <audio controls preload="none" src={`${base}?track=mix`} style={{ inlineSize: '100%' }} />
              <div className="row small">
                <a href={`${base}?track=mix`} download>
                  {t('session.downloadMix')}
                </a>
                <a href={`${base}?track=agent`} download>
                  {t('session.downloadAgent')}
                </a>
                <a href={`${base}?track=customer`} download>
                  {t('session.downloadCustomer')}
                </a>
              </div>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
