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
import type { AudioTrack, LiveAudio, LiveBus, LiveEvent } from './types.ts';

export interface RedisLiveBusOptions {
  url: string;
  /** Unacknowledged bytes each publisher may hold before it drops (default 256 KB events, 2 MB audio ≈ 40 s of one track). */
  maxPendingEventBytes?: number;
  maxPendingAudioBytes?: number;
  /** Called once per problem kind while it lasts (connection lost, drops started); default: console.warn. */
  log?: (msg: string) => void;
}

export interface LiveBusStats {
  published: number;
  dropped: number;
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
  private readonly eventHandlers = new Map<string, Set<(e: LiveEvent) => void>>();
  private readonly audioHandlers = new Map<string, Set<(a: LiveAudio) => void>>();
  private readonly counts = { published: 0, dropped: 0, invalid: 0 };
  private readonly warned = new Set<string>();
  private closed = false;

  constructor(private readonly o: RedisLiveBusOptions) {
    const base: RedisOptions = { lazyConnect: false, maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(2000, 100 * n) };
    const pub = (name: string) => new Redis(o.url, { ...base, enableOfflineQueue: false, connectionName: `salesgym-live-${name}` });
    this.events = new Publisher(pub('events'), o.maxPendingEventBytes ?? 256 * 1024, () => this.dropped('events'), () => this.counts.published++);
    this.audio = new Publisher(pub('audio'), o.maxPendingAudioBytes ?? 2 * 1024 * 1024, () => this.dropped('audio'), () => this.counts.published++);
    // the subscriber queues its SUBSCRIBE commands until connected and re-subscribes after a reconnect
    this.sub = new Redis(o.url, { ...base, maxRetriesPerRequest: null, connectionName: 'salesgym-live-sub' });
    for (const r of [this.events.redis, this.audio.redis, this.sub]) {
      r.on('error', (e: Error) => this.warn('error', `live bus: Redis ${e.message}`));
      r.on('ready', () => this.warned.clear());
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.deliver(channel.toString(), message));
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
      return this.dropped('events');
    }
    this.events.send(topic, json);
  }

  publishAudio(topic: string, audio: LiveAudio): void {
    if (this.closed) return;
    const msg = Buffer.allocUnsafe(AUDIO_HEADER + audio.pcm.byteLength);
    msg.writeUInt8(audio.track === 'agent' ? 0 : 1, 0);
    msg.writeDoubleLE(audio.at, 1);
    audio.pcm.copy(msg, AUDIO_HEADER);
    this.audio.send(topic, msg);
  }

  subscribe(topic: string, onEvent: (event: LiveEvent) => void): () => void {
    return this.add(this.eventHandlers, topic, onEvent);
  }

  subscribeAudio(topic: string, onAudio: (audio: LiveAudio) => void): () => void {
    return this.add(this.audioHandlers, topic, onAudio);
  }

  /**
   * Resolves when Redis has confirmed every subscribe and unsubscribe asked so far: a message published on
   * another node after this is delivered. (Without waiting, the first messages after `subscribe` may be missed.)
   */
  async settled(): Promise<void> {
    while (this.pendingCommands.size) await Promise.allSettled([...this.pendingCommands]);
  }

  private readonly pendingCommands = new Set<Promise<unknown>>();
  private track(p: Promise<unknown>): void {
    this.pendingCommands.add(p);
    void p.finally(() => this.pendingCommands.delete(p));
  }

  /** Published, dropped (back-pressure or no connection) and undecodable messages since start. */
  stats(): LiveBusStats {
    return { ...this.counts, pendingBytes: { events: this.events.pending, audio: this.audio.pending } };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.eventHandlers.clear();
    this.audioHandlers.clear();
    await Promise.allSettled([this.events.redis, this.audio.redis, this.sub].map((r) => r.quit().catch(() => r.disconnect())));
  }

  // ── internals ──────────────────────────────────────────────────────────────

  private add<T>(map: Map<string, Set<(m: T) => void>>, topic: string, fn: (m: T) => void): () => void {
    if (this.closed) return () => undefined;
    // one handler object per subscription: the same function subscribed twice is delivered twice, removed once
    const handler = (m: T) => fn(m);
    let set = map.get(topic);
    if (!set) {
      set = new Set();
      map.set(topic, set);
      if (!this.subscribed(topic, map)) this.track(this.sub.subscribe(topic).catch((e: Error) => this.warn('subscribe', `live bus: could not subscribe ${topic}: ${e.message}`)));
    }
    set.add(handler);
    return () => {
      const s = map.get(topic);
      if (!s?.delete(handler) || s.size > 0) return;
      map.delete(topic);
      if (!this.closed && !this.subscribed(topic)) this.track(this.sub.unsubscribe(topic).catch(() => undefined));
    };
  }

  /** Someone on this node still listens to `topic` (events and audio maps share the channel namespace). */
  private subscribed(topic: string, except?: Map<string, unknown>): boolean {
    return (except !== this.eventHandlers && this.eventHandlers.has(topic)) || (except !== this.audioHandlers && this.audioHandlers.has(topic));
  }

  private deliver(channel: string, message: Buffer): void {
    const audio = this.audioHandlers.get(channel);
    if (audio?.size) {
      if (message.byteLength < AUDIO_HEADER || message.byteLength % 2 === 0 || message[0] > 1) return void this.counts.invalid++;
      const a: LiveAudio = { track: TRACKS[message[0]], at: message.readDoubleLE(1), pcm: message.subarray(AUDIO_HEADER) };
      for (const h of [...audio]) if (audio.has(h)) safe(() => h(a));
      return;
    }
    const events = this.eventHandlers.get(channel);
    if (!events?.size) return;
    let parsed: LiveEvent;
    try {
      const r = eventSchema.safeParse(JSON.parse(message.toString()));
      if (!r.success) return void this.counts.invalid++;
      parsed = r.data as LiveEvent;
    } catch {
      return void this.counts.invalid++;
    }
    for (const h of [...events]) if (events.has(h)) safe(() => h(parsed));
  }

  private dropped(kind: 'events' | 'audio'): void {
    this.counts.dropped++;
    this.warn(`drop-${kind}`, `live bus: Redis is slow or unreachable; ${kind} messages are being dropped (the calls go on)`);
  }

  private warn(key: string, msg: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    (this.o.log ?? ((m: string) => console.warn(m)))(msg);
  }
}

function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    /* a broken subscriber must not stop the others */
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
