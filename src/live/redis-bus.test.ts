/**
 * RedisLiveBus against a real redis-server (Debian package): two buses stand for two nodes. Order, unsubscribe,
 * audio framing, stray messages, and back-pressure — a paused or dead Redis makes the publisher drop and count,
 * never wait, never throw, never hold more than its bound.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { startRedis, type RedisServer } from '../testing/cluster.ts';
import { RedisLiveBus } from './redis-bus.ts';
import { liveBusConformance } from './bus-conformance.ts';
import { topics, type LiveAudio, type LiveEvent } from './types.ts';

const run = haveTools(['redis-server'], 'the Redis live bus suite');

// the shared conformance suite: the publisher and the subscriber are two nodes' buses on one redis-server
let shared: Promise<RedisServer> | null = null;
if (run) {
  liveBusConformance('redis (two nodes)', async () => {
    const server = await (shared ??= startRedis());
    const publisher = new RedisLiveBus({ url: server.url, log: () => undefined });
    const subscriber = new RedisLiveBus({ url: server.url, log: () => undefined });
    await Promise.all([publisher.ready(), subscriber.ready()]);
    return { publisher, subscriber, close: async () => void (await Promise.all([publisher.close(), subscriber.close()])) };
  });
  afterAll(async () => (await shared)?.stop());
}

describe.skipIf(!run)('RedisLiveBus', () => {
  let redis: RedisServer;
  const buses: RedisLiveBus[] = [];
  const bus = async (o: Partial<ConstructorParameters<typeof RedisLiveBus>[0]> = {}) => {
    const b = new RedisLiveBus({ url: redis.url, log: () => undefined, ...o });
    buses.push(b);
    await b.ready();
    return b;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await redis?.stop();
  });

  it('delivers one node’s events to another in publish order, and stops after unsubscribe', async () => {
    const a = await bus();
    const b = await bus();
    const topic = topics.events('00000000-0000-4000-8000-000000000001');
    const got: LiveEvent[] = [];
    const off = b.subscribe(topic, (e) => void got.push(e));
    await b.settled();
    for (let i = 0; i < 200; i++) a.publish(topic, { type: 'transcript', at: i, text: `שורה ${i}`, seq: i });
    await expect.poll(() => got.length).toBe(200);
    expect(got.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(got[7]).toEqual({ type: 'transcript', at: 7, text: 'שורה 7', seq: 7 });
    off();
    await b.settled();
    a.publish(topic, { type: 'transcript', at: 999, text: 'after' });
    // a later message on a topic still subscribed proves the one before it was not delivered
    const marker = topics.events('00000000-0000-4000-8000-000000000002');
    const marks: LiveEvent[] = [];
    b.subscribe(marker, (e) => void marks.push(e));
    await b.settled();
    a.publish(marker, { type: 'status', at: 1 });
    await expect.poll(() => marks.length).toBe(1);
    expect(got).toHaveLength(200);
  });

  it('carries both audio tracks on the audio channel, byte for byte, with their time', async () => {
    const a = await bus();
    const b = await bus();
    const id = '00000000-0000-4000-8000-000000000003';
    const audio: LiveAudio[] = [];
    const events: LiveEvent[] = [];
    b.subscribeAudio(topics.audio(id), (x) => void audio.push(x));
    b.subscribe(topics.events(id), (e) => void events.push(e));
    await b.settled();
    const pcm = Buffer.from(new Int16Array(960).map((_, i) => (i * 37) % 3000 - 1500).buffer);
    a.publishAudio(topics.audio(id), { track: 'agent', at: 1234.5, pcm });
    a.publishAudio(topics.audio(id), { track: 'customer', at: 1274.5, pcm: pcm.subarray(0, 480) });
    await expect.poll(() => audio.length).toBe(2);
    expect(audio[0].track).toBe('agent');
    expect(audio[0].at).toBe(1234.5);
    expect(Buffer.compare(audio[0].pcm, pcm)).toBe(0);
    expect(audio[1]).toMatchObject({ track: 'customer', at: 1274.5 });
    expect(audio[1].pcm.byteLength).toBe(480);
    expect(events).toHaveLength(0);
  });

  it('counts and skips messages that are not ours, and keeps delivering', async () => {
    const b = await bus();
    const topic = topics.events('00000000-0000-4000-8000-000000000004');
    const got: LiveEvent[] = [];
    b.subscribe(topic, (e) => void got.push(e));
    b.subscribe(topic, () => {
      throw new Error('a broken subscriber');
    });
    await b.settled();
    const stray = new Redis(redis.url);
    await stray.publish(topic, 'not json');
    await stray.publish(topic, JSON.stringify({ at: 1 }));
    await stray.publish(topic, JSON.stringify({ type: 'status', at: 2 }));
    await stray.quit();
    await expect.poll(() => got.length).toBe(1);
    expect(b.transportStats().invalid).toBe(2);
  });

  it('never waits for a paused Redis: the publisher holds at most its bound, drops the rest and counts them', async () => {
    const max = 64 * 1024;
    const a = await bus({ maxPendingAudioBytes: max });
    const b = await bus();
    const id = '00000000-0000-4000-8000-000000000005';
    const got: LiveAudio[] = [];
    b.subscribeAudio(topics.audio(id), (x) => void got.push(x));
    await b.settled();
    const admin = new Redis(redis.url);
    await admin.client('PAUSE', 1500, 'ALL');
    const frame = Buffer.alloc(1920); // 40 ms of 24 kHz PCM16
    let peak = 0;
    for (let i = 0; i < 200; i++) {
      a.publishAudio(topics.audio(id), { track: 'agent', at: i * 40, pcm: frame });
      peak = Math.max(peak, a.transportStats().pendingBytes.audio);
    }
    const dropped = a.transportStats().publisherDropped;
    expect(peak).toBeLessThanOrEqual(max);
    // 64 KB hold 33 frames with their headers; the other 167 were dropped at once
    expect(dropped).toBe(200 - Math.floor(max / (frame.byteLength + 9)));
    expect(a.stats().dropped).toBe(dropped);
    await expect.poll(() => got.length, { timeout: 20_000 }).toBe(200 - dropped);
    expect(got.map((x) => x.at)).toEqual([...got.map((x) => x.at)].sort((p, q) => p - q));
    await admin.quit();
  });

  it('drops (and counts) while Redis is gone, never throwing into the call', async () => {
    const other = await startRedis();
    try {
      const a = new RedisLiveBus({ url: other.url, log: () => undefined });
      buses.push(a);
      await a.ready();
      const topic = topics.events('00000000-0000-4000-8000-000000000006');
      await other.stop();
      await expect.poll(() => {
        a.publish(topic, { type: 'status', at: 1 });
        return a.transportStats().publisherDropped;
      }).toBeGreaterThan(0);
      expect(() => a.publishAudio(topics.audio('x'), { track: 'agent', at: 0, pcm: Buffer.alloc(960) })).not.toThrow();
      expect(a.transportStats().pendingBytes).toEqual({ events: 0, audio: 0 });
    } finally {
      await other.stop();
    }
  });
});
