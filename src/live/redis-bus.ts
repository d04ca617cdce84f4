/**
 * RedisLiveBus: the LiveBus contract (types.ts) over Redis pub/sub, for many nodes (REDIS_URL set).
 *
 * Three connections: events are published on one, audio on its own (a burst of audio never queues ahead of a
 * transcript line), and one connection in subscribe mode receives both. Publishing never waits and never throws:
 * each publisher holds at most `maxPendingBytes` of messages Redis has not acknowledged yet; beyond that (Redis
 * slow or unreachable) a message is dropped and counted (`stats()`), so the call never slows down for an
 * observer. Without a connection nothing is queued (ioredis' offline queue is off for the publishers).
 *
 * Wire format: events are JSON; audio is one binary message `[track: 1 byte (0 agent, 1 customer)][at: float64 LE][PCM16]`.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';
import { SubscriberQueue, type QueueCounters } from './subscriber-queue.ts';
import { LIVE_QUEUE, type AudioTrack, type LiveAudio, type LiveBus, type LiveBusStats, type LiveEvent, type LiveHandler, type SubscribeOptions, type Unsubscribe } from './types.ts';

export interface RedisLiveBusOptions {
  url: string;
  /** Unacknowledged bytes each publisher may hold before it drops (default 256 KB events, 2 MB audio ≈ 40 s of one track). */
  maxPendingEventBytes?: number;
  maxPendingAudioBytes?: number;
  /** Called once per problem kind while it lasts (connection lost, drops started); default: console.warn. */
  log?: (msg: string) => void;
}

/** What the Redis transport itself did, beside the bus counters (`stats()`). */
export interface RedisTransportStats {
  /** Messages the publishers dropped: over their bound (Redis slow) or no connection. */
  publisherDropped: number;
  /** Messages received that did not decode (another version on the same Redis, a stray publisher). */
  invalid: number;
  pendingBytes: { events: number; audio: number };
}

const eventSchema = z.object({ type: z.string().min(1), at: z.number() }).passthrough();
const AUDIO_HEADER = 9;
const TRACKS: readonly AudioTrack[] = ['agent', 'customer'];

class Publisher {
  pending = 0;
  constructor(
    readonly redis: Redis,
    private readonly max: number,
    private readonly onDrop: () => void,
    private readonly onSent: () => void,
  ) {}

  send(channel: string, payload: string | Buffer): void {
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
    if (this.redis.status !== 'ready' || this.pending + size > this.max) return this.onDrop();
    this.pending += size;
    this.redis.publish(channel, payload).then(
      () => {
        this.pending -= size;
        this.onSent();
      },
      () => {
        this.pending -= size;
        this.onDrop();
      },
    );
  }
}

export class RedisLiveBus implements LiveBus {
  readonly kind = 'redis' as const;
  private readonly events: Publisher;
  private readonly audio: Publisher;
  private readonly sub: Redis;
  private readonly eventSubs = new Map<string, Set<SubscriberQueue<LiveEvent>>>();
  private readonly audioSubs = new Map<string, Set<SubscriberQueue<LiveAudio>>>();
  private readonly counters: QueueCounters & { published: number } = { published: 0, delivered: 0, dropped: 0, queued: 0 };
  private readonly transport = { publisherDropped: 0, invalid: 0 };
  private readonly warned = new Set<string>();
  private readonly pendingCommands = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly o: RedisLiveBusOptions) {
    const base: RedisOptions = { maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(2000, 100 * n) };
    const pub = (name: string) => new Redis(o.url, { ...base, enableOfflineQueue: false, connectionName: `salesgym-live-${name}` });
    this.events = new Publisher(pub('events'), o.maxPendingEventBytes ?? 256 * 1024, () => this.dropped('events'), () => undefined);
    this.audio = new Publisher(pub('audio'), o.maxPendingAudioBytes ?? 2 * 1024 * 1024, () => this.dropped('audio'), () => undefined);
    // the subscriber queues its SUBSCRIBE commands until connected and re-subscribes after a reconnect
    this.sub = new Redis(o.url, { ...base, maxRetriesPerRequest: null, connectionName: 'salesgym-live-sub' });
    for (const r of [this.events.redis, this.audio.redis, this.sub]) {
      r.on('error', (e: Error) => this.warn('error', `live bus: Redis ${e.message}`));
      r.on('ready', () => this.warned.clear());
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.deliver(channel.toString(), message));
    // one network read at a time: after each chunk the subscriber queues get an I/O round to hand it over, so a
    // burst the network coalesced (several publisher rounds in one read) does not overflow a fast subscriber
    this.sub.on('connect', () => {
      const stream = (this.sub as unknown as { stream?: NodeJS.ReadableStream }).stream;
      if (!stream) return;
      stream.on('data', () => {
        stream.pause();
        setImmediate(() => stream.resume());
      });
    });
  }

  /** Resolves when all three connections are ready (tests, start-up checks); rejects after `timeoutMs`. */
  async ready(timeoutMs = 10_000): Promise<void> {
    const one = (r: Redis) =>
      r.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const t = setTimeout(() => reject(new Error(`Redis at ${redact(this.o.url)} did not answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
            r.once('ready', () => {
              clearTimeout(t);
              resolve();
            });
          });
    await Promise.all([one(this.events.redis), one(this.audio.redis), one(this.sub)]);
  }

  publish(topic: string, event: LiveEvent): void {
    if (this.closed) return;
    let json: string;
    try {
      json = JSON.stringify(event);
    } catch {
      this.counters.dropped++; // not JSON (a cycle, a BigInt): Redis cannot carry it
      return;
    }
    this.counters.published++;
    this.events.send(topic, json);
  }

  publishAudio(topic: string, audio: LiveAudio): void {
    if (this.closed) return;
    try {
      const msg = Buffer.allocUnsafe(AUDIO_HEADER + audio.pcm.byteLength);
      msg.writeUInt8(audio.track === 'agent' ? 0 : 1, 0);
      msg.writeDoubleLE(audio.at, 1);
      audio.pcm.copy(msg, AUDIO_HEADER);
      this.counters.published++;
      this.audio.send(topic, msg);
    } catch {
      this.counters.dropped++;
    }
  }

  subscribe(topic: string, onEvent: LiveHandler<LiveEvent>, opts?: SubscribeOptions): Unsubscribe {
    return this.add(this.eventSubs, topic, onEvent, opts?.maxQueued ?? LIVE_QUEUE.events);
  }

  subscribeAudio(topic: string, onAudio: LiveHandler<LiveAudio>, opts?: SubscribeOptions): Unsubscribe {
    return this.add(this.audioSubs, topic, onAudio, opts?.maxQueued ?? LIVE_QUEUE.audio);
  }

  /** Bus counters; `dropped` counts full subscriber queues and the publishers' drops (Redis slow or gone). */
  stats(): LiveBusStats {
    let subscriptions = 0;
    for (const m of [this.eventSubs, this.audioSubs] as Map<string, Set<unknown>>[]) for (const s of m.values()) subscriptions += s.size;
    const { published, delivered, dropped, queued } = this.counters;
    return { published, delivered, dropped, queued, subscriptions };
  }

  /** The Redis side: publisher drops, undecodable messages, bytes waiting for Redis's acknowledgement. */
  transportStats(): RedisTransportStats {
    return { ...this.transport, pendingBytes: { events: this.events.pending, audio: this.audio.pending } };
  }

  /** Resolves when Redis has confirmed every subscribe and unsubscribe asked so far. */
  async settled(): Promise<void> {
    while (this.pendingCommands.size) await Promise.allSettled([...this.pendingCommands]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const m of [this.eventSubs, this.audioSubs] as Map<string, Set<SubscriberQueue<unknown>>>[]) {
      for (const subs of m.values()) for (const q of subs) q.close();
      m.clear();
    }
    await Promise.allSettled([this.events.redis, this.audio.redis, this.sub].map((r) => r.quit().catch(() => r.disconnect())));
  }

  // ── internals ──────────────────────────────────────────────────────────────

  private add<T>(map: Map<string, Set<SubscriberQueue<T>>>, topic: string, handler: LiveHandler<T>, maxQueued: number): Unsubscribe {
    if (this.closed) return Object.assign(() => undefined, { ready: Promise.resolve() });
    const q = new SubscriberQueue(handler, Math.max(1, maxQueued), this.counters);
    let subs = map.get(topic);
    let ready: Promise<void>;
    if (!subs) {
      subs = new Set();
      map.set(topic, subs);
      ready = this.command(this.sub.subscribe(topic), `could not subscribe ${topic}`);
    } else ready = this.settled(); // the topic's SUBSCRIBE may still be on its way
    subs.add(q);
    return Object.assign(
      () => {
        q.close();
        const set = map.get(topic);
        if (!set?.delete(q) || set.size > 0) return;
        map.delete(topic);
        if (!this.closed) void this.command(this.sub.unsubscribe(topic), `could not unsubscribe ${topic}`);
      },
      { ready },
    );
  }

  /** A subscribe-connection command, tracked by `settled()`; never rejects. */
  private command(p: Promise<unknown>, problem: string): Promise<void> {
    const done = p.then(
      () => undefined,
      (e: Error) => this.warn(problem, `live bus: ${problem}: ${e.message}`),
    );
    this.pendingCommands.add(done);
    void done.finally(() => this.pendingCommands.delete(done));
    return done;
  }

  private deliver(channel: string, message: Buffer): void {
    if (this.closed) return;
    const audio = this.audioSubs.get(channel);
    if (audio?.size) {
      if (message.byteLength < AUDIO_HEADER || message.byteLength % 2 === 0 || message[0] > 1) return void this.transport.invalid++;
      const a: LiveAudio = { track: TRACKS[message[0]], at: message.readDoubleLE(1), pcm: message.subarray(AUDIO_HEADER) };
      for (const q of audio) q.offer(a);
      return;
    }
    const events = this.eventSubs.get(channel);
    if (!events?.size) return;
    let parsed: LiveEvent;
    try {
      const r = eventSchema.safeParse(JSON.parse(message.toString()));
      if (!r.success) return void this.transport.invalid++;
      parsed = r.data as LiveEvent;
    } catch {
      return void this.transport.invalid++;
    }
    for (const q of events) q.offer(parsed);
  }

  private dropped(kind: 'events' | 'audio'): void {
    this.counters.dropped++;
    this.transport.publisherDropped++;
    this.warn(`drop-${kind}`, `live bus: Redis is slow or unreachable; ${kind} messages are being dropped (the calls go on)`);
  }

  private warn(key: string, msg: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    (this.o.log ?? ((m: string) => console.warn(m)))(msg);
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}
