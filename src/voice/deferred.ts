/**
 * Work that can wait behind the network. The observers of a live call (recorder, coaching) work on every audio
 * frame; run right away, the work of 100 calls' frames arriving in one I/O round delays the frames behind them by
 * tens of milliseconds. Queued here instead, it runs after the I/O round, oldest first, in slices of at most
 * `sliceMs`: each slice yields to the event loop, so a frame arriving meanwhile is forwarded within one slice.
 * When the backlog falls behind by more than `maxLagMs` a slice runs until it has caught up (observers must keep
 * up with real time, and the queue must not grow without bound).
 */
export class DeferredQueue {
  private items: Array<() => void> = [];
  private queuedAt: number[] = [];
  private head = 0;
  private scheduled = false;

  constructor(
    private readonly sliceMs = 1.5,
    private readonly maxLagMs = 250,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Items waiting. */
  get length(): number {
    return this.items.length - this.head;
  }

  push(fn: () => void): void {
    this.items.push(fn);
    this.queuedAt.push(this.now());
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.drain);
    }
  }

  private readonly drain = (): void => {
    const start = this.now();
    const until = start + this.sliceMs;
    while (this.head < this.items.length) {
      const fn = this.items[this.head];
      const queued = this.queuedAt[this.head];
      this.head++;
      try {
        fn();
      } catch {
        /* one observer's failure is its own; the queue goes on */
      }
      if (this.head < this.items.length && this.now() >= until && start - queued < this.maxLagMs) break;
    }
    if (this.head >= this.items.length) {
      this.items = [];
      this.queuedAt = [];
      this.head = 0;
      this.scheduled = false;
      return;
    }
    if (this.head > 1024) {
      this.items = this.items.slice(this.head);
      this.queuedAt = this.queuedAt.slice(this.head);
      this.head = 0;
    }
    setImmediate(this.drain);
  };
}

/** The process-wide queue the live sessions share (one queue: its slices bound the delay for every call). */
export const afterIo = new DeferredQueue();
