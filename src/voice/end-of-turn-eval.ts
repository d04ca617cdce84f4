/**
 * Evaluation of end-of-turn detection on the labelled turns of end-of-turn-data/turns.ts: each turn is spoken with
 * espeak-ng segment by segment, joined with mid-turn pauses drawn from a log-normal spread (median 600 ms, σ 0.55:
 * most thinking pauses are short, a few pass 1.5 s), and fed in 20 ms frames on an audio-time clock to the real
 * TurnDetector (Silero VAD) three ways at once: the persona's fixed silence window (today's baseline), the
 * predictor with prosody and a partial transcript, and the predictor with prosody alone (server speech-to-text:
 * no partial transcript). The partial transcript is unpunctuated (as browser speech recognition gives it) and a
 * segment's words arrive `transcriptLagMs` after its speech ends.
 * Figures per language and detector: gap (true speech end → commit) p50/p95 and the false cut-in rate (commits
 * during a mid-turn pause, per mid-turn pause).
 */
import type { Language } from '../analysis/index.ts';
import { speakPcm24k } from '../testing/espeak.ts';
import { EndOfTurnPredictor, HAND_MODEL, type Eagerness, type EndOfTurnModel } from './end-of-turn.ts';
import { EVAL_VOICES, TEST_TURNS, type EvalVoice, type LabelledTurn, type PauseKind } from './end-of-turn-data/turns.ts';
import { TurnDetector } from './turn-detector.ts';

/** window: the fixed silence window; predictor: trained model, prosody + words; -audio: prosody only; -hand: the hand-set weights. */
export type DetectorKind = 'window' | 'predictor' | 'predictor-audio' | 'predictor-hand';
export const DETECTORS: DetectorKind[] = ['window', 'predictor', 'predictor-audio', 'predictor-hand'];

export interface EvalOptions {
  /** The persona's silence window (ms, default 700: DEFAULT_TURN_TAKING). */
  silenceMs?: number;
  eagerness?: Eagerness;
  /** Delay of a segment's words in the partial transcript after its speech ends (ms, default 200). */
  transcriptLagMs?: number;
  /** These turns (default: the held-out TEST_TURNS). */
  turns?: LabelledTurn[];
  /** Each turn spoken by each of these (default: EVAL_VOICES). */
  voices?: EvalVoice[];
  /** Detectors to run (default: all of DETECTORS). */
  detectors?: DetectorKind[];
  /** The predictor's model (default: the trained one). */
  model?: EndOfTurnModel;
}

/** One detector's outcome on one turn. */
export interface TurnOutcome {
  id: string;
  language: Language;
  detector: DetectorKind;
  /** Commit time − true speech end of the turn (ms); null when the end was never committed. */
  gapMs: number | null;
  /** Per mid-turn pause: its kind, length and whether the detector committed during it. */
  pauses: Array<{ kind: PauseKind; ms: number; cutIn: boolean }>;
}

export interface EvalSummary {
  language: Language;
  detector: DetectorKind;
  turns: number;
  gapP50Ms: number;
  gapP95Ms: number;
  midPauses: number;
  falseCutIns: number;
  /** falseCutIns / midPauses. */
  falseCutInRate: number;
  /** Turn ends never committed within the trailing silence. */
  missedEnds: number;
  /** False cut-ins by pause kind. */
  cutInsByKind: Partial<Record<PauseKind, string>>;
}

const silence = (ms: number) => new Int16Array(Math.round(ms * 24));

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -probit(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Mid-turn pause lengths for `n` pauses: log-normal quantiles (median 600 ms, σ 0.55), spread over the turns. */
export function pauseLengths(n: number): number[] {
  const step = n > 2 ? [5, 7, 11, 13].find((s) => n % s !== 0) ?? 1 : 1; // a permutation: long pauses not bunched
  return Array.from({ length: n }, (_, k) => Math.round(600 * Math.exp(0.55 * probit((((k * step) % n) + 0.5) / n))));
}

export interface Built {
  turn: LabelledTurn;
  /** Which of the voices spoke it. */
  voice: number;
  audio: Int16Array;
  /** Per segment: where its speech ends (ms) and, for mid-turn segments, the pause after it. */
  ends: Array<{ endMs: number; pause?: { kind: PauseKind; ms: number } }>;
  /** Partial transcript at audio time `ms`. */
  transcriptAt(ms: number): string | null;
}

const LEAD_MS = 300;
const TRAIL_MS = 3000;

/** Synthesizes the turns (espeak-ng, each in every voice) and lays out pauses; deterministic. */
export function buildEvalAudio(turns: LabelledTurn[], transcriptLagMs = 200, voices: EvalVoice[] = EVAL_VOICES.slice(0, 1)): Built[] {
  const out: Built[] = [];
  const byLang = new Map<Language, LabelledTurn[]>();
  for (const t of turns) byLang.set(t.language, [...(byLang.get(t.language) ?? []), t]);
  for (const [language, list] of byLang) {
    const n = list.reduce((k, t) => k + t.segments.filter((s) => s.pause).length, 0) * voices.length;
    const lengths = pauseLengths(n);
    let k = 0;
    for (const [vi, v] of voices.entries()) {
      for (const turn of list) {
        const parts: Int16Array[] = [silence(LEAD_MS)];
        const ends: Built['ends'] = [];
        const words: Array<{ atMs: number; text: string }> = [];
        let ms = LEAD_MS;
        for (const seg of turn.segments) {
          const pcm = speakPcm24k(seg.text, v.voice[language === 'he' ? 'he' : 'en'], { rate: v.rate, pitch: v.pitch });
          parts.push(pcm);
          ms += pcm.length / 24;
          words.push({ atMs: ms + transcriptLagMs, text: seg.text });
          if (seg.pause) {
            const p = lengths[k++];
            ends.push({ endMs: ms, pause: { kind: seg.pause, ms: p } });
            parts.push(silence(p));
            ms += p;
          } else ends.push({ endMs: ms });
        }
        parts.push(silence(TRAIL_MS));
        const audio = new Int16Array(parts.reduce((a, p) => a + p.length, 0));
        let o = 0;
        for (const p of parts) (audio.set(p, o), (o += p.length));
        const transcriptAt = (at: number) => {
          const heard = words.filter((w) => w.atMs <= at).map((w) => w.text);
          // browser speech recognition: words without punctuation
          return heard.length ? heard.join(' ').replace(/[.,!?;:…]+/g, ' ').replace(/\s+/g, ' ').trim() : null;
        };
        out.push({ turn, voice: vi, audio, ends, transcriptAt });
      }
    }
  }
  return out;
}

/** Runs the detectors over one built turn (in lockstep, sharing the VAD worker). */
async function runTurn(b: Built, o: EvalOptions): Promise<TurnOutcome[]> {
  const silenceMs = o.silenceMs ?? 700;
  const kinds = o.detectors ?? DETECTORS;
  let clockMs = 0;
  const commits = new Map<DetectorKind, Array<{ speechEndMs: number; atMs: number }>>();
  const detectors = kinds.map((kind) => {
    commits.set(kind, []);
    const model = kind === 'predictor-hand' ? HAND_MODEL : o.model;
    const predictor = kind === 'window' ? undefined : new EndOfTurnPredictor({ silenceMs, eagerness: o.eagerness, language: b.turn.language, model });
    return new TurnDetector(
      { clock: () => clockMs, silenceMs, longSpeechMs: 600, keepAudio: false, stallMs: null, endOfTurn: predictor, transcript: kind === 'predictor' || kind === 'predictor-hand' ? () => b.transcriptAt(clockMs) : undefined },
      { speechStart: () => {}, longSpeech: () => {}, utterance: (u) => commits.get(kind)!.push({ speechEndMs: u.speechEndMs, atMs: clockMs }) },
    );
  });
  await Promise.all(detectors.map((d) => d.init()));
  try {
    for (let i = 0; i < b.audio.length; i += 480) {
      const frame = b.audio.subarray(i, i + 480);
      for (const d of detectors) d.push(frame);
      clockMs += 20;
      await Promise.all(detectors.map((d) => d.drained()));
    }
  } finally {
    for (const d of detectors) d.close();
  }
  const finalEnd = b.ends[b.ends.length - 1].endMs;
  return kinds.map((kind) => {
    const list = commits.get(kind)!;
    // a commit belongs to the segment whose speech end is nearest its dated speech end
    const owner = (c: { speechEndMs: number }) => b.ends.reduce((best, e, i) => (Math.abs(e.endMs - c.speechEndMs) < Math.abs(b.ends[best].endMs - c.speechEndMs) ? i : best), 0);
    const owners = list.map(owner);
    const last = list.filter((_, i) => owners[i] === b.ends.length - 1);
    return {
      id: `${b.turn.id}/${b.voice}`,
      language: b.turn.language,
      detector: kind,
      gapMs: last.length ? last[0].atMs - finalEnd : null,
      pauses: b.ends.flatMap((e, i) => (e.pause ? [{ kind: e.pause.kind, ms: e.pause.ms, cutIn: owners.includes(i) }] : [])),
    };
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};

export function summarizeOutcomes(outcomes: TurnOutcome[]): EvalSummary[] {
  const out: EvalSummary[] = [];
  for (const language of [...new Set(outcomes.map((x) => x.language))]) {
    for (const detector of DETECTORS) {
      const xs = outcomes.filter((x) => x.language === language && x.detector === detector);
      if (!xs.length) continue;
      const gaps = xs.flatMap((x) => (x.gapMs === null ? [] : [x.gapMs]));
      const pauses = xs.flatMap((x) => x.pauses);
      const cut = pauses.filter((p) => p.cutIn);
      const byKind: Partial<Record<PauseKind, string>> = {};
      for (const k of [...new Set(pauses.map((p) => p.kind))]) byKind[k] = `${cut.filter((p) => p.kind === k).length}/${pauses.filter((p) => p.kind === k).length}`;
      out.push({
        language, detector, turns: xs.length, gapP50Ms: pct(gaps, 50), gapP95Ms: pct(gaps, 95), midPauses: pauses.length, falseCutIns: cut.length,
        falseCutInRate: pauses.length ? cut.length / pauses.length : 0, missedEnds: xs.length - gaps.length, cutInsByKind: byKind,
      });
    }
  }
  return out;
}

/** Runs the evaluation (espeak-ng + Silero; a few seconds of CPU per turn). */
export async function evaluateEndOfTurn(o: EvalOptions = {}): Promise<{ outcomes: TurnOutcome[]; summary: EvalSummary[] }> {
  const built = buildEvalAudio(o.turns ?? TEST_TURNS, o.transcriptLagMs, o.voices ?? EVAL_VOICES);
  const outcomes: TurnOutcome[] = [];
  for (const b of built) outcomes.push(...(await runTurn(b, o)));
  return { outcomes, summary: summarizeOutcomes(outcomes) };
}
