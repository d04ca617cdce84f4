/**
 * The simulation WebSocket wire protocol, shared by the server and the browser client.
 * Binary frames carry raw PCM16 little-endian, 24 kHz, mono audio in both directions; text frames carry the
 * JSON messages below, discriminated on `type`. Browser-safe: no Node imports in this file.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** Audio format on the wire, both directions. */
export const WIRE_AUDIO = {
  sampleRate: 24_000,
  channels: 1,
  bytesPerSample: 2,
  /** Shortest accepted inbound frame (10 ms = 480 bytes). */
  minFrameMs: 10,
  /** Longest accepted inbound frame (100 ms = 4,800 bytes). */
  maxFrameMs: 100,
  /** What the server sends back per binary frame. */
  outboundFrameMs: 40,
} as const;

/** How the browser reports the customer's playback, and how long the server waits for its word on a barge-in. */
export const PLAYBACK_REPORTS = {
  /** The client sends `playback_position` for the item playing at most this often. */
  positionEveryMs: 200,
  /**
   * After a barge-in the server waits this long for the client's `interrupt` (what it played) before cutting the
   * customer's turn at an estimate from the last position report. Generous: a round trip on a loaded machine.
   */
  interruptWaitMs: 1000,
} as const;

/** Bytes of PCM16 24 kHz mono for `ms` milliseconds. */
export const bytesForMs = (ms: number): number => Math.round((ms * WIRE_AUDIO.sampleRate) / 1000) * WIRE_AUDIO.bytesPerSample;
/** Milliseconds of PCM16 24 kHz mono in `bytes` bytes. */
export const msForBytes = (bytes: number): number => (bytes / WIRE_AUDIO.bytesPerSample / WIRE_AUDIO.sampleRate) * 1000;

/** Why an inbound binary frame is refused, or null when it is a valid audio frame. */
export function audioFrameProblem(byteLength: number): string | null {
  if (byteLength % WIRE_AUDIO.bytesPerSample !== 0) return `audio frame of ${byteLength} bytes is not whole 16-bit samples`;
  const min = bytesForMs(WIRE_AUDIO.minFrameMs);
  const max = bytesForMs(WIRE_AUDIO.maxFrameMs);
  if (byteLength < min || byteLength > max)
    return `audio frame of ${byteLength} bytes is outside ${min}–${max} bytes (${WIRE_AUDIO.minFrameMs}–${WIRE_AUDIO.maxFrameMs} ms of PCM16 24 kHz mono)`;
  return null;
}

// NUL and other C0 controls (tab and new lines aside) are never speech, and PostgreSQL cannot store a NUL
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const id = z.string().min(1).max(100).regex(NO_CONTROL, 'contains a control character');
const text = z.string().max(4000).regex(NO_CONTROL, 'contains a control character');
const ms = z.number().finite().min(0);

// ── client → server ───────────────────────────────────────────────────────────

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    v: z.literal(PROTOCOL_VERSION),
    /** voice: microphone audio follows as binary frames; text: typed turns only. */
    mode: z.enum(['voice', 'text']).default('voice'),
    /** Who transcribes the agent: the server's STT/engine, or the browser (sends agent_transcript). */
    agentTranscripts: z.enum(['server', 'browser']).default('server'),
    /** Push-to-talk: the client decides when the agent's turn ends (sends agent_turn_end). */
    pushToTalk: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('agent_transcript'),
    text,
    final: z.boolean(),
    /** Browser recognition language tag, e.g. he-IL. */
    lang: z.string().max(20).optional(),
  }),
  /** Browser transcripts: whether the page's speech recognition runs (`failed`: it stopped for good, with why). */
  z.object({ type: z.literal('recognition'), status: z.enum(['on', 'unavailable', 'failed']), error: z.string().max(100).optional() }),
  z.object({ type: z.literal('agent_text'), text: text.min(1) }),
  /** Push-to-talk release: the agent's turn is over. */
  z.object({ type: z.literal('agent_turn_end') }),
  /** Barge-in: the agent started talking over the customer; playback stopped after playedMs of itemId. */
  z.object({ type: z.literal('interrupt'), itemId: id, playedMs: ms }),
  /** Playback progress of a customer item (first report = first audio actually heard). */
  z.object({ type: z.literal('playback_position'), itemId: id, playedMs: ms }),
  z.object({ type: z.literal('end'), reason: z.string().max(200).optional() }),
  z.object({ type: z.literal('ping'), t: z.number().finite() }),
]);
export type ClientMessage = z.output<typeof clientMessageSchema>;
export type ClientMessageInput = z.input<typeof clientMessageSchema>;

// ── server → client ───────────────────────────────────────────────────────────

export const ENGINE_NAMES = ['realtime', 'cascade', 'text'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/**
 * The fallback chain's rungs, in order: OpenAI Realtime (speech to speech), the cascade over an OpenAI-compatible
 * endpoint (speech-to-text + chat + text-to-speech), and the offline cascade (offline brain + espeak-ng).
 */
export const ENGINE_TIERS = ['realtime', 'cascade', 'offline'] as const;
export type EngineTier = (typeof ENGINE_TIERS)[number];
/** What an admin or an agent may ask for: a tier to start from, or the best available. */
export const ENGINE_CHOICES = ['auto', ...ENGINE_TIERS] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

export const personaCardSchema = z.object({
  name: z.string(),
  role: z.string().optional(),
  summary: z.string(),
  language: z.enum(['he', 'en']),
  mood: z.string().optional(),
  difficulty: z.string().optional(),
  /** The customer's grammatical gender (Hebrew words about them agree with it). */
  gender: z.enum(['female', 'male']).optional(),
  /** What the customer says about themselves when asked (work, home, who they are with): the offline customer's own facts. */
  facts: z.array(z.string()).max(6).optional(),
});
export type PersonaCard = z.infer<typeof personaCardSchema>;

export const OUTCOMES = ['purchase', 'next_step', 'postponed', 'hung_up', 'no_outcome'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const END_REASONS = ['agent_ended', 'customer_hung_up', 'time_limit', 'quota_exhausted', 'engine_failed', 'disconnected'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Per-turn latency timeline; times in ms since session start, null when not (yet) observed. */
export const latencyTimelineSchema = z.object({
  agentSpeechEndMs: z.number().nullable(),
  turnCommittedMs: z.number().nullable(),
  firstCustomerTextMs: z.number().nullable(),
  firstCustomerAudioSentMs: z.number().nullable(),
  firstAudioPlayedMs: z.number().nullable(),
});
export type LatencyTimeline = z.infer<typeof latencyTimelineSchema>;

export const WIRE_ERROR_CODES = [
  'MALFORMED_JSON',
  'UNKNOWN_MESSAGE',
  'INVALID_MESSAGE',
  'BAD_AUDIO_FRAME',
  'NOT_STARTED',
  'ALREADY_STARTED',
  'RATE_LIMITED',
  'UNSUPPORTED_VERSION',
  'ENGINE_ERROR',
  'ENGINE_RECONNECTING',
  'QUOTA_EXHAUSTED',
  'INTERNAL',
] as const;
export type WireErrorCode = (typeof WIRE_ERROR_CODES)[number];

/** Why an agent utterance has no words: no recogniser at all, a recogniser error, or an empty result. */
export const TRANSCRIPT_PROBLEMS = ['no_recognition', 'engine_error', 'empty'] as const;
export type TranscriptProblem = (typeof TRANSCRIPT_PROBLEMS)[number];

/** One text in Hebrew and English. */
const bilingualText = z.object({ he: z.string(), en: z.string() });

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    v: z.literal(PROTOCOL_VERSION),
    sessionId: z.string(),
    engine: z.object({ name: z.enum(ENGINE_NAMES), audioIn: z.boolean(), audioOut: z.boolean(), serverTranscripts: z.boolean() }),
    persona: personaCardSchema,
    language: z.enum(['he', 'en']),
    audio: z.object({ sampleRate: z.literal(WIRE_AUDIO.sampleRate), minFrameMs: z.number(), maxFrameMs: z.number() }),
    maxDurationSec: z.number(),
  }),
  z.object({ type: z.literal('agent_speech_started'), atMs: z.number() }),
  z.object({ type: z.literal('agent_speech_stopped'), atMs: z.number() }),
  z.object({ type: z.literal('agent_transcript_partial'), turnId: z.string(), text: z.string() }),
  /** `inaudible`: the agent spoke but no words could be had (text is empty); the customer asks them to repeat. */
  z.object({ type: z.literal('agent_transcript_final'), turnId: z.string(), text: z.string(), atMs: z.number(), inaudible: z.boolean().optional() }),
  /** Why the agent's speech has no words, and the fix: sent once per reason in a call. */
  z.object({ type: z.literal('transcription_notice'), reason: z.enum(TRANSCRIPT_PROBLEMS), text: z.string(), texts: bilingualText }),
  z.object({ type: z.literal('customer_turn_started'), itemId: z.string(), atMs: z.number() }),
  z.object({ type: z.literal('customer_transcript_delta'), itemId: z.string(), delta: z.string() }),
  z.object({
    type: z.literal('customer_transcript_final'),
    itemId: z.string(),
    text: z.string(),
    /** True when the agent barged in; text is then what the agent actually heard. */
    interrupted: z.boolean(),
    atMs: z.number(),
  }),
  /** Stop playing itemId now and drop its queued audio (server-side barge-in detection). */
  z.object({ type: z.literal('playback_stop'), itemId: z.string() }),
  z.object({ type: z.literal('turn_latency'), turnId: z.string(), timeline: latencyTimelineSchema }),
  z.object({ type: z.literal('metrics'), values: z.record(z.string(), z.number()) }),
  /** `text`/`reason` are in the call's language; `texts`/`reasons` (optional) carry both, so the page shows its own language. */
  z.object({ type: z.literal('hint'), text: z.string(), severity: z.enum(['info', 'warn']).default('info'), texts: bilingualText.optional() }),
  z.object({ type: z.literal('difficulty'), level: z.string(), reason: z.string(), reasons: bilingualText.optional() }),
  z.object({ type: z.literal('customer_state'), mood: z.string(), values: z.record(z.string(), z.number()) }),
  z.object({ type: z.literal('engine_status'), status: z.enum(['connected', 'reconnecting', 'degraded']), detail: z.string().optional() }),
  /** The engine in use failed for good and the call goes on in the next one (transcript and persona kept). */
  z.object({
    type: z.literal('engine_changed'),
    from: z.enum(ENGINE_TIERS),
    to: z.enum(ENGINE_TIERS),
    engine: z.object({ name: z.enum(ENGINE_NAMES), audioIn: z.boolean(), audioOut: z.boolean(), serverTranscripts: z.boolean() }),
    reason: z.string(),
  }),
  z.object({ type: z.literal('error'), code: z.enum(WIRE_ERROR_CODES), message: z.string(), recoverable: z.boolean() }),
  z.object({ type: z.literal('ended'), outcome: z.enum(OUTCOMES), reason: z.enum(END_REASONS), durationMs: z.number() }),
  z.object({ type: z.literal('pong'), t: z.number(), serverMs: z.number() }),
  /** Who is listening to this call live (issue 17): sent when a manager starts or stops observing; the page shows it. */
  z.object({ type: z.literal('observers'), count: z.number().int().min(0), names: z.array(z.string()) }),
  /** A manager's whispered hint: shown to the agent only (never to the customer, never in the customer's audio). */
  z.object({ type: z.literal('whisper'), id: z.string(), text: z.string(), from: z.string(), atMs: z.number() }),
  /** Sent right after `ready` when a reloaded page re-attaches to a live session: the transcript so far. */
  z.object({
    type: z.literal('resumed'),
    elapsedMs: z.number(),
    turns: z.array(
      z.object({ id: z.string(), speaker: z.enum(['agent', 'customer']), text: z.string(), interrupted: z.boolean(), startMs: z.number(), endMs: z.number(), inaudible: z.boolean().optional() }),
    ),
    /** The server that ran the call went away and this one took it over from the database (the page says so once). */
    takenOver: z.boolean().optional(),
  }),
]);
export type ServerMessage = z.output<typeof serverMessageSchema>;
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

const CLIENT_TYPES = new Set<string>(clientMessageSchema.options.map((o) => o.shape.type.value));

/** Result of decoding one inbound text frame. */
export type DecodedClientFrame =
  | { ok: true; message: ClientMessage }
  | { ok: false; code: 'MALFORMED_JSON' | 'UNKNOWN_MESSAGE' | 'INVALID_MESSAGE' | 'UNSUPPORTED_VERSION'; message: string };

/** Parse and validate one inbound JSON text frame; never throws. */
export function decodeClientMessage(raw: string): DecodedClientFrame {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'MALFORMED_JSON', message: 'The message is not valid JSON.' };
  }
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !CLIENT_TYPES.has(type))
    return { ok: false, code: 'UNKNOWN_MESSAGE', message: `Unknown message type ${JSON.stringify(type ?? null)}.` };
  if (type === 'start' && (data as { v?: unknown }).v !== PROTOCOL_VERSION)
    return { ok: false, code: 'UNSUPPORTED_VERSION', message: `This server speaks protocol version ${PROTOCOL_VERSION}; reload the page.` };
  const r = clientMessageSchema.safeParse(data);
  if (!r.success) {
    const why = r.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
    return { ok: false, code: 'INVALID_MESSAGE', message: `Invalid ${type} message: ${why}` };
  }
  return { ok: true, message: r.data };
}

/** Parse a server message (used by the browser client and tests). */
export function decodeServerMessage(raw: string): ServerMessage | null {
  try {
    const r = serverMessageSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
