import { describe, expect, it } from 'vitest';
import { DeferredQueue } from './deferred.ts';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('DeferredQueue', () => {
  it('runs work after the current I/O round, in order, and survives a failing item', async () => {
    const q = new DeferredQueue();
    const seen: number[] = [];
    q.push(() => seen.push(1));
    q.push(() => {
      throw new Error('observer broke');
    });
    q.push(() => seen.push(3));
    expect(seen).toEqual([]);
    await tick();
    await tick();
    expect(seen).toEqual([1, 3]);
    expect(q.length).toBe(0);
  });

  it('yields to the event loop between slices so I/O gets in between', async () => {
    const q = new DeferredQueue(2.5, 10_000);
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    const order: string[] = [];
    // the first item starts a timer: a frame arriving while the work runs (due in 1 ms, before the slice is over)
    for (let i = 0; i < 9; i++) q.push(() => (i === 0 && setTimeout(() => order.push('io'), 0), busy(1), order.push(`w${i}`)));
    await expect.poll(() => order.length).toBe(10);
    // every item ran once, in order; the timer ran right after the first slice, which held at most 3 items
    // (2.5 ms budget, each item at least 1 ms; fewer when the machine is busy)
    expect(order.filter((x) => x !== 'io')).toEqual(Array.from({ length: 9 }, (_, i) => `w${i}`));
    expect(order.indexOf('io')).toBeGreaterThanOrEqual(1);
    expect(order.indexOf('io')).toBeLessThanOrEqual(3);
  });

  it('stops slicing when the backlog is older than maxLagMs, so it catches up', async () => {
    let t = 0;
    const q = new DeferredQueue(1, 5, () => t);
    const order: string[] = [];
    // the first item starts a timer: a frame arriving while the backlog runs
    for (let i = 0; i < 4; i++) q.push(() => (i === 0 && setTimeout(() => order.push('io'), 0), order.push(`old${i}`)));
    t = 100; // the queue waited 100 ms (a busy loop): everything queued so far runs in one go
    for (let i = 0; i < 4; i++) q.push(() => ((t += 1), order.push(`new${i}`)));
    await expect.poll(() => order.length).toBe(9);
    expect(order.slice(0, 5)).toEqual(['old0', 'old1', 'old2', 'old3', 'new0']);
    expect(order).toContain('io');
    expect(order.indexOf('io')).toBeGreaterThan(4);
  });
});
