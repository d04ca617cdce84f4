import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';

/**
 * A protocol-faithful fake of the OpenAI HTTP API for tests: chat completions (plain and SSE streaming),
 * audio transcriptions (multipart, json/text/verbose_json/srt/vtt), audio speech (wav/pcm, other formats via
 * ffmpeg when installed) and the model list. Replies are scripted per test; errors and delays injectable.
 */

/** A scripted chat reply: plain content, or full control over content, chunks, errors and delay. */
export type ChatReply =
  | string
  | {
      content?: string;
      /** For stream:true, the content deltas to send (default: content split into ~12-char pieces). */
      chunks?: string[];
      finishReason?: 'stop' | 'length' | 'content_filter' | 'tool_calls';
      toolCalls?: { id?: string; name: string; arguments: string }[];
      /** Send this HTTP status with an OpenAI-style error body instead of a completion. */
      status?: number;
      error?: { message: string; type?: string; code?: string };
      delayMs?: number;
      /** Send this exact body (e.g. a truncated JSON document) with status 200. */
      rawBody?: string;
      usage?: { prompt_tokens: number; completion_tokens: number };
    };

export interface ChatRequest {
  body: { model: string; messages: { role: string; content: unknown }[]; stream?: boolean; [k: string]: unknown };
  headers: IncomingMessage['headers'];
}
export type ChatHandler = (req: ChatRequest) => ChatReply | Promise<ChatReply>;

export interface TranscriptionRequest {
  fields: Record<string, string | string[]>;
  file: { filename: string; contentType: string; bytes: Buffer } | null;
}
export interface TranscriptionReply {
  text: string;
  language?: string;
  duration?: number;
  segments?: { start: number; end: number; text: string }[];
  words?: { word: string; start: number; end: number }[];
  status?: number;
  error?: { message: string; type?: string };
  delayMs?: number;
}
export type TranscriptionHandler = (req: TranscriptionRequest) => TranscriptionReply | Promise<TranscriptionReply>;

export interface SpeechRequest {
  body: { model: string; input: string; voice: string; response_format?: string; speed?: number; [k: string]: unknown };
}

export interface FakeOpenAIOptions {
  /** Chat replies consumed in order, or a handler called for each request (after the queue is empty). */
  chat?: ChatReply[] | ChatHandler;
  transcription?: TranscriptionReply[] | TranscriptionHandler;
  /** Audio the speech endpoint returns: a 220 Hz tone with syllable-rate envelope (default) or silence. */
  speechAudio?: 'tone' | 'silence';
  /** Sample rate of generated speech audio (default 24000, as OpenAI's pcm). */
  speechSampleRate?: number;
  models?: string[];
  /** When set, requests must carry `Authorization: Bearer <apiKey>` or get 401. */
  apiKey?: string;
  /** Delay added to every response, ms. */
  delayMs?: number;
  /** Requests naming a model not in `models` get 404 model_not_found, as the real API answers. */
  strictModels?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  at: number;
}

export interface FakeOpenAI {
  /** Base URL to give the SDK, ending in /v1. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests to one path, e.g. '/v1/chat/completions'. */
  requestsTo(path: string): RecordedRequest[];
  enqueueChat(...replies: ChatReply[]): void;
  setChatHandler(h: ChatHandler): void;
  enqueueTranscription(...replies: TranscriptionReply[]): void;
  /** The next `count` requests to `path` fail with this status (OpenAI error body, with `code` when given, e.g. insufficient_quota). */
  failNext(path: string, status: number, message?: string, count?: number, code?: string): void;
  close(): Promise<void>;
}

/** The voices `/v1/audio/speech` accepts by name (openai SDK v6 `SpeechCreateParams['voice']`; plus tts-1's older names). */
export const SPEECH_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'sage', 'shimmer', 'verse', 'marin', 'cedar'] as const;

/** Words per second used to size generated speech. */
const SPEECH_WORDS_PER_SEC = 2.5;

/** Start the fake on 127.0.0.1 at a free port. */
export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const chatQueue: ChatReply[] = Array.isArray(opts.chat) ? [...opts.chat] : [];
  let chatHandler: ChatHandler | undefined = typeof opts.chat === 'function' ? opts.chat : undefined;
  const sttQueue: TranscriptionReply[] = Array.isArray(opts.transcription) ? [...opts.transcription] : [];
  const sttHandler = typeof opts.transcription === 'function' ? opts.transcription : undefined;
  const failures = new Map<string, { status: number; message: string; count: number; code?: string }>();

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => sendError(res, 500, `fake server error: ${(e as Error).message}`));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const ctype = req.headers['content-type'] ?? '';
    let body: unknown = raw.length ? raw.toString('utf8') : undefined;
    if (ctype.includes('application/json') && raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error');
      }
    }
    const multipart = ctype.includes('multipart/form-data') ? parseMultipart(raw, ctype) : null;
    if (multipart) body = { fields: multipart.fields, file: multipart.file && { filename: multipart.file.filename, size: multipart.file.bytes.length } };
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body, at: Date.now() });

    if (opts.delayMs) await sleep(opts.delayMs);
    if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return sendError(res, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    }
    const fail = failures.get(path);
    if (fail && fail.count > 0) {
      fail.count--;
      return sendError(res, fail.status, fail.message, fail.status === 429 ? (fail.code === 'insufficient_quota' ? 'insufficient_quota' : 'rate_limit_exceeded') : 'server_error', fail.code);
    }
    if (opts.strictModels && req.method === 'POST') {
      const model = multipart ? String(multipart.fields.model ?? '') : String((body as { model?: unknown } | undefined)?.model ?? '');
      const known = opts.models ?? ['gpt-4.1-mini', 'gpt-4o-transcribe', 'whisper-1', 'gpt-4o-mini-tts'];
      if (!known.includes(model)) return sendError(res, 404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found');
    }

    if (req.method === 'GET' && path === '/v1/models') {
      const data = (opts.models ?? ['gpt-4.1-mini', 'gpt-4o-transcribe', 'whisper-1', 'gpt-4o-mini-tts']).map((id) => ({
        id, object: 'model', created: 1_700_000_000, owned_by: 'fake-openai',
      }));
      return sendJson(res, 200, { object: 'list', data });
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') return chat(res, body as ChatRequest['body'], req.headers);
    if (req.method === 'POST' && path === '/v1/audio/transcriptions') {
      if (!multipart) return sendError(res, 400, 'Expected multipart/form-data with a file.', 'invalid_request_error');
      return transcribe(res, multipart);
    }
    if (req.method === 'POST' && path === '/v1/audio/speech') return speech(res, body as SpeechRequest['body']);
    return sendError(res, 404, `Unknown route ${req.method} ${path} in the fake OpenAI server.`, 'invalid_request_error');
  }

  async function chat(res: ServerResponse, body: ChatRequest['body'], headers: IncomingMessage['headers']) {
    if (!body || !Array.isArray(body.messages)) return sendError(res, 400, "Missing required parameter: 'messages'.", 'invalid_request_error');
    const reply = chatQueue.length ? chatQueue.shift()! : chatHandler ? await chatHandler({ body, headers }) : undefined;
    if (reply === undefined) return sendError(res, 500, 'fake-openai: no scripted chat reply left for this request', 'server_error');
    const r = typeof reply === 'string' ? { content: reply } : reply;
    if (r.delayMs) await sleep(r.delayMs);
    if (r.status && r.status >= 400) return sendError(res, r.status, r.error?.message ?? 'scripted error', r.error?.type ?? 'server_error', r.error?.code);
    if (r.rawBody !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(r.rawBody);
    }
    const id = `chatcmpl-fake${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const content = r.content ?? null;
    const toolCalls = r.toolCalls?.map((t, i) => ({ id: t.id ?? `call_${i}`, type: 'function', function: { name: t.name, arguments: t.arguments } }));
    const finish = r.finishReason ?? (toolCalls ? 'tool_calls' : 'stop');
    const usage = r.usage ?? { prompt_tokens: 10, completion_tokens: Math.ceil((content ?? '').length / 4) };
    const usageFull = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
    if (!body.stream) {
      return sendJson(res, 200, {
        id, object: 'chat.completion', created, model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null, ...(toolCalls ? { tool_calls: toolCalls } : {}) }, logprobs: null, finish_reason: finish }],
        usage: usageFull,
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const base = { id, object: 'chat.completion.chunk', created, model: body.model };
    const send = (o: unknown) => res.write(`data: ${JSON.stringify(o)}\n\n`);
    send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] });
    const chunks = r.chunks ?? (content ?? '').match(/[\s\S]{1,12}/g) ?? [];
    for (const c of chunks) send({ ...base, choices: [{ index: 0, delta: { content: c }, logprobs: null, finish_reason: null }] });
    if (toolCalls) {
      send({ ...base, choices: [{ index: 0, delta: { tool_calls: toolCalls.map((t, index) => ({ index, ...t })) }, logprobs: null, finish_reason: null }] });
    }
    send({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finish }] });
    const so = body.stream_options as { include_usage?: boolean } | undefined;
    if (so?.include_usage) send({ ...base, choices: [], usage: usageFull });
    res.end('data: [DONE]\n\n');
  }

  async function transcribe(res: ServerResponse, mp: Multipart) {
    if (!mp.file) return sendError(res, 400, "Missing required parameter: 'file'.", 'invalid_request_error');
    const req: TranscriptionRequest = { fields: mp.fields, file: mp.file };
    const r = sttQueue.length ? sttQueue.shift()! : sttHandler ? await sttHandler(req) : { text: 'This is a fake transcription.' };
    if (r.delayMs) await sleep(r.delayMs);
    if (r.status && r.status >= 400) return sendError(res, r.status, r.error?.message ?? 'scripted error', r.error?.type ?? 'server_error');
    const duration = r.duration ?? wavDurationSec(mp.file.bytes) ?? Math.max(1, r.text.split(/\s+/).length / SPEECH_WORDS_PER_SEC);
    const segments = r.segments ?? spreadSegments(r.text, duration);
    const format = String(mp.fields.response_format ?? 'json');
    const grains = ([] as string[]).concat(mp.fields['timestamp_granularities[]'] ?? mp.fields.timestamp_granularities ?? []);
    if (format === 'text') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end(r.text);
    }
    if (format === 'srt' || format === 'vtt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end(subtitles(segments, format));
    }
    if (format === 'verbose_json') {
      const words = r.words ?? spreadWords(segments);
      return sendJson(res, 200, {
        task: 'transcribe', language: r.language ?? String(mp.fields.language ?? 'english'), duration, text: r.text,
        segments: segments.map((s, id) => ({
          id, seek: 0, start: s.start, end: s.end, text: s.text, tokens: [], temperature: 0, avg_logprob: -0.2,
          compression_ratio: 1.2, no_speech_prob: 0.01,
        })),
        ...(grains.includes('word') ? { words } : {}),
      });
    }
    return sendJson(res, 200, { text: r.text, usage: { type: 'duration', seconds: Math.ceil(duration) } });
  }

  function speech(res: ServerResponse, body: SpeechRequest['body']) {
    if (!body?.input) return sendError(res, 400, "Missing required parameter: 'input'.", 'invalid_request_error');
    if (!body.model) return sendError(res, 400, "Missing required parameter: 'model'.", 'invalid_request_error');
    // as the real API: a built-in voice name or a custom voice object, nothing else (an espeak "he" is a 400)
    const v = body.voice as unknown;
    const voiceOk = typeof v === 'string' ? (SPEECH_VOICES as readonly string[]).includes(v) : !!v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string';
    if (!voiceOk) return sendError(res, 400, `Invalid value for 'voice': ${JSON.stringify(v)}. Supported values are: ${SPEECH_VOICES.map((x) => `'${x}'`).join(', ')}.`, 'invalid_request_error', 'invalid_value');
    if (body.speed !== undefined && (typeof body.speed !== 'number' || body.speed < 0.25 || body.speed > 4)) return sendError(res, 400, "Invalid 'speed': must be between 0.25 and 4.0.", 'invalid_request_error', 'invalid_value');
    if (body.response_format !== undefined && !['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'].includes(body.response_format)) return sendError(res, 400, `Invalid value for 'response_format': ${body.response_format}.`, 'invalid_request_error', 'invalid_value');
    const rate = opts.speechSampleRate ?? 24_000;
    const words = body.input.trim().split(/\s+/).length;
    const seconds = Math.max(0.5, words / SPEECH_WORDS_PER_SEC / (body.speed ?? 1));
    const pcm = synth(seconds, rate, opts.speechAudio ?? 'tone');
    const format = body.response_format ?? 'mp3';
    if (format === 'pcm') return sendBinary(res, 'audio/pcm', pcm);
    const wav = wavFile(pcm, rate);
    if (format === 'wav') return sendBinary(res, 'audio/wav', wav);
    const encoded = encodeWithFfmpeg(wav, format);
    if (!encoded) return sendError(res, 400, `fake-openai: response_format "${format}" needs ffmpeg, which is not installed; use wav or pcm.`, 'invalid_request_error');
    return sendBinary(res, MIME[format] ?? 'application/octet-stream', encoded);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    requestsTo: (p) => requests.filter((r) => r.path === p),
    enqueueChat: (...r) => void chatQueue.push(...r),
    setChatHandler: (h) => void (chatHandler = h),
    enqueueTranscription: (...r) => void sttQueue.push(...r),
    failNext: (path, status, message = `scripted failure ${status}`, count = 1, code) => void failures.set(path, { status, message, count, code }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const MIME: Record<string, string> = { mp3: 'audio/mpeg', opus: 'audio/ogg', aac: 'audio/aac', flac: 'audio/flac' };
const FFMPEG_ARGS: Record<string, string[]> = { mp3: ['-f', 'mp3'], opus: ['-c:a', 'libopus', '-f', 'ogg'], aac: ['-c:a', 'aac', '-f', 'adts'], flac: ['-f', 'flac'] };

function encodeWithFfmpeg(wav: Buffer, format: string): Buffer | null {
  const args = FFMPEG_ARGS[format];
  if (!args) return null;
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', ...args, 'pipe:1'], { input: wav, maxBuffer: 64 << 20 });
  return r.status === 0 && r.stdout.length ? r.stdout : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendBinary(res: ServerResponse, type: string, data: Buffer) {
  res.writeHead(200, { 'content-type': type, 'content-length': data.length });
  res.end(data);
}

function sendError(res: ServerResponse, status: number, message: string, type = 'server_error', code?: string) {
  if (res.headersSent) return res.end();
  sendJson(res, status, { error: { message, type, param: null, code: code ?? null } });
}

interface Multipart {
  fields: Record<string, string | string[]>;
  file: { filename: string; contentType: string; bytes: Buffer } | null;
}

/** Minimal multipart/form-data parser (enough for the SDK's uploads). */
export function parseMultipart(raw: Buffer, contentType: string): Multipart {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  const out: Multipart = { fields: {}, file: null };
  if (!boundary) return out;
  const delim = Buffer.from(`--${boundary}`);
  let pos = raw.indexOf(delim);
  while (pos >= 0) {
    const start = pos + delim.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delim, start);
    if (next < 0) break;
    const part = raw.subarray(start + 2, next - 2); // skip CRLF after boundary and before the next one
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString('utf8');
    const data = part.subarray(headEnd + 4);
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename !== undefined) {
      out.file = { filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream', bytes: Buffer.from(data) };
    } else {
      const v = data.toString('utf8');
      const prev = out.fields[name];
      out.fields[name] = prev === undefined ? v : ([] as string[]).concat(prev, v);
    }
    pos = next;
  }
  return out;
}

/** Duration of a PCM WAV file from its header, or undefined when the bytes are not a WAV. */
export function wavDurationSec(b: Buffer): number | undefined {
  if (b.length < 44 || b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE') return undefined;
  let off = 12;
  let byteRate = 0;
  while (off + 8 <= b.length) {
    const id = b.toString('ascii', off, off + 4);
    const size = b.readUInt32LE(off + 4);
    if (id === 'fmt ') byteRate = b.readUInt32LE(off + 16);
    if (id === 'data' && byteRate) return Math.min(size, b.length - off - 8) / byteRate;
    off += 8 + size + (size & 1);
  }
  return undefined;
}

function spreadSegments(text: string, duration: number) {
  const sentences = text.match(/[^.!?]+[.!?]*/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];
  const total = sentences.reduce((a, s) => a + s.split(/\s+/).length, 0) || 1;
  let t = 0;
  return sentences.map((s) => {
    const d = (duration * s.split(/\s+/).length) / total;
    const seg = { start: round3(t), end: round3(t + d), text: ` ${s}` };
    t += d;
    return seg;
  });
}

function spreadWords(segments: { start: number; end: number; text: string }[]) {
  return segments.flatMap((s) => {
    const ws = s.text.trim().split(/\s+/);
    const d = (s.end - s.start) / ws.length;
    return ws.map((word, i) => ({ word, start: round3(s.start + i * d), end: round3(s.start + (i + 1) * d) }));
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function subtitles(segments: { start: number; end: number; text: string }[], format: 'srt' | 'vtt'): string {
  const ts = (x: number) => {
    const ms = Math.round(x * 1000);
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    const body = `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}`;
    return `${body}${format === 'srt' ? ',' : '.'}${p(ms % 1000, 3)}`;
  };
  const cues = segments.map((s, i) => `${format === 'srt' ? `${i + 1}\n` : ''}${ts(s.start)} --> ${ts(s.end)}\n${s.text.trim()}\n`);
  return (format === 'vtt' ? 'WEBVTT\n\n' : '') + cues.join('\n');
}

/** PCM16 mono: a 220 Hz tone whose loudness rises and falls ~4 times a second (syllables), or silence. */
function synth(seconds: number, rate: number, kind: 'tone' | 'silence'): Buffer {
  const n = Math.round(seconds * rate);
  const buf = Buffer.alloc(n * 2);
  if (kind === 'silence') return buf;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const env = 0.5 - 0.5 * Math.cos(2 * Math.PI * 4 * t);
    buf.writeInt16LE(Math.round(8000 * env * Math.sin(2 * Math.PI * 220 * t)), i * 2);
  }
  return buf;
}

/** Wrap PCM16 mono samples in a WAV header. */
export function wavFile(pcm: Buffer, rate: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + pcm.length, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([h, pcm]);
}
