import type { ReactNode } from 'react';
import type { LatencyTimeline as Timeline } from '../../../voice/protocol.ts';
import { gapsOf } from './model.ts';
import { usePracticeT } from './strings.ts';

/**
 * One turn's response time as a bar: end-of-speech detection, until the first customer text, until the first
 * audio was sent, until it was heard. Segment widths are to scale (max 2.5 s across).
 */
export function LatencyTimeline({ timeline }: { timeline: Timeline }) {
  const { t } = usePracticeT();
  const g = gapsOf(timeline);
  const start = timeline.agentSpeechEndMs ?? timeline.turnCommittedMs;
  if (start === null) return null;
  const marks: { key: string; label: string; at: number | null }[] = [
    { key: 'endOfTurn', label: t('session.endOfTurn'), at: timeline.turnCommittedMs },
    { key: 'firstText', label: t('session.firstText'), at: timeline.firstCustomerTextMs },
    { key: 'firstAudio', label: t('session.firstAudio'), at: timeline.firstCustomerAudioSentMs },
    { key: 'heard', label: t('session.heard'), at: timeline.firstAudioPlayedMs },
  ];
  const total = Math.max(2500, ...marks.map((m) => (m.at === null ? 0 : m.at - start)));
  let prev = 0;
  return (
    <div className="latency" data-testid="latency-timeline" aria-label={t('session.latency')}>
      <div className="latency-bar" dir="ltr">
        {marks.map((m) => {
          if (m.at === null) return null;
          const at = Math.max(prev, m.at - start);
          const w = ((at - prev) / total) * 100;
          prev = at;
          return <span key={m.key} className={`latency-seg latency-${m.key}`} style={{ width: `${w}%` }} title={`${m.label}: ${t('session.ms', { n: Math.round(at) })}`} />;
        })}
      </div>
      <div className="latency-legend small muted">
        {marks.map((m) => (m.at === null ? null : <span key={m.key}>{m.label} {t('session.ms', { n: Math.round(m.at - start) })}</span>))}
        {g.heardMs !== null && <strong>{t('session.ms', { n: g.heardMs })}</strong>}
      </div>
    </div>
  );
}

/**
 * Developer timings kept out of the transcript: a collapsed "technical details" section listing each reply's
 * response-time bar under the first words of the agent line it answered.
 */
export function TechnicalTimings({ rows, children }: { rows: { id: string; label: string; timeline: Timeline }[]; children?: ReactNode }) {
  const { t } = usePracticeT();
  return (
    <details className="technical card" data-testid="technical">
      <summary>{t('session.technical')}</summary>
      <p className="small muted">{t('session.latencyHint')}</p>
      {rows.length === 0 ? (
        <p className="small muted">{t('session.noTimings')}</p>
      ) : (
        <ol className="technical-rows">
          {rows.map((r) => (
            <li key={r.id}>
              <span className="small" dir="auto">{r.label}</span>
              <LatencyTimeline timeline={r.timeline} />
            </li>
          ))}
        </ol>
      )}
      {children}
    </details>
  );
}

/** The first words of a line, for a technical row's label. */
export const firstWords = (text: string, n = 6): string => {
  const w = text.trim().split(/\s+/);
  return w.length > n ? `${w.slice(0, n).join(' ')}…` : text.trim();
};
