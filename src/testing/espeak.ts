/** An agent's line as a microphone would send it: espeak-ng speech as 24 kHz PCM16, espeak's padding trimmed. */
import { spawnSync } from 'node:child_process';
import { decodeWav, resampleInt16 } from '../voice/index.ts';

/** espeak-ng voice `voice` ('he', 'en-us', …) saying `text`, with leading and trailing silence removed. */
export function speakPcm24k(text: string, voice: string): Int16Array {
  const wav = spawnSync('espeak-ng', ['-v', voice, '--stdout'], { input: text }).stdout;
  const { samples, sampleRate } = decodeWav(new Uint8Array(wav));
  const s = resampleInt16(samples, sampleRate, 24_000);
  let a = 0;
  let b = s.length - 1;
  while (a < b && Math.abs(s[a]) < 300) a++;
  while (b > a && Math.abs(s[b]) < 300) b--;
  return s.slice(a, b + 1);
}
