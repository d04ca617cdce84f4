/** Frame length of every frame-based audio measure (VAD, tone). */
export const FRAME_MS = 20;
const PITCH_RATE = 8000;
const MIN_PITCH_HZ = 60;
const MAX_PITCH_HZ = 450;
/** Below this level no pitch is looked for (it would be noise). */
const PITCH_GATE_DB = -50;

/** One 20 ms frame: level and (for loud, periodic frames) fundamental frequency. */
export interface Frame {
  index: number;
  /** Start time in seconds. */
  tSec: number;
  /** RMS level in dBFS, floored at −100. */
  db: number;
  pitchHz: number | null;
}

/**
 * Cuts PCM16 mono audio of any chunking into 20 ms frames and measures each: RMS level and YIN pitch
 * (on a 40 ms window decimated to 8 kHz, searched only within speech pitch, 60–450 Hz). Incremental: push chunks as they arrive, frames come out.
 */
export class FrameAnalyzer {
  readonly frameSamples: number;
  private readonly decim: number;
  private carry = new Int16Array(0);
  private prevLow: Float32Array;
  private index = 0;

  constructor(readonly sampleRate = 16_000, private readonly withPitch = true) {
    this.frameSamples = Math.round((sampleRate * FRAME_MS) / 1000);
    this.decim = Math.max(1, Math.round(sampleRate / PITCH_RATE));
    this.prevLow = new Float32Array(Math.floor(this.frameSamples / this.decim));
  }

  push(samples: Int16Array): Frame[] {
    const all = this.carry.length ? concat(this.carry, samples) : samples;
    const out: Frame[] = [];
    let off = 0;
    for (; off + this.frameSamples <= all.length; off += this.frameSamples) out.push(this.frame(all.subarray(off, off + this.frameSamples)));
    this.carry = all.slice(off);
    return out;
  }

  private frame(s: Int16Array): Frame {
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += s[i] * s[i];
    const rms = Math.sqrt(sum / s.length) / 32768;
    const db = rms > 1e-5 ? Math.max(-100, 20 * Math.log10(rms)) : -100;
    const low = new Float32Array(this.prevLow.length);
    for (let i = 0, j = 0; i < low.length; i++, j += this.decim) {
      let acc = 0;
      for (let k = 0; k < this.decim; k++) acc += s[j + k];
      low[i] = acc / this.decim / 32768;
    }
    let pitchHz: number | null = null;
    if (this.withPitch && db > PITCH_GATE_DB) {
      const win = concatF(this.prevLow, low);
      pitchHz = yinPitch(win, this.sampleRate / this.decim);
    }
    this.prevLow = low;
    const frame = { index: this.index, tSec: (this.index * FRAME_MS) / 1000, db, pitchHz };
    this.index++;
    return frame;
  }
}

function concat(a: Int16Array, b: Int16Array): Int16Array {
  const o = new Int16Array(a.length + b.length);
  o.set(a);
  o.set(b, a.length);
  return o;
}
function concatF(a: Float32Array, b: Float32Array): Float32Array {
  const o = new Float32Array(a.length + b.length);
  o.set(a);
  o.set(b, a.length);
  return o;
}

/**
 * YIN (de Cheveigné & Kawahara 2002) restricted to lags of 60–450 Hz: difference function, cumulative mean
 * normalisation, first dip under 0.2 within the range (else the deepest dip if under 0.35), parabolic
 * refinement. Unlike a full-range search it is not fooled by dips at tiny lags in breathy voices.
 */
export function yinPitch(buf: Float32Array, rate: number, minHz = MIN_PITCH_HZ, maxHz = MAX_PITCH_HZ): number | null {
  const w = Math.floor(buf.length / 2);
  const tauMin = Math.max(2, Math.floor(rate / maxHz));
  const tauMax = Math.min(w - 1, Math.ceil(rate / minHz));
  if (tauMax <= tauMin) return null;
  const d = new Float32Array(tauMax + 2);
  for (let tau = 1; tau <= tauMax + 1; tau++) {
    let acc = 0;
    for (let i = 0; i < w; i++) {
      const x = buf[i] - buf[i + tau];
      acc += x * x;
    }
    d[tau] = acc;
  }
  let run = 0;
  d[0] = 1;
  for (let tau = 1; tau <= tauMax + 1; tau++) {
    run += d[tau];
    d[tau] = run > 0 ? (d[tau] * tau) / run : 1;
  }
  let best = -1;
  for (let tau = tauMin; tau <= tauMax; tau++) {
    if (d[tau] < 0.2) {
      while (tau + 1 <= tauMax && d[tau + 1] < d[tau]) tau++;
      best = tau;
      break;
    }
  }
  if (best < 0) {
    let m = tauMin;
    for (let tau = tauMin; tau <= tauMax; tau++) if (d[tau] < d[m]) m = tau;
    if (d[m] >= 0.35) return null;
    best = m;
  }
  const a = d[best - 1];
  const b = d[best];
  const c = d[best + 1];
  const den = a - 2 * b + c;
  const shift = den !== 0 ? Math.max(-1, Math.min(1, (a - c) / (2 * den))) : 0;
  const f = rate / (best + shift);
  return f >= minHz && f <= maxHz ? f : null;
}
