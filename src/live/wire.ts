/**
 * The observer's wire (issue 17), shared by the server and the manager's live page (browser-safe: zod only).
 *
 * Observer socket `/api/live/:simulationId/observe`:
 *   server → browser text frames: the session's live events (`ObserverEvent`), JSON;
 *   server → browser binary frames: audio, one or more chunks, each a 4-byte header [track, 0, bytes as u16 LE]
 *     (track 0 agent, 1 customer) + that many bytes of PCM16 24 kHz mono (`audioChunks` reads them);
 *   browser → server text frames: `ObserverClientMessage` (a whisper, a ping).
 * Control topic (observer's node → owning node): `ControlMessage`, validated on arrival like any inbound frame.
 */
import { z } from 'zod';

/** Longest whisper (characters): a hint, not a script. */
export const WHISPER_MAX_CHARS = 280;
/** Whispers one observer may send: a burst of 3, then one every 5 s. */
export const WHISPER_RATE = { burst: 3, perSec: 0.2 } as const;
/** An observer tells the owning node it is still there this often; silent for 3× as long = gone. */
export const OBSERVER_HEARTBEAT_MS = 10_000;

export const AUDIO_TRACK_TAG = { agent: 0, customer: 1 } as const;
export const AUDIO_HEADER_BYTES = 4;

/** The audio chunks of one binary observer message (a malformed tail is ignored). */
export function audioChunks(bytes: Uint8Array): Array<{ track: 'agent' | 'customer'; pcm: Uint8Array }> {
  const out: Array<{ track: 'agent' | 'customer'; pcm: Uint8Array }> = [];
  let at = 0;
  while (at + AUDIO_HEADER_BYTES <= bytes.length) {
    const len = bytes[at + 2] | (bytes[at + 3] << 8);
    const start = at + AUDIO_HEADER_BYTES;
    if (start + len > bytes.length) break;
    out.push({ track: bytes[at] === 0 ? 'agent' : 'customer', pcm: bytes.subarray(start, start + len) });
    at = start + len;
  }
  return out;
}

const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const bilingual = z.object({ he: z.string(), en: z.string() });

// ── browser → observer socket ────────────────────────────────────────────────

export const observerClientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('whisper'),
    text: z
      .string()
      .trim()
      .min(1, 'is empty')
      .max(WHISPER_MAX_CHARS, `is longer than ${WHISPER_MAX_CHARS} characters`)
      .regex(NO_CONTROL, 'contains a control character'),
  }),
  z.object({ type: z.literal('ping'), t: z.number().finite() }),
]);
export type ObserverClientMessage = z.output<typeof observerClientMessageSchema>;

// ── owning node → observers (the events topic) ───────────────────────────────

export const transcriptLineSchema = z.object({
  id: z.string(),
  speaker: z.enum(['agent', 'customer']),
  text: z.string(),
  final: z.boolean(),
  interrupted: z.boolean().optional(),
  inaudible: z.boolean().optional(),
});
export type TranscriptLine = z.output<typeof transcriptLineSchema>;

export const coachItemSchema = z.object({
  kind: z.enum(['hint', 'difficulty', 'notice']),
  text: z.string(),
  texts: bilingual.optional(),
  severity: z.enum(['info', 'warn']).optional(),
  level: z.string().optional(),
  atMs: z.number(),
});
export type CoachItem = z.output<typeof coachItemSchema>;

export const whisperItemSchema = z.object({ id: z.string(), text: z.string(), from: z.string(), atMs: z.number() });
export type WhisperItem = z.output<typeof whisperItemSchema>;

const observersSchema = z.object({ count: z.number().int().min(0), names: z.array(z.string()) });

export const observerEventSchema = z.discriminatedUnion('type', [
  /** Everything so far, for an observer who just joined (sent to all: the others replace their state). */
  z.object({
    type: z.literal('snapshot'),
    at: z.number(),
    elapsedMs: z.number(),
    persona: z.object({ name: z.string(), summary: z.string().optional() }),
    language: z.enum(['he', 'en']),
    mode: z.enum(['voice', 'text']),
    turns: z.array(transcriptLineSchema),
    mood: z.string().nullable(),
    metrics: z.record(z.string(), z.number()),
    coach: z.array(coachItemSchema),
    whispers: z.array(whisperItemSchema),
    observers: observersSchema,
    status: z.enum(['live', 'ended']),
  }),
  z.object({ type: z.literal('transcript'), at: z.number(), line: transcriptLineSchema }),
  z.object({ type: z.literal('coach'), at: z.number(), item: coachItemSchema }),
  z.object({ type: z.literal('metrics'), at: z.number(), values: z.record(z.string(), z.number()) }),
  z.object({ type: z.literal('mood'), at: z.number(), mood: z.string(), values: z.record(z.string(), z.number()) }),
  z.object({ type: z.literal('observers'), at: z.number(), ...observersSchema.shape }),
  z.object({ type: z.literal('whisper'), at: z.number(), whisper: whisperItemSchema }),
  z.object({ type: z.literal('status'), at: z.number(), status: z.enum(['live', 'ended']), reason: z.string().optional(), outcome: z.string().optional(), durationMs: z.number().optional() }),
  /** Only from the observer's own socket: a refused message, the reason in both languages. */
  z.object({ type: z.literal('error'), at: z.number(), code: z.enum(['INVALID_MESSAGE', 'RATE_LIMITED', 'NOT_LIVE']), message: z.string(), texts: bilingual }),
]);
export type ObserverEvent = z.output<typeof observerEventSchema>;
export type ObserverEventOf<T extends ObserverEvent['type']> = Extract<ObserverEvent, { type: T }>;

// ── observers' nodes → owning node (the control topic) ───────────────────────

export const controlMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('observer'),
    at: z.number(),
    action: z.enum(['join', 'here', 'leave']),
    observerId: z.string().min(1).max(100),
    userId: z.string().min(1).max(100),
    name: z.string().max(200),
  }),
  z.object({
    type: z.literal('whisper'),
    at: z.number(),
    id: z.string().min(1).max(100),
    observerId: z.string().min(1).max(100),
    userId: z.string().min(1).max(100),
    name: z.string().max(200),
    text: z.string().min(1).max(WHISPER_MAX_CHARS).regex(NO_CONTROL),
  }),
]);
export type ControlMessage = z.output<typeof controlMessageSchema>;

/** Parse an observer's text frame; never throws. */
export function decodeObserverClientMessage(raw: string): { ok: true; message: ObserverClientMessage } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'The message is not valid JSON.' };
  }
  const r = observerClientMessageSchema.safeParse(data);
  if (r.success) return { ok: true, message: r.data };
  return { ok: false, message: r.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') };
}

/** Parse a server event on the live page; null when it is not one. */
export function decodeObserverEvent(raw: string): ObserverEvent | null {
  try {
    const r = observerEventSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
