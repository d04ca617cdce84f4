/**
 * The embedded recogniser's worker process: whisper.cpp through the prebuilt binding shipped in the npm package
 * @fugood/node-whisper-<platform>-<arch> (no install scripts, no download). A process, not a thread: a request the
 * binding will not stop (it never settles a failed one) is ended by killing the process, which a native library
 * survives only outside the server. Plain JS. One model per process; requests run one at a time.
 * In:  {type:'load', modelPath} | {type:'transcribe', id, pcm: Int16Array (16 kHz mono), language, threads} | {type:'stop', id}
 * Out: {type:'loaded', info} | {type:'load_failed', error} | {type:'result', id, text, segments:[{startMs,endMs,text}]} | {type:'failed', id, error}
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const send = (m) => process.send?.(m);
// the parent went away: nothing left to answer
process.on('disconnect', () => process.exit(0));
let ctx = null;
const jobs = new Map();

function binding() {
  const name = `@fugood/node-whisper-${process.platform}-${process.arch}`;
  try {
    return require(name);
  } catch (e) {
    throw new Error(`the embedded recogniser has no build for ${process.platform}-${process.arch} (${name} is not installed): ${e.message}`);
  }
}

process.on('message', async (m) => {
  if (m.type === 'load') {
    try {
      const mod = binding();
      ctx = await new mod.WhisperContext({ filePath: m.modelPath, useGpu: false });
      send({ type: 'loaded', info: ctx.getModelInfo?.() ?? {} });
    } catch (e) {
      send({ type: 'load_failed', error: String(e?.message ?? e) });
    }
    return;
  }
  if (m.type === 'stop') {
    const job = jobs.get(m.id);
    if (job) await job.stop().catch(() => undefined);
    return;
  }
  if (m.type === 'transcribe') {
    if (!ctx) return send({ type: 'failed', id: m.id, error: 'no model is loaded' });
    const pcm = m.pcm;
    const data = pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.byteLength);
    try {
      const job = ctx.transcribeData(data, { language: m.language, maxThreads: m.threads, temperature: 0, ...(m.temperatureInc !== undefined ? { temperatureInc: m.temperatureInc } : {}) });
      jobs.set(m.id, job);
      const r = await job.promise;
      send({
        type: 'result',
        id: m.id,
        aborted: Boolean(r.isAborted),
        text: String(r.result ?? '').trim(),
        segments: (r.segments ?? []).map((s) => ({ startMs: Number(s.t0) || 0, endMs: Number(s.t1) || 0, text: String(s.text ?? '').trim() })),
      });
    } catch (e) {
      send({ type: 'failed', id: m.id, error: String(e?.message ?? e) });
    } finally {
      jobs.delete(m.id);
    }
  }
});
