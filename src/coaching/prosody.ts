/**
 * Streaming prosody of the agent's voice: energy, voicing, pauses, syllable-nucleus rate, pitch (YIN via
 * pitchfinder on a 3× decimated signal) and hesitations, accumulated in one-second buckets so a live window
 * and the whole-session figures come from the same numbers. Pure and allocation-light; no I/O.
 */
import pitchfinder from 'pitchfinder';

/** Tunables of the prosody tracker. Durations in ms. */
export interface ProsodyOptions {
  /** Input sample rate; must be a multiple of 8 kHz (24 kHz on the wire). Default 24000. */
  sampleRate: number;
  /** Absolute floor: quieter frames are never speech (dBFS). Default −50. */
  minSpeechDb: number;
  /** A frame is speech when it is this much louder than the tracked noise floor (dB). Default 12. */
  speechOverFloorDb: number;
  /** Silences shorter than this are articulation (stops, word joins), not pauses. Default 180. */
  minPauseMs: number;
  /** A mid-utterance silence at least this long is a hesitation. Default 650. */
  longPauseMs: number;
  /** A silence at least this long ends the utterance (turn gap / listening): not counted as a pause. Default 2500. */
  utteranceGapMs: number;
  /** A syllable this long or longer, with flat pitch, is a filled pause ("um", "אממ"). Default 300. */
  filledPauseMinMs: number;
  /** Pitch spread (semitones, max−min) under which a long syllable counts as flat. Default 2.5. */
  flatPitchSemitones: number;
  /** Envelope rise (dB) from the last dip that makes a syllable nucleus. Default 4. */
  nucleusProminenceDb: number;
}

export const DEFAULT_PROSODY_OPTIONS: ProsodyOptions = {
  sampleRate: 24_000,
  minSpeechDb: -50,
  speechOverFloorDb: 12,
  minPauseMs: 180,
  longPauseMs: 650,
  utteranceGapMs: 2500,
  filledPauseMinMs: 300,
  flatPitchSemitones: 2.5,
  nucleusProminenceDb: 4,
};

/** Sums over a span of audio; every ratio is derived from these. */
export interface ProsodyCounts {
  /** Audio seen (ms), including listening silence. */
  audioMs: number;
  /** Speaking time: speech frames plus articulation gaps (ms). */
  speakingMs: number;
  /** Mid-utterance pauses (ms). */
  pauseMs: number;
  pauses: number;
  longPauses: number;
  filledPauses: number;
  syllables: number;
  /** Pitch sums over voiced frames, in semitones re 100 Hz. */
  pitchN: number;
  pitchSum: number;
  pitchSq: number;
  /** Energy sums over speech frames (dBFS). */
  energyN: number;
  energySum: number;
  energySq: number;
}

const zeroCounts = (): ProsodyCounts => ({
  audioMs: 0, speakingMs: 0, pauseMs: 0, pauses: 0, longPauses: 0, filledPauses: 0, syllables: 0,
  pitchN: 0, pitchSum: 0, pitchSq: 0, energyN: 0, energySum: 0, energySq: 0,
});

function addCounts(a: ProsodyCounts, b: ProsodyCounts): void {
  for (const k of Object.keys(a) as (keyof ProsodyCounts)[]) a[k] += b[k];
}

/** Derived features of a span of speech. */
export interface ProsodyFeatures {
  speakingSec: number;
  /** Pause time / (speaking + pause time), 0..1. */
  pauseRatio: number;
  /** Syllable nuclei per second of speaking time. */
  syllablesPerSec: number;
  /** Filled pauses + long silences per minute of speaking + pause time. */
  hesitationsPerMin: number;
  filledPauses: number;
  longPauses: number;
  /** Median-ish pitch (mean of semitones, converted back to Hz); null without voiced frames. */
  pitchHz: number | null;
  /** Standard deviation of pitch in semitones (intonation movement). */
  pitchSpreadSt: number;
  /** Mean speech level (dBFS) and its standard deviation (steadiness). */
  energyDb: number | null;
  energySpreadDb: number;
}

export function featuresOf(c: ProsodyCounts): ProsodyFeatures {
  const talk = c.speakingMs + c.pauseMs;
  const mean = (n: number, s: number) => (n > 0 ? s / n : 0);
  const sd = (n: number, s: number, q: number) => (n > 1 ? Math.sqrt(Math.max(0, q / n - (s / n) ** 2)) : 0);
  const pitchSt = mean(c.pitchN, c.pitchSum);
  return {
    speakingSec: c.speakingMs / 1000,
    pauseRatio: talk > 0 ? c.pauseMs / talk : 0,
    syllablesPerSec: c.speakingMs > 0 ? c.syllables / (c.speakingMs / 1000) : 0,
    hesitationsPerMin: talk > 0 ? ((c.filledPauses + c.longPauses) * 60_000) / talk : 0,
    filledPauses: c.filledPauses,
    longPauses: c.longPauses,
    pitchHz: c.pitchN > 0 ? 100 * 2 ** (pitchSt / 12) : null,
    pitchSpreadSt: sd(c.pitchN, c.pitchSum, c.pitchSq),
    energyDb: c.energyN > 0 ? mean(c.energyN, c.energySum) : null,
    energySpreadDb: sd(c.energyN, c.energySum, c.energySq),
  };
}

const RATE = 8000; // analysis rate after decimation
const HOP = 80; // 10 ms
const WIN = 160; // 20 ms energy window
const PITCH_RATE = 4000; // pitch runs on a further 2× decimated copy: YIN cost is quadratic in the window
const PITCH_WIN = 160; // 40 ms at 4 kHz: YIN then searches lags up to 64 samples (62.5 Hz)
const PITCH_EVERY = 3; // pitch every 30 ms of speech
const RING = 512;

/**
 * Streaming prosody tracker for one speaker. Feed PCM16 chunks of any size with push(); read counts for the
 * last N seconds (live) or for the whole session.
 */
export class ProsodyTracker {
  readonly opts: ProsodyOptions;
  private readonly factor: number;
  private readonly detect: (buf: Float32Array) => number | null;
  private readonly ring = new Float32Array(RING);
  private ringPos = 0;
  private lp1 = 0;
  private lp2 = 0;
  private readonly lpA: number;
  private carryN = 0;
  private sinceHop = 0;
  private hopIndex = 0;
  private floorDb = -70;
  // run state (in hops)
  private silenceHops = 0;
  private inUtterance = false;
  // syllable nucleus state
  private dipDb = Infinity;
  private peakDb = -Infinity;
  private inSyllable = false;
  private sylStartHop = 0;
  private sylPitchMin = Infinity;
  private sylPitchMax = -Infinity;
  private sylPitchN = 0;
  private speechHopsSincePitch = 0;
  private lastPitchSt: number | null = null;
  /** Completed one-second buckets, oldest first, plus the one being filled. */
  private readonly buckets: ProsodyCounts[] = [];
  private current = zeroCounts();
  private currentMs = 0;
  private readonly total = zeroCounts();
  private readonly pitchScratch = new Float32Array(PITCH_WIN);

  constructor(opts: Partial<ProsodyOptions> = {}, private readonly keepSeconds = 120) {
    this.opts = { ...DEFAULT_PROSODY_OPTIONS, ...opts };
    this.factor = Math.round(this.opts.sampleRate / RATE);
    if (this.factor < 1 || this.factor * RATE !== this.opts.sampleRate) {
      throw new Error(`ProsodyTracker needs a sample rate that is a multiple of 8000 Hz (got ${this.opts.sampleRate}).`);
    }
    this.detect = pitchfinder.YIN({ sampleRate: PITCH_RATE, threshold: 0.15 });
    this.lpA = Math.exp((-2 * Math.PI * 1000) / this.opts.sampleRate);
  }

  /** Feed PCM16 mono samples at opts.sampleRate. */
  push(pcm: Int16Array): void {
    const f = this.factor;
    const a = this.lpA;
    const b = (1 - a) / 32768;
    const ring = this.ring;
    let lp1 = this.lp1, lp2 = this.lp2, n = this.carryN, pos = this.ringPos, since = this.sinceHop;
    for (let i = 0; i < pcm.length; i++) {
      // Two one-pole low-passes at 1 kHz, then keep every f-th sample: the voice band that carries pitch and
      // vowel energy survives, aliasing does not, and everything after runs at 8 kHz.
      // + 1e-15 keeps the filter out of subnormal floats on digital silence (100× slower on x86).
      lp1 = b * pcm[i] + a * lp1 + 1e-15;
      lp2 = (1 - a) * lp1 + a * lp2;
      if (++n < f) continue;
      n = 0;
      ring[pos] = lp2;
      pos = (pos + 1) & (RING - 1);
      if (++since === HOP) {
        since = 0;
        this.ringPos = pos;
        this.hop();
      }
    }
    this.lp1 = lp1;
    this.lp2 = lp2;
    this.carryN = n;
    this.ringPos = pos;
    this.sinceHop = since;
  }

  /** Counts over the last `seconds` of audio (including the second being filled). */
  window(seconds: number): ProsodyCounts {
    const out = zeroCounts();
    addCounts(out, this.current);
    const from = Math.max(0, this.buckets.length - Math.max(0, Math.ceil(seconds) - 1));
    for (let i = from; i < this.buckets.length; i++) addCounts(out, this.buckets[i]);
    return out;
  }

  /** Counts since the tracker started. */
  totals(): ProsodyCounts {
    const out = { ...this.total };
    addCounts(out, this.current);
    return out;
  }

  private hop(): void {
    const o = this.opts;
    // Energy over the last 20 ms.
    let sum = 0;
    for (let k = 1; k <= WIN; k++) {
      const v = this.ring[(this.ringPos - k) & (RING - 1)];
      sum += v * v;
    }
    const db = sum > 0 ? 10 * Math.log10(sum / WIN) : -120;
    // Noise floor: drops at once, rises slowly (0.5 dB/s) so speech never becomes the floor.
    this.floorDb = db < this.floorDb ? db : this.floorDb + 0.005;
    const speech = db > o.minSpeechDb && db > this.floorDb + o.speechOverFloorDb;
    const c = this.current;
    c.audioMs += 10;

    if (speech) {
      if (this.silenceHops > 0) this.endSilence();
      this.inUtterance = true;
      c.speakingMs += 10;
      c.energyN++;
      c.energySum += db;
      c.energySq += db * db;
      if (++this.speechHopsSincePitch >= PITCH_EVERY) {
        this.speechHopsSincePitch = 0;
        this.pitch();
      }
      this.nucleus(db);
    } else {
      if (this.inSyllable) this.closeSyllable();
      this.dipDb = Infinity;
      this.peakDb = -Infinity;
      this.silenceHops++;
      this.lastPitchSt = null;
    }
    this.hopIndex++;
    this.currentMs += 10;
    if (this.currentMs >= 1000) this.rotate();
  }

  private endSilence(): void {
    const ms = this.silenceHops * 10;
    const o = this.opts;
    const c = this.current;
    if (this.inUtterance && ms < o.utteranceGapMs) {
      if (ms < o.minPauseMs) c.speakingMs += ms;
      else {
        c.pauseMs += ms;
        c.pauses++;
        if (ms >= o.longPauseMs) c.longPauses++;
      }
    }
    this.silenceHops = 0;
  }

  /** Peak picking on the 10 ms envelope with a prominence hysteresis: one peak per syllable. */
  private nucleus(db: number): void {
    const prom = this.opts.nucleusProminenceDb;
    if (!this.inSyllable) {
      // Onset after silence, or a rise from the last dip: a new nucleus.
      if (this.dipDb === Infinity || db - this.dipDb >= prom) this.openSyllable(db);
      else if (db < this.dipDb) this.dipDb = db;
      return;
    }
    if (db > this.peakDb) this.peakDb = db;
    if (this.peakDb - db >= prom) {
      // fell far enough from the peak: the syllable ended at a dip
      this.closeSyllable();
      this.dipDb = db;
    }
  }

  private openSyllable(db: number): void {
    this.inSyllable = true;
    this.peakDb = db;
    this.sylStartHop = this.hopIndex;
    this.sylPitchMin = Infinity;
    this.sylPitchMax = -Infinity;
    this.sylPitchN = 0;
    this.current.syllables++;
  }

  private closeSyllable(): void {
    this.inSyllable = false;
    const ms = (this.hopIndex - this.sylStartHop) * 10;
    // Voiced through most of it (pitch probes every 30 ms mostly succeeded) and flat.
    const flat = this.sylPitchN >= Math.max(3, (ms / 30) * 0.4) && this.sylPitchMax - this.sylPitchMin <= this.opts.flatPitchSemitones;
    if (ms >= this.opts.filledPauseMinMs && flat) this.current.filledPauses++;
    this.peakDb = -Infinity;
  }

  private pitch(): void {
    const buf = this.pitchScratch;
    const start = this.ringPos - 2 * PITCH_WIN;
    for (let k = 0; k < PITCH_WIN; k++) {
      buf[k] = this.ring[(start + 2 * k) & (RING - 1)] + this.ring[(start + 2 * k + 1) & (RING - 1)];
    }
    const hz = this.detect(buf);
    if (hz === null || !(hz >= 65 && hz <= 420)) return;
    const st = 12 * Math.log2(hz / 100);
    // Octave jumps between neighbouring frames are detector errors, not intonation.
    if (this.lastPitchSt !== null && Math.abs(st - this.lastPitchSt) > 7) {
      this.lastPitchSt = st;
      return;
    }
    this.lastPitchSt = st;
    const c = this.current;
    c.pitchN++;
    c.pitchSum += st;
    c.pitchSq += st * st;
    if (this.inSyllable) {
      this.sylPitchN++;
      if (st < this.sylPitchMin) this.sylPitchMin = st;
      if (st > this.sylPitchMax) this.sylPitchMax = st;
    }
  }

  private rotate(): void {
    addCounts(this.total, this.current);
    this.buckets.push(this.current);
    if (this.buckets.length > this.keepSeconds) this.buckets.shift();
    this.current = zeroCounts();
    this.currentMs = 0;
  }
}
