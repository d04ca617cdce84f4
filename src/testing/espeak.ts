/** An agent's line as a microphone would send it: espeak-ng speech as 24 kHz PCM16, espeak's padding trimmed. */
import { spawnSync } from 'node:child_process';
import { decodeWav, resampleInt16 } from '../voice/index.ts';

/**
 * espeak-ng voice `voice` ('he', 'en-us', 'he+f3', …) saying `text`, with leading and trailing silence removed;
 * `rate` in words per minute (espeak's default 175), `pitch` 0–99 (default 50).
 */
export function speakPcm24k(text: string, voice: string, o: { rate?: number; pitch?: number } = {}): Int16Array {
  const args = ['-v', voice, ...(o.rate ? ['-s', String(o.rate)] : []), ...(o.pitch !== undefined ? ['-p', String(o.pitch)] : []), '--stdout'];
  const wav = spawnSync('espeak-ng', args, { input: text }).stdout;
  const { samples, sampleRate } = decodeWav(new Uint8Array(wav));
  const s = resampleInt16(samples, sampleRate, 24_000);
  let a = 0;
  let b = s.length - 1;
  while (a < b && Math.abs(s[a]) < 300) a++;
  while (b > a && Math.abs(s[b]) < 300) b--;
  return s.slice(a, b + 1);
}
