/**
 * The embedded recogniser: one whisper.cpp model in a worker process (never on the thread that relays audio),
 * shared by uploads and practice calls. Requests queue and run one at a time; each has a deadline in proportion
 * to its audio, and a cancelled or overdue request is stopped — and when the binding does not stop (it never
 * settles a request that failed inside whisper.cpp), the process is killed and the next request starts a fresh
 * one. Failures are AppErrors (UPSTREAM_FAILED) that callers turn into inaudible turns or a failed stage.
 */
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AppError, newId } from '../../../core/index.ts';
import type { Config } from '../../../config/index.ts';
import type { Language } from '../../../analysis/index.ts';

/** One recognised stretch; times in ms from the start of the audio given. */
export interface EmbeddedSegment {
  startMs: number;
  endMs: number;
  text: string;
}

export interface EmbeddedOptions {
  modelPath: string;
  /** Deadline per second of audio (ms, default 3000) and at least `minTimeoutMs` (default 15 s). */
  timeoutMsPerSec?: number;
  minTimeoutMs?: number;
  /** Threads per transcription (default: all cores but one, at least 1). */
  threads?: number;
  /** How long a stopped request may take to settle before the worker is ended (ms, default 2000). */
  stopGraceMs?: number;
  /** Whisper's temperature fallback step when a decode looks wrong (default: whisper.cpp's 0.2; 0 = no retries). */
  temperatureInc?: number;
}

interface Pending {
  id: string;
  pcm: Int16Array;
  language: Language;
  signal?: AbortSignal;
  resolve: (s: EmbeddedSegment[]) => void;
  reject: (e: Error) => void;
}

type WorkerState = { status: 'none' } | { status: 'loading' | 'ready'; worker: ChildProcess; loaded: Promise<void> };

export class EmbeddedWhisper {
  readonly name = 'embedded-whisper';
  readonly model: string;
  private state: WorkerState = { status: 'none' };
  private readonly queue: Pending[] = [];
  private running: { job: Pending; settle: (m: WorkerReply) => void } | null = null;
  /** Workers ended because a request would not stop (for health reporting and tests). */
  restarts = 0;

  constructor(private readonly o: EmbeddedOptions) {
    this.model = path.basename(o.modelPath);
  }

  /** Loads the model now (else on first use); rejects with the reason it cannot be loaded. */
  async load(): Promise<void> {
    await this.ensureWorker().loaded;
  }

  /** PCM16 mono at 16 kHz → timed text. */
  transcribe(pcm: Int16Array, language: Language, signal?: AbortSignal): Promise<EmbeddedSegment[]> {
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: newId(), pcm, language, signal, resolve, reject });
      void this.next();
    });
  }

  async close(): Promise<void> {
    for (const j of this.queue.splice(0)) j.reject(new AppError('UPSTREAM_FAILED', 'The embedded recogniser was closed.'));
    if (this.state.status !== 'none') await this.endWorker(this.state.worker);
    this.state = { status: 'none' };
  }

  private ensureWorker(): Extract<WorkerState, { status: 'loading' | 'ready' }> {
    if (this.state.status !== 'none') return this.state;
    const worker = fork(fileURLToPath(new URL('./worker.mjs', import.meta.url)), [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [] });
    // an idle recogniser does not keep the server (or the CLI) alive
    worker.unref();
    worker.channel?.unref();
    const loaded = new Promise<void>((resolve, reject) => {
      const onMessage = (m: WorkerReply) => {
        if (m.type === 'loaded') {
          if (this.state.status === 'loading' && this.state.worker === worker) this.state = { status: 'ready', worker, loaded };
          resolve();
        } else if (m.type === 'load_failed') {
          reject(new AppError('NOT_CONFIGURED', `The speech recognition model ${this.model} could not be loaded: ${m.error}. Check it with "npx salesgym models verify".`));
          void this.endWorker(worker);
        } else this.running?.settle(m);
      };
      worker.on('message', onMessage);
      const gone = (why: string) => {
        reject(new AppError('UPSTREAM_FAILED', `The embedded recogniser stopped: ${why}`));
        if (this.state.status !== 'none' && this.state.worker === worker) this.state = { status: 'none' };
        if (this.running) this.running.settle({ type: 'failed', id: this.running.job.id, error: why });
      };
      worker.on('error', (e) => gone(e.message));
      worker.on('exit', (code, signal) => gone(signal ? `killed (${signal})` : `exited with code ${code}`));
    });
    loaded.catch(() => undefined);
    worker.send({ type: 'load', modelPath: this.o.modelPath });
    this.state = { status: 'loading', worker, loaded };
    return this.state;
  }

  private async endWorker(worker: ChildProcess): Promise<void> {
    if (this.state.status !== 'none' && this.state.worker === worker) this.state = { status: 'none' };
    if (worker.exitCode !== null || worker.signalCode !== null) return;
    const exited = new Promise<void>((r) => worker.once('exit', () => r()));
    worker.kill('SIGKILL');
    await exited;
  }

  private busy = false;

  private async next(): Promise<void> {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return;
    // one request at a time, from here on (loading the model is awaited below)
    this.busy = true;
    const after = () => {
      this.busy = false;
      void this.next();
    };
    if (job.signal?.aborted) {
      job.reject(abortError());
      return after();
    }
    let w: Extract<WorkerState, { status: 'loading' | 'ready' }>;
    try {
      w = this.ensureWorker();
      await w.loaded;
    } catch (e) {
      job.reject(e as Error);
      return after();
    }
    const worker = w.worker;
    const audioSec = job.pcm.length / 16_000;
    const deadline = Math.max(this.o.minTimeoutMs ?? 15_000, audioSec * (this.o.timeoutMsPerSec ?? 3000));
    await new Promise<void>((done) => {
      let finished = false;
      let grace: NodeJS.Timeout | null = null;
      const stop = (why: Error) => {
        if (finished) return;
        if (worker.connected) worker.send({ type: 'stop', id: job.id });
        // a binding that does not stop costs its worker; the next request gets a fresh one
        grace ??= setTimeout(() => {
          this.restarts++;
          void this.endWorker(worker);
          finish(() => job.reject(why));
        }, this.o.stopGraceMs ?? 2000);
      };
      const timer = setTimeout(
        () => stop(new AppError('UPSTREAM_FAILED', `The embedded recogniser (${this.model}) took longer than ${Math.round(deadline / 1000)} s for ${audioSec.toFixed(1)} s of audio and was stopped.`)),
        deadline,
      );
      const onAbort = () => stop(abortError());
      job.signal?.addEventListener('abort', onAbort, { once: true });
      const finish = (settle: () => void) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        if (grace) clearTimeout(grace);
        job.signal?.removeEventListener('abort', onAbort);
        worker.unref();
        this.running = null;
        settle();
        done();
      };
      this.running = {
        job,
        settle: (m) => {
          if (m.type === 'result' && m.id === job.id) {
            if (job.signal?.aborted || m.aborted) finish(() => job.reject(abortError()));
            else finish(() => job.resolve(m.segments.length ? m.segments : m.text ? [{ startMs: 0, endMs: Math.round(audioSec * 1000), text: m.text }] : []));
          } else if (m.type === 'failed' && m.id === job.id) {
            finish(() => job.reject(job.signal?.aborted ? abortError() : new AppError('UPSTREAM_FAILED', `The embedded recogniser failed: ${m.error}`)));
          }
        },
      };
      // while a request runs, the process keeps the caller alive (a CLI run waits for its transcript)
      worker.ref();
      if (!worker.connected) return this.running.settle({ type: 'failed', id: job.id, error: 'the recogniser process is gone' });
      worker.send({ type: 'transcribe', id: job.id, pcm: job.pcm, language: job.language, threads: this.o.threads ?? Math.max(1, availableParallelism() - 1), temperatureInc: this.o.temperatureInc });
    });
    after();
  }
}

type WorkerReply =
  | { type: 'loaded'; info: unknown }
  | { type: 'load_failed'; error: string }
  | { type: 'result'; id: string; aborted: boolean; text: string; segments: EmbeddedSegment[] }
  | { type: 'failed'; id: string; error: string };

function abortError(): Error {
  const e = new Error('The transcription was cancelled.');
  e.name = 'AbortError';
  return e;
}

/** Where models live: DATA_DIR/models. */
export const modelsDir = (config: Pick<Config, 'DATA_DIR'>): string => path.resolve(config.DATA_DIR, 'models');

/** The model the embedded recogniser uses: TRANSCRIBE_MODEL_PATH, else the first ggml model in DATA_DIR/models; null when none. */
export function findModel(config: Pick<Config, 'DATA_DIR' | 'TRANSCRIBE_MODEL_PATH'>): string | null {
  if (config.TRANSCRIBE_MODEL_PATH) return existsSync(config.TRANSCRIBE_MODEL_PATH) ? path.resolve(config.TRANSCRIBE_MODEL_PATH) : null;
  const dir = modelsDir(config);
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => /^ggml-.+\.bin$/.test(f)).sort();
  return files.length ? path.join(dir, files[0]) : null;
}

const engines = new Map<string, EmbeddedWhisper>();

/** The shared embedded recogniser for the configured model (one worker per model file), or null when no model is installed. */
export function embeddedFromConfig(config: Pick<Config, 'DATA_DIR' | 'TRANSCRIBE_MODEL_PATH' | 'TRANSCRIBE_TIMEOUT_MS_PER_SEC'>): EmbeddedWhisper | null {
  const modelPath = findModel(config);
  if (!modelPath) return null;
  let e = engines.get(modelPath);
  if (!e) engines.set(modelPath, (e = new EmbeddedWhisper({ modelPath, timeoutMsPerSec: config.TRANSCRIBE_TIMEOUT_MS_PER_SEC })));
  return e;
}
