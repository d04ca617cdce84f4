import { describe, expect, it, vi } from 'vitest';
import type { LiveSessionHandle, SessionSummary } from '../voice/index.ts';
import { demoVoicePersona } from '../voice/index.ts';
import { GOOD_EN, timed } from './testdata/scripts.ts';
import { coachingTap } from './voice-tap.ts';
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
});
