import { FRAME_MS, FrameAnalyzer, type Frame } from './frames.ts';
import { Vad, type SpeechSegment, type VadOptions } from './vad.ts';

/** What the voice itself says about one speaker, measured from audio alone (no words). */
export interface ToneFeatures {
  speechSec: number;
  /** Syllable nuclei (energy peaks) per second of speech; conversational speech is about 3.5–5.5. */
  syllablesPerSec: number;
  /** Silent pauses of 0.3–2 s inside the speaker's own speech, as a share of their speaking time. */
  pauseRatio: number;
  /** Standard deviation of the level of voiced frames, dB (flat voice < 3.5, lively 3.5–9). */
  energyVariabilityDb: number;
  /** Median fundamental frequency, Hz (0 when no voiced frames). */
  pitchMedianHz: number;
  /** Standard deviation of pitch in semitones (monotone < 2, expressive 2–5). */
  pitchVariabilitySt: number;
  /** Hesitations (filled pauses "eh/אה" plus silent pauses of 0.5–2 s) per minute of speech. */
  hesitationsPerMin: number;
}

/** Per-feature sub-scores 0..1 and the resulting confidence. */
export interface ToneEstimate extends ToneFeatures {
  confidence: number;
  /** False when there is under 3 s of speech: the estimate is shown but should not be trusted. */
  reliable: boolean;
  scores: { pace: number; pauses: number; hesitation: number; pitch: number; energy: number };
}

/** 1 inside [lo, hi], falling linearly to 0 at loZero and hiZero. */
const band = (x: number, loZero: number, lo: number, hi: number, hiZero: number) =>
  x <= loZero || x >= hiZero ? 0 : x < lo ? (x - loZero) / (lo - loZero) : x > hi ? (hiZero - x) / (hiZero - hi) : 1;
/** 0 at or below a, 1 at or above b, linear between. */
const ramp = (x: number, a: number, b: number) => (x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a));

/**
 * The confidence formula (documented in README "Tone"): a weighted mean of five sub-scores, each 1 in the
 * range typical of a steady, engaged speaker and falling linearly outside it.
 *   pace       = band(syllablesPerSec; 0 at 2.5, 1 in 3.5–5.5, 0 at 7.5)           weight 0.20
 *   pauses     = 1 − ramp(pauseRatio; 0.10 → 0.40)                                  weight 0.25
 *   hesitation = 1 − ramp(hesitationsPerMin; 2 → 12)                                weight 0.25
 *   pitch      = band(pitchVariabilitySt; 0 at 0.5, 1 in 1.5–5, 0 at 9)             weight 0.15
 *   energy     = band(energyVariabilityDb; 0 at 1.5, 1 in 3.5–9, 0 at 15)           weight 0.15
 */
export function toneConfidence(f: ToneFeatures): ToneEstimate {
  const scores = {
    pace: band(f.syllablesPerSec, 2.5, 3.5, 5.5, 7.5),
    pauses: 1 - ramp(f.pauseRatio, 0.1, 0.4),
    hesitation: 1 - ramp(f.hesitationsPerMin, 2, 12),
    pitch: band(f.pitchVariabilitySt, 0.5, 1.5, 5, 9),
    energy: band(f.energyVariabilityDb, 1.5, 3.5, 9, 15),
  };
  const confidence = 0.2 * scores.pace + 0.25 * scores.pauses + 0.25 * scores.hesitation + 0.15 * scores.pitch + 0.15 * scores.energy;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    ...f,
    confidence: r(confidence),
    reliable: f.speechSec >= 3,
    scores: { pace: r(scores.pace), pauses: r(scores.pauses), hesitation: r(scores.hesitation), pitch: r(scores.pitch), energy: r(scores.energy) },
  };
}

const FRAME_SEC = FRAME_MS / 1000;

/**
 * Accumulates tone features frame by frame from frames and the VAD decision (incremental: the coaching
 * engine feeds live audio; the call pipeline feeds a file). Memory is constant.
 */
export class ToneAccumulator {
  private speechFrames = 0;
  private dbN = 0;
  private dbMean = 0;
  private dbM2 = 0;
  private stN = 0;
  private stMean = 0;
  private stM2 = 0;
  private readonly pitchHist = new Uint32Array(96 * 4); // quarter-semitone bins from 40 Hz
  private peaks = 0;
  private smooth: number[] = [];
  private rising = false;
  private valley = 0;
  private lastPeakT = -1;
  private gapFrames = 0;
  private gapOther = false;
  private hadSpeech = false;
  private pauseSec = 0;
  private silentHes = 0;
  private filledHes = 0;
  private run: { n: number; st0: number; stLast: number; db0: number; ok: boolean } | null = null;

  /** Feeds one frame: whether this speaker is speaking, and whether the other party is (then a gap is not a pause). */
  push(f: Frame, speaking: boolean, otherSpeaking = false): void {
    if (!speaking) {
      this.gapFrames++;
      if (otherSpeaking) this.gapOther = true;
      this.run = null;
      this.smooth = [];
      return;
    }
    if (this.hadSpeech && this.gapFrames > 0 && !this.gapOther) {
      const g = this.gapFrames * FRAME_SEC;
      if (g >= 0.3 && g <= 2) this.pauseSec += g;
      if (g >= 0.5 && g <= 2) this.silentHes++;
    }
    this.gapFrames = 0;
    this.gapOther = false;
    this.hadSpeech = true;
    this.speechFrames++;
    // pitch and level statistics over voiced frames (Welford), so gaps between words don't count as "lively"
    if (f.pitchHz) {
      this.dbN++;
      const d = f.db - this.dbMean;
      this.dbMean += d / this.dbN;
      this.dbM2 += d * (f.db - this.dbMean);
      const st = 12 * Math.log2(f.pitchHz / 40);
      this.stN++;
      const e = st - this.stMean;
      this.stMean += e / this.stN;
      this.stM2 += e * (st - this.stMean);
      this.pitchHist[Math.min(this.pitchHist.length - 1, Math.max(0, Math.round(st * 4)))]++;
      // filled pause: ≥ 360 ms of steady pitch and level
      if (this.run && Math.abs(st - this.run.stLast) < 0.5 && Math.abs(f.db - this.run.db0) < 4 && Math.abs(st - this.run.st0) < 1.5) {
        this.run.n++;
        this.run.stLast = st;
        if (this.run.n === 18 && this.run.ok) {
          this.filledHes++;
          this.run.ok = false;
        }
      } else this.run = { n: 1, st0: st, stLast: st, db0: f.db, ok: true };
    } else this.run = null;
    // syllable nuclei: peaks of the smoothed level with ≥ 3 dB rise from the last valley, ≥ 100 ms apart
    this.smooth.push(f.db);
    if (this.smooth.length > 3) this.smooth.shift();
    const s = this.smooth.reduce((a, b) => a + b, 0) / this.smooth.length;
    if (this.smooth.length === 1) {
      this.valley = s;
      this.rising = true;
    } else if (this.rising && s < this.prevSmooth - 0.5) {
      if (this.prevSmooth - this.valley >= 3 && f.tSec - this.lastPeakT >= 0.1) {
        this.peaks++;
        this.lastPeakT = f.tSec;
      }
      this.rising = false;
      this.valley = s;
    } else if (!this.rising && s > this.valley + 0.5) this.rising = true;
    if (!this.rising) this.valley = Math.min(this.valley, s);
    this.prevSmooth = s;
  }
  private prevSmooth = 0;

  features(): ToneFeatures {
    const speechSec = this.speechFrames * FRAME_SEC;
    const min = speechSec / 60;
    let median = 0;
    if (this.stN > 0) {
      let acc = 0;
      for (let i = 0; i < this.pitchHist.length; i++) {
        acc += this.pitchHist[i];
        if (acc >= this.stN / 2) {
          median = 40 * 2 ** (i / 4 / 12);
          break;
        }
      }
    }
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      speechSec: r2(speechSec),
      syllablesPerSec: r2(speechSec > 0 ? this.peaks / speechSec : 0),
      pauseRatio: r2(speechSec > 0 ? this.pauseSec / (speechSec + this.pauseSec) : 0),
      energyVariabilityDb: r2(this.dbN > 1 ? Math.sqrt(this.dbM2 / (this.dbN - 1)) : 0),
      pitchMedianHz: Math.round(median),
      pitchVariabilitySt: r2(this.stN > 1 ? Math.sqrt(this.stM2 / (this.stN - 1)) : 0),
      hesitationsPerMin: r2(min > 0 ? (this.silentHes + this.filledHes) / min : 0),
    };
  }

  estimate(): ToneEstimate {
    return toneConfidence(this.features());
  }
}

/**
 * Live use: PCM16 mono in, tone estimate and speech segments out (coaching reuses this for voice confidence).
 * `push` any chunk size; `snapshot()` at any time.
 */
export class ToneTracker {
  private readonly frames: FrameAnalyzer;
  readonly vad: Vad;
  private readonly acc = new ToneAccumulator();
  private lastSpeech = false;

  constructor(sampleRate = 16_000, vadOptions: VadOptions = {}) {
    this.frames = new FrameAnalyzer(sampleRate);
    this.vad = new Vad(vadOptions);
  }

  /** Feeds audio; `otherSpeaking` marks that the other party talks now (gaps are then turn-taking, not pauses). */
  push(samples: Int16Array, otherSpeaking = false): Frame[] {
    const out = this.frames.push(samples);
    for (const f of out) {
      this.lastSpeech = this.vad.push(f);
      this.acc.push(f, this.lastSpeech, otherSpeaking);
    }
    return out;
  }

  get speaking(): boolean {
    return this.lastSpeech;
  }

  snapshot(): ToneEstimate {
    return this.acc.estimate();
  }

  segments(): SpeechSegment[] {
    return this.vad.segments;
  }
}
