/**
 * The `turns` bench section: end-of-turn detection on the HELD-OUT labelled espeak-ng turns (TEST_TURNS, each in 3
 * voices; the model never saw them: end-of-turn-train.ts trains on TRAIN_TURNS), the persona's fixed silence window
 * (baseline) beside the predictor, per language: gap (true speech end → commit) p50/p95 and the false cut-in rate
 * (commits during mid-turn pauses). The predictor runs with the browser's partial transcript (the cascade engine's
 * default), with it 500 ms late, with prosody alone (server speech-to-text), and with the first hand-set weights.
 */
import type { BenchResult } from '../cli/bench.ts';
import { toolPath } from '../testing/tools.ts';
import { EVAL_VOICES, TEST_TURNS } from './end-of-turn-data/turns.ts';
import { evaluateEndOfTurn, type EvalSummary } from './end-of-turn-eval.ts';

const r0 = (v: number) => Math.round(v);
const pct = (v: number) => Math.round(v * 1000) / 10;

/** Whether `s` beats the window `w` on both figures (gap median and false cut-in rate; a tie on cut-ins counts). */
export function beatsWindow(s: EvalSummary, w: EvalSummary): boolean {
  return s.gapP50Ms < w.gapP50Ms && s.falseCutInRate <= w.falseCutInRate && s.missedEnds <= w.missedEnds;
}

export async function benchTurns(_: { quick: boolean }): Promise<BenchResult[]> {
  if (!toolPath('espeak-ng')) return [{ section: 'turns', name: 'end-of-turn evaluation', unit: '', notes: 'skipped: espeak-ng is not installed' }];
  const silenceMs = 700;
  const { summary } = await evaluateEndOfTurn({ silenceMs, transcriptLagMs: 200 });
  // the same with the browser's words 500 ms behind the speech (a slower recogniser): the predictor waits for them
  const late = (await evaluateEndOfTurn({ silenceMs, transcriptLagMs: 500, detectors: ['predictor'] })).summary.filter((s) => s.detector === 'predictor').map((s) => ({ ...s, detector: 'predictor-late' as const }));
  const out: BenchResult[] = [];
  for (const language of [...new Set(summary.map((s) => s.language))]) {
    const w = summary.find((s) => s.language === language && s.detector === 'window')!;
    for (const detector of ['predictor', 'predictor-late', 'predictor-audio', 'predictor-hand'] as const) {
      const s = [...summary, ...late].find((x) => x.language === language && x.detector === detector) as EvalSummary;
      const what = { predictor: 'predictor (prosody + partial transcript 200 ms behind)', 'predictor-late': 'predictor (prosody + partial transcript 500 ms behind)', 'predictor-audio': 'predictor (prosody only)', 'predictor-hand': 'predictor, first hand-set weights (prosody + transcript)' }[detector];
      const kinds = (x: EvalSummary) => Object.entries(x.cutInsByKind).map(([k, v]) => `${k} ${v}`).join(', ');
      const notes = `held out: ${s.turns} renderings (${TEST_TURNS.filter((t) => t.language === language).length} turns × ${EVAL_VOICES.length} espeak-ng voices), ${s.midPauses} mid-turn pauses (log-normal, median 600 ms); window ${silenceMs} ms; cut-ins by pause kind: ${what} ${kinds(s)} | window ${kinds(w)}${s.missedEnds || w.missedEnds ? `; turn ends never committed: ${s.missedEnds} (window ${w.missedEnds})` : ''}; beats the window on both: ${beatsWindow(s, w) ? 'yes' : 'no'}`;
      out.push({
        section: 'turns', name: `end-of-turn gap ${language}, ${what} (speech end → commit)`, unit: 'ms', median: r0(s.gapP50Ms), p95: r0(s.gapP95Ms), samples: s.turns,
        baseline: { name: 'window', median: r0(w.gapP50Ms), p95: r0(w.gapP95Ms) }, ratio: Math.round((s.gapP50Ms / w.gapP50Ms) * 100) / 100, target: '≤ 300 ms p50', pass: s.gapP50Ms <= 300, notes,
      });
      out.push({
        section: 'turns', name: `false cut-in rate ${language}, ${what}`, unit: '% of mid-turn pauses', value: pct(s.falseCutInRate), samples: s.midPauses,
        baseline: { name: 'window', value: pct(w.falseCutInRate) }, target: '≤ 3%', pass: s.falseCutInRate <= 0.03, notes: `${s.falseCutIns} of ${s.midPauses} (window ${w.falseCutIns} of ${w.midPauses})`,
      });
    }
  }
  return out;
}
