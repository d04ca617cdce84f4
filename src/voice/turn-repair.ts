/**
 * Repair of a turn taken too early: when the agent resumes within `windowMs` of the customer starting to answer,
 * the customer was cutting in on a pause, and people in that spot stop and let the other go on. The cascade engine
 * asks `candidate()` when agent speech starts and, once that speech has gone on longer than a quick "כן"
 * (`REPAIR_SPEECH_MS`), `confirm()`s: the customer's reply is cut then (instead of after `bargeInMinMs` of
 * talk-over) and the agent's speech counts as their turn going on, not a backchannel.
 */
import type { EngineEvent } from './engine.ts';

/** How soon after the customer starts an agent's resumption counts as "they were not done" (ms, default 300). */
export const REPAIR_WINDOW_MS = 300;
/** Agent speech longer than this is going on, not a backchannel at the start of the customer's answer (ms). */
export const REPAIR_SPEECH_MS = 450;

export class TurnRepair {
  private customerStartedMs: number | null = null;
  /** When the customer's first audio of this reply left (what the agent can first hear); null before any. */
  private firstAudioMs: number | null = null;
  private itemId: string | null = null;
  /** Customer replies cut off because the agent went on (for metrics and tests). */
  repairs = 0;

  constructor(private readonly windowMs = REPAIR_WINDOW_MS) {}

  /** Feed the engine's own events: the customer's turn start is what a resumption is measured from. */
  observe(e: EngineEvent): void {
    if (e.type === 'customer_turn_started') {
      this.customerStartedMs = e.atMs;
      this.firstAudioMs = null;
      this.itemId = e.itemId;
    } else if (e.type === 'customer_audio') {
      if (e.itemId === this.itemId) this.firstAudioMs ??= e.atMs;
    } else if (e.type === 'customer_turn_done') this.customerStartedMs = null;
  }

  /**
   * Agent speech began at `onsetMs` (the detector's onset estimate, not its later confirmation) while the customer
   * speaks: may the agent be going on with their turn? Measured from the customer's first audio sent — the reply's
   * start event leaves before speech synthesis, and the agent cannot hear anything before the audio — or from the
   * start event when no audio has left yet (the agent resumed before hearing anything).
   */
  candidate(onsetMs: number, customerSpeaking: boolean): boolean {
    if (!customerSpeaking || this.customerStartedMs === null) return false;
    return onsetMs - (this.firstAudioMs ?? this.customerStartedMs) <= this.windowMs;
  }

  /** The candidate's speech went on: the customer yields (counted). */
  confirm(): void {
    this.customerStartedMs = null;
    this.repairs++;
  }
}
