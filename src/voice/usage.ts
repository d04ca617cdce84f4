/**
 * What a call consumed from a paid service, as the service reported it (Realtime `response.done` usage, the
 * transcription's audio duration, the speech audio received, chat completion usage), and what it costs.
 * Prices are OpenAI's published list prices in US dollars (per 1M tokens, per minute of audio), kept here as
 * documented constants; a model not listed costs 0 (self-hosted endpoints, unknown models) and is reported so.
 */

export type UsageRecord =
  | {
      kind: 'realtime';
      model: string;
      inputTextTokens: number;
      inputAudioTokens: number;
      cachedInputTokens: number;
      outputTextTokens: number;
      outputAudioTokens: number;
    }
  | { kind: 'transcription'; model: string; seconds: number }
  /** Transcription billed by tokens (gpt-4o-transcribe inside Realtime reports these). */
  | { kind: 'transcription_tokens'; model: string; inputAudioTokens: number; inputTextTokens: number; outputTokens: number }
  | { kind: 'speech'; model: string; seconds: number; characters: number }
  | { kind: 'chat'; model: string; inputTokens: number; outputTokens: number };

/** USD per 1M tokens (text / audio, in / cached in / out). */
interface TokenPrices {
  textIn: number;
  textCachedIn: number;
  textOut: number;
  audioIn: number;
  audioCachedIn: number;
  audioOut: number;
}

/** Realtime models (openai.com/api/pricing, gpt-realtime GA prices of Aug 2025). */
export const REALTIME_PRICES: Record<string, TokenPrices> = {
  'gpt-realtime': { textIn: 4, textCachedIn: 0.4, textOut: 16, audioIn: 32, audioCachedIn: 0.4, audioOut: 64 },
  'gpt-realtime-mini': { textIn: 0.6, textCachedIn: 0.06, textOut: 2.4, audioIn: 10, audioCachedIn: 0.3, audioOut: 20 },
  'gpt-4o-realtime-preview': { textIn: 5, textCachedIn: 2.5, textOut: 20, audioIn: 40, audioCachedIn: 2.5, audioOut: 80 },
};

/** Speech-to-text, USD per minute of audio. */
export const TRANSCRIBE_PRICE_PER_MIN: Record<string, number> = { 'gpt-4o-transcribe': 0.006, 'gpt-4o-mini-transcribe': 0.003, 'whisper-1': 0.006 };

/** Transcription by tokens, USD per 1M tokens (audio in / text in / text out). */
export const TRANSCRIBE_TOKEN_PRICES: Record<string, { audioIn: number; textIn: number; out: number }> = {
  'gpt-4o-transcribe': { audioIn: 6, textIn: 2.5, out: 10 },
  'gpt-4o-mini-transcribe': { audioIn: 3, textIn: 1.25, out: 5 },
};

/** Text-to-speech, USD per minute of audio produced (gpt-4o-mini-tts: OpenAI's estimate ≈ $0.015/min). */
export const SPEECH_PRICE_PER_MIN: Record<string, number> = { 'gpt-4o-mini-tts': 0.015 };
/** Text-to-speech billed per character (tts-1, tts-1-hd), USD per 1M characters. */
export const SPEECH_PRICE_PER_MCHAR: Record<string, number> = { 'tts-1': 15, 'tts-1-hd': 30 };

/** Chat models, USD per 1M tokens (in / out). */
export const CHAT_PRICES: Record<string, { in: number; out: number }> = {
  'gpt-4.1-mini': { in: 0.4, out: 1.6 },
  'gpt-4.1': { in: 2, out: 8 },
  'gpt-4o-mini': { in: 0.15, out: 0.6 },
  'gpt-4o': { in: 2.5, out: 10 },
};

/** The price table entry for a model id, also for dated snapshots ("gpt-realtime-2025-08-28"). */
function priced<T>(table: Record<string, T>, model: string): T | undefined {
  if (table[model]) return table[model];
  const base = Object.keys(table)
    .filter((k) => model.startsWith(`${k}-`))
    .sort((a, b) => b.length - a.length)[0];
  return base ? table[base] : undefined;
}

/** Cost of one usage record in US dollars (0 for models without a listed price). */
export function usageCostUsd(u: UsageRecord): number {
  const M = 1_000_000;
  switch (u.kind) {
    case 'realtime': {
      const p = priced(REALTIME_PRICES, u.model);
      if (!p) return 0;
      // cached tokens are part of the input tokens; OpenAI reports them without a text/audio split, so they are
      // taken off the audio input (the larger part of a voice call's context)
      const cachedAudio = Math.min(u.cachedInputTokens, u.inputAudioTokens);
      const cachedText = Math.min(u.cachedInputTokens - cachedAudio, u.inputTextTokens);
      return (
        ((u.inputTextTokens - cachedText) * p.textIn + cachedText * p.textCachedIn + (u.inputAudioTokens - cachedAudio) * p.audioIn + cachedAudio * p.audioCachedIn + u.outputTextTokens * p.textOut + u.outputAudioTokens * p.audioOut) / M
      );
    }
    case 'transcription':
      return ((priced(TRANSCRIBE_PRICE_PER_MIN, u.model) ?? 0) * u.seconds) / 60;
    case 'transcription_tokens': {
      const p = priced(TRANSCRIBE_TOKEN_PRICES, u.model);
      return p ? (u.inputAudioTokens * p.audioIn + u.inputTextTokens * p.textIn + u.outputTokens * p.out) / M : 0;
    }
    case 'speech': {
      const perChar = priced(SPEECH_PRICE_PER_MCHAR, u.model);
      if (perChar !== undefined) return (perChar * u.characters) / M;
      return ((priced(SPEECH_PRICE_PER_MIN, u.model) ?? 0) * u.seconds) / 60;
    }
    case 'chat': {
      const p = priced(CHAT_PRICES, u.model);
      return p ? (u.inputTokens * p.in + u.outputTokens * p.out) / M : 0;
    }
  }
}

/** Whether a model has a listed price (else its cost shows as 0 and `doctor` says so). */
export function hasPrice(kind: UsageRecord['kind'], model: string): boolean {
  const table = kind === 'realtime' ? REALTIME_PRICES : kind === 'transcription' ? TRANSCRIBE_PRICE_PER_MIN : kind === 'transcription_tokens' ? TRANSCRIBE_TOKEN_PRICES : kind === 'chat' ? CHAT_PRICES : { ...SPEECH_PRICE_PER_MIN, ...SPEECH_PRICE_PER_MCHAR };
  return priced(table as Record<string, unknown>, model) !== undefined;
}

/** A call's usage summed up: cost and the measures the admin page shows. */
export interface UsageTotals {
  costUsd: number;
  realtimeTokens: number;
  transcriptionSeconds: number;
  speechSeconds: number;
  chatTokens: number;
}

export function addUsage(t: UsageTotals, u: UsageRecord): UsageTotals {
  return {
    costUsd: t.costUsd + usageCostUsd(u),
    realtimeTokens: t.realtimeTokens + (u.kind === 'realtime' ? u.inputTextTokens + u.inputAudioTokens + u.outputTextTokens + u.outputAudioTokens : 0),
    // token-billed transcription: audio tokens at 10 per second of audio (OpenAI's audio tokenization)
    transcriptionSeconds: t.transcriptionSeconds + (u.kind === 'transcription' ? u.seconds : u.kind === 'transcription_tokens' ? u.inputAudioTokens / 10 : 0),
    speechSeconds: t.speechSeconds + (u.kind === 'speech' ? u.seconds : 0),
    chatTokens: t.chatTokens + (u.kind === 'chat' ? u.inputTokens + u.outputTokens : 0),
  };
}

export const NO_USAGE: UsageTotals = { costUsd: 0, realtimeTokens: 0, transcriptionSeconds: 0, speechSeconds: 0, chatTokens: 0 };
