/**
 * The one conformance suite every LiveBus runs (the in-process bus here, Redis pub/sub across two connections in
 * the cluster's suite). A harness gives a publishing bus and a subscribing bus — the same object for the memory
 * bus, two nodes' buses for Redis — so what is checked is what an observer on another node gets.
 * Checked: order per topic (events and audio), topics kept apart, JSON values arrive equal, unsubscribe stops
 * delivery (also of what is already queued), publish never throws (bad values, throwing subscribers, a closed bus),
 * and a slow subscriber loses messages — counted — while the publisher and the other subscribers go on and the
 * queued messages stay within the bound.
 */
import { describe, expect, it } from 'vitest';
import { topics, type LiveAudio, type LiveBus, type LiveEvent } from './types.ts';

export interface LiveBusHarness {
  /** The bus of the node that owns the session. */
  publisher: LiveBus;
  /** The bus of the node an observer is connected to (may be `publisher`). */
  subscriber: LiveBus;
  close(): Promise<void>;
}

export interface BusConformanceOptions {
  /** Named skips with the reason (printed by vitest). */
  skip?: Partial<Record<'slowSubscriber' | 'closed', string>>;
}

const yieldIo = () => new Promise<void>((r) => setImmediate(r));
let seq = 0;
/** A fresh session id per test: buses may be shared (a Redis server) and tests must not hear each other. */
const freshId = () => `conformance-${process.pid}-${Date.now()}-${++seq}`;

const ev = (n: number, extra: Record<string, unknown> = {}): LiveEvent => ({ type: 'seq', at: 1_700_000_000_000 + n, n, ...extra });
const frame = (n: number, track: LiveAudio['track'] = 'agent'): LiveAudio => {
  const pcm = Buffer.alloc(960); // 20 ms of PCM16 at 24 kHz
  pcm.writeUInt32LE(n, 0);
  pcm.writeUInt32LE((n ^ 0xa5a5a5a5) >>> 0, pcm.length - 4);
  return { track, at: 1_700_000_000_000 + n, pcm };
};
const frameNo = (a: LiveAudio) => a.pcm.readUInt32LE(0);

export function liveBusConformance(name: string, make: () => Promise<LiveBusHarness>, opts: BusConformanceOptions = {}): void {
  const withBus = (fn: (h: LiveBusHarness) => Promise<void>) => async () => {
    const h = await make();
    try {
      await fn(h);
    } finally {
      await h.close();
    }
  };

  describe(`LiveBus conformance: ${name}`, () => {
    it(
      'delivers each topic in publish order, to every subscriber of that topic and no other',
      withBus(async ({ publisher, subscriber }) => {
        const a = topics.events(freshId());
        const b = topics.events(freshId());
        const gotA1: number[] = [];
        const gotA2: number[] = [];
        const gotB: number[] = [];
        const subs = [
          subscriber.subscribe(a, (e) => void gotA1.push(e.n as number)),
          subscriber.subscribe(a, (e) => void gotA2.push(e.n as number)),
          subscriber.subscribe(b, (e) => void gotB.push(e.n as number)),
        ];
        await Promise.all(subs.map((s) => s.ready));
        for (let i = 0; i < 300; i++) publisher.publish(i % 3 === 0 ? b : a, ev(i));
        const wantA = [...Array(300).keys()].filter((i) => i % 3 !== 0);
        const wantB = [...Array(300).keys()].filter((i) => i % 3 === 0);
        await expect.poll(() => gotA1.length + gotA2.length + gotB.length).toBe(wantA.length * 2 + wantB.length);
        expect(gotA1).toEqual(wantA);
        expect(gotA2).toEqual(wantA);
        expect(gotB).toEqual(wantB);
        subs.forEach((u) => u());
      }),
    );

    it(
      'delivers audio frames in order with their track and bytes, apart from the events of the same session',
      withBus(async ({ publisher, subscriber }) => {
        const id = freshId();
        const got: LiveAudio[] = [];
        const events: LiveEvent[] = [];
        const u1 = subscriber.subscribeAudio(topics.audio(id), (a) => void got.push(a));
        const u2 = subscriber.subscribe(topics.events(id), (e) => void events.push(e));
        await Promise.all([u1.ready, u2.ready]);
        for (let i = 0; i < 80; i++) {
          publisher.publishAudio(topics.audio(id), frame(i, i % 2 ? 'customer' : 'agent'));
          if (i % 20 === 0) publisher.publish(topics.events(id), ev(i));
        }
        await expect.poll(() => got.length).toBe(80);
        expect(got.map(frameNo)).toEqual([...Array(80).keys()]);
        for (const [i, a] of got.entries()) {
          expect(a.track).toBe(i % 2 ? 'customer' : 'agent');
          expect(Buffer.isBuffer(a.pcm)).toBe(true);
          expect(a.pcm.equals(frame(i).pcm)).toBe(true);
          expect(a.at).toBe(1_700_000_000_000 + i);
        }
        await expect.poll(() => events.length).toBe(4);
        expect(events.map((e) => e.n)).toEqual([0, 20, 40, 60]);
        u1();
        u2();
      }),
    );

    it(
      'gives subscribers the event as JSON carries it (Hebrew text, nesting), unaffected by a later change of the original',
      withBus(async ({ publisher, subscriber }) => {
        const t = topics.events(freshId());
        const got: LiveEvent[] = [];
        const u = subscriber.subscribe(t, (e) => void got.push(e));
        await u.ready;
        const original: LiveEvent = { type: 'transcript', at: 1_700_000_000_123, speaker: 'customer', text: 'זה יקר מדי בשבילי, תודה', final: true, values: { trust: 0.4, tags: ['price'] }, missing: undefined };
        publisher.publish(t, original);
        (original.values as { trust: number }).trust = 0.9;
        await expect.poll(() => got.length).toBe(1);
        expect(got[0]).toEqual({ type: 'transcript', at: 1_700_000_000_123, speaker: 'customer', text: 'זה יקר מדי בשבילי, תודה', final: true, values: { trust: 0.4, tags: ['price'] } });
        u();
      }),
    );

    it(
      'stops delivering once unsubscribed, also what was already published and waiting; the unsubscribe is idempotent',
      withBus(async ({ publisher, subscriber }) => {
        const t = topics.events(freshId());
        const got: number[] = [];
        const marker: number[] = [];
        let unsubscribed = false;
        let afterUnsubscribe = 0;
        const u = subscriber.subscribe(t, (e) => {
          if (unsubscribed) afterUnsubscribe++;
          got.push(e.n as number);
        });
        const m = subscriber.subscribe(t, (e) => void marker.push(e.n as number));
        await Promise.all([u.ready, m.ready]);
        for (let i = 0; i < 5; i++) publisher.publish(t, ev(i));
        await expect.poll(() => got.length).toBe(5);
        for (let i = 5; i < 50; i++) publisher.publish(t, ev(i));
        u();
        unsubscribed = true;
        u();
        for (let i = 50; i < 60; i++) publisher.publish(t, ev(i));
        await expect.poll(() => marker.length).toBe(60);
        expect(afterUnsubscribe).toBe(0);
        expect(got.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
        expect(got.every((n) => n < 50)).toBe(true);
        m();

        const at = topics.audio(freshId());
        let frames = 0;
        const ua = subscriber.subscribeAudio(at, () => void frames++);
        await ua.ready;
        ua();
        publisher.publishAudio(at, frame(1));
        const probe: number[] = [];
        const up = subscriber.subscribeAudio(at, (a) => void probe.push(frameNo(a)));
        await up.ready;
        publisher.publishAudio(at, frame(2));
        // what was published after the new subscription arrives; frame 1, published between the old subscription's
        // end and the new one's start, may still reach the new one on a networked bus (the node's UNSUBSCRIBE and
        // SUBSCRIBE to the server are in flight): allowed, but nothing else and nothing twice
        await expect.poll(() => probe.includes(2)).toBe(true);
        expect(probe.filter((n) => n !== 1 && n !== 2)).toEqual([]);
        if (publisher.kind === 'memory') expect(probe).toEqual([2]);
        expect(new Set(probe).size).toBe(probe.length);
        expect(frames).toBe(0);
        up();
      }),
    );

    it(
      'never throws into the publisher: values JSON cannot carry, a throwing subscriber, an empty topic',
      withBus(async ({ publisher, subscriber }) => {
        const t = topics.events(freshId());
        const got: number[] = [];
        const u1 = subscriber.subscribe(t, () => {
          throw new Error('a broken observer');
        });
        const u2 = subscriber.subscribe(t, (e) => void got.push(e.n as number));
        await Promise.all([u1.ready, u2.ready]);
        const cyclic: LiveEvent = ev(1);
        cyclic.self = cyclic;
        expect(() => publisher.publish(t, cyclic)).not.toThrow();
        expect(() => publisher.publish(t, { ...ev(2), big: BigInt(1) })).not.toThrow();
        expect(() => publisher.publish(topics.events(freshId()), ev(3))).not.toThrow();
        expect(() => publisher.publishAudio(topics.audio(freshId()), frame(3))).not.toThrow();
        for (let i = 10; i < 20; i++) expect(() => publisher.publish(t, ev(i))).not.toThrow();
        await expect.poll(() => got.length).toBe(10);
        expect(got).toEqual([...Array(10).keys()].map((i) => i + 10));
        u1();
        u2();
      }),
    );

    it.skipIf(!!opts.skip?.slowSubscriber)(
      `a slow subscriber loses messages (counted) while the publisher and the other subscribers go on, and its queue stays bounded${opts.skip?.slowSubscriber ? ` — skipped: ${opts.skip.slowSubscriber}` : ''}`,
      withBus(async ({ publisher, subscriber }) => {
        const id = freshId();
        const t = topics.events(id);
        const fast: number[] = [];
        const slow: number[] = [];
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        const uf = subscriber.subscribe(t, (e) => void fast.push(e.n as number));
        const us = subscriber.subscribe(
          t,
          (e) => {
            slow.push(e.n as number);
            return gate; // a socket that never drains
          },
          { maxQueued: 20 },
        );
        await Promise.all([uf.ready, us.ready]);
        const before = subscriber.stats();
        let maxQueued = 0;
        const N = 2000;
        for (let i = 0; i < N; i++) {
          publisher.publish(t, ev(i));
          if (i % 100 === 99) {
            await yieldIo(); // an event stream: publishes spread over I/O rounds, not one burst
            maxQueued = Math.max(maxQueued, subscriber.stats().queued - before.queued);
          }
        }
        await expect.poll(() => fast.length).toBe(N);
        expect(fast).toEqual([...Array(N).keys()]);
        expect(slow).toEqual([0]); // stuck on its first message
        const after = subscriber.stats();
        // the fast subscriber may have queued a batch at a time; the slow one holds at most its bound
        expect(maxQueued).toBeLessThanOrEqual(20 + 1000);
        expect(after.queued - before.queued).toBeLessThanOrEqual(20);
        expect(after.dropped - before.dropped).toBeGreaterThanOrEqual(N - 1 - 20);
        // once it drains it goes on, in order, with what it kept then what comes next
        release();
        await expect.poll(() => slow.length).toBe(1 + 20);
        publisher.publish(t, ev(N));
        await expect.poll(() => slow.at(-1)).toBe(N);
        expect([...slow].sort((x, y) => x - y)).toEqual(slow);

        // audio: a stuck listener keeps its bound of frames too
        const at = topics.audio(id);
        let heard = 0;
        const ua = subscriber.subscribeAudio(at, () => {
          heard++;
          return new Promise<void>(() => undefined);
        }, { maxQueued: 5 });
        const fastFrames: number[] = [];
        const uaf = subscriber.subscribeAudio(at, (a) => void fastFrames.push(frameNo(a)));
        await Promise.all([ua.ready, uaf.ready]);
        const d0 = subscriber.stats().dropped;
        for (let i = 0; i < 200; i++) {
          publisher.publishAudio(at, frame(i));
          if (i % 25 === 24) await yieldIo();
        }
        await expect.poll(() => fastFrames.length).toBe(200);
        expect(heard).toBe(1);
        expect(subscriber.stats().dropped - d0).toBeGreaterThanOrEqual(200 - 1 - 5);
        [uf, us, ua, uaf].forEach((u) => u());
        await expect.poll(() => subscriber.stats().queued).toBe(0);
      }),
    );

    it.skipIf(!!opts.skip?.closed)(
      `a closed bus neither throws nor delivers${opts.skip?.closed ? ` — skipped: ${opts.skip.closed}` : ''}`,
      async () => {
        const h = await make();
        const t = topics.events(freshId());
        let got = 0;
        const u = h.subscriber.subscribe(t, () => void got++);
        await u.ready;
        await h.close();
        expect(() => h.publisher.publish(t, ev(1))).not.toThrow();
        expect(() => h.publisher.publishAudio(topics.audio(freshId()), frame(1))).not.toThrow();
        const late = h.subscriber.subscribe(t, () => void got++);
        await late.ready;
        expect(() => late()).not.toThrow();
        expect(() => u()).not.toThrow();
        await yieldIo();
        await yieldIo();
        expect(got).toBe(0);
      },
    );
  });
}
