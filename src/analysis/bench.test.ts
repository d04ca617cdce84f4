import { describe, expect, it } from 'vitest';
import { benchAnalysis, longTranscript } from './bench.ts';

describe('analysis benchmark', () => {
  it('builds a 60-minute transcript by repeating a sample call', () => {
    const t = longTranscript('he-phone-sale-good.txt', 60);
    expect(t.language).toBe('he');
    expect(t.segments.at(-1)!.endSec).toBeGreaterThan(3600);
    expect(t.segments.length).toBeGreaterThan(400);
  });

  it('times offline analysis of a 60-minute call and reports median/p95/p99', async () => {
    const r = await benchAnalysis({ runs: 3 });
    console.info(r.map((x) => `${x.name}: median ${x.medianMs} ms, p95 ${x.p95Ms} ms`).join('\n'));
    // the figures and their targets are `npm run bench`'s to judge; here: each measure is there and well formed
    expect(r.map((x) => x.name)).toEqual([
      'analysis: offline, 60-min Hebrew transcript', 'analysis: offline, 60-min English transcript',
      expect.stringMatching(/^act model: training, he/), expect.stringMatching(/^act model: training, en/),
      expect.stringMatching(/^sales-act classifier: one utterance, he/), expect.stringMatching(/^sales-act classifier: one utterance, en/),
    ]);
    for (const x of r) {
      expect(x.medianMs).toBeGreaterThan(0);
      expect(x.p95Ms).toBeGreaterThanOrEqual(x.medianMs);
      expect(x.p99Ms).toBeGreaterThanOrEqual(x.p95Ms);
    }
  });
});
