import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useMe } from '../../auth.tsx';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Alert, Async, Badge, Button, Card, PageHeader, useQuery } from '../../ui/index.ts';
import { LiveCall } from './live/call.ts';
import { TechnicalTimings, firstWords } from './LatencyTimeline.tsx';
import { LiveCoaching, inPageLanguage, moodTone } from '../coaching/index.ts';
import { isMood, loadPrefs, type CreatedSimulation, type SimulationDetails } from './model.ts';
import { SessionView } from './SessionView.tsx';
import { PassCriteria } from '../scenarios/AssignmentAttempts.tsx';
import { TranscriptionCheck } from './TranscriptionCheck.tsx';
import { usePracticeT } from './strings.ts';
import { localizeServerMessage } from '../../i18n/server-messages.ts';
import { ListeningIndicator, WhisperCard } from '../live/AgentSide.tsx';
import { MOOD_WORDS, formatSeconds, genderSlash, word } from '../../../i18n/index.ts';
import './practice.css';

/** One practice call: the live call while it can run, its summary once it is over. */
export default function SimulationPage() {
  const { simulationId = '' } = useParams();
  const q = useQuery<SimulationDetails>(`/api/simulations/${simulationId}`);
  return (
    <Async query={q}>
      {(d) =>
        d.simulation.status === 'connecting' || (d.simulation.status === 'active' && d.live) ? (
          <LiveCallView details={d} onEnded={() => void q.reload()} />
        ) : (
          <SessionView details={d} />
        )
      }
    </Async>
  );
}

function LiveCallView({ details, onEnded }: { details: SimulationDetails; onEnded: () => void }) {
  const { t, lang } = usePracticeT();
  const { user } = useMe();
  const location = useLocation();
  const nav = (location.state as { created?: CreatedSimulation; pushToTalk?: boolean } | null) ?? null;
  const created = nav?.created ?? null;
  const sim = details.simulation;
  const pushToTalk = sim.mode === 'voice' && (nav?.pushToTalk ?? loadPrefs().pushToTalk);
  const serverTranscripts = details.engine.serverTranscripts;
  const call = useMemo(
    () => new LiveCall({ simulationId: sim.id, mode: sim.mode, pushToTalk, serverTranscripts, language: sim.language }),
    [sim.id, sim.mode, sim.language, pushToTalk, serverTranscripts],
  );
  const s = useSyncExternalStore(call.subscribe, call.snapshot);
  const [typed, setTyped] = useState('');
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    call.connect();
    return () => call.dispose();
  }, [call]);
  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [s.lines]);
  // push-to-talk on the space bar (not while typing in a field)
  useEffect(() => {
    if (!pushToTalk) return;
    const typing = (e: KeyboardEvent) => (e.target as HTMLElement)?.closest('input, textarea, select');
    const down = (e: KeyboardEvent) => e.code === 'Space' && !typing(e) && (e.preventDefault(), call.setTalking(true));
    const up = (e: KeyboardEvent) => e.code === 'Space' && !typing(e) && call.setTalking(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, [call, pushToTalk]);

  const persona = s.ready?.persona ?? details.persona;
  const engine = s.ready?.engine.name ?? sim.engine;
  const rtl = sim.language === 'he';
  const mood = s.mood ?? persona.mood ?? null;
  const resumedWithoutAudio = s.phase === 'active' && sim.mode === 'voice' && s.level === 0 && !s.micProblem && s.framesPlayed === 0 && !created;

  const send = (e: FormEvent) => {
    e.preventDefault();
    call.say(typed);
    setTyped('');
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={details.scenario.name}
        back={{ to: '/practice', label: t('session.back') }}
        actions={
          s.phase === 'active' ? (
            <Button variant="danger" onClick={() => call.end()} data-testid="end-call">
              {t('call.end')}
            </Button>
          ) : s.phase !== 'ended' ? (
            <Button variant="primary" busy={s.phase === 'starting'} onClick={() => void call.start()} data-testid="start-call">
              {t('call.start')}
            </Button>
          ) : null
        }
      />
      <div className="call-grid">
        <div className="stack">
          {s.micProblem && <Alert tone="warning">{t(`mic.${s.micProblem}`)}</Alert>}
          {s.transcriptionNotice ? (
            <div data-testid="transcription-notice" data-reason={s.transcriptionNotice.reason}>
              <Alert tone="warning">{inPageLanguage(s.transcriptionNotice.text, s.transcriptionNotice.texts, lang)}</Alert>
            </div>
          ) : s.recognition === 'failed' ? (
            <Alert tone="warning">{s.recognitionError ? t('call.recognitionStopped', { error: s.recognitionError }) : t('call.recognitionFailed')}</Alert>
          ) : s.recognition === 'unavailable' ? (
            <Alert tone="warning">{t('call.recognitionFailed')}</Alert>
          ) : null}
          {s.takenOver && s.phase !== 'ended' && (
            <div data-testid="taken-over">
              <Alert tone="info">{t('call.takenOver')}</Alert>
            </div>
          )}
          {s.engineChanged && s.phase !== 'ended' && (
            <div data-testid="engine-changed">
              <Alert tone="info">{t('call.engineChanged', { to: t(`call.tiers.${s.engineChanged.to}`) })}</Alert>
            </div>
          )}
          {s.phase !== 'ended' && <ListeningIndicator observers={s.observers} />}
          {s.lastError && <Alert tone={s.phase === 'ended' ? 'error' : 'warning'}>{localizeServerMessage(s.lastError.message, lang)}</Alert>}
          {resumedWithoutAudio && (
            <Alert tone="info" actions={<Button size="sm" onClick={() => void call.rejoin()}>{t('call.rejoin')}</Button>}>
              {t('call.rejoinHint')}
            </Alert>
          )}
          {s.ended && (
            <Alert tone="success" title={t('call.endedTitle')} actions={<Button size="sm" onClick={onEnded}>{t('call.viewSession')}</Button>}>
              {t(`endReasons.${s.ended.reason}`)} · {t(`outcomes.${s.ended.outcome}`)} · {t('call.duration')} <bdi>{formatSeconds(Math.round(s.ended.durationMs / 1000), lang, 0)}</bdi>
            </Alert>
          )}
          {s.phase !== 'active' && s.phase !== 'ended' && details.passMark !== undefined && (
            <Card>
              <PassCriteria scenario={{ successCriteria: details.scenario.successCriteria ?? [] }} passMark={details.passMark} />
            </Card>
          )}
          <Card title={t('session.transcript')}>
            <div className="transcript" ref={listRef} dir={rtl ? 'rtl' : 'ltr'} lang={sim.language} data-testid="live-transcript" aria-live="polite">
              {s.lines.length === 0 && <p className="muted">{t('call.waiting')}</p>}
              {s.lines.map((l) => (
                <div key={l.id} className={`bubble bubble-${l.speaker}${l.final ? '' : ' bubble-partial'}${l.inaudible ? ' bubble-inaudible' : ''}`} data-speaker={l.speaker} data-final={l.final} data-inaudible={l.inaudible ? 'true' : undefined}>
                  <span className="bubble-who">{l.speaker === 'agent' ? genderSlash(t('call.you'), user.gender) : persona.name}</span>
                  {l.inaudible ? <em className="muted">({t('call.inaudible')})</em> : l.text || '…'}
                  {l.interrupted && <span className="bubble-cut">({t('call.interrupted')})</span>}
                </div>
              ))}
            </div>
            {s.phase === 'active' && (
              <form className="row" onSubmit={send} style={{ marginBlockStart: 'var(--s-3)' }}>
                <input name="agentText" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('call.typePlaceholder')} style={{ flex: 1 }} dir="auto" aria-label={t('call.typePlaceholder')} />
                <Button type="submit" disabled={!typed.trim()}>
                  {t('call.send')}
                </Button>
              </form>
            )}
          </Card>
        </div>
        <div className="stack">
          <Card title={persona.name}>
            <p>{persona.role}</p>
            <p className="muted">{persona.summary}</p>
            {persona.facts && persona.facts.length > 0 && (
              <ul className="small" data-testid="persona-facts" aria-label={t('call.personaFacts')}>
                {persona.facts.map((f, i) => <li key={i} dir="auto">{f}</li>)}
              </ul>
            )}
            {persona.difficulty && <Badge tone="brand">{persona.difficulty}</Badge>}
          </Card>
          <Card>
            <dl className="status-list" data-testid="call-status">
              <dt>{t('call.engine')}</dt>
              <dd data-testid="engine-name">
                {t(`call.engines.${engine}`)}
                {s.engineStatus && s.engineStatus !== 'connected' ? ` (${t(`call.engineStatus.${s.engineStatus}`)})` : ''}
              </dd>
              <dt>{t('call.connection')}</dt>
              <dd data-testid="connection">{t(`call.connections.${s.connection}`)}</dd>
              {sim.mode === 'voice' && (
                <>
                  <dt>{t('call.transcriptsBy')}</dt>
                  <dd>{serverTranscripts || s.ready?.engine.serverTranscripts ? t('call.transcriptsServer') : t('call.transcriptsBrowser')}</dd>
                  <dt>{t('call.played')}</dt>
                  <dd data-testid="frames-played">{s.framesPlayed}</dd>
                </>
              )}
              {mood && (
                <>
                  <dt>{t('call.mood')}</dt>
                  <dd data-testid="customer-mood-label" data-mood={mood}>
                    <span className={`mood-chip mood-${moodTone(mood)}`}>{isMood(mood) ? word(MOOD_WORDS, mood, lang, persona.gender) : mood}</span>
                  </dd>
                </>
              )}
            </dl>
            {sim.mode === 'voice' && (
              <div className="stack-sm" style={{ marginBlockStart: 'var(--s-3)' }}>
                <span className="small muted">{t('call.micLevel')}</span>
                <div className="meter" role="meter" aria-label={t('call.micLevel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(Math.min(1, s.level * 4) * 100)}>
                  <span style={{ inlineSize: `${Math.min(100, s.level * 400)}%` }} />
                </div>
              </div>
            )}
            {pushToTalk && s.phase === 'active' && (
              <Button
                className="ptt"
                block
                aria-pressed={s.talking}
                onPointerDown={() => call.setTalking(true)}
                onPointerUp={() => call.setTalking(false)}
                onPointerLeave={() => call.setTalking(false)}
              >
                {s.talking ? genderSlash(t('call.talking'), user.gender) : t('call.hold')}
              </Button>
            )}
          </Card>
          {sim.mode === 'voice' && s.phase !== 'active' && s.phase !== 'ended' && <TranscriptionCheck engine={s.ready?.engine ? { ...details.engine, ...s.ready.engine } : details.engine} language={sim.language} simulationId={sim.id} />}
          <WhisperCard whispers={s.whispers} />
          <LiveCoaching source={call} customerGender={persona.gender} />
          <TechnicalTimings rows={s.lines.filter((l) => l.speaker === 'agent' && s.latency[l.id]).map((l) => ({ id: l.id, label: firstWords(l.text), timeline: s.latency[l.id] }))} />
          {s.hints.length > 0 && (
            <Card>
              {s.hints.map((h, i) => (
                <p key={i}>{inPageLanguage(h.text, h.texts, lang)}</p>
              ))}
            </Card>
          )}
        </div>
      </div>
      {s.phase === 'ended' && <Link to="/practice">{t('session.back')}</Link>}
    </>
  );
}
