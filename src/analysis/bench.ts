import { readFileSync } from 'node:fs';
import type { Transcript } from './types.ts';
import { analyzeOffline } from './offline-analyzer.ts';
import { loadLabelled, trainActModel, TRAINING_SETS } from './act-model.ts';
import { classifyUtterance } from './classifier.ts';

export interface BenchResult {
  name: string;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  runs: number;
  /** The target the issue sets, in `unit`. */
  targetMs: number;
  /** Unit of the figures: milliseconds unless it says microseconds. */
  unit?: 'ms' | 'µs';
  segments: number;
  durationSec: number;
}

const SAMPLE_DIR = new URL('../../samples/calls/', import.meta.url);

/**
 * A transcript of about `minutes` minutes made by repeating a sample call's dialogue with shifted times
 * (the sample files are parsed with a tiny `[mm:ss] label: text` reader to keep this module free of the calls domain).
 */
export function longTranscript(file: string, minutes = 60): Transcript {
  const lines = readFileSync(new URL(file, SAMPLE_DIR), 'utf8').split('\n');
  const base = lines.flatMap((l) => {
    const m = /^\[(\d+):(\d{2})\]\s*([^:]+):\s*(.*)$/.exec(l.trim());
    if (!m) return [];
    const speaker = /נציג|agent/i.test(m[3]) ? ('agent' as const) : ('customer' as const);
    return [{ speaker, startSec: Number(m[1]) * 60 + Number(m[2]), text: m[4] }];
  });
  const span = base[base.length - 1].startSec + 5;
  const segments: Transcript['segments'] = [];
  for (let rep = 0; rep * span < minutes * 60; rep++) {
    base.forEach((s, i) => {
      const start = rep * span + s.startSec;
      const next = i + 1 < base.length ? rep * span + base[i + 1].startSec : start + 4;
      segments.push({ speaker: s.speaker, startSec: start, endSec: Math.max(start + 0.5, next - 0.6), text: s.text });
    });
  }
  return { language: /[\u05D0-\u05EA]/.test(base[0].text) ? 'he' : 'en', segments };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Offline analysis of 60-minute Hebrew and English transcripts (target < 200 ms each). */
export async function benchAnalysis(opts: { runs?: number } = {}): Promise<BenchResult[]> {
  const runs = opts.runs ?? 15;
  const out: BenchResult[] = [];
  for (const [name, file] of [['analysis: offline, 60-min Hebrew transcript', 'he-phone-sale-good.txt'], ['analysis: offline, 60-min English transcript', 'en-phone-sale-good.txt']] as const) {
    const t = longTranscript(file, 60);
    analyzeOffline(t); // warm-up: regex compilation, JIT
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      analyzeOffline(t);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    out.push({
      name, runs, targetMs: 200, segments: t.segments.length, durationSec: t.segments[t.segments.length - 1].endSec,
      medianMs: r2(pct(times, 50)), p95Ms: r2(pct(times, 95)), p99Ms: r2(pct(times, 99)),
    });
  }
  out.push(...benchActModelTraining(runs), ...benchClassifier());
  return out;
}

/**
 * Sales-act classification of one utterance, per language, in microseconds (target < 50 µs): every labelled
 * utterance, each timed as its fastest of 5 runs (holdout3 and blind4 hold many the rules leave to the model).
 */
function benchClassifier(): BenchResult[] {
  return (['he', 'en'] as const).map((lang) => {
    const texts = ['utterances', 'holdout2', 'holdout3', 'blind4'].flatMap((s) => loadLabelled(`${s}.${lang}.jsonl`)).map((r) => r.text);
    for (const t of texts) classifyUtterance(t, lang); // warm-up
    const us = texts.map((t) => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        classifyUtterance(t, lang);
        best = Math.min(best, performance.now() - t0);
      }
      return best * 1000;
    });
    us.sort((a, b) => a - b);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      name: `sales-act classifier: one utterance, ${lang}`, unit: 'µs', runs: us.length, targetMs: 50, segments: us.length, durationSec: 0,
      medianMs: r2(pct(us, 50)), p95Ms: r2(pct(us, 95)), p99Ms: r2(pct(us, 99)),
    };
  });
}

/** Training the sales-act model (naive Bayes) from the labelled sets, per language (target < 50 ms: it runs at start). */
function benchActModelTraining(runs: number): BenchResult[] {
  return (['he', 'en'] as const).map((lang) => {
    const rows = TRAINING_SETS.flatMap((s) => loadLabelled(`${s}.${lang}.jsonl`));
    trainActModel(rows, lang); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      trainActModel(rows, lang);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      name: `act model: training, ${lang} (${rows.length} utterances)`, runs, targetMs: 50, segments: rows.length, durationSec: 0,
      medianMs: r2(pct(times, 50)), p95Ms: r2(pct(times, 95)), p99Ms: r2(pct(times, 99)),
    };
  });
}
