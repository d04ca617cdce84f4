import { describe, expect, it } from 'vitest';
import type { ServerMessage, SessionTransport } from '../voice/index.ts';
import { MemoryLiveBus } from './memory-bus.ts';
import { MemoryLiveDirectory } from './memory-directory.ts';
import { LivePublisher } from './publisher.ts';
import { topics, type LiveAudio, type LiveEvent } from './types.ts';
import type { ControlMessage } from './wire.ts';

function setup(extra: Partial<ConstructorParameters<typeof LivePublisher>[0]> = {}) {
  const bus = new MemoryLiveBus();
  const directory = new MemoryLiveDirectory();
  const toAgent: ServerMessage[] = [];
  const agentAudio: Int16Array[] = [];
  const inner: SessionTransport = { sendJson: (m) => void toAgent.push(m), sendAudio: (p) => void agentAudio.push(p), close: () => undefined };
  const p = new LivePublisher({
    bus,
    directory,
    summary: { simulationId: 'sim-1', companyId: 'co-1', agentUserId: 'u-1', scenarioId: null, node: 'n1' },
    persona: { name: 'רונית' },
    language: 'he',
    mode: 'voice',
    now: () => 1234,
    ...extra,
  });
  const transport = p.wrap(inner);
  const events: LiveEvent[] = [];
  const audio: LiveAudio[] = [];
  bus.subscribe(topics.events('sim-1'), (e) => void events.push(e));
  bus.subscribeAudio(topics.audio('sim-1'), (a) => void audio.push(a));
  const control = (m: ControlMessage extends infer C ? (C extends ControlMessage ? Omit<C, 'at'> : never) : never) => bus.publish(topics.control('sim-1'), { ...m, at: Date.now() } as ControlMessage);
  return { bus, directory, toAgent, agentAudio, p, transport, events, audio, control };
}

const pcm = (v: number) => new Int16Array(960).fill(v);

describe('LivePublisher', () => {
  it('publishes both voices, tagged by track, only while someone listens; the agent still gets every frame', async () => {
    const s = setup();
    s.transport.sendJson({ type: 'ready' } as ServerMessage);
    s.transport.sendAudio(pcm(1));
    s.p.tap().onAgentAudio!(pcm(2), 0);
    await new Promise((r) => setImmediate(r));
    expect(s.audio).toEqual([]);
    expect(s.p.audioFrames).toBe(0);
    s.control({ type: 'observer', action: 'join', observerId: 'o1', userId: 'm1', name: 'מנהלת' });
    await expect.poll(() => s.p.observerCount).toBe(1);
    s.transport.sendAudio(pcm(3));
    s.p.tap().onAgentAudio!(pcm(4), 0);
    await expect.poll(() => s.audio.length).toBe(2);
    expect(s.audio.map((a) => [a.track, a.pcm.readInt16LE(0)])).toEqual([
      ['customer', 3],
      ['agent', 4],
    ]);
    expect(s.agentAudio.length).toBe(2);
    // the agent's page saw the listener, the directory counts them
    expect(s.toAgent.filter((m) => m.type === 'observers')).toEqual([{ type: 'observers', count: 1, names: ['מנהלת'] }]);
    expect((await s.directory.get('sim-1'))?.observers).toBe(1);
  });

  it('turns what the agent sees into observer events: transcript partial and final, coach, mood, score so far', async () => {
    const s = setup();
    s.transport.sendJson({ type: 'ready' } as ServerMessage);
    s.transport.sendJson({ type: 'agent_transcript_partial', turnId: 't1', text: 'שלו' });
    s.transport.sendJson({ type: 'agent_transcript_final', turnId: 't1', text: 'שלום', atMs: 10 });
    s.transport.sendJson({ type: 'customer_turn_started', itemId: 'c1', atMs: 11 });
    s.transport.sendJson({ type: 'customer_transcript_delta', itemId: 'c1', delta: 'כן, ' });
    s.transport.sendJson({ type: 'customer_transcript_delta', itemId: 'c1', delta: 'מי זה?' });
    s.transport.sendJson({ type: 'hint', text: 'שאל שאלה', severity: 'info' });
    s.transport.sendJson({ type: 'customer_state', mood: 'skeptical', values: { trust: 0.3 } });
    s.transport.sendJson({ type: 'metrics', values: { questions: 1, scoreSoFar: 61.6 } });
    s.transport.sendJson({ type: 'pong', t: 1, serverMs: 2 });
    await expect.poll(() => s.events.length).toBe(8);
    expect(s.events.map((e) => e.type)).toEqual(['status', 'transcript', 'transcript', 'transcript', 'transcript', 'coach', 'mood', 'metrics']);
    expect(s.events[4]).toMatchObject({ line: { id: 'c1', speaker: 'customer', text: 'כן, מי זה?', final: false } });
    expect(await s.directory.get('sim-1')).toMatchObject({ mood: 'skeptical', scoreSoFar: 62 });
    // a late joiner gets it all in one snapshot
    s.control({ type: 'observer', action: 'join', observerId: 'o1', userId: 'm1', name: 'מנהלת' });
    await expect.poll(() => s.events.some((e) => e.type === 'snapshot')).toBe(true);
    const snap = s.events.find((e) => e.type === 'snapshot')!;
    expect(snap).toMatchObject({ mood: 'skeptical', status: 'live', turns: [{ id: 't1', text: 'שלום', final: true }, { id: 'c1', text: 'כן, מי זה?', final: false }] });
  });

  it('refuses malformed control messages and delivers a whisper to the agent’s page only', async () => {
    const s = setup();
    s.transport.sendJson({ type: 'ready' } as ServerMessage);
    s.bus.publish(topics.control('sim-1'), { type: 'whisper', at: 1, text: 'x'.repeat(5000) });
    s.bus.publish(topics.control('sim-1'), { type: 'observer', at: 1, action: 'dance' });
    s.control({ type: 'whisper', id: 'w1', observerId: 'o1', userId: 'm1', name: 'מנהלת', text: 'תשאל על התקציב' });
    await expect.poll(() => s.toAgent.filter((m) => m.type === 'whisper').length).toBe(1);
    expect(s.toAgent.find((m) => m.type === 'whisper')).toEqual({ type: 'whisper', id: 'w1', text: 'תשאל על התקציב', from: 'מנהלת', atMs: 1234 });
    expect(s.p.observerCount).toBe(0);
  });

  it('forgets an observer whose node went silent (no leave, no heartbeat) and tells the agent', async () => {
    const s = setup({ observerTtlMs: 60, sweepMs: 20 });
    s.transport.sendJson({ type: 'ready' } as ServerMessage);
    s.control({ type: 'observer', action: 'join', observerId: 'o1', userId: 'm1', name: 'מנהלת' });
    s.control({ type: 'observer', action: 'join', observerId: 'o2', userId: 'm2', name: 'ראש צוות' });
    await expect.poll(() => s.p.observerCount).toBe(2);
    const beat = setInterval(() => s.control({ type: 'observer', action: 'here', observerId: 'o2', userId: 'm2', name: 'ראש צוות' }), 10);
    await expect.poll(() => s.p.observerCount).toBe(1);
    expect(s.toAgent.filter((m) => m.type === 'observers').at(-1)).toEqual({ type: 'observers', count: 1, names: ['ראש צוות'] });
    clearInterval(beat);
    await expect.poll(() => s.p.observerCount).toBe(0);
    expect(s.toAgent.filter((m) => m.type === 'observers').at(-1)).toEqual({ type: 'observers', count: 0, names: [] });
    await s.p.close();
  });
});
