import { describe, expect, it } from 'vitest';
import { classifyTranscript } from './segments.ts';
import { computeMetrics } from './metrics.ts';
import { BENCHMARKS, rateMetrics } from './benchmarks.ts';
import type { Transcript } from './types.ts';

const t: Transcript = {
  language: 'en',
  segments: [
    { speaker: 'agent', startSec: 0, endSec: 10, text: 'Hi, this is Sam from Acme. What made you look at new providers, um, recently?' },
    { speaker: 'customer', startSec: 11.5, endSec: 40, text: 'Our current one keeps dropping calls and we lose customers because of it.' },
    { speaker: 'agent', startSec: 41, endSec: 42, text: 'Uh-huh.' },
    { speaker: 'customer', startSec: 42, endSec: 50, text: 'And honestly it is too expensive.' },
    { speaker: 'agent', startSec: 52, endSec: 60, text: 'I hear you. How many lines do you have? Who decides?' },
    { speaker: 'customer', startSec: 59, endSec: 64, text: 'Twelve lines. Can you send a quote?' },
  ],
};

describe('conversation metrics', () => {
  const m = computeMetrics(classifyTranscript(t));

  it('measures talk ratio, monologue, story, switches, patience and interruptions from the timeline', () => {
    expect(m.durationSec).toBe(64);
    expect(m.talkRatioAgent).toBe(0.31); // 19 s of 60.5 s spoken
    expect(m.longestAgentMonologueSec).toBe(10);
    expect(m.longestCustomerStorySec).toBe(38.5); // the agent's "uh-huh" does not end the story
    expect(m.interactivityPerMin).toBe(4.69); // 5 switches in 64 s
    expect(m.patienceSec).toBe(2); // the only agent answer comes 2 s after the customer's turn; backchannels are not answers
    expect(m.patienceAfterObjectionSec).toBe(2);
    expect(m.interruptions).toBe(1);
  });

  it('counts questions per side, per minute, fillers and pace', () => {
    expect(m.questionsAgent).toBe(3);
    expect(m.questionsCustomer).toBe(1);
    expect(m.questionsAgentPerMin).toBe(2.81);
    expect(m.fillerWordsPerMin).toBeCloseTo(1 / (19 / 60), 1);
    expect(m.wordsPerMinAgent).toBe(Math.round(28 / (19 / 60)));
  });
});

describe('benchmarks', () => {
  it('carries the product brief figures', () => {
    expect(BENCHMARKS.talkRatioAgent.target).toBe(0.43);
    expect(BENCHMARKS.questionsAgent.range).toEqual([11, 14]);
    expect(BENCHMARKS.patienceAfterObjectionSec.target).toBe(1.5);
  });

  it('rates metrics good/ok/poor, scales counts to short calls, and skips timing when times were estimated', () => {
    const base = computeMetrics(classifyTranscript(t));
    const r = Object.fromEntries(rateMetrics({ ...base, talkRatioAgent: 0.72, questionsAgent: 12, durationSec: 1800 }).map((x) => [x.metric, x.rating]));
    expect(r.talkRatioAgent).toBe('poor');
    expect(r.questionsAgent).toBe('good');
    const short = rateMetrics({ ...base, questionsAgent: 4, durationSec: 300 }).find((x) => x.metric === 'questionsAgent')!;
    expect(short.rating).toBe('good');
    const est = rateMetrics(base, { timesEstimated: true }).find((x) => x.metric === 'patienceSec')!;
    expect(est.rating).toBe('n/a');
  });
});
