/**
 * The persistence tap: every finished turn is written as it happens (a customer turn cut off after it was
 * reported is rewritten under the same id), latency timelines are stored with the customer turn they belong
 * to, notable engine events go to the append-only event log, and the outcome is stored at the end. Live
 * metrics snapshots (published every second) are sampled: at most one row per `metricsEveryMs` (10 s), plus
 * the last one at the end; hints, difficulty changes and errors are always kept.
 * Writes are serialised per session and never throw into the call: a database hiccup is logged.
 */
import type { EngineEvent } from './engine.ts';
import type { TurnTimeline } from './latency.ts';
import type { LatencyTimeline, Outcome } from './protocol.ts';
import type { SessionSummary, SessionTap, TurnRecord } from './session.ts';

/** The slice of the simulations repository this tap writes through. */
export interface SimulationStore {
  upsertTurn(
    simulationId: string,
    t: { id: string; seq: number; speaker: 'agent' | 'customer'; text: string; startMs: number; endMs: number; interrupted: boolean; engine: string; latency?: unknown; inaudible?: boolean },
  ): Promise<void>;
  setTurnLatency(simulationId: string, turnId: string, latency: unknown): Promise<boolean>;
  appendEvent(simulationId: string, atMs: number, kind: string, data: unknown): Promise<void>;
  update(id: string, patch: { status?: 'active'; startedAt?: Date }): Promise<unknown>;
  finish(id: string, f: { status: 'ended' | 'interrupted'; outcome: Outcome; endReason: string; durationMs: number }): Promise<boolean>;
}

/** Engine events worth keeping in the event log (audio and transcript deltas are not). */
const LOGGED: ReadonlySet<EngineEvent['type']> = new Set(['status', 'customer_state', 'hangup', 'tool_call', 'error', 'barge_in', 'engine_switched']);

/** Default spacing of stored `metrics` snapshots (ms of session time). */
export const METRICS_EVERY_MS = 10_000;

const timelineOf = (t: TurnTimeline): LatencyTimeline & { turnId: string } => ({
  turnId: t.turnId,
  agentSpeechEndMs: t.agentSpeechEndMs,
  turnCommittedMs: t.turnCommittedMs,
  firstCustomerTextMs: t.firstCustomerTextMs,
  firstCustomerAudioSentMs: t.firstCustomerAudioSentMs,
  firstAudioPlayedMs: t.firstAudioPlayedMs,
});

export class PersistenceTap implements SessionTap {
  private chain: Promise<void> = Promise.resolve();
  private readonly seqs = new Map<string, number>();
  private readonly latest = new Map<string, LatencyTimeline & { turnId: string }>();
  private failures = 0;
  private lastMetricsAt = -Infinity;
  /** The newest metrics snapshot not stored yet (kept for the end of the session). */
  private pendingMetrics: { data: unknown; atMs: number } | null = null;

  constructor(
    private readonly simulationId: string,
    private readonly store: SimulationStore,
    private readonly clock: () => number,
    private readonly log: (msg: string, err: unknown) => void = () => {},
    private readonly opts: {
      /** Spacing of stored metrics snapshots (ms, default 10 s). */
      metricsEveryMs?: number;
      /** Runs before the outcome is stored (the recorder closes its files: "ended" means the recording is final). */
      beforeEnd?: () => Promise<unknown>;
      /** A call taken over from another node: its stored turns (id, seq); the row is already active. */
      resumed?: { seqs: Array<[string, number]> };
    } = {},
  ) {
    for (const [id, seq] of opts.resumed?.seqs ?? []) {
      this.seqs.set(id, seq);
      this.stored.add(id);
      this.nextSeq = Math.max(this.nextSeq, seq + 1);
    }
  }

  private nextSeq = 1;
  /** Turns already stored by the node the call was taken from. */
  private readonly stored = new Set<string>();
  private abandoned = false;

  /** Another node took the call over: write nothing more (its outcome is that node's to store). */
  abandon(): void {
    this.abandoned = true;
  }

  /** Database writes that failed so far (for health reporting and tests). */
  get failedWrites(): number {
    return this.failures;
  }

  /** Resolves when every write queued so far has finished. */
  flush(): Promise<void> {
    return this.chain;
  }

  /** Append an event that did not come from the engine (hints, metrics, difficulty, wire errors). */
  event(kind: string, data: unknown, atMs = this.clock()): void {
    if (kind === 'metrics') {
      if (atMs - this.lastMetricsAt < (this.opts.metricsEveryMs ?? METRICS_EVERY_MS)) {
        this.pendingMetrics = { data, atMs };
        return;
      }
      this.lastMetricsAt = atMs;
      this.pendingMetrics = null;
    }
    this.enqueue(`event ${kind}`, () => this.store.appendEvent(this.simulationId, atMs, kind, data));
  }

  onStart(): void {
    if (this.opts.resumed) return;
    this.enqueue('start', () => this.store.update(this.simulationId, { status: 'active', startedAt: new Date() }).then(() => undefined));
  }

  onTurn(turn: TurnRecord): void {
    if (this.stored.has(turn.id)) return; // a taken-over call's finished turns, replayed to the other observers
    let seq = this.seqs.get(turn.id);
    if (seq === undefined) {
      seq = this.nextSeq++;
      this.seqs.set(turn.id, seq);
    }
    if (turn.latency) this.latest.set(turn.id, timelineOf(turn.latency));
    const latency = this.latest.get(turn.id) ?? null;
    const row = { id: turn.id, seq, speaker: turn.speaker, text: turn.text, startMs: Math.round(turn.startMs), endMs: Math.round(turn.endMs), interrupted: turn.interrupted, engine: turn.engine, latency, ...(turn.inaudible ? { inaudible: true } : {}) };
    this.enqueue('turn', () => this.store.upsertTurn(this.simulationId, row));
  }

  onLatency(t: TurnTimeline): void {
    if (!t.itemId) return;
    const timeline = timelineOf(t);
    this.latest.set(t.itemId, timeline);
    // the customer turn may not be written yet (first audio played before it finished): onTurn takes it then
    if (this.seqs.has(t.itemId)) this.enqueue('latency', () => this.store.setTurnLatency(this.simulationId, t.itemId!, timeline).then(() => undefined));
  }

  onEngineEvent(e: EngineEvent): void {
    if (!LOGGED.has(e.type)) return;
    const { type, ...data } = e;
    this.event(type, data, 'atMs' in e ? e.atMs : this.clock());
  }

  async onEnd(s: SessionSummary): Promise<void> {
    const last = this.pendingMetrics;
    this.pendingMetrics = null;
    if (last) this.enqueue('event metrics', () => this.store.appendEvent(this.simulationId, last.atMs, 'metrics', last.data));
    const status = s.reason === 'interrupted' ? 'interrupted' : 'ended';
    const before = this.opts.beforeEnd;
    if (before) this.enqueue('recordings', () => before().then(() => undefined));
    this.enqueue('end', () => this.store.finish(this.simulationId, { status, outcome: s.outcome, endReason: s.reason, durationMs: s.durationMs }).then(() => undefined));
    await this.flush();
  }

  private enqueue(what: string, write: () => Promise<void>): void {
    if (this.abandoned) return;
    this.chain = this.chain.then(write).catch((e) => {
      this.failures++;
      this.log(`simulation ${this.simulationId}: could not store ${what}`, e);
    });
  }
}
