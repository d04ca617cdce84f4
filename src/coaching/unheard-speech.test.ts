/**
 * Honest coaching: audio without words is not agent talk (talk ratio, monologue), a call without agent words gets
 * no score, and its report shows only what the audio measures and says what a transcript would add.
 */
import { describe, expect, it } from 'vitest';
import { sessionPassed, sessionToScorePoint } from '../analytics/loop.ts';
import { teamAggregates } from '../analytics/progress.ts';
import { syntheticSpeech } from './bench.ts';
import { LiveCoaching, type CoachMessage } from './live.ts';
import { buildSessionReport, reportInputFromLive } from './report.ts';
import { AUDIO_BENCHMARKS } from './report-wordless.ts';
import { GOOD_HE, timed } from './testdata/scripts.ts';

/** A voice call in which the agent speaks `n` times for `speakMs` each, no recogniser gets a word, and the customer asks them to repeat. */
function deafCall(lang: 'he' | 'en', n: number, speakMs = 6000) {
  const out: CoachMessage[] = [];
  const live = new LiveCoaching({ language: lang, level: 'intermediate', emit: (m) => out.push(m) });
  const tap = live.tap();
  tap.onEngineEvent({ type: 'noop' });
  const voice = syntheticSpeech(speakMs / 1000);
  let t = 0;
  for (let i = 0; i < n; i++) {
    tap.onEngineEvent({ type: 'agent_speech_started', atMs: t });
    for (let k = 0; k < voice.length; k += 480) tap.onAgentAudio(voice.subarray(k, k + 480), t + k / 24);
    live.tick(t + speakMs - 100); // mid-speech: the panel must not call this talk or a monologue
    tap.onEngineEvent({ type: 'agent_speech_stopped', atMs: t + speakMs });
    tap.onTurn({ speaker: 'agent', text: '', startMs: t, endMs: t + speakMs + 1500, interrupted: false, inaudible: true });
    tap.onEngineEvent({ type: 'customer_turn_started', atMs: t + speakMs + 1600 });
    tap.onTurn({ speaker: 'customer', text: lang === 'he' ? 'סליחה, הקו נקטע לי. אפשר לחזור על זה?' : "Sorry, you're breaking up — can you say that again?", startMs: t + speakMs + 1600, endMs: t + speakMs + 4000, interrupted: false });
    t += speakMs + 4500;
  }
  live.tick(t);
  return { live, out, endMs: t };
}

describe('speech without words in coaching and scoring', () => {
  it('the live panel never shows inaudible speech as agent talk or a monologue', () => {
    const { out } = deafCall('he', 6, 11_000);
    const metrics = out.filter((m): m is Extract<CoachMessage, { type: 'metrics' }> => m.type === 'metrics').map((m) => m.values);
    expect(metrics.length).toBeGreaterThan(5);
    for (const v of metrics) {
      expect(v.talkRatio).toBeUndefined(); // unknown, not 100 %
      expect(v.monologueSec).toBe(0);
      expect(v.longestMonologueSec).toBe(0);
      expect(v.wordsPerMin).toBe(0);
    }
    // no "you talk too much" / monologue hint was raised over speech nobody understood
    const hints = out.filter((m) => m.type === 'hint').map((m) => (m.type === 'hint' ? m.texts.en : ''));
    expect(hints.filter((h) => /talk|monologue/i.test(h))).toEqual([]);
  });

  it('a call with no agent words gets no score, only audio measures, and says what a transcript would add', () => {
    const { live, endMs } = deafCall('he', 6);
    const report = buildSessionReport(reportInputFromLive(live.record(), {
      durationMs: endMs,
      scenario: { targetSkills: ['discovery'] },
      latency: [{ agentSpeechEndMs: 6000, turnCommittedMs: 7500, firstCustomerTextMs: 7550, firstCustomerAudioSentMs: 7600, firstAudioPlayedMs: 7650 }],
    }));
    expect(report.overallScore).toBeNull();
    expect(report.noScoreReason).toMatch(/אין ציון/);
    expect(report.noScoreReason).toContain('6 קטעי דיבור');
    expect(report.noScoreReason).toMatch(/תמליל היה מוסיף/);
    expect(report.skills).toEqual([]);
    expect(report.weaknesses).toEqual([]);
    expect(report.criteria).toEqual([]);
    expect(report.improvements).toHaveLength(3);
    expect(report.benchmarks.length).toBeGreaterThan(0);
    expect(report.benchmarks.every((b) => AUDIO_BENCHMARKS.has(b.id))).toBe(true);
    expect(report.targeted).toEqual([expect.objectContaining({ skill: 'discovery', exercised: false, verdict: 'not_exercised', score: null })]);
    expect(report.voiceConfidence).not.toBeNull(); // the voice itself is measurable

    // counts in no average, passes nothing
    expect(sessionPassed(report)).toBe(false);
    const at = new Date('2026-03-04T12:00:00Z');
    const wordless = sessionToScorePoint(report, { agentId: 'a', at });
    expect(wordless.overallScore).toBeNull();
    const scored = buildSessionReport({ language: 'he', turns: timed(GOOD_HE) });
    const agg = teamAggregates([wordless, sessionToScorePoint(scored, { agentId: 'a', at })]);
    expect(agg.averageSimulationScore).toBe(scored.overallScore);
    expect(agg.perAgent[0].averageSimulationScore).toBe(scored.overallScore);
    expect(agg.passRate).toBe(sessionPassed(scored) ? 1 : 0); // the wordless call is not a failed attempt either
  });

  it('an English report says the same in English', () => {
    const { live } = deafCall('en', 2);
    const report = buildSessionReport(reportInputFromLive(live.record()));
    expect(report.overallScore).toBeNull();
    expect(report.noScoreReason).toMatch(/No score for this call: none of the agent's words were recognised \(2 utterances were heard/);
    expect(report.noScoreReason).toMatch(/A transcript would add/);
  });

  it('inaudible turns among worded ones are counted, not judged: the words alone make the score', () => {
    const turns = timed(GOOD_HE);
    const withGaps = turns.flatMap((t, i) => (i === 2 ? [{ speaker: 'agent' as const, text: '', startMs: t.startMs - 10, endMs: t.startMs - 5, inaudible: true }, t] : [t]));
    const a = buildSessionReport({ language: 'he', turns });
    const b = buildSessionReport({ language: 'he', turns: withGaps });
    expect(b.overallScore).toBe(a.overallScore);
    expect(b.overallScore).not.toBeNull();
  });
});
