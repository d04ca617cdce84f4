/**
 * Speech adapters behind two small interfaces: text-to-speech (OpenAI-compatible /v1/audio/speech, or espeak-ng)
 * and speech-to-text (OpenAI-compatible /v1/audio/transcriptions). All audio is PCM16 mono; TTS yields 24 kHz.
 */
import OpenAI, { toFile } from 'openai';
import type { SpeechCreateParams } from 'openai/resources/audio/speech';
import { AppError } from '../core/index.ts';
import type { Language } from '../analysis/index.ts';
import type { EmbeddedWhisper } from '../calls/index.ts';
import { decodeWav, encodeWav, pcm16View, resampleInt16 } from './audio.ts';
import { EspeakRunner } from './espeak-runner.ts';
import type { VoicePersona } from './engine.ts';
import { espeakVoiceFor, isOpenAiVoice, openAiVoiceFor } from './voices.ts';

export interface SpeakOptions {
  language: Language;
  /** OpenAI voice name or espeak-ng voice variant. */
  voice: string;
  speed: number;
  /** Not awaited yet (the rest of a reply while its first sentence plays): may run at a lower priority. */
  background?: boolean;
}

/** Text → PCM16 24 kHz mono, streamed. */
export interface SpeechSynthesizer {
  readonly name: string;
  /** The persona's voice in this synthesizer's naming (an OpenAI voice, or an espeak-ng variant). */
  voiceFor(p: Pick<VoicePersona, 'voice' | 'language' | 'gender'>): string;
  synthesize(text: string, opts: SpeakOptions, signal: AbortSignal): AsyncIterable<Int16Array>;
}

/** PCM16 mono (any rate) → text. */
export interface SpeechTranscriber {
  readonly name: string;
  transcribe(pcm: Int16Array, sampleRate: number, language: Language, signal?: AbortSignal): Promise<string>;
}

/** espeak-ng (through a shared helper, see espeak-runner.ts); robotic but fully offline, Hebrew (`he`) and English. */
export class EspeakSynthesizer implements SpeechSynthesizer {
  readonly name = 'espeak-ng';
  constructor(private readonly bin = 'espeak-ng') {}

  voiceFor(p: Pick<VoicePersona, 'voice' | 'language' | 'gender'>): string {
    return espeakVoiceFor(p);
  }

  async *synthesize(text: string, opts: SpeakOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
    const voice = opts.voice && !isOpenAiVoice(opts.voice) ? opts.voice : opts.language === 'he' ? 'he' : 'en-us';
    const wav = await EspeakRunner.for(this.bin).synthesize(text, voice, 165 * opts.speed, signal, opts.background);
    if (signal.aborted || wav.length === 0) return;
    const { samples, sampleRate } = decodeWav(wav);
    const pcm = resampleInt16(samples, sampleRate, 24_000);
    const step = 24_000 / 5; // 200 ms pieces
    for (let i = 0; i < pcm.length; i += step) {
      if (signal.aborted) return;
      yield pcm.slice(i, i + step);
    }
  }
}

/** Speech synthesised (OpenAI bills per character for tts models with a per-minute equivalent). */
export interface SpeechUsage {
  kind: 'speech';
  characters: number;
  /** Seconds of 24 kHz audio received. */
  seconds: number;
}

/** Audio transcribed (billed per minute of audio). */
export interface TranscriptionUsage {
  kind: 'transcription';
  seconds: number;
}

/** One OpenAI-compatible base URL + key + model (OpenAI, a self-hosted server, Azure-compatible proxy). */
export interface CompatibleEndpoint {
  baseURL?: string;
  apiKey?: string;
  model: string;
}

/** `/v1/audio/speech` with `response_format: "pcm"` (24 kHz PCM16), streamed as it arrives. */
export class OpenAiSpeechSynthesizer implements SpeechSynthesizer {
  readonly name = 'openai-speech';
  private readonly client: OpenAI;
  constructor(private readonly ep: CompatibleEndpoint & { onUsage?: (u: SpeechUsage) => void }) {
    // the SDK retries 429 / 5xx / connection errors itself, with exponential backoff and jitter
    this.client = new OpenAI({ apiKey: ep.apiKey ?? 'not-needed', baseURL: ep.baseURL, maxRetries: 2, timeout: 30_000 });
  }

  voiceFor(p: Pick<VoicePersona, 'voice' | 'language' | 'gender'>): string {
    return openAiVoiceFor(p);
  }

  async *synthesize(text: string, opts: SpeakOptions, signal: AbortSignal): AsyncIterable<Int16Array> {
    // an espeak variant ("he") is not a voice the API accepts: fall back to a built-in one
    const voice = isOpenAiVoice(opts.voice) ? opts.voice : 'marin';
    const params: SpeechCreateParams = { model: this.ep.model, voice, input: text, response_format: 'pcm', speed: opts.speed };
    const res = await this.client.audio.speech.create(params, { signal });
    let samples = 0;
    try {
      yield* this.pcmOf(res.body as unknown as AsyncIterable<Uint8Array> | null, (n) => (samples += n));
    } finally {
      this.ep.onUsage?.({ kind: 'speech', characters: text.length, seconds: samples / 24_000 });
    }
  }

  /** The response body as whole PCM16 samples (an odd byte waits for the next chunk). */
  private async *pcmOf(body: AsyncIterable<Uint8Array> | null, count: (samples: number) => void): AsyncIterable<Int16Array> {
    if (!body) return;
    let carry: Uint8Array | null = null;
    for await (const raw of body) {
      let bytes: Uint8Array = raw;
      if (carry) {
        const joined = new Uint8Array(carry.length + raw.length);
        joined.set(carry);
        joined.set(raw, carry.length);
        bytes = joined;
        carry = null;
      }
      const even = bytes.length - (bytes.length % 2);
      if (even < bytes.length) carry = bytes.slice(even);
      if (even) {
        count(even / 2);
        yield pcm16View(bytes.slice(0, even));
      }
    }
  }
}

/** The embedded recogniser (a whisper.cpp model in a worker thread, shared with uploads): 16 kHz in, text out. */
export class EmbeddedSpeechTranscriber implements SpeechTranscriber {
  readonly name = 'embedded-whisper';
  constructor(private readonly engine: Pick<EmbeddedWhisper, 'transcribe'>) {}

  async transcribe(pcm: Int16Array, sampleRate: number, language: Language, signal?: AbortSignal): Promise<string> {
    const audio = sampleRate === 16_000 ? pcm : resampleInt16(pcm, sampleRate, 16_000);
    const segments = await this.engine.transcribe(audio, language, signal);
    return segments.map((s) => s.text).join(' ').replace(/\s+/g, ' ').trim();
  }
}

/** `/v1/audio/transcriptions` with the language set explicitly (WAV upload). */
export class OpenAiTranscriber implements SpeechTranscriber {
  readonly name = 'openai-transcription';
  private readonly client: OpenAI;
  constructor(private readonly ep: CompatibleEndpoint & { onUsage?: (u: TranscriptionUsage) => void }) {
    this.client = new OpenAI({ apiKey: ep.apiKey ?? 'not-needed', baseURL: ep.baseURL, maxRetries: 2, timeout: 30_000 });
  }

  async transcribe(pcm: Int16Array, sampleRate: number, language: Language, signal?: AbortSignal): Promise<string> {
    // 16 kHz is what speech recognisers use; it also shrinks the upload by a third.
    const audio = sampleRate > 16_000 ? resampleInt16(pcm, sampleRate, 16_000) : pcm;
    const file = await toFile(encodeWav(audio, Math.min(sampleRate, 16_000)), 'turn.wav', { type: 'audio/wav' });
    try {
      const r = await this.client.audio.transcriptions.create({ file, model: this.ep.model, language, response_format: 'json' }, { signal });
      this.ep.onUsage?.({ kind: 'transcription', seconds: pcm.length / sampleRate });
      return (typeof r === 'string' ? r : r.text).trim();
    } catch (e) {
      throw new AppError('UPSTREAM_FAILED', `Speech-to-text failed: ${(e as Error).message}`, { cause: e });
    }
  }
}
