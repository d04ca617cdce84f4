import { describe, expect, it } from 'vitest';
import { PersistenceTap, type SimulationStore } from './persistence.ts';
import type { TurnTimeline } from './latency.ts';

function memoryStore() {
  const turns = new Map<string, Record<string, unknown>>();
  const events: Array<{ kind: string; data: unknown }> = [];
  const finished: unknown[] = [];
  const store: SimulationStore = {
    upsertTurn: async (_id, t) => void turns.set(t.id, { ...(turns.get(t.id) ?? {}), ...t, seq: turns.get(t.id)?.seq ?? t.seq }),
    setTurnLatency: async (_id, turnId, latency) => (turns.has(turnId) ? (turns.get(turnId)!.latency = latency, true) : false),
    appendEvent: async (_id, _at, kind, data) => void events.push({ kind, data }),
    update: async () => undefined,
    finish: async (_id, f) => (finished.push(f), true),
  };
  return { store, turns, events, finished };
}

const timeline = (itemId: string, played: number | null): TurnTimeline => ({ turnId: 'a1', itemId, agentSpeechEndMs: 100, turnCommittedMs: 800, firstCustomerTextMs: 900, firstCustomerAudioSentMs: 1000, firstAudioPlayedMs: played });

describe('PersistenceTap', () => {
  it('rewrites a customer turn cut off after it was stored, keeping its place, and stores late latency', async () => {
    const m = memoryStore();
    const tap = new PersistenceTap('sim', m.store, () => 0);
    tap.onTurn({ id: 'a1', speaker: 'agent', text: 'שלום', startMs: 0, endMs: 100, interrupted: false, engine: 'cascade', latency: null });
    tap.onLatency(timeline('c1', null)); // first audio sent before the customer turn finished
    tap.onTurn({ id: 'c1', speaker: 'customer', text: 'כן, מה שלומך? אני', startMs: 900, endMs: 2000, interrupted: false, engine: 'cascade', latency: timeline('c1', null) });
    tap.onTurn({ id: 'c1', speaker: 'customer', text: 'כן, מה', startMs: 900, endMs: 1400, interrupted: true, engine: 'cascade', latency: null });
    tap.onLatency(timeline('c1', 1100)); // the client reported playback afterwards
    await tap.flush();
    expect([...m.turns.values()].map((t) => [t.id, t.seq, t.text, t.interrupted])).toEqual([
      ['a1', 1, 'שלום', false],
      ['c1', 2, 'כן, מה', true],
    ]);
    expect((m.turns.get('c1')!.latency as { firstAudioPlayedMs: number }).firstAudioPlayedMs).toBe(1100);
  });

  it('logs engine events worth keeping, skips audio, and stores the outcome at the end', async () => {
    const m = memoryStore();
    const tap = new PersistenceTap('sim', m.store, () => 5);
    tap.onEngineEvent({ type: 'customer_audio', itemId: 'c', pcm: new Int16Array(10), atMs: 1 });
    tap.onEngineEvent({ type: 'customer_state', mood: 'sceptical', values: { trust: 0.3 } });
    tap.onEngineEvent({ type: 'error', code: 'ENGINE_ERROR', message: 'x', recoverable: true });
    tap.event('hint', { text: 'שאלי שאלה פתוחה' });
    await tap.onEnd({ sessionId: 'sim', outcome: 'next_step', reason: 'customer_hung_up', durationMs: 1234, turns: [], latency: [] });
    expect(m.events.map((e) => e.kind)).toEqual(['customer_state', 'error', 'hint']);
    expect(m.finished).toEqual([{ status: 'ended', outcome: 'next_step', endReason: 'customer_hung_up', durationMs: 1234 }]);
  });

  it('stores live metrics at most every 10 s (and the last snapshot at the end) while hints, difficulty and errors are all kept', async () => {
    const m = memoryStore();
    let now = 0;
    const tap = new PersistenceTap('sim', m.store, () => now);
    const stored: number[] = [];
    m.store.appendEvent = async (_id, at, kind, data) => void (m.events.push({ kind, data }), kind === 'metrics' && stored.push(at));
    for (now = 0; now <= 60_500; now += 1000) {
      tap.event('metrics', { talkRatio: now / 100_000 });
      if (now % 7000 === 0) tap.event('hint', { text: 'שאלה פתוחה' });
      if (now === 15_000) tap.event('difficulty', { level: 'harder', reason: 'x' });
    }
    now = 60_500;
    tap.event('error', { code: 'RATE_LIMITED' });
    await tap.onEnd({ sessionId: 'sim', outcome: 'no_outcome', reason: 'agent_ended', durationMs: 60_500, turns: [], latency: [] });
    expect(stored).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(m.events.filter((e) => e.kind === 'hint')).toHaveLength(9);
    expect(m.events.filter((e) => e.kind === 'difficulty' || e.kind === 'error')).toHaveLength(2);

    // the snapshot after the last stored one is not lost at the end
    const m2 = memoryStore();
    const tap2 = new PersistenceTap('sim', m2.store, () => now);
    now = 0;
    tap2.event('metrics', { talkRatio: 0.1 });
    now = 3000;
    tap2.event('metrics', { talkRatio: 0.4 });
    await tap2.onEnd({ sessionId: 'sim', outcome: 'no_outcome', reason: 'agent_ended', durationMs: 3000, turns: [], latency: [] });
    expect(m2.events.map((e) => e.data)).toEqual([{ talkRatio: 0.1 }, { talkRatio: 0.4 }]);
  });

  it('never throws into the call when the database fails', async () => {
    const m = memoryStore();
    const errors: string[] = [];
    const tap = new PersistenceTap('sim', { ...m.store, upsertTurn: async () => Promise.reject(new Error('db down')) }, () => 0, (msg) => errors.push(msg));
    tap.onTurn({ id: 'a', speaker: 'agent', text: 'x', startMs: 0, endMs: 1, interrupted: false, engine: 'text', latency: null });
    tap.event('hint', {});
    await tap.flush();
    expect(tap.failedWrites).toBe(1);
    expect(errors[0]).toContain('could not store turn');
    expect(m.events).toHaveLength(1);
  });
});
