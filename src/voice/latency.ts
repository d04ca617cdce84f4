/** Per-turn latency timelines: agent speech end → committed → first customer text → first audio sent → played. */
import type { LatencyTimeline } from './protocol.ts';

export interface TurnTimeline extends LatencyTimeline {
  /** The agent turn that the customer answered. */
  turnId: string;
  /** The customer item that answered it, once known. */
  itemId: string | null;
}

/** Derived gaps (ms) of a timeline; null where an end is missing. */
export function latencyGaps(t: LatencyTimeline) {
  const gap = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round(b - a));
  const speechEnd = t.agentSpeechEndMs ?? t.turnCommittedMs;
  return {
    /** Silence window / end-of-turn detection + transcription. */
    endOfTurnMs: gap(t.agentSpeechEndMs, t.turnCommittedMs),
    firstTextMs: gap(t.turnCommittedMs, t.firstCustomerTextMs),
    firstAudioSentMs: gap(speechEnd, t.firstCustomerAudioSentMs),
    /** What the agent experienced: stopped talking → heard the customer. */
    heardMs: gap(speechEnd, t.firstAudioPlayedMs),
  };
}

export class LatencyTracker {
  private readonly byTurn = new Map<string, TurnTimeline>();
  private readonly byItem = new Map<string, TurnTimeline>();
  private open: TurnTimeline | null = null;

  committed(turnId: string, atMs: number, speechEndMs: number | null): TurnTimeline {
    const t: TurnTimeline = { turnId, itemId: null, agentSpeechEndMs: speechEndMs, turnCommittedMs: atMs, firstCustomerTextMs: null, firstCustomerAudioSentMs: null, firstAudioPlayedMs: null };
    this.byTurn.set(turnId, t);
    this.open = t;
    return t;
  }

  /** A customer item started: it answers the latest committed turn that has no answer yet. */
  customerStarted(itemId: string): TurnTimeline | null {
    const t = this.open;
    if (!t || t.itemId) return null;
    t.itemId = itemId;
    this.byItem.set(itemId, t);
    this.open = null;
    return t;
  }

  forItem(itemId: string): TurnTimeline | null {
    return this.byItem.get(itemId) ?? null;
  }

  firstText(itemId: string, atMs: number): void {
    const t = this.byItem.get(itemId);
    if (t && t.firstCustomerTextMs === null) t.firstCustomerTextMs = atMs;
  }

  firstAudioSent(itemId: string, atMs: number): void {
    const t = this.byItem.get(itemId);
    if (t && t.firstCustomerAudioSentMs === null) t.firstCustomerAudioSentMs = atMs;
  }

  /** The client reports playedMs of itemId at `nowMs`: playback began at nowMs − playedMs. Returns true on first report. */
  played(itemId: string, playedMs: number, nowMs: number): boolean {
    const t = this.byItem.get(itemId);
    if (!t || t.firstAudioPlayedMs !== null) return false;
    t.firstAudioPlayedMs = Math.max(t.firstCustomerAudioSentMs ?? 0, nowMs - playedMs);
    return true;
  }

  all(): TurnTimeline[] {
    return [...this.byTurn.values()];
  }
}
