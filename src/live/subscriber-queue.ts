/**
 * One subscriber's bounded delivery queue, shared by every LiveBus implementation: messages are handed over
 * asynchronously (after the publisher's I/O round, never inside `publish`), in order, one at a time; a handler's
 * returned promise holds the next message back; a full queue drops what arrives and counts it.
 */
import type { LiveHandler } from './types.ts';

/** Counters a bus shares with its subscriber queues. */
export interface QueueCounters {
  delivered: number;
  dropped: number;
  queued: number;
}

export class SubscriberQueue<T> {
  private items: T[] = [];
  private head = 0;
  private busy = false;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly handler: LiveHandler<T>,
    private readonly maxQueued: number,
    private readonly counters: QueueCounters,
  ) {}

  get length(): number {
    return this.items.length - this.head;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queue one message; false when it was dropped (queue full or closed). Never throws. */
  offer(message: T): boolean {
    if (this.closed) return false;
    if (this.length >= this.maxQueued) {
      this.counters.dropped++;
      return false;
    }
    this.items.push(message);
    this.counters.queued++;
    this.schedule();
    return true;
  }

  /** Stop: what is still queued is discarded (not counted as dropped) and nothing more is delivered. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.counters.queued -= this.length;
    this.items = [];
    this.head = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.busy || this.closed) return;
    this.scheduled = true;
    setImmediate(this.drain);
  }

  private readonly drain = (): void => {
    this.scheduled = false;
    while (!this.closed && !this.busy && this.head < this.items.length) {
      const message = this.items[this.head];
      this.items[this.head] = undefined as T;
      this.head++;
      this.counters.queued--;
      this.counters.delivered++;
      let result: void | Promise<void>;
      try {
        result = this.handler(message);
      } catch {
        continue; // a subscriber's failure is its own
      }
      if (result && typeof (result as Promise<void>).then === 'function') {
        this.busy = true;
        (result as Promise<void>).then(this.resume, this.resume);
      }
    }
    if (this.head >= this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 256) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  };

  private readonly resume = (): void => {
    this.busy = false;
    if (this.length > 0) this.schedule();
  };
}
