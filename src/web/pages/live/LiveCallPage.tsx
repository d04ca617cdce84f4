import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, PageHeader, useQuery } from '../../ui/index.ts';
import type { LiveList } from './types.ts';
import { LiveCoaching, inPageLanguage } from '../coaching/index.ts';
import { WHISPER_MAX_CHARS } from '../../../live/wire.ts';
import { ObserverConnection } from './observer.ts';
import { useLiveT } from './strings.ts';
import '../practice/practice.css';

/** Manager: one call in progress — live transcript, coaching panel, both voices, and a whisper box. */
export default function LiveCallPage() {
  const { simulationId = '' } = useParams();
  const { t, lang } = useLiveT();
  const fromList = (useLocation().state as { agentName?: string } | null)?.agentName;
  // opened directly (a link, a reload): the agent's name from the live list
  const list = useQuery<LiveList>(fromList ? null : '/api/live');
  const agentName = fromList ?? list.data?.calls.find((c) => c.simulationId === simulationId)?.agentName ?? t('agent');
  const conn = useMemo(() => new ObserverConnection(simulationId), [simulationId]);
  const s = useSyncExternalStore(conn.subscribe, conn.snapshot);
  const [text, setText] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    conn.connect();
    return () => conn.dispose();
  }, [conn]);
  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [s.lines]);

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (conn.whisper(text)) setText('');
  };
  const live = s.status !== 'ended' && s.connection !== 'closed';
  // the call's language is known once the first snapshot arrived; until then the page's own direction
  const dir = s.persona ? (s.language === 'he' ? 'rtl' : 'ltr') : undefined;

  return (
    <>
      <PageHeader title={t('callTitle', { agent: agentName })} subtitle={s.persona?.name} back={{ to: '/live', label: t('back') }} />
      <div className="call-grid">
        <div className="stack">
          {s.error && s.error.code !== 'NOT_LIVE' && (
            <div data-testid="observer-error" data-code={s.error.code}>
              <Alert tone="warning">{inPageLanguage(s.error.message, s.error.texts, lang)}</Alert>
            </div>
          )}
          {s.status === 'ended' && (
            <div data-testid="observed-ended">
              <Alert tone="info">{s.error?.code === 'NOT_LIVE' ? t('notLive') : t('ended')}</Alert>
            </div>
          )}
          <Card title={t('transcript')}>
            <div className="transcript" ref={listRef} dir={dir} lang={s.persona ? s.language : undefined} data-testid="observed-transcript" aria-live="polite">
              {s.lines.length === 0 && <p className="muted">{t('waiting')}</p>}
              {s.lines.map((l) => (
                <div key={l.id} className={`bubble bubble-${l.speaker}${l.final ? '' : ' bubble-partial'}`} data-speaker={l.speaker} data-final={l.final}>
                  <span className="bubble-who">{l.speaker === 'agent' ? agentName : s.persona?.name ?? ''}</span>
                  {l.text || '…'}
                </div>
              ))}
            </div>
          </Card>
          <Card title={t('whisperTitle')}>
            <p className="small muted">{t('whisperHint')}</p>
            <form className="row" onSubmit={send} data-testid="whisper-form">
              <input
                name="whisper"
                value={text}
                maxLength={WHISPER_MAX_CHARS}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('whisperPlaceholder')}
                aria-label={t('whisperTitle')}
                dir="auto"
                style={{ flex: 1 }}
                disabled={!live}
              />
              <Button type="submit" variant="primary" disabled={!live || !text.trim()}>
                {t('whisperSend')}
              </Button>
            </form>
            {s.whispers.length > 0 && (
              <div className="stack-sm" data-testid="whispers-sent" style={{ marginBlockStart: 'var(--s-3)' }}>
                <span className="small muted">{t('whispersSoFar')}</span>
                {s.whispers.map((w) => (
                  <p key={w.id} dir="auto">
                    <Badge tone="brand">{t('whisperSent')}</Badge> {w.text}
                  </p>
                ))}
              </div>
            )}
          </Card>
        </div>
        <div className="stack">
          <Card>
            <dl className="status-list">
              <dt>{t('connection')}</dt>
              <dd data-testid="observer-connection">{t(`connections.${s.connection}`)}</dd>
              <dt>{t('colObservers')}</dt>
              <dd data-testid="observer-count">{s.observers.count > 0 ? t('listeners', { names: s.observers.names.join(', ') }) : 0}</dd>
            </dl>
          </Card>
          <Card title={t('audio')}>
            {s.mode === 'text' ? (
              <p className="muted">{t('audioTextCall')}</p>
            ) : (
              <div className="stack-sm">
                {s.audio === 'on' ? (
                  <Badge tone="brand">{t('audioOn')}</Badge>
                ) : (
                  <Button onClick={() => void conn.startAudio()} data-testid="start-audio" disabled={!live}>
                    {t('audioStart')}
                  </Button>
                )}
                <p className="small muted" data-testid="audio-frames" data-agent={s.frames.agent} data-customer={s.frames.customer}>
                  {t('tracks.agent')}: {t('frames', { n: s.frames.agent })} · {t('tracks.customer')}: {t('frames', { n: s.frames.customer })}
                </p>
              </div>
            )}
          </Card>
          <LiveCoaching source={conn} />
        </div>
      </div>
    </>
  );
}
