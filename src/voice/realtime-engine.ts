/**
 * RealtimeEngine: OpenAI Realtime (GA protocol) over a server WebSocket. Relays agent audio up and customer
 * audio down, lets the service VAD find turns but decides itself when to answer (backchannel tolerance),
 * handles barge-in with response.cancel + conversation.item.truncate at the audio the client really played,
 * answers function tools from our data, and reconnects with history replay on drops and before the 60-min cap.
 */
import WebSocket from 'ws';
import type { RealtimeClientEvent, RealtimeResponseUsage, RealtimeServerEvent, RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import { OUTCOMES, PLAYBACK_REPORTS, type Outcome } from './protocol.ts';
import { EngineEmitter, type Clock, type CustomerToolHandlers, type DifficultyDirective, type EngineCapabilities, type SimulationEngine, type VoicePersona } from './engine.ts';
import { REALTIME_TOOLS } from './realtime-tools.ts';
import { splitAudioDelta } from './realtime-wire.ts';
import { CustomerInstructions } from './customer-instructions.ts';
import { parseToolArgs } from './tool-args.ts';
import { openAiVoiceFor } from './voices.ts';

export interface RealtimeEngineOptions {
  apiKey: string;
  /** Base URL, default wss://api.openai.com/v1 (OPENAI_REALTIME_URL). */
  url?: string;
  model: string;
  transcribeModel: string;
  persona: VoicePersona;
  clock: Clock;
  tools: CustomerToolHandlers;
  /** Reconnect attempts after a drop (default 3) and the pause before each (ms). */
  reconnectDelaysMs?: number[];
  /** Reconnect proactively after this long (ms); the service closes sessions at 60 minutes. Default 58 min. */
  sessionCapMs?: number;
  /** How long to wait for the client's playback report after a barge-in before truncating on an estimate (ms). */
  playbackReportWaitMs?: number;
  /** Where protocol oddities are reported (an unknown server event: once per type). Default: console.warn. */
  log?: (msg: string) => void;
}

type Conn =
  | { status: 'idle' }
  | { status: 'connecting'; ws: WebSocket; attempt: number }
  | { status: 'open'; ws: WebSocket; openedAt: number }
  | { status: 'reconnecting'; attempt: number }
  | { status: 'closed' };

interface CustomerItem {
  itemId: string;
  text: string;
  audioMs: number;
  firstAudioAt: number | null;
  done: boolean;
  cut: boolean;
}

const PREFIX_PADDING_MS = 300;

export class RealtimeEngine extends EngineEmitter implements SimulationEngine {
  readonly name = 'realtime' as const;
  readonly capabilities: EngineCapabilities = { audioIn: true, audioOut: true, serverTranscripts: true, instructionUpdates: true };
  private conn: Conn = { status: 'idle' };
  private readonly layers: CustomerInstructions;
  private readonly unknownEvents = new Set<string>();
  /** Conversation as we know it, replayed after a reconnect. */
  private readonly history: Array<{ role: 'user' | 'assistant'; text: string; id: string }> = [];
  private responseActive = false;
  private customer: CustomerItem | null = null;
  private inputMs = 0;
  private speech: { startInputMs: number; overCustomer: boolean; bargedIn: boolean } | null = null;
  private pendingTruncate: { itemId: string; timer: NodeJS.Timeout } | null = null;
  private capTimer: NodeJS.Timeout | null = null;
  private firstReady: { resolve: () => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly o: RealtimeEngineOptions) {
    super();
    this.layers = new CustomerInstructions(o.persona.instructions, o.persona.language, o.persona.gender);
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.firstReady = { resolve, reject };
      this.connect(0);
    });
    this.emit({ type: 'status', status: 'connected', detail: this.o.model });
    // a call already under way (taken over from another node): the customer does not open it again
    if (this.o.persona.customerSpeaksFirst && !this.seeded) this.requestResponse();
  }

  private seeded = false;

  /** A call in progress (before start): its turns are replayed to the service as conversation items on connect. */
  seedHistory(turns: Array<{ role: 'agent' | 'customer'; text: string }>): void {
    turns.forEach((t, i) => this.history.push({ role: t.role === 'agent' ? 'user' : 'assistant', text: t.text, id: `seeded_${i}` }));
    this.seeded = turns.length > 0;
  }

  async stop(): Promise<void> {
    const c = this.conn;
    this.conn = { status: 'closed' };
    if (this.capTimer) clearTimeout(this.capTimer);
    if (this.pendingTruncate) clearTimeout(this.pendingTruncate.timer);
    if (c.status === 'open' || c.status === 'connecting') c.ws.close(1000, 'session ended');
  }

  // ── connection ───────────────────────────────────────────────────────────

  private connect(attempt: number): void {
    const ws = new WebSocket(realtimeUrl(this.o.url, this.o.model), {
      headers: { Authorization: `Bearer ${this.o.apiKey}` }, // GA: no OpenAI-Beta header
      handshakeTimeout: 10_000,
      // no permessage-deflate: compressing base64 audio saves a quarter of the bytes but puts every frame through
      // zlib (thread pool, in order) on both sides, adding delay and CPU to a real-time relay
      perMessageDeflate: false,
    });
    this.conn = { status: 'connecting', ws, attempt };
    ws.on('message', (data: Buffer) => {
      // the customer's audio (most messages) is decoded from the bytes; everything else is parsed as JSON
      const delta = splitAudioDelta(data);
      if (delta) this.onAudioDelta(delta.event as { item_id?: unknown }, delta.pcm);
      else this.onServerEvent(ws, data.toString());
    });
    ws.on('unexpected-response', (_req, res) => {
      ws.emit('error', new Error(`HTTP ${res.statusCode} from the Realtime service`));
    });
    ws.on('error', (e) => {
      if (this.conn.status === 'connecting' && this.conn.ws === ws) this.connectionLost(ws, e.message);
    });
    ws.on('close', (code, reason) => this.connectionLost(ws, `closed (${code}${reason.length ? ` ${reason}` : ''})`));
  }

  private connectionLost(ws: WebSocket, why: string): void {
    const c = this.conn;
    if (c.status === 'closed') return;
    if ((c.status === 'open' || c.status === 'connecting') && c.ws !== ws) return; // an old socket
    ws.removeAllListeners('close');
    ws.on('error', () => undefined);
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
    if (this.capTimer) clearTimeout(this.capTimer);
    const attempt = c.status === 'connecting' ? c.attempt + 1 : c.status === 'reconnecting' ? c.attempt + 1 : 1;
    const delays = this.o.reconnectDelaysMs ?? [250, 1000, 3000];
    this.abandonCustomerTurn();
    if (attempt > delays.length) {
      this.conn = { status: 'closed' };
      const msg = `The OpenAI Realtime connection failed: ${why}.`;
      if (this.firstReady) {
        this.firstReady.reject(new Error(msg));
        this.firstReady = null;
      } else this.emit({ type: 'error', code: 'ENGINE_ERROR', message: msg, recoverable: false });
      return;
    }
    this.conn = { status: 'reconnecting', attempt };
    if (!this.firstReady) {
      this.emit({ type: 'status', status: 'reconnecting', detail: why });
      this.emit({ type: 'error', code: 'ENGINE_RECONNECTING', message: `The customer's line dropped (${why}); reconnecting…`, recoverable: true });
    }
    // jitter (±25%) so many calls cut off by one outage do not all knock again at the same instant
    const wait = delays[attempt - 1] * (0.75 + Math.random() * 0.5);
    setTimeout(() => {
      if (this.conn.status === 'reconnecting') this.connect(attempt);
    }, wait);
  }

  private sessionConfig(): RealtimeSessionCreateRequest {
    const p = this.o.persona;
    const tt = p.turnTaking;
    // create_response/interrupt_response off: we decide, so a backchannel neither answers nor cuts the customer
    const turn_detection =
      tt.vad === 'semantic_vad'
        ? { type: 'semantic_vad' as const, eagerness: tt.eagerness, create_response: false, interrupt_response: false }
        : { type: 'server_vad' as const, threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: tt.silenceMs, create_response: false, interrupt_response: false };
    return {
      type: 'realtime',
      instructions: this.layers.text(),
      output_modalities: ['audio'],
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: { model: this.o.transcribeModel, language: p.language },
          noise_reduction: { type: 'near_field' },
          turn_detection,
        },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: openAiVoiceFor(p), speed: p.voice.speed },
      },
      tools: REALTIME_TOOLS,
      tool_choice: 'auto',
    };
  }

  private send(ev: RealtimeClientEvent): void {
    this.sendRaw(JSON.stringify(ev));
  }

  private sendRaw(json: string): void {
    if (this.conn.status === 'open' && this.conn.ws.readyState === WebSocket.OPEN) this.conn.ws.send(json);
  }

  private onOpen(ws: WebSocket): void {
    const reconnect = !this.firstReady;
    this.conn = { status: 'open', ws, openedAt: this.o.clock() };
    this.send({ type: 'session.update', session: this.sessionConfig() });
    for (const h of this.history) {
      if (!h.text) continue;
      this.send({
        type: 'conversation.item.create',
        item: h.role === 'user' ? { type: 'message', role: 'user', content: [{ type: 'input_text', text: h.text }] } : { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: h.text }] },
      });
    }
    this.capTimer = setTimeout(() => this.proactiveReconnect(), this.o.sessionCapMs ?? 58 * 60_000);
    if (reconnect) this.emit({ type: 'status', status: 'connected', detail: `reconnected, ${this.history.length} items replayed` });
  }

  private proactiveReconnect(): void {
    if (this.conn.status !== 'open') return;
    if (this.responseActive || this.speech) {
      this.capTimer = setTimeout(() => this.proactiveReconnect(), 1000); // not mid-turn
      return;
    }
    const ws = this.conn.ws;
    this.conn = { status: 'reconnecting', attempt: 0 };
    ws.removeAllListeners();
    ws.on('error', () => undefined);
    ws.close(1000, 'session cap');
    this.connect(0);
  }

  // ── inbound (agent) ──────────────────────────────────────────────────────

  pushAudio(pcm: Int16Array): void {
    this.inputMs += (pcm.length / 24_000) * 1000;
    // the most frequent event, written directly (base64 needs no JSON escaping): no object, no second copy
    // the most frequent event, written directly (base64 needs no JSON escaping): no object, no second copy.
    // (Coding it on bytes into pooled buffers was measured too: fewer young collections but more full ones, and
    // a worse p99 at 100 calls.)
    const b64 = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString('base64');
    this.sendRaw(`{"type":"input_audio_buffer.append","audio":"${b64}"}`);
    const s = this.speech;
    if (s && s.overCustomer && !s.bargedIn && this.inputMs - s.startInputMs >= this.o.persona.turnTaking.bargeInMinMs && this.customerSpeaking()) {
      s.bargedIn = true;
      this.bargeIn();
    }
  }

  pushAgentText(text: string): void {
    const clean = text.trim();
    if (!clean) return;
    if (this.customerSpeaking() && this.customer) this.truncateCustomer(this.customer.itemId, null);
    const turnId = `typed_${this.history.length}_${Math.round(this.o.clock())}`;
    this.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: clean }] } });
    this.history.push({ role: 'user', text: clean, id: turnId });
    this.emit({ type: 'agent_transcript', turnId, text: clean, final: true });
    this.emit({ type: 'agent_turn_committed', turnId, text: clean, atMs: this.o.clock(), speechEndMs: null });
    this.requestResponse();
  }

  pushAgentTranscript(): void {
    // The service transcribes the audio itself; browser transcripts are not needed.
  }

  endAgentTurn(): void {
    this.send({ type: 'input_audio_buffer.commit' });
  }

  interrupt(itemId: string, playedMs: number): void {
    this.truncateCustomer(itemId, playedMs);
  }

  notePlayback(): void {}

  async updateDirectives(d: DifficultyDirective): Promise<void> {
    // the whole instructions every time: session.update replaces them, so a bare note would erase the persona
    if (this.layers.setDirective(d)) this.send({ type: 'session.update', session: { type: 'realtime', instructions: this.layers.text() } });
  }

  instructions(): string {
    return this.layers.text();
  }

  /** Ask for a customer response; when one is in flight, cancel it (new agent turn) or queue after it (tool output). */
  private requestResponse(cancelActive = true): void {
    if (this.responseActive) {
      this.wantResponse = true;
      if (cancelActive) this.send({ type: 'response.cancel' });
      return;
    }
    this.responseActive = true;
    this.send({ type: 'response.create' });
  }

  private wantResponse = false;

  private customerSpeaking(now = this.o.clock()): boolean {
    const c = this.customer;
    if (!c || c.cut) return false;
    if (!c.done) return true;
    return c.firstAudioAt !== null && now < c.firstAudioAt + c.audioMs;
  }

  private bargeIn(): void {
    const c = this.customer;
    if (!c || c.cut) return;
    if (this.responseActive) this.send({ type: 'response.cancel' });
    this.emit({ type: 'barge_in', itemId: c.itemId, atMs: this.o.clock() });
    const estimateAt = this.o.clock();
    const timer = setTimeout(() => {
      const played = c.firstAudioAt === null ? 0 : Math.min(c.audioMs, estimateAt - c.firstAudioAt);
      this.truncateCustomer(c.itemId, played);
    }, this.o.playbackReportWaitMs ?? PLAYBACK_REPORTS.interruptWaitMs);
    this.pendingTruncate = { itemId: c.itemId, timer };
  }

  /** Cut the customer's item to what was heard (playedMs from the client, or an estimate when null). */
  private truncateCustomer(itemId: string, playedMs: number | null): void {
    const c = this.customer;
    if (!c || c.itemId !== itemId || c.cut) return;
    if (this.pendingTruncate) {
      clearTimeout(this.pendingTruncate.timer);
      this.pendingTruncate = null;
    }
    if (this.responseActive && !c.done) this.send({ type: 'response.cancel' });
    c.cut = true;
    const estimate = c.firstAudioAt === null ? 0 : this.o.clock() - c.firstAudioAt;
    const played = Math.max(0, Math.min(c.audioMs, playedMs ?? estimate));
    this.send({ type: 'conversation.item.truncate', item_id: itemId, content_index: 0, audio_end_ms: Math.floor(played) });
    const words = c.text.trim().split(/\s+/).filter(Boolean);
    const heard = c.audioMs > 0 ? words.slice(0, Math.floor((played / c.audioMs) * words.length)).join(' ') : '';
    const h = this.history.find((x) => x.id === itemId);
    if (h) h.text = heard;
    else if (heard) this.history.push({ role: 'assistant', text: heard, id: itemId });
    this.emit({ type: 'customer_turn_done', itemId, text: heard, interrupted: true, atMs: this.o.clock(), ...(c.firstAudioAt !== null ? { heardMs: played } : {}) });
  }

  private abandonCustomerTurn(): void {
    this.responseActive = false;
    this.wantResponse = false;
    this.speech = null;
    const c = this.customer;
    if (c && !c.done && !c.cut) {
      c.cut = true;
      if (c.text) this.history.push({ role: 'assistant', text: c.text, id: c.itemId });
      this.emit({ type: 'customer_turn_done', itemId: c.itemId, text: c.text.trim(), interrupted: true, atMs: this.o.clock() });
    }
  }

  // ── outbound (service events) ─────────────────────────────────────────────

  private onAudioDelta(ev: { item_id?: unknown }, pcm: Int16Array): void {
    const c = this.customer;
    if (!c || c.itemId !== ev.item_id || c.cut) return; // audio after a barge-in is dropped
    const now = this.o.clock();
    c.firstAudioAt ??= now;
    c.audioMs += (pcm.length / 24_000) * 1000;
    this.emit({ type: 'customer_audio', itemId: c.itemId, pcm, atMs: now });
  }

  private onServerEvent(ws: WebSocket, raw: string): void {
    let ev: RealtimeServerEvent;
    try {
      ev = JSON.parse(raw);
    } catch {
      return;
    }
    const now = this.o.clock();
    switch (ev.type) {
      case 'session.created':
        return this.onOpen(ws);
      case 'session.updated':
        if (this.firstReady) {
          this.firstReady.resolve();
          this.firstReady = null;
        }
        return;
      case 'input_audio_buffer.speech_started': {
        // audio_start_ms includes the VAD's prefix padding (300 ms); measure from the speech itself
        const startInputMs = Math.min(this.inputMs, ev.audio_start_ms + PREFIX_PADDING_MS);
        this.speech = { startInputMs, overCustomer: this.customerSpeaking(now), bargedIn: false };
        return this.emit({ type: 'agent_speech_started', atMs: now - Math.max(0, this.inputMs - startInputMs) });
      }
      case 'input_audio_buffer.speech_stopped': {
        const atMs = now - Math.max(0, this.inputMs - ev.audio_end_ms);
        this.lastSpeechEnd = { atMs, durationMs: this.speech ? ev.audio_end_ms - this.speech.startInputMs : Infinity };
        return this.emit({ type: 'agent_speech_stopped', atMs });
      }
      case 'input_audio_buffer.committed':
        return this.onCommitted(ev.item_id, now);
      case 'conversation.item.input_audio_transcription.completed': {
        this.noteTranscriptionUsage(ev.usage);
        const text = ev.transcript.trim();
        const h = this.history.find((x) => x.id === ev.item_id);
        if (h) h.text = text;
        if (this.backchannelItems.delete(ev.item_id)) return;
        return this.emit({ type: 'agent_transcript', turnId: ev.item_id, text, final: true });
      }
      case 'response.output_item.added':
        if (ev.item.type === 'message' && ev.item.id) {
          this.customer = { itemId: ev.item.id, text: '', audioMs: 0, firstAudioAt: null, done: false, cut: false };
          this.emit({ type: 'customer_turn_started', itemId: ev.item.id, atMs: now });
        }
        return;
      case 'response.output_audio_transcript.delta':
        if (this.customer?.itemId === ev.item_id && !this.customer.cut) {
          this.customer.text += ev.delta;
          this.emit({ type: 'customer_text_delta', itemId: ev.item_id, delta: ev.delta, atMs: now });
        }
        return;
      case 'response.output_audio.delta':
        return this.onAudioDelta(ev, decodePcm16Base64(ev.delta));
      case 'response.output_audio_transcript.done':
        if (this.customer?.itemId === ev.item_id && !this.customer.cut) this.customer.text = ev.transcript;
        return;
      case 'response.function_call_arguments.done':
        void this.onToolCall(ev.name, ev.call_id, ev.arguments);
        return;
      case 'response.done':
        this.noteResponseUsage(ev.response.usage);
        return this.onResponseDone(ev.response.status ?? 'completed');
      case 'error':
        return this.onServiceError(ev.error.code ?? '', ev.error.message);
      default:
        if (!KNOWN_IGNORED.has(ev.type)) this.unknownEvent(String((ev as { type?: unknown }).type));
        return;
    }
  }

  /** A server event this client does not know: logged once per type, otherwise ignored. */
  private unknownEvent(type: string): void {
    if (this.unknownEvents.has(type)) return;
    this.unknownEvents.add(type);
    (this.o.log ?? ((m: string) => console.warn(`[realtime] ${m}`)))(`ignoring unknown server event "${type}" (reported once)`);
  }

  private noteResponseUsage(u: RealtimeResponseUsage | undefined): void {
    if (!u) return;
    const inD = u.input_token_details, outD = u.output_token_details;
    this.emit({
      type: 'usage',
      usage: {
        kind: 'realtime',
        model: this.o.model,
        inputTextTokens: inD?.text_tokens ?? 0,
        inputAudioTokens: inD?.audio_tokens ?? 0,
        cachedInputTokens: inD?.cached_tokens ?? 0,
        outputTextTokens: outD?.text_tokens ?? 0,
        outputAudioTokens: outD?.audio_tokens ?? 0,
      },
    });
  }

  private noteTranscriptionUsage(u: { type: string; seconds?: number; input_tokens?: number; output_tokens?: number; input_token_details?: { audio_tokens?: number; text_tokens?: number } } | undefined): void {
    if (u?.type === 'duration' && typeof u.seconds === 'number') this.emit({ type: 'usage', usage: { kind: 'transcription', model: this.o.transcribeModel, seconds: u.seconds } });
    else if (u?.type === 'tokens') {
      const audio = u.input_token_details?.audio_tokens ?? u.input_tokens ?? 0;
      const text = u.input_token_details?.text_tokens ?? Math.max(0, (u.input_tokens ?? 0) - audio);
      this.emit({ type: 'usage', usage: { kind: 'transcription_tokens', model: this.o.transcribeModel, inputAudioTokens: audio, inputTextTokens: text, outputTokens: u.output_tokens ?? 0 } });
    }
  }

  private lastSpeechEnd: { atMs: number; durationMs: number } | null = null;
  private readonly backchannelItems = new Set<string>();

  private onCommitted(itemId: string, now: number): void {
    const s = this.speech;
    this.speech = null;
    const end = this.lastSpeechEnd;
    this.lastSpeechEnd = null;
    const duration = end?.durationMs ?? Infinity;
    if (s?.overCustomer && !s.bargedIn && duration < this.o.persona.turnTaking.bargeInMinMs && this.customerSpeaking(now)) {
      // a backchannel: keep the customer talking and keep it out of the model's context
      this.backchannelItems.add(itemId);
      this.send({ type: 'conversation.item.delete', item_id: itemId });
      return;
    }
    this.history.push({ role: 'user', text: '', id: itemId });
    this.emit({ type: 'agent_turn_committed', turnId: itemId, text: '', atMs: now, speechEndMs: end?.atMs ?? null });
    this.requestResponse();
  }

  private onResponseDone(status: string): void {
    this.responseActive = false;
    const c = this.customer;
    if (c && !c.done) {
      c.done = true;
      if (!c.cut) {
        this.history.push({ role: 'assistant', text: c.text, id: c.itemId });
        this.emit({ type: 'customer_turn_done', itemId: c.itemId, text: c.text.trim(), interrupted: status === 'cancelled', atMs: this.o.clock() });
      }
    }
    if (this.wantResponse) {
      this.wantResponse = false;
      this.requestResponse();
    }
    if (this.pendingHangup) {
      const h = this.pendingHangup;
      this.pendingHangup = null;
      this.emit({ type: 'hangup', outcome: h.outcome, reason: h.reason });
    }
  }

  private pendingHangup: { outcome: Outcome; reason: string } | null = null;

  private async onToolCall(name: string, callId: string, rawArgs: string): Promise<void> {
    const parsed = parseToolArgs(name, rawArgs);
    const args: Record<string, unknown> = parsed.ok ? parsed.args : {};
    let result: unknown;
    try {
      if (!parsed.ok) result = { error: parsed.error };
      else if (name === 'end_call') {
        const outcome = (OUTCOMES as readonly string[]).includes(String(args.outcome)) ? (args.outcome as Outcome) : 'no_outcome';
        this.pendingHangup = { outcome, reason: String(args.reason ?? 'the customer ended the call') };
        result = { ok: true };
      } else if (name === 'company_objection_handler' || name === 'customer_background_generator' || name === 'scenario_difficulty_adjuster') {
        result = await this.o.tools[name](args as never);
      } else result = { error: `Unknown tool "${name}". Available: company_objection_handler, customer_background_generator, scenario_difficulty_adjuster, end_call.` };
    } catch (e) {
      result = { error: (e as Error).message };
    }
    this.emit({ type: 'tool_call', name, args, result });
    this.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callId, output: JSON.stringify(result) } });
    if (name !== 'end_call') this.requestResponse(false);
  }

  private onServiceError(code: string, message: string): void {
    // Races the protocol allows (cancel after done, commit of an empty buffer, truncate after the fact) are harmless.
    const harmless = ['response_cancel_not_active', 'input_audio_buffer_commit_empty', 'conversation_already_has_active_response', 'item_not_found'];
    if (harmless.includes(code)) return;
    if (code === 'session_expired') return; // the close that follows triggers a reconnect with history replay
    this.emit({ type: 'error', code: 'ENGINE_ERROR', message: `OpenAI Realtime: ${message}`, recoverable: true });
  }
}

/**
 * The Realtime WebSocket address: OPENAI_REALTIME_URL is the API base (`wss://api.openai.com/v1`, the default);
 * `/realtime?model=…` is appended. A base that already ends in `/realtime` is taken as meant (not doubled).
 */
export function realtimeUrl(base: string | undefined, model: string): string {
  const b = (base ?? 'wss://api.openai.com/v1').replace(/\/+$/, '').replace(/\/realtime$/, '');
  return `${b}/realtime?model=${encodeURIComponent(model)}`;
}

/** Server events this client reads no further (they carry nothing the call needs). */
const KNOWN_IGNORED = new Set<string>([
  'conversation.created', 'conversation.item.added', 'conversation.item.done', 'conversation.item.retrieved', 'conversation.item.truncated', 'conversation.item.deleted',
  'conversation.item.input_audio_transcription.delta', 'conversation.item.input_audio_transcription.segment', 'conversation.item.input_audio_transcription.failed',
  'input_audio_buffer.cleared', 'input_audio_buffer.timeout_triggered', 'output_audio_buffer.started', 'output_audio_buffer.stopped', 'output_audio_buffer.cleared',
  'response.created', 'response.output_item.done', 'response.content_part.added', 'response.content_part.done', 'response.output_text.delta', 'response.output_text.done',
  'response.output_audio.done', 'response.function_call_arguments.delta', 'response.mcp_call_arguments.delta', 'response.mcp_call_arguments.done',
  'rate_limits.updated', 'mcp_list_tools.in_progress', 'mcp_list_tools.completed', 'mcp_list_tools.failed',
]);

/** Base64 PCM16 straight into its own Int16Array (one allocation per audio delta, none shared with a pool). */
function decodePcm16Base64(b64: string): Int16Array {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  const pcm = new Int16Array(((b64.length * 3) / 4 - pad) >> 1);
  Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).write(b64, 'base64');
  return pcm;
}
