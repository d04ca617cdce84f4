import { describe, expect, it } from 'vitest';
import { ObserverOutbox, type OutboxSocket } from './observer-outbox.ts';
import { audioChunks } from './wire.ts';
import type { LiveEvent } from './types.ts';

/** A socket whose writes complete only when the test says so (a manager on a slow link). */
function stalledSocket() {
  const sent: Array<string | Buffer> = [];
  const pending: Array<() => void> = [];
  const ws: OutboxSocket = {
    readyState: 1,
    send(data, _opts, cb) {
      sent.push(data);
      pending.push(() => cb());
    },
  };
  return { ws, sent, drain: () => pending.splice(0).forEach((f) => f()) };
}

const frame = (n: number) => ({ track: 'customer' as const, at: n, pcm: Buffer.alloc(1920, n % 256) });
const partial = (id: string, text: string): LiveEvent => ({ type: 'transcript', at: 1, line: { id, speaker: 'customer', text, final: false } });
const final = (id: string, text: string): LiveEvent => ({ type: 'transcript', at: 1, line: { id, speaker: 'customer', text, final: true } });

describe('ObserverOutbox (a slow observer never slows the call)', () => {
  it('stops writing while the socket is behind and queues at most maxItems', () => {
    const s = stalledSocket();
    const box = new ObserverOutbox(s.ws, { maxItems: 10, maxInflightBytes: 4000, audioBatchMs: 0 });
    for (let i = 0; i < 1000; i++) box.pushAudio(frame(i));
    expect(s.sent.length).toBe(3); // 3 × 1,924 bytes reach the in-flight bound
    expect(box.queued).toBe(10);
    expect(box.counters.droppedAudio).toBe(1000 - 3 - 10);
  });

  it('drops queued audio before any event, then coalesces partial transcripts, metrics and mood', () => {
    const s = stalledSocket();
    const box = new ObserverOutbox(s.ws, { maxItems: 4, maxInflightBytes: 1, audioBatchMs: 0 });
    box.pushEvent(final('a', 'first')); // in flight
    for (let i = 0; i < 4; i++) box.pushAudio(frame(i));
    box.pushEvent(final('b', 'second'));
    box.pushEvent(partial('c', 'ש'));
    expect(box.counters.droppedAudio).toBe(2);
    box.pushEvent(partial('c', 'שלו'));
    box.pushEvent({ type: 'metrics', at: 1, values: { questions: 1 } });
    box.pushEvent({ type: 'metrics', at: 2, values: { questions: 2 } });
    expect(box.counters.droppedAudio).toBe(4); // all audio gone before any event
    expect(box.counters.coalesced).toBe(1);
    box.pushEvent(partial('c', 'שלום'));
    box.pushEvent({ type: 'mood', at: 3, mood: 'warm', values: {} });
    expect(box.counters.droppedEvents).toBe(0);
    // the queue now: final b, metrics 2, partial c (newest), mood — in the order they came
    s.drain();
    const out = s.sent.slice(1).map((d) => JSON.parse(String(d)));
    expect(out.map((e) => e.type)).toEqual(['transcript']);
    for (let i = 0; i < 4; i++) s.drain();
    const all = s.sent.slice(1).map((d) => JSON.parse(String(d)));
    expect(all.map((e) => (e.type === 'transcript' ? `${e.line.id}:${e.line.text}` : e.type === 'metrics' ? `metrics:${e.values.questions}` : e.type))).toEqual([
      'b:second',
      'metrics:2',
      'c:שלום',
      'mood',
    ]);
  });

  it('drops an event only when nothing can make room, and counts it', () => {
    const s = stalledSocket();
    const box = new ObserverOutbox(s.ws, { maxItems: 2, maxInflightBytes: 1 });
    box.pushEvent(final('a', '1'));
    box.pushEvent(final('b', '2'));
    box.pushEvent(final('c', '3'));
    box.pushEvent(final('d', '4'));
    expect(box.queued).toBe(2);
    expect(box.counters.droppedEvents).toBe(1);
  });

  it('sends audio of both tracks in batches of about 60 ms, sealed early by an event so order holds', async () => {
    const s = stalledSocket();
    const box = new ObserverOutbox(s.ws);
    const agent = (n: number) => ({ track: 'agent' as const, at: n, pcm: Buffer.alloc(960, n) }); // 20 ms
    box.pushAudio(agent(1));
    box.pushAudio(frame(2)); // 40 ms customer: 60 ms gathered → one message
    expect(s.sent.length).toBe(1);
    expect(audioChunks(s.sent[0] as Buffer).map((c) => [c.track, c.pcm.length, c.pcm[0]])).toEqual([
      ['agent', 960, 1],
      ['customer', 1920, 2],
    ]);
    s.drain();
    box.pushAudio(agent(3));
    box.pushEvent(final('x', 'שלום')); // seals the 20 ms batch first
    expect(s.sent.length).toBe(3);
    expect(audioChunks(s.sent[1] as Buffer).map((c) => c.pcm[0])).toEqual([3]);
    expect(JSON.parse(String(s.sent[2])).line.text).toBe('שלום');
    s.drain();
    box.pushAudio(agent(4)); // alone: goes when the batch time is up
    await expect.poll(() => s.sent.length).toBe(4);
    expect(box.counters.sentAudio).toBe(4);
    box.close();
  });
});
