import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav, FrameChunker, Resampler, resampleInt16, rmsLevel } from './audio.ts';

const tone = (hz: number, rate: number, ms: number, amp = 10000) => Int16Array.from({ length: (rate * ms) / 1000 }, (_, i) => Math.round(amp * Math.sin((2 * Math.PI * hz * i) / rate)));

describe('audio utilities', () => {
  it('resamples 24 kHz → 16 kHz keeping speech-band tones and removing what would alias', () => {
    const kept = resampleInt16(tone(1000, 24000, 500), 24000, 16000);
    expect(kept.length).toBe(8000);
    expect(rmsLevel(kept.subarray(200, 7800))).toBeGreaterThan(0.19); // 10000/32768/√2 ≈ 0.216
    const aliased = resampleInt16(tone(10_000, 24000, 500), 24000, 16000); // above the new Nyquist (8 kHz)
    expect(rmsLevel(aliased.subarray(200, 7800))).toBeLessThan(0.05);
  });

  it('gives the same result streamed in odd chunks as in one piece', () => {
    const src = tone(440, 22050, 300);
    const whole = new Resampler(22050, 24000).pushInt16(src);
    const r = new Resampler(22050, 24000);
    const parts: number[] = [];
    for (let i = 0; i < src.length; i += 333) parts.push(...r.pushInt16(src.subarray(i, i + 333)));
    expect(parts.length).toBe(whole.length);
    expect(Math.max(...parts.map((v, i) => Math.abs(v - whole[i])))).toBeLessThanOrEqual(1);
  });

  it('round-trips WAV and reads streaming WAVs with an unknown data size', () => {
    const s = tone(300, 24000, 100);
    const wav = encodeWav(s, 24000);
    expect(decodeWav(wav)).toEqual({ sampleRate: 24000, channels: 1, samples: s });
    new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
    expect(decodeWav(wav).samples.length).toBe(s.length);
    expect(() => decodeWav(new Uint8Array(10))).toThrow(/not a WAV/);
  });

  it('chunks arbitrary pieces into fixed frames', () => {
    const c = new FrameChunker(960);
    expect(c.push(new Int16Array(500))).toHaveLength(0);
    expect(c.push(new Int16Array(1500)).map((f) => f.length)).toEqual([960, 960]);
    expect(c.flush()?.length).toBe(80);
  });
});
