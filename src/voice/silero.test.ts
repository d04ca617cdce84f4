import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { haveTools } from '../testing/tools.ts';
import { decodeWav, int16ToFloat32, resampleInt16 } from './audio.ts';
import { SILERO_RATE, SILERO_WINDOW, SileroStream, sileroStats } from './silero.ts';

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

  it('scores many streams in shared batches, each in order, with the same results as one stream alone', async () => {
    const voices = ['שלום, אני מתקשר מחברת הביטוח', 'כן, אני שומעת אותך', 'Hello, do you have a minute?'];
    const clips = voices.map((text, i) => {
      const wav = spawnSync('espeak-ng', ['-v', i === 2 ? 'en-us' : 'he', '--stdout'], { input: text }).stdout;
      const { samples, sampleRate } = decodeWav(new Uint8Array(wav));
      return int16ToFloat32(resampleInt16(samples, sampleRate, SILERO_RATE));
    });
    const score = async (f: Float32Array) => {
      const s = await SileroStream.create();
      const out: number[] = [];
      for (let i = 0; i + SILERO_WINDOW <= f.length; i += SILERO_WINDOW) out.push(await s.probability(f.subarray(i, i + SILERO_WINDOW)));
      return out;
    };
    const alone = await score(clips[0]);
    // twelve streams at once (each clip four times), each submitting all its windows without waiting
    const before = sileroStats();
    const together = await Promise.all(
      Array.from({ length: 12 }, async (_, k) => {
        const f = clips[k % 3];
        const s = await SileroStream.create();
        const all: Promise<number>[] = [];
        for (let i = 0; i + SILERO_WINDOW <= f.length; i += SILERO_WINDOW) all.push(s.probability(f.subarray(i, i + SILERO_WINDOW)));
        const out = await Promise.all(all);
        s.close();
        return out;
      }),
    );
    const after = sileroStats();
    for (const k of [0, 3, 6, 9]) together[k].forEach((p, i) => expect(p).toBeCloseTo(alone[i], 4));
    expect(together[1]).not.toEqual(together[0]); // streams keep their own state and audio
    const windows = after.windows - before.windows;
    expect(windows).toBe(together.reduce((n, o) => n + o.length, 0));
    expect(windows / (after.runs - before.runs)).toBeGreaterThan(4); // batched, not one run per window
  });
});
