import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import OpenAI, { APIError } from 'openai';
import { AppError } from '../../core/index.ts';
import type { Config } from '../../config/index.ts';
import { cutSegment, readWavInfo } from '../../audio/index.ts';
import { groupUtterances, planChunks, type Chunk } from './chunks.ts';
import type { TranscribeOptions, TranscribedSegment, Transcriber, TranscriberCapabilities } from './types.ts';

export interface OpenAiTranscriberOptions {
  /** Shown in reports: 'openai', 'openai-compatible'. */
  name: string;
  baseURL?: string;
  apiKey: string;
  model: string;
  /** Longest chunk sent in one request, seconds (default: what fits under maxUploadBytes, at most 600). */
  maxChunkSec?: number;
  maxUploadBytes?: number;
  /** Requests in flight at once when sending one utterance per request (default 3). */
  concurrency?: number;
  /** Request timeout, ms (default 120 s). */
  timeoutMs?: number;
}

type Mode = 'verbose_json' | 'diarized_json' | 'json';

/** Which response shape gives timestamps for a model: whisper-style verbose_json, diarized_json, or none. */
export function responseModeFor(model: string): Mode {
  if (/transcribe-diarize/.test(model)) return 'diarized_json';
  if (/^gpt-4o.*transcribe|^gpt-transcribe/.test(model)) return 'json';
  return 'verbose_json';
}

const WAV_BYTES_PER_SEC = 32_000;

/**
 * OpenAI's /v1/audio/transcriptions and any compatible endpoint (self-hosted Whisper servers, vLLM, …).
 * One class; OpenAI and compatible servers are presets of it (see transcriberFromConfig).
 */
export class OpenAiTranscriber implements Transcriber {
  readonly name: string;
  readonly model: string;
  readonly capabilities: TranscriberCapabilities;
  private readonly client: OpenAI;
  private readonly mode: Mode;
  private readonly maxChunkSec: number;
  private readonly concurrency: number;

  constructor(o: OpenAiTranscriberOptions) {
    this.name = o.name;
    this.model = o.model;
    this.mode = responseModeFor(o.model);
    const maxUploadBytes = o.maxUploadBytes ?? 25 * 1024 * 1024;
    this.capabilities = { timestamps: this.mode === 'json' ? 'none' : 'segments', diarization: this.mode === 'diarized_json', maxUploadBytes };
    this.maxChunkSec = o.maxChunkSec ?? Math.min(600, Math.floor((maxUploadBytes * 0.95) / WAV_BYTES_PER_SEC));
    this.concurrency = o.concurrency ?? 3;
    this.client = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL, timeout: o.timeoutMs ?? 120_000, maxRetries: 2 });
  }

  async transcribe(wavPath: string, opts: TranscribeOptions): Promise<TranscribedSegment[]> {
    const info = await readWavInfo(wavPath);
    const duration = info.dataBytes / (info.sampleRate * 2 * info.channels);
    const chunks = this.mode === 'json' ? groupUtterances(opts.speech ?? [{ startSec: 0, endSec: duration }], Math.min(30, this.maxChunkSec)) : planChunks(duration, this.maxChunkSec, opts.speech);
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-stt-'));
    try {
      const results: TranscribedSegment[][] = new Array(chunks.length);
      let next = 0;
      let doneSec = 0;
      const worker = async () => {
        while (next < chunks.length) {
          const i = next++;
          const c = chunks[i];
          opts.signal?.throwIfAborted();
          const file = path.join(dir, `chunk-${i}.wav`);
          const whole = chunks.length === 1 && c.startSec === 0;
          if (!whole) await cutSegment(wavPath, c.startSec, c.endSec - c.startSec, file, opts.signal);
          results[i] = await this.request(whole ? wavPath : file, c, opts);
          doneSec += c.endSec - c.startSec;
          opts.onProgress?.(Math.min(1, doneSec / Math.max(duration, 0.001)));
        }
      };
      const lanes = this.mode === 'json' ? this.concurrency : 1;
      await Promise.all(Array.from({ length: Math.min(lanes, chunks.length) }, worker));
      return results.flat().filter((s) => s.text.trim().length > 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Sends one chunk; returns its segments shifted by the chunk's offset. */
  private async request(file: string, chunk: Chunk, opts: TranscribeOptions): Promise<TranscribedSegment[]> {
    const params: Record<string, unknown> = { file: createReadStream(file), model: this.model, language: opts.language, response_format: this.mode };
    if (this.mode === 'verbose_json') params.timestamp_granularities = ['segment'];
    if (this.mode === 'diarized_json') params.chunking_strategy = 'auto';
    let res: { text?: string; segments?: { start: number; end: number; text: string; speaker?: string }[] };
    try {
      res = (await this.client.audio.transcriptions.create(params as never, { signal: opts.signal })) as typeof res;
    } catch (e) {
      throw upstreamError(e, this.name);
    }
    const off = chunk.startSec;
    const len = chunk.endSec - chunk.startSec;
    if (Array.isArray(res.segments) && res.segments.length) {
      return res.segments.map((s) => ({
        startSec: r3(off + Math.max(0, Math.min(len, Number(s.start) || 0))),
        endSec: r3(off + Math.max(0, Math.min(len, Number(s.end) || 0))),
        text: String(s.text ?? '').trim(),
        ...(s.speaker ? { speakerLabel: String(s.speaker) } : {}),
      }));
    }
    const text = typeof res === 'string' ? (res as string) : (res.text ?? '');
    return [{ startSec: r3(off), endSec: r3(chunk.endSec), text: text.trim() }];
  }
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Turns an SDK error into our taxonomy: a refused key or rejected audio is not retried; the rest is. */
function upstreamError(e: unknown, name: string): Error {
  if (e instanceof Error && e.name === 'AbortError') return e;
  if (e instanceof APIError && e.status) {
    if (e.status === 401 || e.status === 403) return new AppError('NOT_CONFIGURED', `The ${name} transcription endpoint refused the API key (${e.status}). Check the key in the configuration.`, { cause: e });
    if ([400, 404, 413, 415, 422].includes(e.status)) return new AppError('VALIDATION_FAILED', `The ${name} transcription endpoint rejected the request (${e.status}): ${e.message}`, { cause: e });
    return new AppError('UPSTREAM_FAILED', `The ${name} transcription endpoint failed (${e.status}); it will be retried.`, { cause: e });
  }
  return new AppError('UPSTREAM_FAILED', `The ${name} transcription endpoint could not be reached: ${(e as Error)?.message ?? e}`, { cause: e });
}

/**
 * The transcriber the configuration asks for, or null when none is configured (then calls get the
 * audio-only report). TRANSCRIBE_BASE_URL wins (a self-hosted Whisper server); else OpenAI with
 * OPENAI_API_KEY (at OPENAI_BASE_URL when set); else a keyless compatible server at OPENAI_BASE_URL.
 */
export function transcriberFromConfig(config: Config, overrides: Partial<OpenAiTranscriberOptions> = {}): Transcriber | null {
  const model = config.OPENAI_TRANSCRIBE_MODEL;
  if (config.TRANSCRIBE_BASE_URL) {
    return new OpenAiTranscriber({ name: 'openai-compatible', baseURL: config.TRANSCRIBE_BASE_URL, apiKey: config.TRANSCRIBE_API_KEY ?? config.OPENAI_API_KEY ?? 'not-needed', model, ...overrides });
  }
  if (config.OPENAI_API_KEY) {
    return new OpenAiTranscriber({ name: config.OPENAI_BASE_URL ? 'openai-compatible' : 'openai', baseURL: config.OPENAI_BASE_URL, apiKey: config.OPENAI_API_KEY, model, ...overrides });
  }
  if (config.OPENAI_BASE_URL) {
    return new OpenAiTranscriber({ name: 'openai-compatible', baseURL: config.OPENAI_BASE_URL, apiKey: 'not-needed', model, ...overrides });
  }
  return null;
}
