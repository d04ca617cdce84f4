/**
 * The app as a separate process for the voice benchmark (so server CPU and memory are measured alone):
 * configuration from the environment, PGlite (in memory, or in files with SALESGYM_BENCH_DB=files) with the demo
 * company, 127.0.0.1 on a free port.
 * Talks to the parent over IPC: sends {port}; answers "stats" with memory (JS heap: this thread and the coaching
 * worker), CPU and live sessions.
 */
import { writeFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../config/index.ts';
import { openDatabase } from '../db/index.ts';
import { createContext, seedDemo } from '../app/index.ts';
import { buildApp } from '../http/index.ts';
import { youngGenerationBytes } from '../coaching/index.ts';

const config = loadConfig(process.env, { LOG_LEVEL: 'silent', SALESGYM_DEMO: false });
// SALESGYM_BENCH_DB=files (the soak): PGlite in files under DATA_DIR as `npm start` runs it, so stored rows are on
// disk and not in the server's memory; by default an in-memory PGlite
const ctx = await createContext(config, await openDatabase(process.env.SALESGYM_BENCH_DB === 'files' ? { dataDir: path.join(config.DATA_DIR, 'pgdata') } : {}));
await seedDemo(ctx);
const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();
const app = await buildApp({ ctx, serveWeb: false, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
// SALESGYM_BENCH_HEAP_PROF=FILE: sampled allocations from the moment the load is steady (every session live),
// including objects already collected (where the garbage comes from), written as a .heapprofile (open in
// Chrome DevTools) when the server stops
const heapProf = process.env.SALESGYM_BENCH_HEAP_PROF;
const inspector = heapProf ? new Session() : null;
inspector?.connect();
process.send!({ type: 'listening', port: (app.server.address() as AddressInfo).port });
process.on('message', async (m: { type: string; file?: string }) => {
  if (m.type === 'stats') {
    const mem = process.memoryUsage();
    // the JS heap of both threads that hold session state: this one and the coaching worker
    const worker = await ctx.coachingWorker.memory();
    process.send!({ type: 'stats', rss: mem.rss, heapUsed: mem.heapUsed + (worker?.heapUsed ?? 0), heapTotal: mem.heapTotal + (worker?.heapTotal ?? 0), workerHeapUsed: worker?.heapUsed ?? 0, workerNewSpace: worker?.newSpace ?? 0, newSpace: youngGenerationBytes() + (worker?.newSpace ?? 0), external: mem.external, arrayBuffers: mem.arrayBuffers, cpu: process.cpuUsage(), live: ctx.simulations.liveCount, loopDelayP99Ms: eld.percentile(99) / 1e6, loopDelayMaxMs: eld.max / 1e6 });
    eld.reset();
  } else if (m.type === 'steady') {
    if (inspector) await inspector.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  } else if (m.type === 'snapshot') {
    // SALESGYM_BENCH_HEAP_SNAPSHOTS (the soak): V8 heap snapshots of this thread and the coaching worker
    writeHeapSnapshot(`${m.file}.main.heapsnapshot`);
    await ctx.coachingWorker.writeHeapSnapshot(`${m.file}.worker.heapsnapshot`);
    process.send!({ type: 'snapshot' });
  } else if (m.type === 'gc') {
    (globalThis as { gc?: () => void }).gc?.();
    await ctx.coachingWorker.memory(true); // the worker's heap is collected too
    process.send!({ type: 'gc' });
  } else if (m.type === 'stop') {
    if (inspector) writeFileSync(heapProf!, JSON.stringify((await inspector.post('HeapProfiler.stopSampling').catch(() => ({ profile: null }))).profile));
    await app.close();
    await ctx.database.close();
    process.exit(0);
  }
});
