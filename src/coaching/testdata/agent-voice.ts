/**
 * An agent's lines as a microphone would hear them, for tests: espeak-ng speech as PCM16 24 kHz mono, with
 * espeak's leading/trailing silence trimmed. Fluent: the normal rate. Hesitant: slower, with gaps between words
 * (the rendering voice-confidence.test.ts calibrates on), as an unsure agent sounds.
 */
import { spawnSync } from 'node:child_process';
import type { Language } from '../../analysis/index.ts';
import { decodeWav, resampleInt16 } from '../../voice/index.ts';

export type Delivery = 'fluent' | 'hesitant';

const ARGS: Record<Delivery, string[]> = { fluent: ['-s', '165'], hesitant: ['-s', '120', '-g', '12'] };
const cache = new Map<string, Int16Array>();

/** The line spoken by espeak-ng (`-v he` / `-v en`), 24 kHz PCM16, trimmed to the speech. */
export function speakLine(text: string, lang: Language, delivery: Delivery): Int16Array {
  const key = `${lang}|${delivery}|${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const r = spawnSync('espeak-ng', ['-v', lang, ...ARGS[delivery], '--stdout'], { input: text, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`espeak-ng failed: ${r.error?.message ?? String(r.stderr)}`);
  const { samples, sampleRate } = decodeWav(new Uint8Array(r.stdout));
  const s = resampleInt16(samples, sampleRate, 24_000);
  let a = 0;
  let b = s.length - 1;
  while (a < b && Math.abs(s[a]) < 300) a++;
  while (b > a && Math.abs(s[b]) < 300) b--;
  const out = s.slice(a, b + 1);
  cache.set(key, out);
  return out;
}

/** `ms` of microphone silence (a quiet room, not digital zero: the VAD and prosody see a real noise floor). */
export function roomSilence(ms: number, seed = 1): Int16Array {
  const out = new Int16Array(Math.round(ms * 24));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1664525 + 1013904223) >>> 0;
    out[i] = ((x >>> 16) % 61) - 30; // ±30: about −60 dBFS
  }
  return out;
}
