/**
 * VoiceConfidence: how sure the agent sounds, 0..1, from their audio alone (ProsodyTracker features).
 *
 * The formula (documented for the README; weights sum to 1):
 *
 *   fluency    F = 1 − clamp((pauseRatio − 0.10) / 0.35)      silent pauses inside utterances (0.10 is normal
 *                                                              breathing and phrasing; 0.45 and above is halting)
 *   hesitation H = 1 − clamp(hesitationsPerMin / 10)           filled pauses ("um", "אממ": long, flat-pitched
 *                                                              syllables) + silences ≥ 650 ms mid-utterance
 *   pace       R = 1 − clamp((3.2 − syllablesPerSec) / 1.6)    articulation rate; slow, dragging speech (< 3.2
 *                    − clamp((syllablesPerSec − 7.0) / 2)      syllables/s) and rushed speech (> 7) both cost
 *   intonation I = 1 − clamp((1.0 − pitchSpreadSt) / 1.0)      a flat, monotone voice (< 1 semitone of movement)
 *                    − clamp((pitchSpreadSt − 5.0) / 3.0)      or a shaky, jumping one (> 5 semitones) both cost
 *   steadiness E = 1 − clamp((energySpreadDb − 9) / 9)         a voice that keeps its level vs one that trails off
 *
 *   confidence = 0.35·F + 0.30·H + 0.15·R + 0.10·I + 0.10·E
 *
 * Below MIN_SPEECH_SEC of speaking time there is not enough evidence and the score is null. Calibrated on
 * espeak-ng renderings of the same words, fluent vs with fillers, word gaps and a slower rate (Hebrew and
 * English): see voice-confidence.test.ts.
 */
import { type ProsodyCounts, type ProsodyFeatures, type ProsodyOptions, ProsodyTracker, featuresOf } from './prosody.ts';
import { clamp01, round } from './types.ts';

export const CONFIDENCE_WEIGHTS = { fluency: 0.35, hesitation: 0.3, pace: 0.15, intonation: 0.1, steadiness: 0.1 } as const;
/** Less speaking time than this gives no score. */
export const MIN_SPEECH_SEC = 1.5;

export interface ConfidenceReading {
  /** 0..1, null when there is too little speech to judge. */
  confidence: number | null;
  /** The five component scores (0..1) behind it. */
  parts: { fluency: number; hesitation: number; pace: number; intonation: number; steadiness: number } | null;
  features: ProsodyFeatures;
}

/** The documented formula over a span's features. */
export function confidenceFromFeatures(f: ProsodyFeatures): ConfidenceReading {
  if (f.speakingSec < MIN_SPEECH_SEC) return { confidence: null, parts: null, features: f };
  const fluency = 1 - clamp01((f.pauseRatio - 0.1) / 0.35);
  const hesitation = 1 - clamp01(f.hesitationsPerMin / 10);
  const pace = clamp01(1 - clamp01((3.2 - f.syllablesPerSec) / 1.6) - clamp01((f.syllablesPerSec - 7) / 2));
  const intonation = f.pitchHz === null ? 0.5 : clamp01(1 - clamp01((1 - f.pitchSpreadSt) / 1) - clamp01((f.pitchSpreadSt - 5) / 3));
  const steadiness = f.energyDb === null ? 0.5 : 1 - clamp01((f.energySpreadDb - 9) / 9);
  const w = CONFIDENCE_WEIGHTS;
  const c = w.fluency * fluency + w.hesitation * hesitation + w.pace * pace + w.intonation * intonation + w.steadiness * steadiness;
  return {
    confidence: round(c),
    parts: { fluency: round(fluency), hesitation: round(hesitation), pace: round(pace), intonation: round(intonation), steadiness: round(steadiness) },
    features: f,
  };
}

/** Streaming voice confidence of one speaker (the agent). */
export class VoiceConfidence {
  private readonly tracker: ProsodyTracker;

  /** `windowSec`: how much recent audio the live score looks at (default 30 s). */
  constructor(opts: Partial<ProsodyOptions> = {}, private readonly windowSec = 30) {
    this.tracker = new ProsodyTracker(opts, Math.max(windowSec, 60));
  }

  /** PCM16 mono at the configured rate (24 kHz by default), any chunk size. */
  push(pcm: Int16Array): void {
    this.tracker.push(pcm);
  }

  /** Score over the last windowSec of audio (what the live panel shows and the difficulty engine reads). */
  live(): ConfidenceReading {
    return confidenceFromFeatures(featuresOf(this.tracker.window(this.windowSec)));
  }

  /** Score over everything heard so far (the session report). */
  overall(): ConfidenceReading {
    return confidenceFromFeatures(featuresOf(this.tracker.totals()));
  }

  /** Raw sums since the start (e.g. to persist). */
  totals(): ProsodyCounts {
    return this.tracker.totals();
  }
}
