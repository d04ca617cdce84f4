import { hostname } from 'node:os';
import { AppError, isAppError, newId } from '../core/index.ts';
import type { Repositories, JobRow } from '../db/index.ts';

/** What a running handler can do: report progress, and notice cancellation (shutdown or lost lease). */
export interface JobRun {
  job: JobRow;
  signal: AbortSignal;
  /** Records the stage and fraction 0..1; also renews the lease. */
  progress(stage: string, fraction: number): Promise<void>;
}

export interface JobKindOptions<P> {
  /** Attempts before the job fails for good (default 5). */
  maxAttempts?: number;
  /** Called once when the job fails for good (permanent error or attempts used up). */
  onFailed?: (payload: P, reason: string, job: JobRow) => Promise<void> | void;
}

interface Registered {
  handler: (payload: unknown, run: JobRun) => Promise<void>;
  opts: JobKindOptions<unknown>;
}

export interface QueueOptions {
  /** Jobs run at the same time by this process (default 1; the machines are small). */
  concurrency?: number;
  /** Lease length; a worker renews it every third of it. A job whose lease expires is claimed again. Default 60 s. */
  leaseMs?: number;
  /** Poll interval when idle (default 1000 ms); enqueue() wakes the worker at once anyway. */
  pollMs?: number;
  /** Retry delay = min(maxBackoffMs, baseBackoffMs · 2^(attempt-1)) ± 20 %. Defaults 2 s and 10 min. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** True when this process alone owns the database (PGlite): running jobs found at start are orphans. */
  exclusive?: boolean;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
}

/** Thrown by a handler for a failure that another attempt cannot fix (a bad file, a deleted call). */
export class PermanentJobError extends Error {}

const isPermanent = (e: unknown) => e instanceof PermanentJobError || (isAppError(e) && !e.retryable);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A durable, database-backed job queue. Jobs survive restarts; workers claim with FOR UPDATE SKIP LOCKED,
 * hold a renewable lease, retry with exponential backoff and fail with the reason after the last attempt.
 */
export class JobQueue {
  readonly workerId = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  private readonly kinds = new Map<string, Registered>();
  private readonly running = new Map<string, { ctrl: AbortController; done: Promise<void> }>();
  private opts: Required<Omit<QueueOptions, 'log'>> & Pick<QueueOptions, 'log'>;
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private polling = false;
  private pollAgain = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly repos: Repositories, opts: QueueOptions = {}) {
    this.opts = {
      concurrency: opts.concurrency ?? 1,
      leaseMs: opts.leaseMs ?? 60_000,
      pollMs: opts.pollMs ?? 1000,
      baseBackoffMs: opts.baseBackoffMs ?? 2000,
      maxBackoffMs: opts.maxBackoffMs ?? 10 * 60_000,
      exclusive: opts.exclusive ?? false,
      log: opts.log,
    };
  }

  /** Registers the handler of one job kind. */
  register<P>(kind: string, handler: (payload: P, run: JobRun) => Promise<void>, opts: JobKindOptions<P> = {}): void {
    this.kinds.set(kind, { handler: handler as Registered['handler'], opts: opts as JobKindOptions<unknown> });
  }

  async enqueue(kind: string, payload: unknown, opts: { companyId?: string | null; runAt?: Date; id?: string } = {}): Promise<JobRow> {
    const reg = this.kinds.get(kind);
    if (!reg) throw new AppError('INTERNAL', `No handler is registered for jobs of kind "${kind}".`);
    const row = await this.repos.jobs.enqueue({ id: opts.id ?? newId(), kind, payload, companyId: opts.companyId, maxAttempts: reg.opts.maxAttempts ?? 5, runAt: opts.runAt });
    this.wake();
    return row;
  }

  /** Starts polling. Safe to call twice. */
  async start(overrides: Partial<QueueOptions> = {}): Promise<void> {
    Object.assign(this.opts, Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)));
    if (this.started) return;
    this.started = true;
    if (this.opts.exclusive) {
      const n = await this.repos.jobs.requeueOrphans();
      if (n) this.opts.log?.(`requeued ${n} job(s) orphaned by a previous run`);
    }
    this.wake();
  }

  /**
   * Stops claiming, aborts running handlers and waits for them. With `release` (default) their jobs go
   * back to the queue uncounted; without it they stay 'running' until the lease expires, as after a crash.
   */
  /** Aborts running handlers and waits for them up to timeoutMs; `settled`: every one of them ended in time. */
  async stop(opts: { release?: boolean; timeoutMs?: number } = {}): Promise<{ settled: boolean }> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const runs = [...this.running.entries()];
    for (const [, r] of runs) r.ctrl.abort(new Error('the worker is shutting down'));
    const all = Promise.allSettled(runs.map(([, r]) => r.done)).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), opts.timeoutMs ?? 10_000)));
    const settled = await Promise.race([all, late]);
    clearTimeout(timer);
    if (opts.release !== false) {
      for (const [id] of runs) await this.repos.jobs.release(id, this.workerId).catch(() => {});
    }
    return { settled };
  }

  /** Polls now instead of at the next tick. */
  wake(): void {
    if (!this.started) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), 0);
  }

  /** Resolves when nothing is running and nothing is due (tests, CLI). */
  async idle(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.running.size === 0) {
        const c = await Promise.all([...this.kinds.keys()].map((k) => this.repos.jobs.counts(k)));
        if (c.every((x) => x.running === 0 && x.queued === 0)) return;
      }
      await new Promise<void>((r) => {
        this.idleWaiters.push(r);
        setTimeout(r, 50).unref();
      });
    }
    throw new Error('the job queue did not become idle in time');
  }

  private async poll(): Promise<void> {
    if (!this.started || this.polling) return;
    this.polling = true;
    this.timer = null;
    try {
      do {
        this.pollAgain = false;
        while (this.started && this.running.size < this.opts.concurrency) {
          const job = await this.repos.jobs.claim([...this.kinds.keys()], this.workerId, this.opts.leaseMs);
          if (!job) break;
          this.launch(job);
        }
      } while (this.pollAgain && this.started);
    } catch (e) {
      this.opts.log?.('job poll failed', { error: message(e) });
    } finally {
      this.polling = false;
      if (this.started && !this.timer) this.timer = setTimeout(() => void this.poll(), this.opts.pollMs);
    }
  }

  private launch(job: JobRow): void {
    const ctrl = new AbortController();
    const done = this.execute(job, ctrl).finally(() => {
      this.running.delete(job.id);
      for (const w of this.idleWaiters.splice(0)) w();
      this.wake();
    });
    this.running.set(job.id, { ctrl, done });
  }

  private async execute(job: JobRow, ctrl: AbortController): Promise<void> {
    const reg = this.kinds.get(job.kind)!;
    const { leaseMs } = this.opts;
    const beat = setInterval(async () => {
      const ok = await this.repos.jobs.heartbeat(job.id, this.workerId, leaseMs).catch(() => true);
      if (!ok) ctrl.abort(new Error('the job lease was lost'));
    }, Math.max(50, Math.floor(leaseMs / 3)));
    beat.unref();
    const run: JobRun = {
      job,
      signal: ctrl.signal,
      progress: async (stage, fraction) => {
        if (ctrl.signal.aborted) throw ctrl.signal.reason;
        await this.repos.jobs.progress(job.id, this.workerId, stage, Math.max(0, Math.min(1, fraction)));
      },
    };
    try {
      if (job.attempts > job.maxAttempts) throw new PermanentJobError(`gave up after ${job.maxAttempts} attempts (the worker stopped each time)`);
      await reg.handler(job.payload, run);
      await this.repos.jobs.complete(job.id, this.workerId);
    } catch (e) {
      if (ctrl.signal.aborted && !this.started) return; // shutdown: stop() releases it (or leaves it, as a crash would)
      if (ctrl.signal.aborted) return; // lease lost: another worker owns it now
      const reason = message(e);
      if (isPermanent(e) || job.attempts >= job.maxAttempts) {
        const why = isPermanent(e) ? reason : `${reason} (gave up after ${job.attempts} attempts)`;
        if (await this.repos.jobs.fail(job.id, this.workerId, why)) await reg.opts.onFailed?.(job.payload, why, job);
        this.opts.log?.('job failed', { id: job.id, kind: job.kind, reason: why });
      } else {
        const delay = Math.min(this.opts.maxBackoffMs, this.opts.baseBackoffMs * 2 ** (job.attempts - 1)) * (0.8 + Math.random() * 0.4);
        await this.repos.jobs.retry(job.id, this.workerId, reason, new Date(Date.now() + delay));
        this.opts.log?.('job will retry', { id: job.id, kind: job.kind, attempt: job.attempts, inMs: Math.round(delay), reason });
        setTimeout(() => this.wake(), delay + 10).unref();
      }
    } finally {
      clearInterval(beat);
    }
  }
}
