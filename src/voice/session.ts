/**
 * SimulationSession: one practice call. Engine-agnostic state machine (connecting → active → ending → ended,
 * or interrupted when the connection dies), wire validation with typed error events (the session lives on),
 * per-session rate limits, latency timeline per turn, taps (recorder, live metrics, persistence), and the
 * endings: agent request, customer hang-up, time limit, quota exhaustion, engine failure.
 */
import { newId } from '../core/index.ts';
import type { EngineEvent, SimulationEngine, VoicePersona, DifficultyDirective } from './engine.ts';
import { LatencyTracker, type TurnTimeline } from './latency.ts';
import {
  PROTOCOL_VERSION,
  WIRE_AUDIO,
  audioFrameProblem,
  decodeClientMessage,
  msForBytes,
  type ClientMessage,
  type EndReason,
  type Outcome,
  type ServerMessage,
  type ServerMessageOf,
  type TranscriptProblem,
  type WireErrorCode,
} from './protocol.ts';
import { transcriptionNotice } from './inaudible.ts';
import { pcm16View } from './audio.ts';
import { afterIo, type DeferredQueue } from './deferred.ts';
import { TokenBucket } from './rate-limit.ts';

/** How the session reaches the browser (a WebSocket in production, an array in tests). */
/** How a difficulty change is shown to the agent (the coach's label, e.g. "challenging:Advanced", and reasons). */
export interface DirectiveAnnouncement {
  level?: string;
  reasons?: { he: string; en: string };
}

export interface SessionTransport {
  sendJson(msg: ServerMessage): void;
  sendAudio(pcm: Int16Array): void;
  close(code: number, reason: string): void;
}

/** One finished turn. A customer turn cut off after it was reported is reported again with the same id. */
export interface TurnRecord {
  id: string;
  speaker: 'agent' | 'customer';
  text: string;
  /** Session-clock ms. */
  startMs: number;
  endMs: number;
  interrupted: boolean;
  engine: string;
  /** Customer turns: the timeline from the agent turn they answer. */
  latency: TurnTimeline | null;
  /** Agent turns: speech was heard but no words could be had (text is empty). */
  inaudible?: boolean;
}

export interface SessionSummary {
  sessionId: string;
  outcome: Outcome;
  reason: EndReason | 'interrupted';
  durationMs: number;
  turns: TurnRecord[];
  latency: TurnTimeline[];
}

/** Observers of a live session. All methods optional; a tap must not throw (errors are swallowed). */
export interface SessionTap {
  /** The session became active (engine connected, `ready` sent). */
  onStart?(ready: ServerMessageOf<'ready'>): void;
  onAgentAudio?(pcm: Int16Array, atMs: number): void;
  onCustomerAudio?(pcm: Int16Array, itemId: string, atMs: number): void;
  onEngineEvent?(e: EngineEvent): void;
  onTurn?(turn: TurnRecord): void;
  onLatency?(t: TurnTimeline): void;
  onEnd?(summary: SessionSummary): void | Promise<void>;
}

/** Minutes quota: called once per tick while the call runs (and once at start); false = exhausted. */
export type ConsumeQuota = (ms: number) => Promise<boolean>;

export type SessionState =
  | { status: 'connecting' }
  | { status: 'active'; startedAtMs: number; mode: 'voice' | 'text' }
  | { status: 'ending'; reason: EndReason; outcome: Outcome }
  | { status: 'ended'; reason: EndReason; outcome: Outcome; durationMs: number }
  | { status: 'interrupted'; detail: string };

export interface SimulationSessionOptions {
  id?: string;
  engine: SimulationEngine;
  persona: VoicePersona;
  transport: SessionTransport;
  taps?: SessionTap[];
  /** Where the observers' work on audio waits behind the network (default: the process-wide queue). */
  deferred?: DeferredQueue;
  /** Scenario time limit (ms, default 20 min). */
  maxDurationMs?: number;
  quota?: { consume: ConsumeQuota; tickMs?: number };
  clock?: () => number;
  limits?: {
    /** JSON messages per second and burst (default 20 / 60). */
    messagesPerSec?: number;
    messageBurst?: number;
    /** Audio ms accepted per second and burst (default 1,250 / 3,000: real time plus jitter). */
    audioMsPerSec?: number;
    audioBurstMs?: number;
  };
  /** After the customer hangs up, wait at most this long for their last words to play (ms, default 8,000). */
  hangupGraceMs?: number;
  /** A call taken over from another node (ownership.ts): its finished turns so far; start it with `resumeCall`. */
  resume?: { turns: TurnRecord[] };
}

/** Longest text frame looked at for an `end` once the message limit is hit (an end message is a few bytes). */
const END_FRAME_MAX = 256;

export class SimulationSession {
  readonly id: string;
  private st: SessionState = { status: 'connecting' };
  private readonly clock: () => number;
  private readonly latency = new LatencyTracker();
  private readonly turns: TurnRecord[] = [];
  private readonly customerStarts = new Map<string, number>();
  private readonly customerAudioMs = new Map<string, { firstAt: number; ms: number }>();
  private readonly msgBucket: TokenBucket;
  private readonly audioBucket: TokenBucket;
  private readonly errorBucket: TokenBucket;
  private agentSpeechStartMs: number | null = null;
  /** Where each committed agent turn's speech began, until its transcript arrives. */
  private readonly agentTurnStarts = new Map<string, number>();
  private starting = false;
  /** Transcription problems the agent has been told about. */
  private readonly noticed = new Set<TranscriptProblem>();
  private readonly early: EngineEvent[] = [];
  /** Pending timers only: each one leaves the set when it fires, so a long call holds none of the past ones. */
  private readonly timers = new Set<NodeJS.Timeout>();
  private unsubscribe: (() => void) | null = null;
  private ended: Promise<SessionSummary>;
  private resolveEnded!: (s: SessionSummary) => void;

  constructor(private readonly o: SimulationSessionOptions) {
    this.id = o.id ?? newId();
    const t0 = performance.now();
    this.clock = o.clock ?? (() => performance.now() - t0);
    const l = o.limits ?? {};
    this.msgBucket = new TokenBucket(l.messageBurst ?? 60, l.messagesPerSec ?? 20);
    this.audioBucket = new TokenBucket(l.audioBurstMs ?? 3000, l.audioMsPerSec ?? 1250);
    this.errorBucket = new TokenBucket(10, 5);
    this.ended = new Promise((r) => (this.resolveEnded = r));
    if (o.resume) this.turns.push(...o.resume.turns);
  }

  /**
   * Start a call taken over from another node: the page is already in it and sends no `start`. The observers
   * (live coaching and its report) hear the finished turns again, so the report covers the whole call.
   */
  async resumeCall(mode: 'voice' | 'text'): Promise<void> {
    await this.start({ type: 'start', v: PROTOCOL_VERSION, mode, agentTranscripts: 'server', pushToTalk: false });
    if (this.st.status === 'active') for (const t of this.o.resume?.turns ?? []) this.tap((x) => x.onTurn?.(t));
  }

  get state(): SessionState {
    return this.st;
  }
  /** Resolves when the session has ended or was interrupted. */
  done(): Promise<SessionSummary> {
    return this.ended;
  }
  get transcript(): readonly TurnRecord[] {
    return this.turns;
  }
  get timelines(): TurnTimeline[] {
    return this.latency.all();
  }

  // ── inbound frames ───────────────────────────────────────────────────────

  /** A text frame from the client. Never throws; problems become error events. */
  handleText(raw: string): void {
    if (this.isOver()) return;
    if (!this.msgBucket.take()) {
      // control that survives the limit: an `end` is always honoured (a flooding client can still hang up)
      const e = raw.length <= END_FRAME_MAX ? decodeClientMessage(raw) : null;
      if (e?.ok && e.message.type === 'end') return void this.end('agent_ended').catch((err) => this.fail('INTERNAL', `Could not end: ${(err as Error).message}`));
      return this.fail('RATE_LIMITED', 'Too many messages; slow down.');
    }
    const d = decodeClientMessage(raw);
    if (!d.ok) return this.fail(d.code, d.message);
    void this.onMessage(d.message).catch((e) => this.fail('INTERNAL', `Could not handle ${d.message.type}: ${(e as Error).message}`));
  }

  /** A binary frame from the client: microphone audio. */
  handleBinary(bytes: Uint8Array): void {
    if (this.isOver()) return;
    if (this.st.status !== 'active') return this.fail('NOT_STARTED', 'Audio arrived before the session started; send {"type":"start"} first.');
    const problem = audioFrameProblem(bytes.byteLength);
    if (problem) return this.fail('BAD_AUDIO_FRAME', `Dropped an ${problem}.`);
    if (!this.audioBucket.take(msForBytes(bytes.byteLength))) return this.fail('RATE_LIMITED', 'Audio is arriving faster than real time; frames dropped.');
    if (!this.o.engine.capabilities.audioIn) return; // text engine: audio only feeds the taps
    const pcm = pcm16View(bytes);
    this.o.engine.pushAudio(pcm);
    const at = this.clock();
    this.tap((t) => t.onAgentAudio?.(pcm, at), true);
  }

  /** The client's connection closed. A session that had not ended is marked interrupted (resumable later). */
  transportClosed(detail = 'connection closed'): void {
    if (this.isOver()) return;
    this.clearTimers();
    this.st = { status: 'interrupted', detail };
    void this.o.engine.stop();
    this.finish('interrupted', 'no_outcome');
  }

  /** The `ready` message of a started session (re-sent to a page that re-attaches after a reload); null before start. */
  readyMessage(): ServerMessageOf<'ready'> | null {
    if (this.st.status !== 'active') return null;
    const { engine, persona } = this.o;
    return {
      type: 'ready',
      v: PROTOCOL_VERSION,
      sessionId: this.id,
      engine: { name: engine.name, audioIn: engine.capabilities.audioIn, audioOut: engine.capabilities.audioOut, serverTranscripts: engine.capabilities.serverTranscripts },
      persona: persona.card,
      language: persona.language,
      audio: { sampleRate: WIRE_AUDIO.sampleRate, minFrameMs: WIRE_AUDIO.minFrameMs, maxFrameMs: WIRE_AUDIO.maxFrameMs },
      maxDurationSec: Math.round((this.o.maxDurationMs ?? 20 * 60_000) / 1000),
    };
  }

  /** Session-clock milliseconds now. */
  now(): number {
    return this.clock();
  }

  // ── outbound helpers for other domains (coach, difficulty) ──────────────────

  /** Send a coaching message (hint, metrics, difficulty, customer_state) to the agent. */
  notify(msg: Extract<ServerMessage, { type: 'hint' | 'metrics' | 'difficulty' | 'customer_state' }>): void {
    if (this.st.status === 'active') this.send(msg);
  }

  /**
   * Make the customer harder or easier from now on (layered onto the persona's instructions by the engine), and
   * tell the agent once: `shown` is the coach's richer label and bilingual reasons when it has them.
   */
  async applyDirective(d: DifficultyDirective, reason: string, shown?: DirectiveAnnouncement): Promise<void> {
    if (this.st.status !== 'active') return;
    await this.o.engine.updateDirectives(d);
    this.send({ type: 'difficulty', level: shown?.level ?? d.level, reason, ...(shown?.reasons ? { reasons: shown.reasons } : {}) });
  }

  /** End the call (agent request or an operator). */
  async end(reason: EndReason = 'agent_ended', outcome: Outcome = 'no_outcome'): Promise<SessionSummary> {
    if (this.st.status === 'active' || this.st.status === 'connecting') {
      this.st = { status: 'ending', reason, outcome };
      this.clearTimers();
      await this.o.engine.stop().catch(() => undefined);
      const durationMs = Math.round(this.clock());
      this.send({ type: 'ended', outcome, reason, durationMs });
      this.st = { status: 'ended', reason, outcome, durationMs };
      this.finish(reason, outcome);
      this.o.transport.close(1000, 'session ended');
    }
    return this.ended;
  }

  // ── internals ────────────────────────────────────────────────────────────

  private isOver(): boolean {
    return this.st.status === 'ended' || this.st.status === 'interrupted' || this.st.status === 'ending';
  }

  private send(msg: ServerMessage): void {
    try {
      this.o.transport.sendJson(msg);
    } catch {
      /* the transport reports its own closure */
    }
  }

  private fail(code: WireErrorCode, message: string, recoverable = true): void {
    if (!this.errorBucket.take()) return; // a flood of bad frames gets a few errors, not one per frame
    this.send({ type: 'error', code, message, recoverable });
  }

  /** Audio for the observers waiting in the shared deferred queue, in order. */
  private tapQueue: Array<(t: SessionTap) => void> = [];
  private readonly runOldestTap = (): void => {
    const fn = this.tapQueue.shift();
    if (fn) this.callTaps(fn);
  };

  /**
   * Observers (recorder, coaching, persistence) see everything in order. Audio reaches them through the shared
   * deferred queue (`audio`: frames from every session are forwarded first, the observers' work on them runs
   * behind, a slice at a time); any other event first hands them the audio still waiting, then itself, at once.
   */
  private tap(fn: (t: SessionTap) => void, audio = false): void {
    if (!this.o.taps?.length) return;
    if (audio) {
      this.tapQueue.push(fn);
      (this.o.deferred ?? afterIo).push(this.runOldestTap);
      return;
    }
    this.flushTaps();
    this.callTaps(fn);
  }

  private callTaps(fn: (t: SessionTap) => void): void {
    for (const t of this.o.taps ?? []) {
      try {
        fn(t);
      } catch {
        /* a broken observer must not break the call */
      }
    }
  }

  private flushTaps(): void {
    if (this.tapQueue.length === 0) return;
    const queue = this.tapQueue;
    this.tapQueue = [];
    for (const fn of queue) this.callTaps(fn);
  }

  private async onMessage(m: ClientMessage): Promise<void> {
    const engine = this.o.engine;
    if (m.type === 'ping') return this.send({ type: 'pong', t: m.t, serverMs: Math.round(this.clock()) });
    if (m.type === 'start') return this.start(m);
    if (m.type === 'end') {
      await this.end('agent_ended');
      return;
    }
    if (this.st.status !== 'active') return this.fail('NOT_STARTED', `"${m.type}" arrived before the session started; send {"type":"start"} first.`);
    switch (m.type) {
      case 'agent_text':
        return engine.pushAgentText(m.text);
      case 'agent_transcript':
        return engine.pushAgentTranscript(m.text, m.final);
      case 'recognition':
        return engine.browserRecognition?.(m.status);
      case 'agent_turn_end':
        return engine.endAgentTurn();
      case 'interrupt':
        return engine.interrupt(m.itemId, m.playedMs);
      case 'playback_position': {
        engine.notePlayback(m.itemId, m.playedMs);
        if (this.latency.played(m.itemId, m.playedMs, this.clock())) this.reportLatency(m.itemId);
        return;
      }
    }
  }

  private async start(m: Extract<ClientMessage, { type: 'start' }>): Promise<void> {
    if (this.starting || this.st.status !== 'connecting') return this.fail('ALREADY_STARTED', 'The session has already started.');
    this.starting = true;
    const { engine } = this.o;
    if (this.o.quota && !(await this.o.quota.consume(this.o.quota.tickMs ?? 60_000))) {
      this.fail('QUOTA_EXHAUSTED', 'Your company has used all its simulation minutes for this month; ask your manager for more.', false);
      await this.end('quota_exhausted');
      return;
    }
    this.unsubscribe = engine.onEvent((e) => this.onEngineEvent(e));
    try {
      await engine.start();
    } catch (e) {
      this.fail('ENGINE_ERROR', `The customer could not be reached: ${(e as Error).message}`, false);
      await this.end('engine_failed');
      return;
    }
    if (this.isOver()) return;
    this.st = { status: 'active', startedAtMs: this.clock(), mode: m.mode };
    const ready = this.readyMessage()!;
    this.send(ready);
    this.tap((t) => t.onStart?.(ready));
    for (const e of this.early.splice(0)) this.onEngineEvent(e);
    this.later(() => void this.end('time_limit'), this.o.maxDurationMs ?? 20 * 60_000);
    if (this.o.quota) this.scheduleQuota(this.o.quota.consume, this.o.quota.tickMs ?? 60_000);
  }

  private scheduleQuota(consume: ConsumeQuota, tickMs: number): void {
    this.later(async () => {
      if (this.st.status !== 'active') return;
      let ok = false;
      try {
        ok = await consume(tickMs);
      } catch {
        ok = true; // a database hiccup must not cut a live call; the next tick tries again
      }
      if (!ok) {
        this.fail('QUOTA_EXHAUSTED', 'The simulation minutes ran out; the call ends now.', false);
        await this.end('quota_exhausted');
        return;
      }
      this.scheduleQuota(consume, tickMs);
    }, tickMs);
  }

  /** setTimeout that the session clears when it ends. */
  private later(fn: () => void | Promise<void>, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      void fn();
    }, ms);
    this.timers.add(t);
  }

  /** Timers the session holds (all pending): constant over a call of any length. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  private onEngineEvent(e: EngineEvent): void {
    if (this.isOver()) return;
    if (this.st.status === 'connecting') {
      this.early.push(e); // e.g. the customer speaks first while the engine starts: after "ready"
      return;
    }
    this.tap((t) => t.onEngineEvent?.(e));
    const now = this.clock();
    switch (e.type) {
      case 'status':
        return this.send({ type: 'engine_status', status: e.status, detail: e.detail });
      case 'agent_speech_started':
        // one turn may be several pieces of speech (a hesitant agent pauses past the VAD): keep the first start
        this.agentSpeechStartMs ??= e.atMs;
        return this.send({ type: 'agent_speech_started', atMs: Math.round(e.atMs) });
      case 'agent_speech_stopped':
        return this.send({ type: 'agent_speech_stopped', atMs: Math.round(e.atMs) });
      case 'agent_transcript':
        if (!e.final) return this.send({ type: 'agent_transcript_partial', turnId: e.turnId, text: e.text });
        this.send({ type: 'agent_transcript_final', turnId: e.turnId, text: e.text, atMs: Math.round(now), ...(e.inaudible ? { inaudible: true } : {}) });
        {
          const startMs = this.agentTurnStarts.get(e.turnId) ?? this.agentSpeechStartMs ?? now;
          this.agentTurnStarts.delete(e.turnId);
          this.agentSpeechStartMs = null;
          const turn: TurnRecord = { id: e.turnId, speaker: 'agent', text: e.text, startMs, endMs: now, interrupted: false, engine: this.o.engine.name, latency: null };
          return this.recordTurn(e.inaudible ? { ...turn, inaudible: true } : turn);
        }
      case 'transcription_problem':
        // once per reason: the customer's "you're breaking up" says the rest each time
        if (this.noticed.has(e.reason)) return;
        this.noticed.add(e.reason);
        return this.send(transcriptionNotice(e.reason, this.o.persona.language, e.detail));
      case 'agent_turn_committed':
        // the service's transcript of the agent's audio comes later than the customer's reply starts: hold the
        // agent's place in the transcript now, so the page shows the turns in the order they were spoken
        if (!e.text && !e.inaudible) this.send({ type: 'agent_transcript_partial', turnId: e.turnId, text: '' });
        this.latency.committed(e.turnId, e.atMs, e.speechEndMs);
        if (this.agentSpeechStartMs !== null) this.agentTurnStarts.set(e.turnId, this.agentSpeechStartMs);
        this.agentSpeechStartMs = null;
        return;
      case 'customer_turn_started':
        this.latency.customerStarted(e.itemId);
        this.customerStarts.set(e.itemId, e.atMs);
        return this.send({ type: 'customer_turn_started', itemId: e.itemId, atMs: Math.round(e.atMs) });
      case 'customer_text_delta':
        this.latency.firstText(e.itemId, e.atMs);
        return this.send({ type: 'customer_transcript_delta', itemId: e.itemId, delta: e.delta });
      case 'customer_audio': {
        this.o.transport.sendAudio(e.pcm);
        const sentAt = this.clock();
        this.latency.firstAudioSent(e.itemId, sentAt);
        let a = this.customerAudioMs.get(e.itemId);
        if (!a) {
          // a new reply: forget the replies that have finished playing (a long call keeps only what may still play)
          for (const [id, p] of this.customerAudioMs) if (p.firstAt + p.ms < sentAt) this.customerAudioMs.delete(id);
          a = { firstAt: sentAt, ms: 0 };
          this.customerAudioMs.set(e.itemId, a);
        }
        a.ms += e.pcm.length / 24;
        this.tap((t) => t.onCustomerAudio?.(e.pcm, e.itemId, sentAt), true);
        return;
      }
      case 'customer_turn_done': {
        this.send({ type: 'customer_transcript_final', itemId: e.itemId, text: e.text, interrupted: e.interrupted, atMs: Math.round(e.atMs) });
        const t = this.latency.forItem(e.itemId);
        const { startMs, endMs } = this.customerSpan(e);
        this.recordTurn({ id: e.itemId, speaker: 'customer', text: e.text, startMs, endMs, interrupted: e.interrupted, engine: this.o.engine.name, latency: t ? { ...t } : null });
        if (t) this.reportLatency(e.itemId);
        return;
      }
      case 'barge_in':
        return this.send({ type: 'playback_stop', itemId: e.itemId });
      case 'customer_state':
        return this.send({ type: 'customer_state', mood: e.mood, values: e.values });
      case 'tool_call':
      case 'usage':
        return;
      case 'engine_switched': {
        const c = e.capabilities;
        return this.send({ type: 'engine_changed', from: e.from, to: e.to, engine: { name: e.name, audioIn: c.audioIn, audioOut: c.audioOut, serverTranscripts: c.serverTranscripts }, reason: e.reason });
      }
      case 'hangup':
        return this.afterPlayback(() => void this.end('customer_hung_up', e.outcome));
      case 'error':
        this.fail(e.code, e.message, e.recoverable);
        if (!e.recoverable) void this.end('engine_failed');
        return;
    }
  }

  /** Run fn once the customer's audio already sent has had time to play (bounded by hangupGraceMs). */
  private afterPlayback(fn: () => void): void {
    let until = this.clock();
    for (const a of this.customerAudioMs.values()) until = Math.max(until, a.firstAt + a.ms);
    const wait = Math.min(this.o.hangupGraceMs ?? 8000, Math.max(0, until - this.clock()) + 200);
    this.later(fn, wait);
  }

  private recordTurn(t: TurnRecord): void {
    const i = this.turns.findIndex((x) => x.id === t.id);
    if (i >= 0) this.turns[i] = t;
    else this.turns.push(t);
    this.tap((x) => x.onTurn?.(t));
  }

  private reportLatency(itemId: string): void {
    const t = this.latency.forItem(itemId);
    if (!t) return;
    const { turnId, itemId: _i, ...timeline } = t;
    const round = (v: number | null) => (v === null ? null : Math.round(v));
    this.send({
      type: 'turn_latency',
      turnId,
      timeline: {
        agentSpeechEndMs: round(timeline.agentSpeechEndMs),
        turnCommittedMs: round(timeline.turnCommittedMs),
        firstCustomerTextMs: round(timeline.firstCustomerTextMs),
        firstCustomerAudioSentMs: round(timeline.firstCustomerAudioSentMs),
        firstAudioPlayedMs: round(timeline.firstAudioPlayedMs),
      },
    });
    this.tap((x) => x.onLatency?.({ ...t }));
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /**
   * When the customer was heard, on the session's clock: a spoken reply from its first audio sent (the client plays
   * it as it arrives) to the end of its audio, or, when cut off, to the audio the client reported as played.
   */
  private customerSpan(e: Extract<EngineEvent, { type: 'customer_turn_done' }>): { startMs: number; endMs: number } {
    const started = this.customerStarts.get(e.itemId) ?? e.atMs;
    this.customerStarts.delete(e.itemId);
    const audio = this.customerAudioMs.get(e.itemId);
    if (!audio) return { startMs: started, endMs: e.atMs };
    if (e.heardMs !== undefined) return { startMs: audio.firstAt, endMs: audio.firstAt + Math.min(e.heardMs, audio.ms) };
    return { startMs: audio.firstAt, endMs: e.interrupted ? e.atMs : Math.max(e.atMs, audio.firstAt + audio.ms) };
  }

  private finish(reason: EndReason | 'interrupted', outcome: Outcome): void {
    this.unsubscribe?.();
    const summary: SessionSummary = { sessionId: this.id, outcome, reason, durationMs: Math.round(this.clock()), turns: [...this.turns], latency: this.latency.all() };
    const waits: Array<void | Promise<void>> = [];
    this.tap((t) => waits.push(t.onEnd?.(summary)));
    void Promise.allSettled(waits).then(() => this.resolveEnded(summary));
  }
}
