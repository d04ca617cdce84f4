import { describe, expect, it, vi } from 'vitest';
import type { LiveSessionHandle, SessionSummary } from '../voice/index.ts';
import { demoVoicePersona } from '../voice/index.ts';
import { GOOD_EN, timed } from './testdata/scripts.ts';
import { coachingTap } from './voice-tap.ts';
import { CoachingWorkerHost } from './worker-host.ts';
import type { SessionReport } from './report-schema.ts';

describe('coachingTap (SimulationService.addTap)', () => {
  it('publishes live messages through the handle and hands the report over at the end', async () => {
    const publish = vi.fn();
    const applyDirective = vi.fn(async (_d: { level: string; note?: string }, _reason: string, _instructions?: string) => undefined);
    const voice = { ...demoVoicePersona('en') };
    const handle: LiveSessionHandle = { simulationId: 'sim-1', voice, scenario: undefined, persona: undefined, now: () => 0, publish, applyDirective };
    const reports: SessionReport[] = [];
    const tap = coachingTap({ onReport: (_id, r) => void reports.push(r) })(handle);
    const turns = timed(GOOD_EN);
    for (const t of turns) tap.onTurn!({ id: String(t.startMs), engine: 'text', latency: null, interrupted: false, ...t });
    expect(publish.mock.calls.some(([m]) => m.type === 'metrics')).toBe(true);
    expect(applyDirective).toHaveBeenCalled(); // typed fluent turns read as confident → challenging
    expect(applyDirective.mock.calls[0][0]).toMatchObject({ level: 'challenging' });
    const summary: SessionSummary = { sessionId: 'sim-1', outcome: 'next_step', reason: 'agent_ended', durationMs: turns.at(-1)!.endMs, turns: [], latency: [] };
    await tap.onEnd!(summary);
    expect(reports).toHaveLength(1);
    expect(reports[0].outcome).toBe('next_step');
    expect(reports[0].difficulty.length).toBeGreaterThan(0);
  });

  it('runs the same coaching in the worker thread: messages, directives, audio and the report come back', async () => {
    const host = new CoachingWorkerHost();
    try {
      const publish = vi.fn();
      const applyDirective = vi.fn(async (_d: { level: string; note?: string }, _reason: string, _instructions?: string) => undefined);
      const voice = { ...demoVoicePersona('en') };
      const handle: LiveSessionHandle = { simulationId: 'sim-w', voice, scenario: undefined, persona: undefined, now: () => 0, publish, applyDirective };
      const reports: SessionReport[] = [];
      const tap = coachingTap({ worker: host, onReport: (_id, r) => void reports.push(r), differentiator: () => 'same-day claims' })(handle);
      expect(host.live).toBe(1);
      // two seconds of a steady voiced tone as the agent's microphone: the worker hears it (voice confidence)
      const tone = Int16Array.from({ length: 24_000 * 2 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 140 * i) / 24_000)));
      for (let i = 0; i < tone.length; i += 960) tap.onAgentAudio!(tone.subarray(i, i + 960), (i / 24) + 40);
      const turns = timed(GOOD_EN);
      for (const t of turns) tap.onTurn!({ id: String(t.startMs), engine: 'text', latency: null, interrupted: false, ...t });
      expect((await host.memory())?.sessions).toBe(1);
      const summary: SessionSummary = { sessionId: 'sim-w', outcome: 'next_step', reason: 'agent_ended', durationMs: turns.at(-1)!.endMs, turns: [], latency: [] };
      await tap.onEnd!(summary);
      const mem = await host.memory(true);
      expect(mem?.sessions).toBe(0); // the ended session is gone from the worker
      expect(mem?.heapUsed).toBeGreaterThan(1_000_000);
      expect(reports).toHaveLength(1);
      expect(reports[0].outcome).toBe('next_step');
      expect(reports[0].difficulty.length).toBeGreaterThan(0);
      expect(publish.mock.calls.some(([m]) => m.type === 'metrics')).toBe(true);
      const metrics = publish.mock.calls.map(([m]) => m).filter((m) => m.type === 'metrics');
      expect(metrics.some((m) => typeof m.values.confidence === 'number')).toBe(true); // the audio reached the worker
      expect(applyDirective).toHaveBeenCalled();
      expect(host.live).toBe(0);
      // the same turns coached in this thread give the same report
      const local: SessionReport[] = [];
      const tap2 = coachingTap({ onReport: (_id, r) => void local.push(r), differentiator: () => 'same-day claims' })({ ...handle, simulationId: 'sim-l', publish: vi.fn(), applyDirective: vi.fn(async () => undefined) });
      for (let i = 0; i < tone.length; i += 960) tap2.onAgentAudio!(tone.subarray(i, i + 960), (i / 24) + 40);
      for (const t of turns) tap2.onTurn!({ id: String(t.startMs), engine: 'text', latency: null, interrupted: false, ...t });
      await tap2.onEnd!({ ...summary, sessionId: 'sim-l' });
      expect(reports[0]).toEqual(local[0]);
    } finally {
      await host.close();
    }
  });

  it('ends a session with a clear error, and the next session works, when the worker dies', async () => {
    const logs: string[] = [];
    const host = new CoachingWorkerHost((m) => logs.push(m));
    try {
      const handle = (id: string): LiveSessionHandle => ({ simulationId: id, voice: { ...demoVoicePersona('he') }, scenario: undefined, persona: undefined, now: () => 0, publish: vi.fn(), applyDirective: vi.fn(async () => undefined) });
      const failed: string[] = [];
      const tap = coachingTap({ worker: host, log: (m) => failed.push(m) })(handle('a'));
      await (host as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      await expect.poll(() => logs.some((m) => m.includes('coaching worker stopped'))).toBe(true);
      await tap.onEnd!({ sessionId: 'a', outcome: 'none', reason: 'agent_ended', durationMs: 0, turns: [], latency: [] } as unknown as SessionSummary);
      expect(failed.some((m) => m.includes('coaching report for a failed'))).toBe(true);
      const reports: SessionReport[] = [];
      const tap2 = coachingTap({ worker: host, onReport: (_id, r) => void reports.push(r) })(handle('b'));
      await tap2.onEnd!({ sessionId: 'b', outcome: 'postponed', reason: 'agent_ended', durationMs: 1000, turns: [], latency: [] } as unknown as SessionSummary);
      expect(reports).toHaveLength(1);
    } finally {
      await host.close();
    }
  });
});
