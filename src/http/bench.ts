import { performance } from 'node:perf_hooks';
import type { BenchResult } from '../cli/bench.ts';
import { summarize } from '../cli/bench.ts';
import { startTestApp } from '../testing/app.ts';

/** Platform figures: authenticated API latency and atomic quota consumption under contention (PGlite). */
export async function benchPlatform({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const t = await startTestApp();
  try {
    const cookie = await t.login('manager@demo.salesgym.dev');
    const n = quick ? 200 : 1000;
    const lat: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      lat.push(performance.now() - s);
    }
    const health: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await t.app.inject({ method: 'GET', url: '/api/health' });
      health.push(performance.now() - s);
    }
    const me = summarize(lat);
    const base = summarize(health);
    const agent = (await t.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!;
    const q: number[] = [];
    for (let i = 0; i < (quick ? 50 : 90); i++) {
      const s = performance.now();
      await t.ctx.quotas.consume(agent, 'analyses');
      q.push(performance.now() - s);
    }
    const quota = summarize(q);
    return [
      { section: 'platform', name: 'GET /api/me (session lookup + user)', unit: 'ms', ...me, baseline: { name: 'GET /api/health', ...base }, ratio: me.median / base.median },
      { section: 'platform', name: 'atomic quota consume (PGlite)', unit: 'ms', ...quota },
    ];
  } finally {
    await t.close();
  }
}
