import type { ConversationMetrics } from './types.ts';

export type MetricKey = Exclude<keyof ConversationMetrics, 'durationSec'>;
export type Rating = 'good' | 'ok' | 'poor' | 'n/a';

/** A field benchmark for one metric; `range` gives the good band, `poorBelow`/`poorAbove` the poor zone. */
export interface Benchmark {
  label: { he: string; en: string };
  unit: string;
  /** What the field reports (product brief §3), or "SalesGym default" where no field figure exists. */
  source: string;
  target?: number;
  range: [number, number];
  poorBelow?: number;
  poorAbove?: number;
}

/** Field benchmarks (product-brief §3, Gong Labs figures) and SalesGym defaults where the field has none. */
export const BENCHMARKS: Record<MetricKey, Benchmark> = {
  talkRatioAgent: {
    label: { he: 'יחס דיבור של הנציג', en: 'Agent talk ratio' }, unit: 'fraction',
    source: 'Gong Labs: top reps talk ~43% of a discovery call; average reps 65–75%; above ~65% goes with lower win rates',
    target: 0.43, range: [0.35, 0.55], poorAbove: 0.65,
  },
  longestAgentMonologueSec: {
    label: { he: 'המונולוג הארוך ביותר של הנציג', en: 'Longest agent monologue' }, unit: 's',
    source: 'Pitch segments of 9 minutes or less (field); SalesGym treats under 2.5 minutes as good',
    range: [0, 150], poorAbove: 540,
  },
  longestCustomerStorySec: {
    label: { he: 'הסיפור הארוך ביותר של הלקוח', en: 'Longest customer story' }, unit: 's',
    source: 'Prospects who talk ~4 minutes uninterrupted (field); scaled to the call length',
    target: 240, range: [60, Infinity], poorBelow: 15,
  },
  interactivityPerMin: {
    label: { he: 'החלפות דובר לדקה', en: 'Speaker switches per minute' }, unit: '/min',
    source: 'SalesGym default: a two-way conversation switches at least 4 times a minute',
    range: [4, Infinity], poorBelow: 2,
  },
  patienceSec: {
    label: { he: 'סבלנות לפני תשובה', en: 'Patience before answering' }, unit: 's',
    source: 'Turn switches take ~0.2–0.3 s; SalesGym treats 0.6 s or more as patient',
    range: [0.6, 3], poorBelow: 0.3,
  },
  patienceAfterObjectionSec: {
    label: { he: 'הפסקה לפני מענה להתנגדות', en: 'Pause before answering an objection' }, unit: 's',
    source: 'Gong Labs: top reps pause ~1.5 s before answering an objection, average reps ~0.3 s',
    target: 1.5, range: [1, 3], poorBelow: 0.5,
  },
  questionsAgent: {
    label: { he: 'שאלות של הנציג', en: 'Questions asked by the agent' }, unit: 'count',
    source: 'Gong Labs: 11–14 targeted questions per discovery call; scaled down for calls under 20 minutes',
    range: [11, 14], poorBelow: 6,
  },
  questionsCustomer: {
    label: { he: 'שאלות של הלקוח', en: 'Questions asked by the customer' }, unit: 'count',
    source: 'SalesGym default: an engaged customer asks questions too',
    range: [2, Infinity], poorBelow: 1,
  },
  questionsAgentPerMin: {
    label: { he: 'שאלות לדקה', en: 'Agent questions per minute' }, unit: '/min',
    source: 'SalesGym default derived from 11–14 questions in a 30–45 minute call, allowing more in short calls',
    range: [0.3, 3], poorBelow: 0.15, poorAbove: 5,
  },
  fillerWordsPerMin: {
    label: { he: 'מילות מילוי לדקה', en: 'Filler words per minute' }, unit: '/min',
    source: 'SalesGym default: under 3 fillers per minute of speech sounds confident',
    range: [0, 3], poorAbove: 8,
  },
  wordsPerMinAgent: {
    label: { he: 'קצב דיבור (מילים לדקה)', en: 'Speaking pace (words per minute)' }, unit: 'wpm',
    source: 'Gong Labs: ~173 wpm typical, rising to ~188 under objections; SalesGym treats 130–190 as good',
    target: 173, range: [130, 190], poorBelow: 100, poorAbove: 220,
  },
  interruptions: {
    label: { he: 'קטיעות (דיבור חופף)', en: 'Interruptions (overlapping speech)' }, unit: 'count',
    source: 'SalesGym default: cutting in is a top complaint about reps and bots alike',
    range: [0, 2], poorAbove: 5,
  },
};

export interface MetricRating {
  metric: MetricKey;
  value: number | null;
  rating: Rating;
  /** The good band actually applied (questions and stories are scaled to the call length). */
  range: [number, number];
  benchmark: Benchmark;
}

/** Calls shorter than this get proportionally lower expectations for counts (questions, story length). */
const FULL_CALL_SEC = 20 * 60;

function scaledRange(key: MetricKey, b: Benchmark, durationSec: number): { range: [number, number]; poorBelow?: number } {
  const f = Math.min(1, durationSec / FULL_CALL_SEC);
  if (key === 'questionsAgent') {
    return { range: [Math.max(3, Math.round(11 * f)), Math.max(5, Math.round(14 * f * 1.5))], poorBelow: Math.max(2, Math.round(6 * f)) };
  }
  if (key === 'longestCustomerStorySec') {
    return { range: [Math.max(20, 0.12 * durationSec * (1 - f) + 60 * f), Infinity], poorBelow: Math.max(8, 0.04 * durationSec) };
  }
  return { range: b.range, poorBelow: b.poorBelow };
}

/** Rate every metric against its benchmark (good / ok / poor; n/a when the metric could not be measured). */
export function rateMetrics(m: ConversationMetrics, opts: { timesEstimated?: boolean } = {}): MetricRating[] {
  return (Object.keys(BENCHMARKS) as MetricKey[]).map((metric) => {
    const benchmark = BENCHMARKS[metric];
    const value = m[metric];
    const { range, poorBelow } = scaledRange(metric, benchmark, m.durationSec);
    const timing = metric === 'patienceSec' || metric === 'patienceAfterObjectionSec' || metric === 'interruptions';
    if (value === null || (opts.timesEstimated && timing)) return { metric, value, rating: 'n/a', range, benchmark };
    let rating: Rating = 'ok';
    if (value >= range[0] && value <= range[1]) rating = 'good';
    if ((poorBelow !== undefined && value < poorBelow) || (benchmark.poorAbove !== undefined && value > benchmark.poorAbove)) rating = 'poor';
    return { metric, value, rating, range, benchmark };
  });
}
