import { describe, expect, it } from 'vitest';
import { benchCoaching } from './bench.ts';

describe('benchCoaching', () => {
  it('reports CPU per audio second of the live layer beside the loop without it, within the 2 ms target', async () => {
    const [r] = await benchCoaching({ quick: true });
    expect(r).toMatchObject({ section: 'coaching', unit: 'ms', target: expect.stringContaining('2 ms') });
    expect(r.median!).toBeGreaterThan(r.baseline!.median!);
    expect(r.median!).toBeLessThanOrEqual(2);
    expect(r.pass).toBe(true);
  }, 60_000);
});
