/**
 * Silero VAD inference for every live stream, in a worker thread (plain JS: workers do not inherit tsx's
 * loader). onnxruntime-node runs a session synchronously on the calling thread, so it lives here, off the
 * server's event loop. Each stream's windows are queued here and scored strictly in order (the model is
 * recurrent); every round scores the next window of up to MAX_BATCH streams in one batched run.
 * In:  [{stream, seq, window: Float32Array(512) | null}] in order (window null: forget the stream)
 * Out: {results: [{stream, seq, p}], runs, windows} | {error, stream, seq}
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';

const WINDOW = workerData.window;
const STATE = 64;
const MAX_BATCH = 64;
const session = await ort.InferenceSession.create(workerData.modelPath, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(workerData.sampleRate)]), []);

/** stream id → recurrent state and windows waiting */
const streams = new Map();
let scheduled = false;
let runs = 0;
let windows = 0;

parentPort.on('message', (m) => {
  for (const it of m) {
    if (!it.window) {
      // forgotten once its windows still queued are scored
      const s = streams.get(it.stream);
      if (s && s.queue.length) s.dropped = true;
      else streams.delete(it.stream);
      continue;
    }
    let s = streams.get(it.stream);
    if (!s) streams.set(it.stream, (s = { h: new Float32Array(2 * STATE), c: new Float32Array(2 * STATE), queue: [] }));
    s.queue.push({ seq: it.seq, window: it.window });
  }
  if (!scheduled) {
    scheduled = true;
    setImmediate(drain);
  }
});

async function drain() {
  for (;;) {
    const batch = [];
    for (const [id, s] of streams) {
      if (s.queue.length) batch.push({ id, s, item: s.queue.shift() });
      if (s.dropped && !s.queue.length) streams.delete(id);
      if (batch.length === MAX_BATCH) break;
    }
    if (batch.length === 0) break;
    try {
      const results = await score(batch);
      parentPort.postMessage({ results, runs, windows });
    } catch (e) {
      for (const b of batch) parentPort.postMessage({ error: e instanceof Error ? e.message : String(e), stream: b.id, seq: b.item.seq });
    }
  }
  scheduled = false;
}

async function score(batch) {
  const n = batch.length;
  const input = new Float32Array(n * WINDOW);
  const h = new Float32Array(2 * n * STATE);
  const c = new Float32Array(2 * n * STATE);
  batch.forEach((b, i) => {
    input.set(b.item.window, i * WINDOW);
    for (let layer = 0; layer < 2; layer++) {
      h.set(b.s.h.subarray(layer * STATE, (layer + 1) * STATE), (layer * n + i) * STATE);
      c.set(b.s.c.subarray(layer * STATE, (layer + 1) * STATE), (layer * n + i) * STATE);
    }
  });
  const out = await session.run({
    input: new ort.Tensor('float32', input, [n, WINDOW]),
    sr,
    h: new ort.Tensor('float32', h, [2, n, STATE]),
    c: new ort.Tensor('float32', c, [2, n, STATE]),
  });
  runs++;
  windows += n;
  const hn = out.hn.data;
  const cn = out.cn.data;
  return batch.map((b, i) => {
    for (let layer = 0; layer < 2; layer++) {
      b.s.h.set(hn.subarray((layer * n + i) * STATE, (layer * n + i + 1) * STATE), layer * STATE);
      b.s.c.set(cn.subarray((layer * n + i) * STATE, (layer * n + i + 1) * STATE), layer * STATE);
    }
    return { stream: b.id, seq: b.item.seq, p: out.output.data[i] };
  });
}

parentPort.postMessage({ ready: true });
