/**
 * The manager's side of a live call in the browser: the observer WebSocket (wire shared with the server,
 * src/live/wire.ts), the state the page renders, both voices through Web Audio (started by a user gesture), and
 * the coaching messages handed to the same coaching panel the agent sees. Plain TypeScript with a
 * subscribe/snapshot API, like the practice page's LiveCall.
 */
import { audioChunks, decodeObserverEvent, WHISPER_MAX_CHARS, type CoachItem, type ObserverEvent, type TranscriptLine, type WhisperItem } from '../../../live/wire.ts';
import type { ServerMessage } from '../../../voice/protocol.ts';

export interface ObserverState {
  connection: 'connecting' | 'open' | 'reconnecting' | 'closed';
  status: 'live' | 'ended' | 'unknown';
  persona: { name: string; summary?: string } | null;
  language: 'he' | 'en';
  mode: 'voice' | 'text';
  lines: TranscriptLine[];
  coach: CoachItem[];
  mood: string | null;
  whispers: WhisperItem[];
  observers: { count: number; names: string[] };
  error: { code: string; message: string; texts: { he: string; en: string } } | null;
  audio: 'off' | 'on' | 'unsupported';
  frames: { agent: number; customer: number };
}

const SAMPLE_RATE = 24_000;

/** Plays the two tracks as they arrive, each on its own clock, both to the speakers. */
class TwoTrackPlayer {
  private ctx: AudioContext | null = null;
  private next = { agent: 0, customer: 0 };

  async start(): Promise<boolean> {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return false;
    this.ctx ??= new Ctx({ sampleRate: SAMPLE_RATE });
    await this.ctx.resume();
    return true;
  }

  play(track: 'agent' | 'customer', pcm: Int16Array): void {
    const ctx = this.ctx;
    if (!ctx || ctx.state !== 'running' || pcm.length === 0) return;
    const buf = ctx.createBuffer(1, pcm.length, SAMPLE_RATE);
    const ch = buf.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) ch[i] = pcm[i] / 32768;
    const src = ctx.createBufferSource();
    src.buffer = buf;
    src.connect(ctx.destination);
    // a little ahead of now; a gap (network) restarts the clock rather than piling latency up
    const now = ctx.currentTime;
    const at = this.next[track] < now || this.next[track] > now + 1 ? now + 0.08 : this.next[track];
    src.start(at);
    this.next[track] = at + buf.duration;
  }

  close(): void {
    void this.ctx?.close().catch(() => undefined);
    this.ctx = null;
  }
}

export class ObserverConnection {
  private s: ObserverState = {
    connection: 'connecting',
    status: 'unknown',
    persona: null,
    language: 'he',
    mode: 'voice',
    lines: [],
    coach: [],
    mood: null,
    whispers: [],
    observers: { count: 0, names: [] },
    error: null,
    audio: 'off',
    frames: { agent: 0, customer: 0 },
  };
  private readonly listeners = new Set<() => void>();
  private readonly messageListeners = new Set<(m: ServerMessage) => void>();
  private ws: WebSocket | null = null;
  private player: TwoTrackPlayer | null = null;
  private disposed = false;
  private reconnectUntil = 0;
  private framesDirty = false;
  private frameTimer: number | null = null;

  constructor(private readonly simulationId: string) {}

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  snapshot = (): ObserverState => this.s;
  /** The coaching panel's source: the call's coaching as the server messages the agent got. */
  onServerMessage = (l: (m: ServerMessage) => void): (() => void) => {
    this.messageListeners.add(l);
    return () => this.messageListeners.delete(l);
  };

  private set(patch: Partial<ObserverState>): void {
    this.s = { ...this.s, ...patch };
    for (const l of this.listeners) l();
  }

  /**
   * Opens the observer socket. Also after dispose(): React may clean up and re-run an effect on the same
   * (memoised) connection — a Suspense boundary hiding and showing the page does — and the page must then connect
   * again rather than stay "connecting" forever.
   */
  connect(): void {
    this.disposed = false;
    this.open();
  }

  private open(): void {
    if (this.ws || this.disposed) return;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${location.host}/api/live/${this.simulationId}/observe`);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => this.ws === ws && this.set({ connection: 'open' });
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      if (typeof ev.data === 'string') {
        const e = decodeObserverEvent(ev.data);
        if (e) this.handle(e);
      } else this.onAudio(ev.data as ArrayBuffer);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      // the call ended, it is not live, or we left: stay closed; a dropped network: come back
      if (this.disposed || this.s.status === 'ended' || ev.code === 1000 || ev.code === 4404 || ev.code === 1008) return this.set({ connection: 'closed' });
      // a refused upgrade (observation turned off, signed out) looks like a drop: try for half a minute, not forever
      const now = Date.now();
      if (this.s.connection !== 'reconnecting') this.reconnectUntil = now + 30_000;
      if (now > this.reconnectUntil) return this.set({ connection: 'closed' });
      this.set({ connection: 'reconnecting' });
      window.setTimeout(() => this.open(), 2000);
    };
    this.frameTimer ??= window.setInterval(() => {
      if (this.framesDirty) {
        this.framesDirty = false;
        this.set({ frames: { ...this.frames } });
      }
    }, 500);
  }

  /** Turn the speakers on (needs the click that calls it). */
  async startAudio(): Promise<void> {
    this.player ??= new TwoTrackPlayer();
    this.set({ audio: (await this.player.start()) ? 'on' : 'unsupported' });
  }

  /** Sends a whisper; false when it is empty or too long (the server checks again). */
  whisper(text: string): boolean {
    const t = text.trim();
    if (!t || t.length > WHISPER_MAX_CHARS || this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify({ type: 'whisper', text: t }));
    return true;
  }

  dispose(): void {
    this.disposed = true;
    if (this.frameTimer !== null) window.clearInterval(this.frameTimer);
    this.frameTimer = null;
    this.ws?.close(1000);
    this.ws = null;
    this.player?.close();
    this.player = null;
  }

  private frames = { agent: 0, customer: 0 };

  private onAudio(buf: ArrayBuffer): void {
    for (const c of audioChunks(new Uint8Array(buf))) {
      this.frames[c.track]++;
      this.framesDirty = true;
      // a copy: a chunk may sit at an odd offset of the message, Int16Array needs an even one
      if (this.player) this.player.play(c.track, new Int16Array(c.pcm.slice().buffer));
    }
  }

  private emit(m: ServerMessage): void {
    for (const l of this.messageListeners) l(m);
  }

  private upsert(line: TranscriptLine): void {
    const lines = [...this.s.lines];
    const i = lines.findIndex((l) => l.id === line.id);
    if (i >= 0) lines[i] = line;
    else lines.push(line);
    this.set({ lines });
  }

  private handle(e: ObserverEvent): void {
    switch (e.type) {
      case 'snapshot':
        this.set({
          persona: e.persona,
          language: e.language,
          mode: e.mode,
          lines: e.turns,
          coach: e.coach,
          mood: e.mood,
          whispers: e.whispers,
          observers: e.observers,
          status: e.status,
        });
        this.emit({ type: 'metrics', values: e.metrics });
        if (e.mood) this.emit({ type: 'customer_state', mood: e.mood, values: {} });
        return;
      case 'transcript':
        return this.upsert(e.line);
      case 'coach':
        this.set({ coach: [...this.s.coach.slice(-49), e.item] });
        if (e.item.kind === 'hint') this.emit({ type: 'hint', text: e.item.text, severity: e.item.severity ?? 'info', ...(e.item.texts ? { texts: e.item.texts } : {}) });
        if (e.item.kind === 'difficulty') this.emit({ type: 'difficulty', level: e.item.level ?? '', reason: e.item.text, ...(e.item.texts ? { reasons: e.item.texts } : {}) });
        return;
      case 'metrics':
        return this.emit({ type: 'metrics', values: e.values });
      case 'mood':
        this.set({ mood: e.mood });
        return this.emit({ type: 'customer_state', mood: e.mood, values: e.values });
      case 'observers':
        return this.set({ observers: { count: e.count, names: e.names } });
      case 'whisper':
        if (this.s.whispers.some((w) => w.id === e.whisper.id)) return;
        return this.set({ whispers: [...this.s.whispers, e.whisper] });
      case 'status':
        return this.set({ status: e.status });
      case 'error':
        return this.set({ error: { code: e.code, message: e.message, texts: e.texts }, ...(e.code === 'NOT_LIVE' ? { status: 'ended' as const } : {}) });
    }
  }
}
