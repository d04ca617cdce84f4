import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './bench.ts';
import { HEAP_TARGET_MB_PER_10MIN, leastSquaresSlope, memoryGrowth, type MemorySample } from './bench-soak.ts';

/** A 30-minute series of per-minute samples; `heap(m)` gives heapUsed at minute m. */
function series(heap: (m: number) => number, external = (_m: number) => 300): MemorySample[] {
  return Array.from({ length: 30 }, (_, i) => {
    const m = i + 1;
    return { minute: m, heapMb: heap(m), workerHeapMb: 10, rssMb: 600 + heap(m) + external(m), externalMb: external(m), arrayBuffersMb: 50, heapTotalMb: heap(m) + 20, newSpaceMb: 16, workerNewSpaceMb: 8, live: 4 };
  });
}

describe('voice soak memory figures', () => {
  it('fits the slope of a straight line exactly and gives NaN without two distinct points', () => {
    expect(leastSquaresSlope([[0, 1], [1, 3], [2, 5], [3, 7]])).toBeCloseTo(2, 10);
    expect(leastSquaresSlope([[5, 1]])).toBeNaN();
    expect(leastSquaresSlope([[5, 1], [5, 2]])).toBeNaN();
  });

  it('passes a flat heap with GC noise and fails a leak of 0.15 MB a minute', () => {
    const noise = (m: number) => ((m * 7919) % 11) / 20 - 0.25; // ±0.25 MB, deterministic
    const flat = memoryGrowth(series((m) => 58 + noise(m)), 5);
    expect(Math.abs(flat.heap)).toBeLessThan(HEAP_TARGET_MB_PER_10MIN);
    const leak = memoryGrowth(series((m) => 58 + 0.15 * m + noise(m)), 5);
    expect(leak.heap).toBeGreaterThan(HEAP_TARGET_MB_PER_10MIN);
    expect(leak.heap).toBeCloseTo(1.5, 0);
  });

  it('leaves the warm-up minutes out of the fit', () => {
    // loading models in the first minutes, then flat: no growth after the warm-up
    const g = memoryGrowth(series((m) => (m < 5 ? 40 + 4 * m : 60)), 5);
    expect(g.samples).toBe(26);
    expect(g.heap).toBeCloseTo(0, 10);
  });

  it('separates the in-memory database (external) from the rest of RSS', () => {
    const g = memoryGrowth(series(() => 58, (m) => 300 + 2 * m), 5);
    expect(g.rss).toBeCloseTo(20, 6);
    expect(g.external).toBeCloseTo(20, 6);
    expect(g.rssMinusExternal).toBeCloseTo(0, 6);
    expect(g.native).toBeCloseTo(0, 6);
  });

  it('separates growth of the committed V8 heaps from native memory', () => {
    // the heaps take 1 MB more a minute for 30 minutes, nothing else grows: RSS outside V8 stays flat
    const samples = series(() => 58).map((s) => ({ ...s, rssMb: s.rssMb + s.minute, heapTotalMb: s.heapTotalMb + s.minute }));
    const g = memoryGrowth(samples, 5);
    expect(g.rssMinusExternal).toBeCloseTo(10, 6);
    expect(g.native).toBeCloseTo(0, 6);
  });

  it('measures the server with the V8 flags `npm start` runs it with', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    const start = pkg.scripts.start.split(/\s+/);
    for (const flag of SERVER_NODE_FLAGS) expect(start).toContain(flag);
  });
});
