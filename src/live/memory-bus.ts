/**
 * The in-process LiveBus (single node, the default): topics are a map of subscriber queues. An event is copied
 * once through JSON at publish (subscribers get what Redis would give them, and a publisher's later mutation
 * cannot reach them); audio is copied once (the caller may reuse its buffer).
 */
import { SubscriberQueue, type QueueCounters } from './subscriber-queue.ts';
import { LIVE_QUEUE, type LiveAudio, type LiveBus, type LiveBusStats, type LiveEvent, type LiveHandler, type SubscribeOptions, type Unsubscribe } from './types.ts';

const READY = Promise.resolve();

function unsubscribeFn(fn: () => void): Unsubscribe {
  return Object.assign(fn, { ready: READY });
}

export class MemoryLiveBus implements LiveBus {
  readonly kind = 'memory' as const;
  private readonly events = new Map<string, Set<SubscriberQueue<LiveEvent>>>();
  private readonly audio = new Map<string, Set<SubscriberQueue<LiveAudio>>>();
  private readonly counters: QueueCounters & { published: number } = { published: 0, delivered: 0, dropped: 0, queued: 0 };
  private closed = false;

  publish(topic: string, event: LiveEvent): void {
    if (this.closed) return;
    try {
      const subs = this.events.get(topic);
      this.counters.published++;
      if (!subs?.size) return;
      const copy = JSON.parse(JSON.stringify(event)) as LiveEvent;
      for (const s of subs) s.offer(copy);
    } catch {
      this.counters.dropped++; // not JSON (a cycle, a BigInt): Redis could not carry it either
    }
  }

  publishAudio(topic: string, audio: LiveAudio): void {
    if (this.closed) return;
    try {
      const subs = this.audio.get(topic);
      this.counters.published++;
      if (!subs?.size) return;
      const copy: LiveAudio = { track: audio.track, at: audio.at, pcm: Buffer.from(audio.pcm) };
      for (const s of subs) s.offer(copy);
    } catch {
      this.counters.dropped++;
    }
  }

  subscribe(topic: string, onEvent: LiveHandler<LiveEvent>, opts?: SubscribeOptions): Unsubscribe {
    return this.add(this.events, topic, onEvent, opts?.maxQueued ?? LIVE_QUEUE.events);
  }

  subscribeAudio(topic: string, onAudio: LiveHandler<LiveAudio>, opts?: SubscribeOptions): Unsubscribe {
    return this.add(this.audio, topic, onAudio, opts?.maxQueued ?? LIVE_QUEUE.audio);
  }

  stats(): LiveBusStats {
    let subscriptions = 0;
    for (const m of [this.events, this.audio] as Map<string, Set<unknown>>[]) for (const s of m.values()) subscriptions += s.size;
    const { published, delivered, dropped, queued } = this.counters;
    return { published, delivered, dropped, queued, subscriptions };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const m of [this.events, this.audio] as Map<string, Set<SubscriberQueue<unknown>>>[]) {
      for (const subs of m.values()) for (const s of subs) s.close();
      m.clear();
    }
  }

  private add<T>(map: Map<string, Set<SubscriberQueue<T>>>, topic: string, handler: LiveHandler<T>, maxQueued: number): Unsubscribe {
    if (this.closed) return unsubscribeFn(() => undefined);
    const q = new SubscriberQueue(handler, Math.max(1, maxQueued), this.counters);
    let subs = map.get(topic);
    if (!subs) map.set(topic, (subs = new Set()));
    subs.add(q);
    return unsubscribeFn(() => {
      q.close();
      const set = map.get(topic);
      if (!set) return;
      set.delete(q);
      if (set.size === 0) map.delete(topic);
    });
  }
}
