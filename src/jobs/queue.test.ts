import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, createRepositories, type Database } from '../db/index.ts';
import { AppError } from '../core/index.ts';
import { JobQueue, PermanentJobError } from './queue.ts';

const opened: Database[] = [];
const queues: JobQueue[] = [];
async function setup(dataDir?: string) {
  const db = await openDatabase({ dataDir });
  opened.push(db);
  return { db, repos: createRepositories(db) };
}
function queue(repos: ReturnType<typeof createRepositories>, opts: ConstructorParameters<typeof JobQueue>[1] = {}) {
  const q = new JobQueue(repos, { pollMs: 20, baseBackoffMs: 10, maxBackoffMs: 40, ...opts });
  queues.push(q);
  return q;
}
afterEach(async () => {
  for (const q of queues.splice(0)) await q.stop();
  for (const d of opened.splice(0)) await d.close().catch(() => {});
});

describe('JobQueue', () => {
  it('runs a job and records its stages until done', async () => {
    const { repos } = await setup();
    const q = queue(repos);
    const seen: string[] = [];
    q.register<{ n: number }>('t', async (p, run) => {
      await run.progress('converting', 0.2);
      seen.push((await repos.jobs.byId(run.job.id))!.stage!);
      await run.progress('analysing', 0.8);
      seen.push(String(p.n));
    });
    const job = await q.enqueue('t', { n: 7 });
    await q.start();
    await q.idle();
    const row = await repos.jobs.byId(job.id);
    expect(row).toMatchObject({ status: 'done', stage: 'done', progress: 1, attempts: 1, lockedBy: null });
    expect(seen).toEqual(['converting', '7']);
  });

  it('retries a failing job with backoff and succeeds on the third attempt', async () => {
    const { repos } = await setup();
    const retries: number[] = [];
    const q = queue(repos, { log: (msg, f) => void (msg === 'job will retry' && retries.push(Number(f?.inMs))) });
    let calls = 0;
    q.register('flaky', async () => {
      if (++calls < 3) throw new AppError('UPSTREAM_FAILED', 'provider hiccup');
    });
    const job = await q.enqueue('flaky', {});
    await q.start();
    await q.idle();
    const row = await repos.jobs.byId(job.id);
    expect(row?.status).toBe('done');
    expect(row?.attempts).toBe(3);
    // the delays it chose: base 10 ms, then doubled (each ± 20 % jitter)
    expect(retries).toHaveLength(2);
    expect(retries[0]).toBeGreaterThanOrEqual(8);
    expect(retries[0]).toBeLessThanOrEqual(12);
    expect(retries[1]).toBeGreaterThanOrEqual(16);
    expect(retries[1]).toBeLessThanOrEqual(24);
  });

  it('fails for good with the reason on a permanent error, calling onFailed once', async () => {
    const { repos } = await setup();
    const q = queue(repos);
    const failed: string[] = [];
    q.register('bad', async () => {
      throw new PermanentJobError('the file is not audio');
    }, { onFailed: (_p, why) => void failed.push(why) });
    const job = await q.enqueue('bad', {});
    await q.start();
    await q.idle();
    expect(await repos.jobs.byId(job.id)).toMatchObject({ status: 'failed', error: 'the file is not audio', attempts: 1 });
    expect(failed).toEqual(['the file is not audio']);
  });

  it('gives up after maxAttempts retryable failures and says so', async () => {
    const { repos } = await setup();
    const q = queue(repos);
    let n = 0;
    q.register('down', async () => {
      n++;
      throw new Error('connection refused');
    }, { maxAttempts: 3 });
    const job = await q.enqueue('down', {});
    await q.start();
    await q.idle();
    expect(n).toBe(3);
    const row = await repos.jobs.byId(job.id);
    expect(row?.status).toBe('failed');
    expect(row?.error).toBe('connection refused (gave up after 3 attempts)');
  });

  it('runs each job exactly once when two workers share the database', async () => {
    const { repos } = await setup();
    const counts = new Map<number, number>();
    const handler = async (p: { i: number }) => {
      counts.set(p.i, (counts.get(p.i) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    };
    const a = queue(repos, { concurrency: 2 });
    const b = queue(repos, { concurrency: 2 });
    a.register('w', handler);
    b.register('w', handler);
    for (let i = 0; i < 20; i++) await a.enqueue('w', { i });
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.idle(), b.idle()]);
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
  });

  describe('restart', () => {
    let dir = '';
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    async function interruptMidJob(dataDir: string) {
      const { db, repos } = await setup(dataDir);
      const q = queue(repos, { leaseMs: 300 });
      let started!: () => void;
      const inside = new Promise<void>((r) => (started = r));
      q.register('long', async (_p, run) => {
        await run.progress('transcribing', 0.5);
        started();
        await new Promise((_, reject) => run.signal.addEventListener('abort', () => reject(run.signal.reason)));
      });
      const job = await q.enqueue('long', { callId: 'x' });
      await q.start();
      await inside;
      // a crash: the process dies without releasing its lease
      await q.stop({ release: false });
      await db.close();
      return job.id;
    }

    it('a job interrupted by a crash is reclaimed after its lease expires and completes', async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'sg-jobs-'));
      const id = await interruptMidJob(path.join(dir, 'pg'));
      const { repos } = await setup(path.join(dir, 'pg'));
      expect((await repos.jobs.byId(id))?.status).toBe('running');
      const q = queue(repos, { leaseMs: 300 });
      const resumedAt: string[] = [];
      q.register('long', async (_p, run) => void resumedAt.push(run.job.stage ?? ''));
      await q.start();
      await q.idle(5000);
      const row = await repos.jobs.byId(id);
      expect(row).toMatchObject({ status: 'done', attempts: 2 });
      expect(resumedAt).toEqual(['transcribing']);
    });

    it('an exclusive (PGlite) worker requeues orphans at start without waiting for the lease', async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'sg-jobs-'));
      const id = await interruptMidJob(path.join(dir, 'pg'));
      const { repos } = await setup(path.join(dir, 'pg'));
      const q = queue(repos, { leaseMs: 60_000, exclusive: true });
      q.register('long', async () => {});
      await q.start();
      await q.idle(30_000);
      // done well inside the 60 s lease: it was taken back at start, not after the lease ran out
      expect((await repos.jobs.byId(id))?.status).toBe('done');
    });

    it('a graceful stop puts the running job back without counting the attempt', async () => {
      const { repos } = await setup();
      const q = queue(repos);
      let started!: () => void;
      const inside = new Promise<void>((r) => (started = r));
      q.register('long', async (_p, run) => {
        started();
        await new Promise((_, reject) => run.signal.addEventListener('abort', () => reject(run.signal.reason)));
      });
      const job = await q.enqueue('long', {});
      await q.start();
      await inside;
      await q.stop();
      expect(await repos.jobs.byId(job.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
    });
  });
});
