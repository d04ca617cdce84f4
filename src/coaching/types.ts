/**
 * Plain-data inputs of the coaching layer. They mirror what the voice session produces (turns with session-clock
 * times, speech activity, customer state) so wiring a SimulationSession in is a thin adapter.
 */
import type { Language, Speaker } from '../analysis/index.ts';

/** One finished turn. Times are session-clock milliseconds. */
export interface Turn {
  speaker: Speaker;
  text: string;
  startMs: number;
  endMs: number;
  /** Customer turns: the agent barged in and this is what was actually heard. */
  interrupted?: boolean;
  /** Agent turns: speech was heard but no words could be had (text empty). Not talk, not words, not a turn to judge. */
  inaudible?: boolean;
}

/** An agent turn that carries no words to judge (inaudible speech, or empty text). */
export const isUnheard = (t: Pick<Turn, 'speaker' | 'text' | 'inaudible'>): boolean => t.speaker === 'agent' && (t.inaudible === true || t.text.trim() === '');

/**
 * The offline brain's internal customer state (or any estimate of it). Values 0..1 unless named otherwise;
 * every field optional so an engine reports what it knows.
 */
export interface CustomerState {
  mood?: string;
  trust?: number;
  interest?: number;
  patience?: number;
  /** Objections raised and not yet resolved (count). */
  openObjections?: number;
  /** Hidden needs the agent has uncovered so far (count). */
  needsRevealed?: number;
  /** Close attempts the customer has heard (count). */
  closeAttempts?: number;
}

/** What the tracker is told, as it happens. */
export type LiveEvent =
  | { type: 'speech_started'; speaker: Speaker; atMs: number }
  | { type: 'speech_stopped'; speaker: Speaker; atMs: number }
  | ({ type: 'turn' } & Turn)
  | { type: 'customer_state'; state: CustomerState; atMs: number }
  | { type: 'tick'; atMs: number };

/** A bilingual text; pick with `pick(text, lang)`. */
export interface Bilingual {
  he: string;
  en: string;
}

export const pick = (t: Bilingual, lang: Language): string => t[lang];

/** Reads an engine's `customer_state` values record (numbers by name) into a CustomerState. */
export function customerStateFromValues(mood: string | undefined, values: Record<string, number>): CustomerState {
  const num = (...keys: string[]) => {
    for (const k of keys) if (typeof values[k] === 'number' && Number.isFinite(values[k])) return values[k];
    return undefined;
  };
  return {
    mood,
    trust: num('trust'),
    interest: num('interest'),
    patience: num('patience'),
    openObjections: num('openObjections', 'open_objections'),
    needsRevealed: num('needsRevealed', 'needs_revealed', 'revealedNeeds'),
    closeAttempts: num('closeAttempts', 'close_attempts'),
  };
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
export const round = (n: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
