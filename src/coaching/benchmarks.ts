/**
 * Field benchmarks the live layer and the session report compare against (product brief §3: Gong Labs and
 * secondary sources). Each has the direction that is better, so a report can say "above" or "below" honestly.
 */
export interface Benchmark {
  /** The target value (or the edge of the good range). */
  value: number;
  unit: string;
  better: 'lower' | 'higher' | 'range';
  /** For 'range': the good band. */
  range?: [number, number];
  source: string;
}

export const COACHING_BENCHMARKS = {
  /** Agent share of talk time on a discovery call: top reps ~43 %, above ~65 % goes with lower win rates. */
  talkRatio: { value: 0.43, unit: 'ratio', better: 'range', range: [0.35, 0.55], source: 'Gong Labs' },
  /** Pause before answering an objection: top reps ~1.5 s, average reps ~0.3 s. */
  objectionPauseMs: { value: 1500, unit: 'ms', better: 'range', range: [900, 3500], source: 'Gong Labs (secondary)' },
  /** Targeted questions per discovery call: 11–14 (scaled to the call length in reports). */
  questionsPerCall: { value: 11, unit: 'count', better: 'range', range: [11, 14], source: 'Gong Labs (secondary)' },
  /** Speaking pace: ~173 wpm, rising to ~188 under an objection. */
  wordsPerMin: { value: 173, unit: 'wpm', better: 'range', range: [130, 190], source: 'Gong Labs (secondary)' },
  /** Longest uninterrupted agent stretch worth allowing in a live call. */
  longestMonologueMs: { value: 60_000, unit: 'ms', better: 'lower', source: 'coaching default (Gong: top reps ~76 s)' },
  /** Filler words per minute of agent speech. */
  fillersPerMin: { value: 3, unit: 'per_min', better: 'lower', source: 'coaching default' },
  /** Agent interruptions of the customer per call. */
  interruptions: { value: 1, unit: 'count', better: 'lower', source: 'coaching default' },
  /** Agent stopped talking → customer audio heard (p50 / p95). */
  latencyP50Ms: { value: 800, unit: 'ms', better: 'lower', source: 'voice-agent practice' },
  latencyP95Ms: { value: 1200, unit: 'ms', better: 'lower', source: 'voice-agent practice' },
} as const satisfies Record<string, Benchmark>;

export type BenchmarkId = keyof typeof COACHING_BENCHMARKS;

/** Where a value sits against its benchmark. */
export function compareToBenchmark(id: BenchmarkId, v: number): 'good' | 'above' | 'below' {
  const b: Benchmark = COACHING_BENCHMARKS[id];
  if (b.better === 'range' && b.range) return v < b.range[0] ? 'below' : v > b.range[1] ? 'above' : 'good';
  if (b.better === 'lower') return v <= b.value ? 'good' : 'above';
  return v >= b.value ? 'good' : 'below';
}
