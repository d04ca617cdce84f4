/**
 * Trains the end-of-turn model (end-of-turn-model.json) on the TRAIN split of the labelled turns: each turn spoken
 * by every espeak-ng voice of EVAL_VOICES; one sample per segment end (label: the turn's true end, or a mid-turn
 * pause), its features as the turn detector sees them at the start of the silence (prosody of the speech up to it,
 * the unpunctuated words through the segment), and once more without words (a transcript not yet in, or server
 * speech-to-text). L2-regularised logistic regression by full-batch gradient descent: deterministic, no library.
 * The held-out TEST split is never read here; the `turns` bench reports figures on it only.
 *
 *   npx tsx src/voice/end-of-turn-train.ts        (writes src/voice/end-of-turn-model.json)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_NAMES, endOfTurnFeatures, prosodicCues, type EndOfTurnModel, type Features } from './end-of-turn.ts';
import { EVAL_VOICES, TRAIN_TURNS, type LabelledTurn } from './end-of-turn-data/turns.ts';
import { buildEvalAudio } from './end-of-turn-eval.ts';

export interface Sample {
  x: Features;
  /** 1: the turn is over; 0: a mid-turn pause. */
  y: 0 | 1;
}

/** What the detector reads at a silence start: this much audio after the speech end (VAD lag, ms). */
const SEEN_AFTER_MS = 100;

/** Training samples from `turns` (espeak-ng; a few seconds per turn and voice). */
export function trainingSamples(turns: LabelledTurn[], transcriptLagMs = 200): Sample[] {
  const out: Sample[] = [];
  for (const b of buildEvalAudio(turns, transcriptLagMs, EVAL_VOICES)) {
    for (const [i, e] of b.ends.entries()) {
      const upTo = Math.round((e.endMs + SEEN_AFTER_MS) * 24);
      const prosody = prosodicCues(b.audio.subarray(0, upTo));
      const y = i === b.ends.length - 1 ? 1 : 0;
      const language = b.turn.language;
      const latestWords = b.turn.segments[i].text; // the words since the last pause: this segment's
      out.push({ x: endOfTurnFeatures({ prosody, transcript: b.transcriptAt(e.endMs + transcriptLagMs), latestWords, language }), y });
      out.push({ x: endOfTurnFeatures({ prosody, transcript: null, language }), y });
    }
  }
  return out;
}

/** L2-regularised logistic regression (the bias is not penalised). */
export function fitLogistic(samples: Sample[], o: { l2?: number; iterations?: number; rate?: number } = {}): Features {
  const l2 = o.l2 ?? 0.005;
  const w = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Features;
  const n = samples.length;
  for (let it = 0; it < (o.iterations ?? 6000); it++) {
    const g = Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Features;
    for (const s of samples) {
      let z = 0;
      for (const f of FEATURE_NAMES) z += w[f] * s.x[f];
      const err = 1 / (1 + Math.exp(-z)) - s.y;
      for (const f of FEATURE_NAMES) g[f] += err * s.x[f];
    }
    for (const f of FEATURE_NAMES) w[f] -= (o.rate ?? 0.5) * (g[f] / n + (f === 'bias' ? 0 : l2 * w[f]));
  }
  for (const f of FEATURE_NAMES) w[f] = Math.round(w[f] * 1000) / 1000;
  return w;
}

/** Share of samples on the right side of p = 0.5. */
export function accuracy(w: Features, samples: Sample[]): number {
  let ok = 0;
  for (const s of samples) {
    let z = 0;
    for (const f of FEATURE_NAMES) z += w[f] * s.x[f];
    if (z >= 0 === (s.y === 1)) ok++;
  }
  return ok / samples.length;
}

export function trainModel(): EndOfTurnModel & { training: { turns: number; samples: number; accuracy: number } } {
  const samples = trainingSamples(TRAIN_TURNS);
  const weights = fitLogistic(samples);
  return {
    name: `logistic regression, ${TRAIN_TURNS.length} TRAIN turns × ${EVAL_VOICES.length} espeak-ng voices (end-of-turn-train.ts)`,
    weights,
    training: { turns: TRAIN_TURNS.length, samples: samples.length, accuracy: Math.round(accuracy(weights, samples) * 1000) / 1000 },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const m = trainModel();
  const file = new URL('./end-of-turn-model.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(m, null, 2)}\n`);
  console.log(`wrote ${fileURLToPath(file)}: ${m.training.samples} samples, training accuracy ${m.training.accuracy}`);
  console.log(m.weights);
}
