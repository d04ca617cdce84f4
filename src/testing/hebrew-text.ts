/**
 * What a Hebrew screen (or the CLI's readable output) may show in Latin letters, and what counts as a raw id.
 * Shared by the Chromium walk (src/web/e2e/hebrew-walk.e2e.test.ts) and the CLI check (src/cli/hebrew-output.test.ts).
 */

/** Product and tool names, formats and units that stay Latin in Hebrew text (compared without case). */
export const LATIN_ALLOWED = new Set([
  // product and vendor names
  'SalesGym', 'OpenAI', 'Realtime', 'Whisper', 'whisper', 'cpp', 'espeak', 'espeak-ng', 'ffmpeg', 'PGlite', 'PostgreSQL', 'Redis',
  'Chromium', 'Chrome', 'Safari', 'Firefox', 'Edge', 'Ollama', 'vLLM', 'Azure', 'Supabase', 'Silero', 'Google', 'Excel', 'GPT', 'gpt',
  // formats, protocols and abbreviations read as such in Hebrew
  'AI', 'API', 'B2B', 'B2C', 'SaaS', 'Gong', 'Labs', 'CSV', 'JSON', 'PDF', 'WAV', 'MP3', 'MP4', 'M4A', 'OGG', 'OPUS', 'AMR', 'WebM', 'FLAC', 'WMA', 'AAC', 'SRT', 'WebVTT', 'VTT', 'TXT', 'HTTP', 'HTTPS', 'URL', 'PCM', 'VAD', 'STT', 'TTS', 'CPU', 'GPU',
  // units written as units
  'MB', 'GB', 'KB', 'kB', 'Hz', 'kHz', 'ms', 'dB', 'ILS', 'USD', 'EUR',
]);

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const URL_RE = /\b(https?|wss?):\/\/\S+/g;
const FILE = /[\w.-]+\.(wav|mp3|m4a|ogg|oga|opus|webm|txt|srt|vtt|json|csv|wma|flac|bin|aac|mp4|docx|pdf|md)\b/gi;
/** An environment variable's name (a setting the reader types as is). */
const ENV_NAME = /\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b/g;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9_'’-]*[A-Za-z0-9]|[A-Za-z]/g;

/** The Latin words of a text that are not allowed in Hebrew, each with a little of the text around it. */
export function latinLeftovers(text: string, allowed: ReadonlySet<string> = LATIN_ALLOWED): string[] {
  const clean = text.replace(/[\u2066-\u2069\u200e\u200f]/g, '').replace(EMAIL, ' ').replace(URL_RE, ' ').replace(FILE, ' ').replace(ENV_NAME, ' ');
  const ok = new Set([...allowed].map((w) => w.toLowerCase()));
  const out = new Map<string, string>();
  for (const m of clean.matchAll(LATIN_WORD)) {
    const w = m[0];
    if (ok.has(w.toLowerCase()) || out.has(w)) continue;
    const at = m.index ?? 0;
    out.set(w, `${w} «${clean.slice(Math.max(0, at - 25), at + w.length + 25).replace(/\s+/g, ' ').trim()}»`);
  }
  return [...out.values()];
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** A run of hex digits with both letters and digits, 6 or more long: a shortened id or hash ("5465f0dc"). */
const HEX_ID = /(?<![\w-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{6,}(?![\w-])/g;

/** Raw ids visible in a text: uuids and hex fragments. */
export function rawIds(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(UUID)) found.add(m[0]);
  for (const m of text.replace(UUID, ' ').matchAll(HEX_ID)) found.add(m[0]);
  return [...found];
}

/** Raw enum values in any language's text: snake_case words such as `no_need` or `next_step` (outside code). */
export function rawEnums(text: string): string[] {
  const clean = text.replace(EMAIL, ' ').replace(URL_RE, ' ').replace(FILE, ' ');
  return [...new Set([...clean.matchAll(/(?<![\w.-])[a-z]+(?:_[a-z0-9]+)+(?![\w-])/g)].map((m) => m[0]))];
}
