import { describe, expect, it, vi } from 'vitest';
import { syntheticSpeech } from './bench.ts';
import { LiveCoaching, type CoachMessage } from './live.ts';
import { buildSessionReport, reportInputFromLive } from './report.ts';
import { POOR_HE, timed } from './testdata/scripts.ts';

describe('LiveCoaching', () => {
  it('sends metrics every second, hints and mood, and its record builds a report (Hebrew, text turns)', () => {
    const out: CoachMessage[] = [];
    const live = new LiveCoaching({ language: 'he', level: 'foundation', emit: (m) => out.push(m) });
    const turns = timed(POOR_HE);
    const end = turns.at(-1)!.endMs;
    let i = 0;
    for (let now = 0; now <= end + 2000; now += 250) {
      while (i < turns.length && turns[i].endMs <= now) live.update({ type: 'turn', ...turns[i++] });
      live.tick(now);
    }
    const metrics = out.filter((m) => m.type === 'metrics');
    expect(metrics.length).toBeGreaterThanOrEqual(Math.floor(end / 1000));
    const last = metrics.at(-1)!.values;
    expect(last.objectionsRaised).toBe(3);
    expect(last.interruptions).toBe(1);
    expect(last.talkRatio).toBeGreaterThan(0.5);
    const hints = out.filter((m) => m.type === 'hint');
    expect(hints.length).toBeGreaterThan(0);
    expect(out.some((m) => m.type === 'customer_state' && m.mood !== 'calm')).toBe(true);
    const rec = live.record();
    expect(rec.hints.length).toBe(hints.length);
    const report = buildSessionReport(reportInputFromLive(rec));
    expect(report.hints.length).toBe(hints.length);
    expect(report.outcome).toBe('lost');
  });

  it('raises the difficulty when the agent sounds confident and applies it to the target', () => {
    const out: CoachMessage[] = [];
    const apply = vi.fn();
    const live = new LiveCoaching({ language: 'en', level: 'intermediate', emit: (m) => out.push(m), target: { apply } });
    const tap = live.tap();
    const voice = syntheticSpeech(8);
    for (let i = 0; i < voice.length; i += 480) tap.onAgentAudio(voice.subarray(i, i + 480), i / 24);
    tap.onTurn({ speaker: 'agent', text: 'Hi Dana, this is Michael from Shield Insurance. What made you look for a new policy?', startMs: 0, endMs: 8000, interrupted: false });
    tap.onTurn({ speaker: 'customer', text: 'Our renewal went up a lot.', startMs: 8500, endMs: 10_000, interrupted: false });
    tap.onTurn({ speaker: 'agent', text: 'I see. What matters most to you in the new policy?', startMs: 10_500, endMs: 13_000, interrupted: false });
    const d = out.find((m) => m.type === 'difficulty');
    expect(d).toBeDefined();
    expect(d!.type === 'difficulty' && d!.level).toMatch(/^challenging/);
    expect(apply).toHaveBeenCalled();
    expect(apply.mock.calls[0][0]).toMatchObject({ mode: 'challenging', timePressure: true });
    expect(live.metrics().confidence).toBeGreaterThan(0.6); // voice confidence is on the panel
  });

  it('follows the engine’s customer state (offline brain) and does not echo it back', () => {
    const out: CoachMessage[] = [];
    const live = new LiveCoaching({ language: 'en', level: 'intermediate', emit: (m) => out.push(m) });
    live.tap().onEngineEvent({ type: 'customer_state', mood: 'irate', values: { patience: 0.1, trust: 0.2 } });
    expect(live.emotion.customer()).toMatchObject({ mood: 'angry', source: 'engine' });
    expect(out.some((m) => m.type === 'customer_state')).toBe(false);
    expect(live.record().moods.at(-1)).toMatchObject({ mood: 'angry', source: 'engine' });
  });
});
