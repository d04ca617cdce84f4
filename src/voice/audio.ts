/** PCM16 audio utilities: views, energy, streaming resampling, WAV, framing. Pure functions, no I/O. */

/** View bytes (little-endian PCM16) as samples; copies only when the bytes are not 2-aligned. */
export function pcm16View(bytes: Uint8Array): Int16Array {
  const n = Math.floor(bytes.byteLength / 2);
  if (bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, n);
  const copy = new Uint8Array(n * 2);
  copy.set(bytes.subarray(0, n * 2));
  return new Int16Array(copy.buffer);
}

/** The bytes of a PCM16 sample array (shares memory). */
export const pcm16Bytes = (s: Int16Array): Uint8Array => new Uint8Array(s.buffer, s.byteOffset, s.byteLength);

/** Root-mean-square level of PCM16 samples, 0..1 of full scale. */
export function rmsLevel(s: Int16Array): number {
  if (s.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += s[i] * s[i];
  return Math.sqrt(sum / s.length) / 32768;
}

/** Level in dBFS (−∞..0). */
export const dbfs = (level: number): number => (level <= 0 ? -Infinity : 20 * Math.log10(level));

export function int16ToFloat32(s: Int16Array): Float32Array {
  const out = new Float32Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s[i] / 32768;
  return out;
}

export function float32ToInt16(f: Float32Array): Int16Array {
  const out = new Int16Array(f.length);
  for (let i = 0; i < f.length; i++) {
    const v = Math.max(-1, Math.min(1, f[i]));
    out[i] = v < 0 ? Math.round(v * 32768) : Math.round(v * 32767);
  }
  return out;
}

/**
 * Streaming windowed-sinc resampler (any rate pair). Keeps its history between chunks, so chunk boundaries
 * add no clicks; low-passes at the lower Nyquist to avoid aliasing when downsampling (e.g. 24 kHz → 16 kHz).
 * Polyphase: the output position advances by whole input samples plus a rational phase, and each phase's
 * normalised taps are computed once, so a sample costs 16 multiply-adds (no trigonometry on the audio path).
 */
export class Resampler {
  private static readonly HALF = 8;
  /** Phase tables per rate pair, shared by every stream (24→16 kHz: 2 phases; 22.05→24 kHz: 160). */
  private static readonly tables = new Map<string, { phases: number; advance: number; taps: Float32Array }>();
  private readonly phases: number;
  private readonly advance: number;
  private readonly taps: Float32Array;
  private buf: Float32Array;
  /** The next output sample is at input index `centre + phase / phases`, relative to buf[0]. */
  private centre: number;
  private phase = 0;

  constructor(readonly inRate: number, readonly outRate: number) {
    const t = Resampler.table(inRate, outRate);
    this.phases = t.phases;
    this.advance = t.advance;
    this.taps = t.taps;
    this.centre = Resampler.HALF;
    this.buf = new Float32Array(Resampler.HALF); // leading silence as history
  }

  private static table(inRate: number, outRate: number) {
    const key = `${inRate}/${outRate}`;
    let t = Resampler.tables.get(key);
    if (t) return t;
    const g = gcd(inRate, outRate);
    // exact phases for rational ratios; an odd pair with a huge denominator is quantised to 4096 phases
    const exact = outRate / g <= 4096;
    const phases = exact ? outRate / g : 4096;
    const advance = exact ? inRate / g : Math.round((inRate / outRate) * 4096);
    const half = Resampler.HALF;
    const cutoff = Math.min(1, outRate / inRate) * 0.95;
    const taps = new Float32Array(phases * 2 * half);
    for (let p = 0; p < phases; p++) {
      const frac = p / phases;
      let norm = 0;
      const row = p * 2 * half;
      for (let k = -half + 1; k <= half; k++) {
        const x = k - frac;
        const w = 0.5 + 0.5 * Math.cos((Math.PI * x) / half); // Hann window
        const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
        taps[row + k + half - 1] = w * sinc;
        norm += w * sinc;
      }
      for (let j = 0; j < 2 * half; j++) taps[row + j] /= norm;
    }
    t = { phases, advance, taps };
    Resampler.tables.set(key, t);
    return t;
  }

  /** Feed float samples (−1..1), get the resampled samples available so far. */
  push(input: Float32Array): Float32Array {
    if (this.inRate === this.outRate) return input;
    const half = Resampler.HALF;
    const joined = new Float32Array(this.buf.length + input.length);
    joined.set(this.buf);
    joined.set(input, this.buf.length);
    const { phases, advance, taps } = this;
    const out = new Float32Array(Math.ceil(((joined.length - this.centre) * phases) / advance) + 1);
    let n = 0;
    let centre = this.centre;
    let phase = this.phase;
    while (centre + half < joined.length) {
      const row = phase * 2 * half;
      const base = centre - half + 1;
      let acc = 0;
      for (let j = 0; j < 2 * half; j++) acc += joined[base + j] * taps[row + j];
      out[n++] = acc;
      phase += advance;
      centre += Math.floor(phase / phases);
      phase %= phases;
    }
    const keepFrom = Math.max(0, centre - half);
    this.buf = joined.slice(keepFrom);
    this.centre = centre - keepFrom;
    this.phase = phase;
    return out.subarray(0, n);
  }

  /** Convenience for PCM16 in and out. */
  pushInt16(input: Int16Array): Int16Array {
    return float32ToInt16(this.push(int16ToFloat32(input)));
  }
}

function gcd(a: number, b: number): number {
  a = Math.round(a);
  b = Math.round(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Resample a whole PCM16 clip. */
export function resampleInt16(s: Int16Array, inRate: number, outRate: number): Int16Array {
  if (inRate === outRate) return s;
  const r = new Resampler(inRate, outRate);
  const body = r.push(int16ToFloat32(s));
  const tail = r.push(new Float32Array(16)); // flush the filter's look-ahead
  const all = new Float32Array(body.length + tail.length);
  all.set(body);
  all.set(tail, body.length);
  const expected = Math.round((s.length * outRate) / inRate);
  return float32ToInt16(all.subarray(0, Math.min(all.length, expected)));
}

/** A decoded WAV file (PCM16 only). */
export interface WavAudio {
  sampleRate: number;
  channels: number;
  samples: Int16Array;
}

/** Decode a PCM16 WAV; tolerates the 0xFFFFFFFF data size that streaming writers (espeak-ng --stdout) use. */
export function decodeWav(bytes: Uint8Array): WavAudio {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (o: number) => String.fromCharCode(bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]);
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a WAV file');
  let off = 12;
  let fmt: { channels: number; rate: number; bits: number; format: number } | null = null;
  while (off + 8 <= bytes.byteLength) {
    const id = tag(off);
    let size = dv.getUint32(off + 4, true);
    const body = off + 8;
    if (id === 'fmt ') {
      fmt = { format: dv.getUint16(body, true), channels: dv.getUint16(body + 2, true), rate: dv.getUint32(body + 4, true), bits: dv.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data before fmt chunk');
      if (fmt.format !== 1 || fmt.bits !== 16) throw new Error(`unsupported WAV encoding (format ${fmt.format}, ${fmt.bits} bits); PCM16 only`);
      if (size === 0xffffffff || body + size > bytes.byteLength) size = bytes.byteLength - body;
      const interleaved = pcm16View(bytes.subarray(body, body + size - (size % 2)));
      return { sampleRate: fmt.rate, channels: fmt.channels, samples: fmt.channels === 1 ? interleaved : downmix(interleaved, fmt.channels) };
    }
    off = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

function downmix(s: Int16Array, channels: number): Int16Array {
  const out = new Int16Array(Math.floor(s.length / channels));
  for (let i = 0; i < out.length; i++) {
    let acc = 0;
    for (let c = 0; c < channels; c++) acc += s[i * channels + c];
    out[i] = Math.round(acc / channels);
  }
  return out;
}

/** Encode mono PCM16 as a WAV file. */
export function encodeWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const out = new Uint8Array(44 + samples.byteLength);
  const dv = new DataView(out.buffer);
  const w = (o: number, s: string) => [...s].forEach((ch, i) => (out[o + i] = ch.charCodeAt(0)));
  w(0, 'RIFF');
  dv.setUint32(4, 36 + samples.byteLength, true);
  w(8, 'WAVE');
  w(12, 'fmt ');
  dv.setUint32(16, 16, true);
  dv.setUint16(20, 1, true);
  dv.setUint16(22, 1, true);
  dv.setUint32(24, sampleRate, true);
  dv.setUint32(28, sampleRate * 2, true);
  dv.setUint16(32, 2, true);
  dv.setUint16(34, 16, true);
  w(36, 'data');
  dv.setUint32(40, samples.byteLength, true);
  out.set(pcm16Bytes(samples), 44);
  return out;
}

/** Split samples into frames of `frameSamples` (the last one may be shorter). */
export function* frames(s: Int16Array, frameSamples: number): Generator<Int16Array> {
  for (let i = 0; i < s.length; i += frameSamples) yield s.subarray(i, Math.min(s.length, i + frameSamples));
}

/** Accumulates arbitrary chunks and hands out fixed-size frames. */
export class FrameChunker {
  private pending = new Int16Array(0);
  constructor(private readonly frameSamples: number) {}
  push(s: Int16Array): Int16Array[] {
    const joined = new Int16Array(this.pending.length + s.length);
    joined.set(this.pending);
    joined.set(s, this.pending.length);
    const out: Int16Array[] = [];
    let i = 0;
    for (; i + this.frameSamples <= joined.length; i += this.frameSamples) out.push(joined.slice(i, i + this.frameSamples));
    this.pending = joined.slice(i);
    return out;
  }
  /** Whatever is left (shorter than a frame). */
  flush(): Int16Array | null {
    const p = this.pending;
    this.pending = new Int16Array(0);
    return p.length ? p : null;
  }
}
