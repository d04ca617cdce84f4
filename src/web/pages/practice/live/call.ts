/**
 * One live practice call in the browser: the WebSocket (protocol shared with the server), the microphone, the
 * playback queue, and the browser's speech recognition when the server has none. Plain TypeScript with a
 * subscribe/snapshot API so React renders it and tests can read it. Reconnects by itself after a network drop
 * (the server keeps the session for 60 s and replays the transcript).
 */
import { decodeServerMessage, PLAYBACK_REPORTS, type ClientMessageInput, type LatencyTimeline, type ServerMessage, type ServerMessageOf } from '../../../../voice/protocol.ts';
import { MicError, openMic, type Mic, type MicProblem } from './mic.ts';
import { Player } from './player.ts';
import { startRecognition, type BrowserRecognizer } from './recognition.ts';

export interface Line {
  id: string;
  speaker: 'agent' | 'customer';
  text: string;
  final: boolean;
  interrupted: boolean;
  /** Agent speech heard but not transcribed (text empty): the customer asked them to say it again. */
  inaudible?: boolean;
}

export interface CallState {
  connection: 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';
  phase: 'idle' | 'starting' | 'active' | 'ended';
  ready: ServerMessageOf<'ready'> | null;
  engineStatus: 'connected' | 'reconnecting' | 'degraded' | null;
  /** The server running the call went away and another took it over (issue 17); shown once as a plain notice. */
  takenOver: boolean;
  /** The call moved to the next engine (the previous one failed for good); shown once as a plain notice. */
  engineChanged: { from: 'realtime' | 'cascade' | 'offline'; to: 'realtime' | 'cascade' | 'offline' } | null;
  lines: Line[];
  /** Latency timeline per agent turn id (the customer reply it got). */
  latency: Record<string, LatencyTimeline>;
  level: number;
  talking: boolean;
  micProblem: MicProblem | null;
  recognition: 'off' | 'on' | 'failed' | 'unavailable';
  /** The browser's recognition error that stopped it for good (audio-capture, network, not-allowed, ended…). */
  recognitionError: string | null;
  /** Why the agent's speech has no words, and the fix (the server says it once per reason). */
  transcriptionNotice: ServerMessageOf<'transcription_notice'> | null;
  mood: string | null;
  /** The last hints: `text` in the call's language, `texts` in both when the server sends them. */
  hints: { text: string; texts?: { he: string; en: string } }[];
  lastError: { code: string; message: string } | null;
  ended: ServerMessageOf<'ended'> | null;
  /** Managers listening to the call now (issue 17); the page always shows it. */
  observers: { count: number; names: string[] };
  /** Managers' whispered hints, newest last (shown to the agent only). */
  whispers: { id: string; text: string; from: string }[];
  /** Customer audio frames received / played (status line, tests). */
  framesReceived: number;
  framesPlayed: number;
}

export interface CallOptions {
  simulationId: string;
  mode: 'voice' | 'text';
  pushToTalk: boolean;
  /** The server transcribes the agent; otherwise the browser's speech recognition does. */
  serverTranscripts: boolean;
  /** The language the customer speaks (recognition language). */
  language: 'he' | 'en';
}

const initial: CallState = {
  connection: 'idle',
  phase: 'idle',
  ready: null,
  engineStatus: null,
  takenOver: false,
  engineChanged: null,
  lines: [],
  latency: {},
  level: 0,
  talking: false,
  micProblem: null,
  recognition: 'off',
  recognitionError: null,
  transcriptionNotice: null,
  mood: null,
  hints: [],
  lastError: null,
  ended: null,
  observers: { count: 0, names: [] },
  whispers: [],
  framesReceived: 0,
  framesPlayed: 0,
};

export class LiveCall {
  private s: CallState = { ...initial };
  private readonly listeners = new Set<() => void>();
  private ws: WebSocket | null = null;
  private mic: Mic | null = null;
  private player: Player | null = null;
  private recognizer: BrowserRecognizer | null = null;
  private customerItem: string | null = null;
  private reported = new Map<string, number>();
  private ticker: number | null = null;
  /** The engine in use has no server transcripts (after a fallback): the browser transcribes. */
  private browserTranscripts = false;
  private reconnectUntil = 0;
  private closedByUs = false;
  private startRequested = false;
  private framesReceived = 0;

  constructor(private readonly o: CallOptions) {}

  // ── React glue ─────────────────────────────────────────────────────────────
  /** Every server message as it arrives (the coaching panel folds metrics, hints, difficulty and mood). */
  private readonly messageListeners = new Set<(m: ServerMessage) => void>();
  onServerMessage = (l: (m: ServerMessage) => void): (() => void) => {
    this.messageListeners.add(l);
    return () => this.messageListeners.delete(l);
  };

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  snapshot = (): CallState => this.s;
  private set(patch: Partial<CallState>): void {
    this.s = { ...this.s, ...patch };
    for (const l of this.listeners) l();
  }

  // ── controls ───────────────────────────────────────────────────────────────

  /** Opens the socket (a live session on the server answers with ready + the transcript so far). */
  connect(): void {
    if (this.ws) return;
    this.closedByUs = false;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/api/simulations/${this.o.simulationId}/socket`);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.set({ connection: this.s.connection === 'reconnecting' ? 'reconnecting' : 'connecting' });
    // events of a socket we already replaced (React re-mounts, reconnects) are ignored
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.set({ connection: 'open' });
      if (this.startRequested && this.s.phase === 'starting') this.sendStart();
    };
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      if (typeof ev.data === 'string') this.onMessage(ev.data);
      else this.onAudio(ev.data as ArrayBuffer);
    };
    ws.onclose = (ev) => {
      if (this.ws === ws) this.onClose(ev.code);
    };
  }

  /** Start the call: audio output and microphone need this user gesture. */
  async start(): Promise<void> {
    this.startRequested = true;
    this.set({ phase: 'starting', lastError: null });
    await this.ensureAudio();
    if (this.ws?.readyState === WebSocket.OPEN) this.sendStart();
    else this.connect();
  }

  /** After a reload: re-open audio and microphone for a call the server kept alive. */
  async rejoin(): Promise<void> {
    await this.ensureAudio();
  }

  end(): void {
    this.send({ type: 'end' });
  }

  say(text: string): void {
    const t = text.trim();
    if (t) this.send({ type: 'agent_text', text: t });
  }

  /** Push-to-talk: hold → frames flow; release → the agent's turn ends. */
  setTalking(on: boolean): void {
    if (on === this.s.talking) return;
    this.set({ talking: on });
    if (!on && this.s.phase === 'active') this.send({ type: 'agent_turn_end' });
  }

  dispose(): void {
    this.closedByUs = true;
    this.stopMedia();
    this.ws?.close(1000);
    this.ws = null;
  }

  // ── internals ──────────────────────────────────────────────────────────────

  private sendStart(): void {
    this.send({ type: 'start', v: 1, mode: this.o.mode, agentTranscripts: this.o.serverTranscripts ? 'server' : 'browser', pushToTalk: this.o.pushToTalk });
  }

  private send(m: ClientMessageInput): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  private async ensureAudio(): Promise<void> {
    if (this.o.mode !== 'voice') return;
    this.player ??= new Player();
    await this.player.resume();
    if (!this.mic && !this.s.micProblem) {
      try {
        this.mic = await openMic((pcm, level) => this.onMicFrame(pcm, level));
      } catch (e) {
        this.set({ micProblem: e instanceof MicError ? e.problem : 'unsupported' });
      }
    }
    this.ticker ??= window.setInterval(() => this.reportPlayback(), PLAYBACK_REPORTS.positionEveryMs);
  }

  private onMicFrame(pcm: Int16Array, level: number): void {
    if (Math.abs(level - this.s.level) > 0.01) this.set({ level });
    if (this.s.phase !== 'active' || this.ws?.readyState !== WebSocket.OPEN) return;
    if (this.o.pushToTalk && !this.s.talking) return;
    this.ws.send(pcm as Int16Array<ArrayBuffer>);
  }

  private onAudio(buf: ArrayBuffer): void {
    const item = this.customerItem;
    this.framesReceived++;
    if (!item || !this.player) return;
    this.player.enqueue(item, new Int16Array(buf));
  }

  /** Tell the server how much of the customer's reply has been heard (first report = first audio played). */
  private reportPlayback(): void {
    const p = this.player;
    if (!p) return;
    if (p.framesPlayed !== this.s.framesPlayed || this.framesReceived !== this.s.framesReceived) this.set({ framesPlayed: p.framesPlayed, framesReceived: this.framesReceived });
    const item = p.currentItem;
    if (!item) return;
    const played = p.playedMs(item);
    if (played > 0 && played !== this.reported.get(item) && (this.reported.get(item) === undefined || p.playing)) {
      this.reported.set(item, played);
      this.send({ type: 'playback_position', itemId: item, playedMs: played });
    }
  }

  private onMessage(raw: string): void {
    const m = decodeServerMessage(raw);
    if (!m) return;
    this.handle(m);
  }

  private handle(m: ServerMessage): void {
    for (const l of this.messageListeners) l(m);
    switch (m.type) {
      case 'ready':
        this.set({ ready: m, phase: 'active', engineStatus: 'connected', connection: 'open' });
        this.startRecognition();
        return;
      case 'resumed':
        return this.set({
          lines: m.turns.map((t) => ({ id: t.id, speaker: t.speaker, text: t.text, final: true, interrupted: t.interrupted, ...(t.inaudible ? { inaudible: true } : {}) })),
          ...(m.takenOver ? { takenOver: true, lastError: null } : {}),
        });
      case 'agent_transcript_partial':
        return this.upsert({ id: m.turnId, speaker: 'agent', text: m.text, final: false, interrupted: false });
      case 'agent_transcript_final':
        return this.upsert({ id: m.turnId, speaker: 'agent', text: m.text, final: true, interrupted: false, ...(m.inaudible ? { inaudible: true } : {}) });
      case 'transcription_notice':
        return this.set({ transcriptionNotice: m });
      case 'customer_turn_started':
        this.customerItem = m.itemId;
        return this.upsert({ id: m.itemId, speaker: 'customer', text: '', final: false, interrupted: false });
      case 'customer_transcript_delta': {
        const line = this.s.lines.find((l) => l.id === m.itemId);
        return this.upsert({ id: m.itemId, speaker: 'customer', text: (line?.text ?? '') + m.delta, final: false, interrupted: false });
      }
      case 'customer_transcript_final':
        return this.upsert({ id: m.itemId, speaker: 'customer', text: m.text, final: true, interrupted: m.interrupted });
      case 'playback_stop': {
        // barge-in: silence at once, then say how much was heard so the customer's turn is cut there
        const stopped = this.player?.stop();
        this.send({ type: 'interrupt', itemId: m.itemId, playedMs: stopped && stopped.itemId === m.itemId ? stopped.playedMs : this.player?.playedMs(m.itemId) ?? 0 });
        return;
      }
      case 'turn_latency':
        return this.set({ latency: { ...this.s.latency, [m.turnId]: m.timeline } });
      case 'engine_status':
        return this.set({ engineStatus: m.status });
      case 'engine_changed': {
        // the reconnect warnings of the failed engine are over: one notice replaces them
        const ready = this.s.ready ? { ...this.s.ready, engine: m.engine } : null;
        this.set({ engineChanged: { from: m.from, to: m.to }, engineStatus: 'connected', lastError: null, ready });
        if (!m.engine.serverTranscripts && !this.browserTranscripts) {
          this.browserTranscripts = true;
          this.startRecognition();
        }
        return;
      }
      case 'customer_state':
        return this.set({ mood: m.mood });
      case 'observers':
        return this.set({ observers: { count: m.count, names: m.names } });
      case 'whisper':
        return this.set({ whispers: [...this.s.whispers.slice(-4), { id: m.id, text: m.text, from: m.from }] });
      case 'hint':
        return this.set({ hints: [...this.s.hints.slice(-4), { text: m.text, ...(m.texts ? { texts: m.texts } : {}) }] });
      case 'error':
        this.set({ lastError: { code: m.code, message: m.message } });
        if (!m.recoverable && this.s.phase === 'starting') this.set({ phase: 'idle' });
        return;
      case 'ended':
        this.set({ ended: m, phase: 'ended' });
        this.stopMedia();
        return;
      default:
        return;
    }
  }

  private upsert(line: Line): void {
    const i = this.s.lines.findIndex((l) => l.id === line.id);
    const lines = [...this.s.lines];
    if (i >= 0) lines[i] = line;
    else lines.push(line);
    this.set({ lines });
  }

  /** Browser transcripts: start the page's recognition and tell the server whether it runs (it stops waiting for it). */
  private startRecognition(): void {
    if (this.o.mode !== 'voice' || (this.o.serverTranscripts && !this.browserTranscripts) || this.recognizer) return;
    this.recognizer = startRecognition(
      this.o.language,
      (text, final) => this.send({ type: 'agent_transcript', text, final, lang: this.o.language === 'he' ? 'he-IL' : 'en-US' }),
      (error) => {
        this.set({ recognition: 'failed', recognitionError: error });
        this.send({ type: 'recognition', status: 'failed', error });
      },
    );
    const status = this.recognizer ? 'on' : 'unavailable';
    this.set({ recognition: status });
    this.send({ type: 'recognition', status });
  }

  private onClose(code: number): void {
    this.ws = null;
    if (this.closedByUs || this.s.phase === 'ended' || code === 1000 || code === 4001 || code === 4404) {
      this.set({ connection: 'closed' });
      if (code === 4404 || code === 1000) this.stopMedia();
      return;
    }
    // network drop, or the server went away (another takes the call over; 4409: it runs on another server for
    // now): the server keeps the session for 60 s; try to come back within that window
    const now = Date.now();
    if (this.s.connection !== 'reconnecting') this.reconnectUntil = now + 55_000;
    if (now > this.reconnectUntil) {
      this.set({ connection: 'closed' });
      this.stopMedia();
      return;
    }
    this.set({ connection: 'reconnecting' });
    window.setTimeout(() => this.connect(), 1000);
  }

  private stopMedia(): void {
    if (this.ticker !== null) window.clearInterval(this.ticker);
    this.ticker = null;
    this.mic?.stop();
    this.mic = null;
    this.recognizer?.stop();
    this.recognizer = null;
    this.player?.close();
    this.player = null;
    this.set({ level: 0 });
  }
}
