import { benchOptIn, benchSections } from './bench.ts';
import { benchPlatform } from '../http/bench.ts';

/** Every benchmark section, in the order `npm run bench` runs them. */
benchSections.platform = benchPlatform;
benchSections.coaching = async (o) => (await import('../coaching/index.ts')).benchCoaching(o);
benchSections.analysis = async ({ quick }) => {
  const { benchAnalysis } = await import('../analysis/index.ts');
  return (await benchAnalysis({ runs: quick ? 7 : 25 })).map((r) => ({
    section: 'analysis',
    name: r.name,
    unit: 'ms',
    median: r.medianMs,
    p95: r.p95Ms,
    p99: r.p99Ms,
    samples: r.runs,
    target: `< ${r.targetMs} ms`,
    pass: r.p95Ms < r.targetMs,
    notes: r.durationSec > 0 ? `${r.segments} segments, ${Math.round(r.durationSec / 60)} min` : `${r.segments} labelled utterances`,
  }));
};
benchSections.calls = async (o) => (await import('../calls/bench.ts')).benchCalls(o);
benchSections.voice = async (o) => (await import('../voice/bench.ts')).benchVoice(o);
// end-of-turn detection, fixed window vs predictor, on the labelled espeak-ng turns (issue 18)
benchSections.turns = async (o) => (await import('../voice/end-of-turn-bench.ts')).benchTurns(o);
// 30 minutes (SALESGYM_SOAK_MINUTES to shorten): only with `bench --only voice-soak`
benchSections['voice-soak'] = async (o) => (await import('../voice/bench-soak.ts')).benchVoiceSoak(o);
benchOptIn.add('voice-soak');
