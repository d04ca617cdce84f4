import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { haveTools } from '../testing/tools.ts';
import { decodeWav, int16ToFloat32, resampleInt16 } from './audio.ts';
import { SILERO_RATE, SILERO_WINDOW, SileroStream } from './silero.ts';

async function probs(samples16k: Int16Array): Promise<number[]> {
  const s = await SileroStream.create();
  const f = int16ToFloat32(samples16k);
  const out: number[] = [];
  for (let i = 0; i + SILERO_WINDOW <= f.length; i += SILERO_WINDOW) out.push(await s.probability(f.subarray(i, i + SILERO_WINDOW)));
  return out;
}

describe.skipIf(!haveTools(['espeak-ng'], 'Silero VAD'))('Silero VAD from the shipped ONNX model', () => {
  it('scores espeak-ng Hebrew speech high and silence/noise low', async () => {
    const wav = spawnSync('espeak-ng', ['-v', 'he', '--stdout'], { input: 'שלום, אני מתקשר מחברת הביטוח לגבי הפוליסה שלך' }).stdout;
    const { samples, sampleRate } = decodeWav(new Uint8Array(wav));
    const speech = await probs(resampleInt16(samples, sampleRate, SILERO_RATE));
    const voiced = speech.filter((p) => p > 0.5).length / speech.length;
    expect(voiced).toBeGreaterThan(0.5);

    const noise = new Int16Array(SILERO_RATE * 2);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = ((x = (x * 1103515245 + 12345) >>> 0) % 600) - 300; // low white noise
    const quiet = await probs(noise);
    expect(Math.max(...quiet)).toBeLessThan(0.3);
  });
});
