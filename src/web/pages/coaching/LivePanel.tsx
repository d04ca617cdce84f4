/**
 * The live coaching panel of a practice call: talk-ratio gauge, call and monologue timers, objection tracker,
 * customer mood, confidence, difficulty changes with their reasons — and the hint toasts. Mount
 * `<LiveCoaching source={call} />` on the practice page; `source` is anything that hands over server messages.
 */
import { MOOD_WORDS, word } from '../../../i18n/index.ts';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Card } from '../../ui/index.ts';
import { CoachingFeed, type CoachingState, type HintItem, type ServerMessageSource } from './feed.ts';
import { inPageLanguage, isLiveMood, moodTone } from './live-text.ts';
import { useCoachingT } from './strings.ts';
import './coaching.css';

/** Panel + toasts for one live call. */
export function LiveCoaching({ source, customerGender }: { source: ServerMessageSource | null; customerGender?: 'female' | 'male' }) {
  const feed = useMemo(() => new CoachingFeed(), [source]);
  useEffect(() => (source ? source.onServerMessage((m) => feed.push(m)) : undefined), [source, feed]);
  const s = useSyncExternalStore(feed.subscribe, feed.snapshot);
  return (
    <>
      <LiveCoachPanel state={s} customerGender={customerGender} />
      <HintToasts hints={s.hints} />
    </>
  );
}

const fmtClock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;

export function LiveCoachPanel({ state: s, customerGender }: { state: CoachingState; customerGender?: 'female' | 'male' }) {
  const { t } = useCoachingT();
  const m = s.metrics;
  return (
    <Card title={t('live.title')} className="coach-panel">
      <div className="coach-panel-body" data-testid="coach-panel">
        <TalkRatioGauge ratio={m.talkRatio ?? null} byWords={m.typed === 1} />
        <div className="coach-timers">
          <Timer label={t('live.elapsed')} value={fmtClock(s.elapsedSec)} />
          <Timer label={t('live.monologue')} value={t('live.seconds', { n: Math.round(m.monologueSec ?? 0) })} sub={t('live.monologueOf')} warn={(m.monologueSec ?? 0) >= 45} progress={Math.min(1, (m.monologueSec ?? 0) / 60)} />
        </div>
        <ObjectionTracker metrics={m} />
        <div className="coach-row">
          <MoodChip mood={s.mood} gender={customerGender} />
          <ConfidenceMeter value={m.confidence ?? null} history={s.confidence.map((c) => c.value)} typed={m.typed === 1} />
        </div>
        <dl className="coach-facts">
          <dt>{t('live.questions')}</dt>
          <dd data-testid="coach-questions">{m.questions ?? 0} <span className="muted small">({t('live.discovery')}: {m.discoveryQuestions ?? 0})</span></dd>
          <dt>{t('live.wpm')}</dt>
          <dd>{m.wordsPerMin ? Math.round(m.wordsPerMin) : '—'}</dd>
          <dt>{t('live.fillers')}</dt>
          <dd>{m.fillersPerMin ?? 0}</dd>
        </dl>
        <DifficultyLog items={s.difficulty} />
        {m.hintsLeft !== undefined && <p className="small muted">{t('live.hintsLeft', { n: m.hintsLeft })}</p>}
      </div>
    </Card>
  );
}

/** Half-circle gauge: the agent's share of talking; green up to 43 %, amber to 65 %, red above. */
/** `byWords`: a typed call, where the share is of the words written (there is no speaking time). */
export function TalkRatioGauge({ ratio, byWords = false }: { ratio: number | null; byWords?: boolean }) {
  const { t } = useCoachingT();
  const pct = ratio === null ? 0 : Math.round(ratio * 100);
  const tone = ratio === null ? 'idle' : ratio <= 0.43 ? 'ok' : ratio <= 0.65 ? 'warn' : 'danger';
  // arc from 180° (left) to 0° (right); the gauge is a picture, so it stays left-to-right in both directions
  const angle = Math.PI * (1 - Math.min(1, Math.max(0, ratio ?? 0)));
  const x = 60 + 48 * Math.cos(angle);
  const y = 60 - 48 * Math.sin(angle);
  const mark = (r: number) => {
    const a = Math.PI * (1 - r);
    return { x1: 60 + 40 * Math.cos(a), y1: 60 - 40 * Math.sin(a), x2: 60 + 56 * Math.cos(a), y2: 60 - 56 * Math.sin(a) };
  };
  return (
    <figure className={`gauge gauge-${tone}`} data-testid="talk-ratio" data-value={ratio === null ? 'none' : pct}>
      <svg viewBox="0 0 120 70" role="img" aria-label={`${t('live.talkRatio')} ${pct}%`} style={{ direction: 'ltr' }}>
        <path d="M12 60 A48 48 0 0 1 108 60" className="gauge-track" />
        {ratio !== null && ratio > 0 && <path d={`M12 60 A48 48 0 0 1 ${x.toFixed(1)} ${y.toFixed(1)}`} className="gauge-fill" />}
        <line {...mark(0.43)} className="gauge-mark" />
        <line {...mark(0.65)} className="gauge-mark gauge-mark-danger" />
        <text x="60" y="58" textAnchor="middle" className="gauge-value">{ratio === null ? '—' : `${pct}%`}</text>
      </svg>
      <figcaption>
        <strong>{t('live.talkRatio')}</strong>
        <span className="small muted">{ratio === null ? t('live.talkRatioNone') : byWords ? t('live.talkRatioWords', { pct }) : t('live.talkRatioHint', { pct })}</span>
      </figcaption>
    </figure>
  );
}

function Timer({ label, value, sub, warn, progress }: { label: string; value: string; sub?: string; warn?: boolean; progress?: number }) {
  return (
    <div className={`coach-timer${warn ? ' coach-timer-warn' : ''}`}>
      <span className="small muted">{label}</span>
      <span className="coach-timer-value">{value}</span>
      {sub && <span className="small muted">{sub}</span>}
      {progress !== undefined && (
        <span className="coach-bar" aria-hidden="true">
          <span style={{ inlineSize: `${Math.round(progress * 100)}%` }} />
        </span>
      )}
    </div>
  );
}

export function ObjectionTracker({ metrics: m }: { metrics: Record<string, number> }) {
  const { t } = useCoachingT();
  const raised = m.objectionsRaised ?? 0;
  const last = m.lastObjectionResponseSec;
  const quick = last !== undefined && last < 1;
  return (
    <div className="coach-objections" data-testid="objection-tracker">
      <strong>{t('live.objections')}</strong>
      <div className="coach-counts">
        <span><b>{raised}</b> {t('live.raised')}</span>
        <span className={raised > (m.objectionsAcknowledged ?? 0) ? 'coach-bad' : ''}><b>{m.objectionsAcknowledged ?? 0}</b> {t('live.acknowledged')}</span>
        <span><b>{m.objectionsResolved ?? 0}</b> {t('live.resolved')}</span>
      </div>
      {last !== undefined && (
        <p className={`small ${quick ? 'coach-bad' : 'muted'}`}>
          {t('live.responseTime')}: {last.toFixed(1)} s · {t('live.responseBenchmark')}
        </p>
      )}
    </div>
  );
}

export function MoodChip({ mood, gender }: { mood: string | null; gender?: 'female' | 'male' }) {
  const { t, lang } = useCoachingT();
  return (
    <div className="coach-mood" data-testid="customer-mood" data-mood={mood ?? ''}>
      <span className="small muted">{t('live.mood')}</span>
      <span className={`mood-chip mood-${moodTone(mood)}`}>{isLiveMood(mood) ? word(MOOD_WORDS, mood, lang, gender) : mood ?? t('live.moodUnknown')}</span>
    </div>
  );
}

export function ConfidenceMeter({ value, history, typed = false }: { value: number | null; history: number[]; typed?: boolean }) {
  const { t } = useCoachingT();
  const pts = history.slice(-30);
  const path = pts.map((v, i) => `${i === 0 ? 'M' : 'L'}${((i / Math.max(1, pts.length - 1)) * 100).toFixed(1)} ${(20 - v * 20).toFixed(1)}`).join(' ');
  return (
    <div className="coach-confidence" data-testid="confidence">
      <span className="small muted">{t('live.confidence')}</span>
      {value === null ? (
        <span className="small muted">{typed ? t('live.confidenceTyped') : t('live.confidenceNone')}</span>
      ) : (
        <>
          <span className={`coach-confidence-value ${value > 0.8 ? 'coach-good' : value < 0.4 ? 'coach-bad' : ''}`}>{Math.round(value * 100)}%</span>
          {pts.length > 1 && (
            <svg viewBox="0 0 100 20" className="sparkline" aria-hidden="true" style={{ direction: 'ltr' }} preserveAspectRatio="none">
              <path d={path} />
            </svg>
          )}
        </>
      )}
    </div>
  );
}

export function DifficultyLog({ items }: { items: CoachingState['difficulty'] }) {
  const { t, lang } = useCoachingT();
  const last = items.at(-1);
  return (
    <div className="coach-difficulty" data-testid="difficulty-log">
      <span className="small muted">{t('live.difficulty')}</span>
      {!last ? (
        <span className="small muted">{t('live.difficultyNone')}</span>
      ) : (
        <ul>
          {items.slice(-3).reverse().map((d, i) => (
            <li key={`${d.atSec}-${i}`} className={i === 0 ? '' : 'muted'}>
              <span className={`mode-chip mode-${d.mode}`}>{(['supportive', 'neutral', 'challenging'] as const).includes(d.mode as 'neutral') ? t(`modes.${d.mode as 'neutral'}`) : d.mode}</span> <span className="small">{fmtClock(d.atSec)} · {inPageLanguage(d.reason, d.reasons, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Hint toasts: on screen, never spoken; each stays 9 s (warnings 12 s) or until dismissed. */
export function HintToasts({ hints }: { hints: HintItem[] }) {
  const { t, lang } = useCoachingT();
  const [gone, setGone] = useState<Set<number>>(new Set());
  const [, tick] = useState(0);
  useEffect(() => {
    const id = window.setInterval(() => tick((x) => x + 1), 1000);
    return () => window.clearInterval(id);
  }, []);
  const [shownAt] = useState(() => new Map<number, number>());
  const now = Date.now();
  for (const h of hints) if (!shownAt.has(h.id)) shownAt.set(h.id, now);
  const visible = hints.filter((h) => !gone.has(h.id) && now - shownAt.get(h.id)! < (h.severity === 'warn' ? 12_000 : 9_000)).slice(-3);
  if (visible.length === 0) return null;
  return (
    <div className="hint-toasts" role="status" aria-live="polite" data-testid="hint-toasts">
      {visible.map((h) => (
        <div key={h.id} className={`hint-toast hint-${h.severity}`} data-testid="hint-toast">
          <span className="hint-label">{t('live.hintLabel')}</span>
          <span className="hint-text">{inPageLanguage(h.text, h.texts, lang)}</span>
          <button type="button" className="hint-close" aria-label={t('live.dismiss')} onClick={() => setGone(new Set(gone).add(h.id))}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
