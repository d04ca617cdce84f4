/**
 * Voices per engine: the OpenAI engines (Realtime and `/v1/audio/speech`) take one of OpenAI's built-in voice
 * names, espeak-ng takes a variant such as "he" or "en-us+f3". A persona carries both; these pick the one the
 * engine in use accepts, so an espeak name never reaches OpenAI and the other way round.
 */
import type { VoicePersona } from './engine.ts';

/** OpenAI's built-in voices, as the SDK types list them for Realtime and speech (openai v6). */
export const OPENAI_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'] as const;
export type OpenAiVoice = (typeof OPENAI_VOICES)[number];

export const isOpenAiVoice = (v: unknown): v is OpenAiVoice => typeof v === 'string' && (OPENAI_VOICES as readonly string[]).includes(v);

/** The persona's OpenAI voice, or a gender-matched default when it has none the API accepts. */
export function openAiVoiceFor(p: Pick<VoicePersona, 'voice' | 'gender'>): OpenAiVoice {
  if (isOpenAiVoice(p.voice.realtime)) return p.voice.realtime;
  return p.gender === 'male' ? 'cedar' : 'marin';
}

/** The persona's espeak-ng variant (never an OpenAI name, which espeak would not know). */
export function espeakVoiceFor(p: Pick<VoicePersona, 'voice' | 'language' | 'gender'>): string {
  const v = p.voice.espeak;
  if (v && !isOpenAiVoice(v)) return v;
  if (p.language === 'he') return 'he';
  return p.gender === 'male' ? 'en-us+m3' : 'en-us+f3';
}
