/**
 * A protocol-faithful fake of the OpenAI Realtime API (GA event shapes, typed by the official SDK) on
 * 127.0.0.1:0. It runs an energy VAD over appended audio, transcribes user turns from a script, answers
 * with synthetic PCM16 24 kHz audio sent faster than real time plus transcript deltas, supports function
 * calls, response.cancel and conversation.item.truncate, and can inject errors, drops and session expiry.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';
import type {
  ConversationItem,
  RealtimeClientEvent,
  RealtimeResponseUsage,
  RealtimeServerEvent,
  RealtimeSessionCreateRequest,
} from 'openai/resources/realtime/realtime';

const RATE = 24_000;

/** The Realtime API's built-in voices (openai SDK v6 `RealtimeAudioConfigOutput['voice']`). */
export const REALTIME_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'] as const;

/** What the fake model does for one response. */
export type FakeReply = { say: string } | { call: { name: string; /** An object (sent as JSON) or raw text, e.g. broken JSON. */ arguments: Record<string, unknown> | string } };

/** Context handed to the script for each response. */
export interface FakeReplyContext {
  instructions: string;
  /** Conversation items so far, oldest first (the server's view, after truncations). */
  items: ConversationItem[];
  /** The latest user text (typed item or transcript of the latest audio turn), if any. */
  lastUserText: string | null;
  /** The output of the most recent function call, when this response follows one. */
  lastFunctionOutput: string | null;
  responseIndex: number;
}

export interface FakeRealtimeOptions {
  /** The key clients must present as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Decide each response; default: a fixed Hebrew line echoing the user. */
  reply?: (ctx: FakeReplyContext) => FakeReply;
  /** Transcript for the n-th committed audio turn (0-based). */
  transcribe?: (n: number, audioMs: number) => string;
  /** Audio generated per character of reply text (ms). */
  msPerChar?: number;
  /** Audio per output delta (ms) and the pause between deltas (ms): 100/5 = 20× real time. */
  deltaMs?: number;
  deltaIntervalMs?: number;
  /** Close each connection after this long with a session_expired error (the real cap is 60 minutes). */
  sessionMaxMs?: number;
  /** RMS level (0..1) above which appended audio counts as speech. */
  speechLevel?: number;
  /** Models this key may use; another model is refused at the handshake (404 model_not_found). Default: any. */
  models?: string[];
  /** Observer of every server event as it is sent (performance.now() timestamp), e.g. to time relays. */
  onSend?: (ev: RealtimeServerEvent, at: number) => void;
}

interface Conn {
  id: string;
  ws: WebSocket;
  headers: IncomingMessage['headers'];
  session: RealtimeSessionCreateRequest;
  items: ConversationItem[];
  /** Audio ms per assistant item id (for truncate validation). */
  audioMs: Map<string, number>;
  buffer: { ms: number; speaking: boolean; speechStartMs: number; silenceMs: number; voicedMs: number; itemId: string | null };
  /** Total ms of input audio appended on this connection (the VAD's clock). */
  inputMs: number;
  active: { id: string; cancelled: boolean; reason?: 'turn_detected' | 'client_cancelled' } | null;
  committedTurns: number;
  responses: number;
  lastUserText: string | null;
  lastFunctionOutput: string | null;
  timers: Set<NodeJS.Timeout>;
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}_${(++seq).toString(36).padStart(6, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Deterministic synthetic "speech": a vowel-like tone with syllable-rate amplitude modulation. */
export function synthSpeech(ms: number, seed = 1): Int16Array {
  const n = Math.round((ms * RATE) / 1000);
  const out = new Int16Array(n);
  const f0 = 140 + (seed % 7) * 15;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const env = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
    const v = Math.sin(2 * Math.PI * f0 * t) * 0.5 + Math.sin(2 * Math.PI * 2 * f0 * t) * 0.25 + Math.sin(2 * Math.PI * 3 * f0 * t) * 0.12;
    out[i] = Math.round(v * env * 9000);
  }
  return out;
}

function rms(b: Buffer): number {
  let sum = 0;
  const n = Math.floor(b.length / 2);
  for (let i = 0; i < n; i++) {
    const s = b.readInt16LE(i * 2);
    sum += s * s;
  }
  return n ? Math.sqrt(sum / n) / 32768 : 0;
}

const DEFAULT_SESSION = (): RealtimeSessionCreateRequest => ({
  type: 'realtime',
  instructions: 'You are a helpful assistant.',
  output_modalities: ['audio'],
  audio: {
    input: { format: { type: 'audio/pcm', rate: 24000 }, transcription: undefined, noise_reduction: undefined, turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500, create_response: true, interrupt_response: true } },
    output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1 },
  },
  tools: [],
});

/** The GA session's parameters (openai SDK v6 `RealtimeSessionCreateRequest`), by path. */
const SESSION_KEYS = new Set(['type', 'audio', 'include', 'instructions', 'max_output_tokens', 'model', 'output_modalities', 'parallel_tool_calls', 'prompt', 'reasoning', 'tool_choice', 'tools', 'tracing', 'truncation']);
const AUDIO_INPUT_KEYS = new Set(['format', 'noise_reduction', 'transcription', 'turn_detection']);
const AUDIO_OUTPUT_KEYS = new Set(['format', 'speed', 'voice']);
const TURN_DETECTION_KEYS: Record<string, Set<string>> = {
  server_vad: new Set(['type', 'create_response', 'idle_timeout_ms', 'interrupt_response', 'prefix_padding_ms', 'silence_duration_ms', 'threshold']),
  semantic_vad: new Set(['type', 'create_response', 'eagerness', 'interrupt_response']),
};

/** The first parameter of a session.update the GA API does not know, as 'session.…', or null. */
function unknownSessionParam(s: RealtimeSessionCreateRequest): string | null {
  for (const k of Object.keys(s)) if (!SESSION_KEYS.has(k)) return `session.${k}`;
  const a = (s.audio ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(a)) if (k !== 'input' && k !== 'output') return `session.audio.${k}`;
  for (const k of Object.keys((a.input ?? {}) as object)) if (!AUDIO_INPUT_KEYS.has(k)) return `session.audio.input.${k}`;
  for (const k of Object.keys((a.output ?? {}) as object)) if (!AUDIO_OUTPUT_KEYS.has(k)) return `session.audio.output.${k}`;
  const td = (a.input as { turn_detection?: Record<string, unknown> | null } | undefined)?.turn_detection;
  if (td) {
    const allowed = TURN_DETECTION_KEYS[String(td.type)];
    if (!allowed) return 'session.audio.input.turn_detection.type';
    for (const k of Object.keys(td)) if (!allowed.has(k)) return `session.audio.input.turn_detection.${k}`;
  }
  return null;
}

/** The running fake; `url` is the base to give a client (`ws://127.0.0.1:PORT/v1`). */
export class FakeRealtimeServer {
  readonly received: Array<{ connId: string; event: RealtimeClientEvent }> = [];
  readonly connections: Array<{ id: string; headers: IncomingMessage['headers']; url: string }> = [];
  readonly truncations: Array<{ itemId: string; audioEndMs: number }> = [];
  private readonly conns = new Map<string, Conn>();
  private readonly sockets = new Set<Socket>();
  private refuseNext: number[] = [];
  private httpServer!: Server;
  private wss!: WebSocketServer;
  port = 0;

  constructor(private readonly opts: FakeRealtimeOptions = {}) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}/v1`;
  }
  get openConnections(): number {
    return this.conns.size;
  }

  async start(): Promise<this> {
    this.httpServer = createServer((_req, res) => res.writeHead(404).end());
    this.httpServer.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.httpServer.on('upgrade', (req, socket, head) => this.upgrade(req, socket as Socket, head));
    await new Promise<void>((r) => this.httpServer.listen(0, '127.0.0.1', r));
    this.port = (this.httpServer.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const c of this.conns.values()) this.teardown(c);
    for (const s of this.sockets) s.destroy();
    this.wss.close();
    await new Promise<void>((r) => this.httpServer.close(() => r()));
  }

  /** Refuse the next connection attempts with these HTTP statuses (e.g. 500, 429). */
  refuseNextConnections(...statuses: number[]): void {
    this.refuseNext.push(...statuses);
  }

  /** Drop every connection abruptly (no close frame), as a network failure would. */
  dropAll(): void {
    for (const c of [...this.conns.values()]) {
      this.teardown(c);
      c.ws.terminate();
    }
  }

  /** Send an `error` event to every connection. */
  injectError(error: { type: string; code?: string; message: string }): void {
    for (const c of this.conns.values()) this.send(c, { type: 'error', event_id: nextId('event'), error: { ...error, code: error.code ?? null, param: null, event_id: null } });
  }

  /** Send any JSON as a server event to every connection (e.g. an event type newer than the client). */
  injectRaw(event: Record<string, unknown>): void {
    for (const c of this.conns.values()) if (c.ws.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify(event));
  }

  /** The current session config of the latest connection (after session.update). */
  latestSession(): RealtimeSessionCreateRequest | null {
    const all = [...this.conns.values()];
    return all.length ? all[all.length - 1].session : null;
  }
  /** Items of the latest connection. */
  latestItems(): ConversationItem[] {
    const all = [...this.conns.values()];
    return all.length ? all[all.length - 1].items : [];
  }
  eventsOfType<T extends RealtimeClientEvent['type']>(type: T): Array<Extract<RealtimeClientEvent, { type: T }>> {
    return this.received.filter((r) => r.event.type === type).map((r) => r.event as Extract<RealtimeClientEvent, { type: T }>);
  }

  // ── connection handling ──────────────────────────────────────────────────

  private upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const reject = (status: number, msg: string) => {
      socket.end(`HTTP/1.1 ${status} ${msg}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify({ error: { message: msg } })}`);
    };
    const url = new URL(req.url ?? '/', 'http://x');
    const refused = this.refuseNext.shift();
    if (refused) return reject(refused, 'Injected failure');
    if (url.pathname !== '/v1/realtime') return reject(404, 'Not found');
    if (!url.searchParams.get('model')) return reject(400, 'Missing model');
    if (this.opts.models && !this.opts.models.includes(url.searchParams.get('model')!)) return reject(404, `The model '${url.searchParams.get('model')}' does not exist or you do not have access to it.`);
    const key = this.opts.apiKey ?? 'sk-test';
    if (req.headers.authorization !== `Bearer ${key}`) return reject(401, 'Incorrect API key provided');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req));
  }

  private accept(ws: WebSocket, req: IncomingMessage): void {
    const c: Conn = {
      id: nextId('sess'),
      ws,
      headers: req.headers,
      session: DEFAULT_SESSION(),
      items: [],
      audioMs: new Map(),
      buffer: { ms: 0, speaking: false, speechStartMs: 0, silenceMs: 0, voicedMs: 0, itemId: null },
      inputMs: 0,
      active: null,
      committedTurns: 0,
      responses: 0,
      lastUserText: null,
      lastFunctionOutput: null,
      timers: new Set(),
    };
    this.conns.set(c.id, c);
    this.connections.push({ id: c.id, headers: req.headers, url: req.url ?? '' });
    ws.on('close', () => this.teardown(c));
    ws.on('message', (data) => this.onMessage(c, data.toString()));
    if (String(req.headers['openai-beta'] ?? '').includes('realtime')) {
      this.error(c, 'invalid_request_error', 'beta_api_retired', 'The Realtime beta interface (OpenAI-Beta: realtime=v1) has been retired; use the GA interface.');
      ws.close(1008, 'beta retired');
      return;
    }
    this.send(c, { type: 'session.created', event_id: nextId('event'), session: { ...c.session, model: new URL(req.url ?? '/', 'http://x').searchParams.get('model') ?? undefined } });
    if (this.opts.sessionMaxMs) {
      this.timer(c, this.opts.sessionMaxMs, () => {
        this.error(c, 'invalid_request_error', 'session_expired', 'Your session hit the maximum duration of 60 minutes.');
        ws.close(1000, 'session expired');
      });
    }
  }

  private teardown(c: Conn): void {
    for (const t of c.timers) clearTimeout(t);
    c.timers.clear();
    if (c.active) c.active.cancelled = true;
    this.conns.delete(c.id);
  }

  private timer(c: Conn, ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      c.timers.delete(t);
      fn();
    }, ms);
    c.timers.add(t);
  }

  private send(c: Conn, ev: RealtimeServerEvent): void {
    if (c.ws.readyState !== WebSocket.OPEN) return;
    c.ws.send(JSON.stringify(ev));
    this.opts.onSend?.(ev, performance.now());
  }

  private error(c: Conn, type: string, code: string, message: string, eventId: string | null = null): void {
    this.send(c, { type: 'error', event_id: nextId('event'), error: { type, code, message, param: null, event_id: eventId } });
  }

  private onMessage(c: Conn, raw: string): void {
    let ev: RealtimeClientEvent;
    try {
      ev = JSON.parse(raw);
    } catch {
      return this.error(c, 'invalid_request_error', 'invalid_json', 'The server could not parse the event as JSON.');
    }
    this.received.push({ connId: c.id, event: ev });
    switch (ev.type) {
      case 'session.update':
        return this.sessionUpdate(c, ev);
      case 'input_audio_buffer.append':
        return this.append(c, ev.audio);
      case 'input_audio_buffer.commit':
        return this.commit(c, ev.event_id);
      case 'input_audio_buffer.clear':
        c.buffer = { ms: 0, speaking: false, speechStartMs: 0, silenceMs: 0, voicedMs: 0, itemId: null };
        return this.send(c, { type: 'input_audio_buffer.cleared', event_id: nextId('event') });
      case 'conversation.item.create':
        return this.itemCreate(c, ev.item, ev.event_id);
      case 'conversation.item.truncate':
        return this.truncate(c, ev.item_id, ev.content_index, ev.audio_end_ms, ev.event_id);
      case 'conversation.item.delete': {
        const i = c.items.findIndex((it) => it.id === ev.item_id);
        if (i < 0) return this.error(c, 'invalid_request_error', 'item_not_found', `Item with item_id not found: ${ev.item_id}`, ev.event_id ?? null);
        c.items.splice(i, 1);
        return this.send(c, { type: 'conversation.item.deleted', event_id: nextId('event'), item_id: ev.item_id });
      }
      case 'response.create':
        if (c.active) return this.error(c, 'invalid_request_error', 'conversation_already_has_active_response', 'Conversation already has an active response in progress.', ev.event_id ?? null);
        void this.respond(c);
        return;
      case 'response.cancel':
        if (!c.active) return this.error(c, 'invalid_request_error', 'response_cancel_not_active', 'Cancellation failed: no active response found.', ev.event_id ?? null);
        c.active.cancelled = true;
        c.active.reason = 'client_cancelled';
        return;
      default:
        return this.error(c, 'invalid_request_error', 'unknown_event', `Invalid value: '${(ev as { type: string }).type}'. Supported values are client events of the GA Realtime API.`);
    }
  }

  private sessionUpdate(c: Conn, ev: Extract<RealtimeClientEvent, { type: 'session.update' }>): void {
    const s = ev.session as RealtimeSessionCreateRequest;
    if (s.type !== 'realtime') return this.error(c, 'invalid_request_error', 'missing_required_parameter', "Missing required parameter: 'session.type'.", ev.event_id ?? null);
    // as the service does: a parameter the GA session does not have (e.g. the beta's `modalities`, `voice`,
    // `input_audio_format` at the top level) is refused by name
    const unknown = unknownSessionParam(s);
    if (unknown) return this.error(c, 'invalid_request_error', 'unknown_parameter', `Unknown parameter: '${unknown}'.`, ev.event_id ?? null);
    const rate = (s.audio?.input?.format as { rate?: number } | undefined)?.rate;
    if (rate !== undefined && rate !== 24000) return this.error(c, 'invalid_request_error', 'invalid_value', 'Invalid audio input rate: only 24000 is supported.', ev.event_id ?? null);
    const hadAudio = c.responses > 0;
    const newVoice = s.audio?.output?.voice;
    if (newVoice !== undefined && !(typeof newVoice === 'string' ? (REALTIME_VOICES as readonly string[]).includes(newVoice) : typeof (newVoice as { id?: unknown }).id === 'string'))
      return this.error(c, 'invalid_request_error', 'invalid_value', `Invalid value: '${String(newVoice)}'. Supported values are: ${REALTIME_VOICES.map((v) => `'${v}'`).join(', ')}.`, ev.event_id ?? null);
    if (hadAudio && newVoice && newVoice !== c.session.audio?.output?.voice)
      return this.error(c, 'invalid_request_error', 'cannot_update_voice', 'Cannot update a conversation\'s voice if assistant audio is present.', ev.event_id ?? null);
    const prev = c.session;
    c.session = {
      ...prev,
      ...s,
      audio: {
        input: { ...prev.audio?.input, ...s.audio?.input },
        output: { ...prev.audio?.output, ...s.audio?.output },
      },
    };
    this.send(c, { type: 'session.updated', event_id: nextId('event'), session: c.session });
  }

  // ── input audio and VAD ──────────────────────────────────────────────────

  private silenceWindowMs(c: Conn): number | null {
    const td = c.session.audio?.input?.turn_detection;
    if (!td) return null;
    if (td.type === 'server_vad') return td.silence_duration_ms ?? 500;
    return { low: 1200, medium: 700, high: 350, auto: 700 }[td.eagerness ?? 'auto'];
  }

  private append(c: Conn, b64: string): void {
    const pcm = Buffer.from(b64, 'base64');
    if (pcm.length % 2) return this.error(c, 'invalid_request_error', 'invalid_value', 'Audio must be whole 16-bit samples.');
    const ms = (pcm.length / 2 / RATE) * 1000;
    const b = c.buffer;
    const startOfChunk = c.inputMs;
    c.inputMs += ms;
    b.ms += ms;
    const window = this.silenceWindowMs(c);
    if (window === null) return; // manual turns: the client commits
    const td = c.session.audio!.input!.turn_detection!;
    const voiced = rms(pcm) >= (this.opts.speechLevel ?? 0.02);
    if (voiced) {
      b.silenceMs = 0;
      b.voicedMs += ms;
      if (!b.speaking && b.voicedMs >= 60) {
        b.speaking = true;
        b.itemId = nextId('item');
        b.speechStartMs = Math.max(0, startOfChunk - b.voicedMs + ms - ('prefix_padding_ms' in td ? (td.prefix_padding_ms ?? 300) : 300));
        this.send(c, { type: 'input_audio_buffer.speech_started', event_id: nextId('event'), audio_start_ms: Math.round(b.speechStartMs), item_id: b.itemId });
        if (c.active && td.interrupt_response !== false) Object.assign(c.active, { cancelled: true, reason: 'turn_detected' });
      }
    } else {
      b.voicedMs = 0;
      if (b.speaking) {
        b.silenceMs += ms;
        if (b.silenceMs >= window) {
          b.speaking = false;
          this.send(c, { type: 'input_audio_buffer.speech_stopped', event_id: nextId('event'), audio_end_ms: Math.round(c.inputMs - b.silenceMs), item_id: b.itemId! });
          this.commit(c, undefined, td.create_response !== false);
        }
      }
    }
  }

  private commit(c: Conn, eventId?: string, autoRespond = false): void {
    if (c.buffer.ms < 100) {
      return this.error(c, 'invalid_request_error', 'input_audio_buffer_commit_empty', `Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has ${c.buffer.ms.toFixed(2)}ms of audio.`, eventId ?? null);
    }
    const itemId = c.buffer.itemId ?? nextId('item');
    const audioMs = c.buffer.ms;
    c.buffer = { ms: 0, speaking: false, speechStartMs: 0, silenceMs: 0, voicedMs: 0, itemId: null };
    const prev = c.items.at(-1)?.id ?? null;
    this.send(c, { type: 'input_audio_buffer.committed', event_id: nextId('event'), item_id: itemId, previous_item_id: prev });
    const item: ConversationItem = { id: itemId, object: 'realtime.item', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript: null as unknown as string }] };
    c.items.push(item);
    this.send(c, { type: 'conversation.item.added', event_id: nextId('event'), item, previous_item_id: prev });
    this.send(c, { type: 'conversation.item.done', event_id: nextId('event'), item, previous_item_id: prev });
    const n = c.committedTurns++;
    if (c.session.audio?.input?.transcription) {
      const transcript = this.opts.transcribe?.(n, audioMs) ?? `user turn ${n + 1}`;
      (item.content[0] as { transcript?: string }).transcript = transcript;
      c.lastUserText = transcript;
      this.timer(c, 5, () =>
        this.send(c, { type: 'conversation.item.input_audio_transcription.completed', event_id: nextId('event'), item_id: itemId, content_index: 0, transcript, usage: { type: 'duration', seconds: audioMs / 1000 } }),
      );
    }
    if (autoRespond && !c.active) void this.respond(c);
  }

  private itemCreate(c: Conn, item: ConversationItem, eventId?: string): void {
    const withId = { ...item, id: item.id ?? nextId('item'), object: 'realtime.item' as const, status: 'completed' as const } as ConversationItem;
    if (withId.type === 'function_call_output') {
      if (!c.items.some((i) => i.type === 'function_call' && i.call_id === (withId as { call_id: string }).call_id))
        return this.error(c, 'invalid_request_error', 'invalid_value', `No function call found with call_id ${(withId as { call_id: string }).call_id}.`, eventId ?? null);
      c.lastFunctionOutput = (withId as { output: string }).output;
    }
    if (withId.type === 'message' && withId.role === 'user') {
      const t = withId.content.map((p) => p.text ?? p.transcript ?? '').join(' ').trim();
      if (t) c.lastUserText = t;
    }
    const prev = c.items.at(-1)?.id ?? null;
    c.items.push(withId);
    this.send(c, { type: 'conversation.item.added', event_id: nextId('event'), item: withId, previous_item_id: prev });
    this.send(c, { type: 'conversation.item.done', event_id: nextId('event'), item: withId, previous_item_id: prev });
  }

  private truncate(c: Conn, itemId: string, contentIndex: number, audioEndMs: number, eventId?: string): void {
    const item = c.items.find((i) => i.id === itemId);
    if (!item) return this.error(c, 'invalid_request_error', 'item_not_found', `Item with item_id not found: ${itemId}`, eventId ?? null);
    if (item.type !== 'message' || item.role !== 'assistant') return this.error(c, 'invalid_request_error', 'invalid_value', 'Only assistant messages can be truncated.', eventId ?? null);
    const len = c.audioMs.get(itemId) ?? 0;
    if (contentIndex !== 0) return this.error(c, 'invalid_request_error', 'invalid_value', 'content_index must be 0 for audio.', eventId ?? null);
    if (audioEndMs > len + 1) return this.error(c, 'invalid_request_error', 'invalid_value', `Audio content of ${Math.round(len)}ms is shorter than ${audioEndMs}ms.`, eventId ?? null);
    c.audioMs.set(itemId, audioEndMs);
    // The real service deletes the transcript of a truncated item so the model has no text the user did not hear.
    for (const p of item.content) p.transcript = '';
    this.truncations.push({ itemId, audioEndMs });
    this.send(c, { type: 'conversation.item.truncated', event_id: nextId('event'), item_id: itemId, content_index: 0, audio_end_ms: audioEndMs });
  }

  // ── responses ────────────────────────────────────────────────────────────

  /** Usage as the service reports it in response.done: the context (instructions + input audio) in, text and audio out. */
  private usage(c: Conn, outChars: number, outAudioMs: number): RealtimeResponseUsage {
    const inputText = Math.ceil((c.session.instructions ?? '').length / 4) + 20 * c.items.length;
    const inputAudio = Math.round(c.inputMs / 100);
    const outputText = Math.ceil(outChars / 4);
    const outputAudio = Math.round(outAudioMs / 50);
    const cached = c.responses > 1 ? Math.floor(inputText / 2) : 0;
    return {
      input_tokens: inputText + inputAudio,
      output_tokens: outputText + outputAudio,
      total_tokens: inputText + inputAudio + outputText + outputAudio,
      input_token_details: { text_tokens: inputText, audio_tokens: inputAudio, cached_tokens: cached },
      output_token_details: { text_tokens: outputText, audio_tokens: outputAudio },
    };
  }

  private async respond(c: Conn): Promise<void> {
    const responseId = nextId('resp');
    const active: NonNullable<Conn['active']> = { id: responseId, cancelled: false };
    c.active = active;
    const index = c.responses++;
    const reply = (this.opts.reply ?? defaultReply)({
      instructions: c.session.instructions ?? '',
      items: c.items,
      lastUserText: c.lastUserText,
      lastFunctionOutput: c.lastFunctionOutput,
      responseIndex: index,
    });
    c.lastFunctionOutput = null;
    const base = { object: 'realtime.response' as const, conversation_id: 'conv_' + c.id, output_modalities: c.session.output_modalities ?? ['audio'] };
    this.send(c, { type: 'response.created', event_id: nextId('event'), response: { ...base, id: responseId, status: 'in_progress', output: [] } });
    this.send(c, { type: 'rate_limits.updated', event_id: nextId('event'), rate_limits: [{ name: 'tokens', limit: 40000, remaining: 39000, reset_seconds: 1.5 }] });
    const itemId = nextId('item');
    const prev = c.items.at(-1)?.id ?? null;
    let item: ConversationItem;
    if ('call' in reply) {
      const args = typeof reply.call.arguments === 'string' ? reply.call.arguments : JSON.stringify(reply.call.arguments);
      const callId = nextId('call');
      item = { id: itemId, object: 'realtime.item', type: 'function_call', name: reply.call.name, call_id: callId, arguments: '', status: 'in_progress' };
      this.send(c, { type: 'response.output_item.added', event_id: nextId('event'), response_id: responseId, output_index: 0, item: { ...item } });
      this.send(c, { type: 'conversation.item.added', event_id: nextId('event'), item: { ...item }, previous_item_id: prev });
      this.send(c, { type: 'response.function_call_arguments.delta', event_id: nextId('event'), response_id: responseId, item_id: itemId, output_index: 0, call_id: callId, delta: args });
      this.send(c, { type: 'response.function_call_arguments.done', event_id: nextId('event'), response_id: responseId, item_id: itemId, output_index: 0, call_id: callId, name: reply.call.name, arguments: args });
      item = { ...item, arguments: args, status: 'completed' };
      c.items.push(item);
      this.send(c, { type: 'response.output_item.done', event_id: nextId('event'), response_id: responseId, output_index: 0, item });
      this.send(c, { type: 'conversation.item.done', event_id: nextId('event'), item, previous_item_id: prev });
      c.active = null;
      this.send(c, { type: 'response.done', event_id: nextId('event'), response: { ...base, id: responseId, status: 'completed', output: [item], usage: this.usage(c, args.length, 0) } });
      return;
    }
    const text = reply.say;
    const voice = c.session.audio?.output?.voice;
    item = { id: itemId, object: 'realtime.item', type: 'message', role: 'assistant', status: 'in_progress', content: [] };
    c.items.push(item);
    this.send(c, { type: 'response.output_item.added', event_id: nextId('event'), response_id: responseId, output_index: 0, item: { ...item, content: [] } });
    this.send(c, { type: 'conversation.item.added', event_id: nextId('event'), item: { ...item, content: [] }, previous_item_id: prev });
    const common = { response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 };
    this.send(c, { type: 'response.content_part.added', event_id: nextId('event'), ...common, part: { type: 'audio', transcript: '' } });
    const totalMs = Math.max(200, text.length * (this.opts.msPerChar ?? 60));
    const audio = synthSpeech(totalMs, typeof voice === 'string' ? voice.length : 1);
    const words = text.split(/(?<=\s)/);
    const deltaMs = this.opts.deltaMs ?? 100;
    const chunk = Math.round((deltaMs * RATE) / 1000);
    const chunks = Math.ceil(audio.length / chunk);
    let sentMs = 0;
    let wordIdx = 0;
    for (let k = 0; k < chunks; k++) {
      if (active.cancelled || c.ws.readyState !== WebSocket.OPEN) break;
      // transcript runs slightly ahead of audio, as it does in the real service
      const wordsDue = Math.ceil(((k + 1) / chunks) * words.length);
      while (wordIdx < wordsDue) this.send(c, { type: 'response.output_audio_transcript.delta', event_id: nextId('event'), ...common, delta: words[wordIdx++] });
      const part = audio.subarray(k * chunk, Math.min(audio.length, (k + 1) * chunk));
      this.send(c, { type: 'response.output_audio.delta', event_id: nextId('event'), ...common, delta: Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('base64') });
      sentMs += (part.length / RATE) * 1000;
      c.audioMs.set(itemId, sentMs);
      await sleep(this.opts.deltaIntervalMs ?? 5);
    }
    const cancelled = active.cancelled;
    const spoken = cancelled ? words.slice(0, wordIdx).join('') : text;
    const status = cancelled ? 'incomplete' : 'completed';
    item = { ...item, status, content: [{ type: 'output_audio', transcript: spoken }] };
    const idx = c.items.findIndex((i) => i.id === itemId);
    if (idx >= 0) c.items[idx] = item;
    if (c.ws.readyState === WebSocket.OPEN) {
      this.send(c, { type: 'response.output_audio.done', event_id: nextId('event'), ...common });
      this.send(c, { type: 'response.output_audio_transcript.done', event_id: nextId('event'), ...common, transcript: spoken });
      this.send(c, { type: 'response.content_part.done', event_id: nextId('event'), ...common, part: { type: 'audio', transcript: spoken } });
      this.send(c, { type: 'response.output_item.done', event_id: nextId('event'), response_id: responseId, output_index: 0, item });
      this.send(c, { type: 'conversation.item.done', event_id: nextId('event'), item, previous_item_id: prev });
    }
    c.active = null;
    this.send(c, {
      type: 'response.done',
      event_id: nextId('event'),
      response: { ...base, id: responseId, status: cancelled ? 'cancelled' : 'completed', status_details: cancelled ? { type: 'cancelled', reason: active.reason ?? 'client_cancelled' } : { type: 'completed' }, output: [item], usage: this.usage(c, spoken.length, sentMs) },
    });
  }
}

function defaultReply(ctx: FakeReplyContext): FakeReply {
  return { say: ctx.lastUserText ? `שמעתי: ${ctx.lastUserText}. ספר לי עוד.` : 'שלום, מי מדבר?' };
}

/** Start a fake Realtime server on 127.0.0.1:0. */
export async function startFakeRealtimeServer(opts: FakeRealtimeOptions = {}): Promise<FakeRealtimeServer> {
  return new FakeRealtimeServer(opts).start();
}
