/**
 * CoachingFeed: the live coaching messages of a practice call (metrics, hints, difficulty, customer mood) folded
 * into one state the live panel renders. Plain TypeScript with subscribe/snapshot, fed from the call's server
 * messages; clocks come from the server's metrics (`elapsedSec`), so the panel shows what the coach saw.
 */
import type { ServerMessage } from '../../../voice/protocol.ts';

export interface HintItem {
  id: number;
  /** As sent: the call's language. */
  text: string;
  /** Both languages when the server sends them; render with inPageLanguage. */
  texts?: { he: string; en: string };
  severity: 'info' | 'warn';
  atSec: number;
}

export interface DifficultyItem {
  /** supportive | neutral | challenging (the server may add the level label after a colon). */
  mode: string;
  label: string | null;
  /** As sent: the call's language. */
  reason: string;
  /** Both languages when the server sends them; render with inPageLanguage. */
  reasons?: { he: string; en: string };
  atSec: number;
}

export interface CoachingState {
  /** The latest metrics message (talkRatio, monologueSec, questions, objections…, confidence). */
  metrics: Record<string, number>;
  /** Seconds since the call started, per the server. */
  elapsedSec: number;
  mood: string | null;
  moods: { mood: string; atSec: number }[];
  hints: HintItem[];
  difficulty: DifficultyItem[];
  /** Confidence readings over time (voice + text), for the sparkline. */
  confidence: { atSec: number; value: number }[];
}

export const EMPTY_COACHING: CoachingState = { metrics: {}, elapsedSec: 0, mood: null, moods: [], hints: [], difficulty: [], confidence: [] };

/** A source of server messages (the practice page's LiveCall). */
export interface ServerMessageSource {
  onServerMessage(listener: (m: ServerMessage) => void): () => void;
}

/** Folds one server message into the coaching state (pure). */
export function reduceCoaching(s: CoachingState, m: ServerMessage, hintId: number): CoachingState {
  switch (m.type) {
    case 'metrics': {
      const elapsedSec = m.values.elapsedSec ?? s.elapsedSec;
      const c = m.values.confidence;
      const confidence = c === undefined || s.confidence.at(-1)?.atSec === elapsedSec ? s.confidence : [...s.confidence.slice(-119), { atSec: elapsedSec, value: c }];
      return { ...s, metrics: m.values, elapsedSec, confidence };
    }
    case 'hint':
      return { ...s, hints: [...s.hints, { id: hintId, text: m.text, ...(m.texts ? { texts: m.texts } : {}), severity: m.severity, atSec: s.elapsedSec }] };
    case 'difficulty': {
      const [mode, label] = m.level.split(':');
      const last = s.difficulty.at(-1);
      // the session confirms a change the coach already announced: one entry, the richer one kept
      if (last && last.mode === mode && last.reason === m.reason) {
        if ((!label || last.label) && (!m.reasons || last.reasons)) return s;
        return { ...s, difficulty: [...s.difficulty.slice(0, -1), { ...last, label: last.label ?? label ?? null, ...(last.reasons ?? m.reasons ? { reasons: last.reasons ?? m.reasons } : {}) }] };
      }
      return { ...s, difficulty: [...s.difficulty, { mode, label: label ?? null, reason: m.reason, ...(m.reasons ? { reasons: m.reasons } : {}), atSec: s.elapsedSec }] };
    }
    case 'customer_state':
      if (m.mood === s.mood) return s;
      return { ...s, mood: m.mood, moods: [...s.moods, { mood: m.mood, atSec: s.elapsedSec }] };
    default:
      return s;
  }
}

export class CoachingFeed {
  private s: CoachingState = EMPTY_COACHING;
  private readonly listeners = new Set<() => void>();
  private nextHint = 1;

  push(m: ServerMessage): void {
    const next = reduceCoaching(this.s, m, this.nextHint);
    if (next === this.s) return;
    if (next.hints.length > this.s.hints.length) this.nextHint++;
    this.s = next;
    for (const l of this.listeners) l();
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  snapshot = (): CoachingState => this.s;
}
