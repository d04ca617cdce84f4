/**
 * The coaching worker: one worker thread per process runs the live coaching (prosody of both voices, the
 * conversation tracker, emotion, difficulty, hints) and builds the end-of-call report for every live session,
 * so none of that work runs on the thread that relays the calls' audio. Measured (voice bench, 100 relayed
 * calls): in the session thread, the coaching added about 5 ms to the relay's p99 frame delay and most of the
 * end-of-call stalls.
 *
 * Messages are batched: everything for the worker within 10 ms goes as one postMessage, the audio of all
 * sessions copied into one transferred buffer (no allocation per frame). The worker answers with batches of
 * messages to publish, directives to apply and finished reports. Per session, order is kept end to end.
 * If the worker dies, the live sessions lose their coaching (logged; their calls go on) and the next session
 * starts a new worker.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { getHeapSpaceStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { CoachMessage, EngineEventLike, TurnRecordLike } from './live.ts';
import type { SessionReport } from './report-schema.ts';
import type { CoachingEnd, CoachingInit, DirectiveOut } from './voice-tap.ts';

/** Main thread → worker. Audio items point into the batch's shared audio buffer (bytes). */
export type ToWorker =
  | { k: 'open'; sid: string; init: CoachingInit; originMs: number }
  | { k: 'typed'; sid: string; typed: boolean }
  | { k: 'agent'; sid: string; off: number; len: number; atMs: number }
  | { k: 'customer'; sid: string; off: number; len: number }
  | { k: 'event'; sid: string; e: EngineEventLike }
  | { k: 'turn'; sid: string; t: TurnRecordLike }
  | { k: 'end'; sid: string; end: CoachingEnd }
  | { k: 'memory'; id: number; gc: boolean };

/** Worker → main thread. */
export type FromWorker =
  | { k: 'emit'; sid: string; m: CoachMessage }
  | { k: 'directive'; sid: string; d: DirectiveOut }
  | { k: 'report'; sid: string; report?: SessionReport; error?: string }
  | { k: 'memory'; id: number; heapUsed: number; heapTotal: number; newSpace: number; sessions: number };

export interface ToWorkerBatch {
  audio: ArrayBuffer | null;
  msgs: ToWorker[];
}

/** The engine events the coaching reads (the rest never cross the thread boundary). */
const COACHED_EVENTS = new Set(['agent_speech_started', 'agent_speech_stopped', 'customer_turn_started', 'customer_state']);

/** One session's side of the channel. */
export interface RemoteCoaching {
  typed(typed: boolean): void;
  agentAudio(pcm: Int16Array, atMs: number): void;
  customerAudio(pcm: Int16Array): void;
  event(e: { type: string }): void;
  turn(t: TurnRecordLike): void;
  /** Resolves with the report once the worker has built it. */
  end(end: CoachingEnd): Promise<SessionReport>;
}

interface Handlers {
  emit: (m: CoachMessage) => void;
  directive: (d: DirectiveOut) => void;
  report?: { resolve: (r: SessionReport) => void; reject: (e: Error) => void };
}

const FLUSH_MS = 10;

/** The worker's V8 heap: in use, and committed (what it holds of the process's memory). */
export interface WorkerMemory {
  heapUsed: number;
  heapTotal: number;
  /** Of heapTotal, V8's young generation (its semi-spaces grow with the allocation rate). */
  newSpace: number;
  sessions: number;
}

/** The size of the calling thread's V8 young generation (bytes), for the memory figures of the benchmarks. */
export function youngGenerationBytes(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/** The coaching worker's young generation (V8 splits it into two semi-spaces and a large-object space). */
const WORKER_YOUNG_GENERATION_MB = 12;

export class CoachingWorkerHost {
  private worker: Worker | null = null;
  private readonly sessions = new Map<string, Handlers>();
  private msgs: ToWorker[] = [];
  private audio = new Uint8Array(64 * 1024);
  private audioLen = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private memoryAsks = new Map<number, (m: WorkerMemory) => void>();
  private memoryAskId = 0;

  constructor(private readonly log?: (msg: string, err?: unknown) => void) {}

  /** Sessions with coaching running in the worker. */
  get live(): number {
    return this.sessions.size;
  }

  open(sid: string, init: CoachingInit, h: { originMs: number; emit: Handlers['emit']; directive: Handlers['directive'] }): RemoteCoaching {
    this.ensureWorker();
    this.sessions.set(sid, { emit: h.emit, directive: h.directive });
    this.post({ k: 'open', sid, init, originMs: h.originMs });
    return {
      typed: (typed) => this.post({ k: 'typed', sid, typed }),
      agentAudio: (pcm, atMs) => {
        const off = this.stage(pcm);
        this.post({ k: 'agent', sid, off, len: pcm.byteLength, atMs });
      },
      customerAudio: (pcm) => {
        const off = this.stage(pcm);
        this.post({ k: 'customer', sid, off, len: pcm.byteLength });
      },
      event: (e) => {
        if (COACHED_EVENTS.has(e.type)) this.post({ k: 'event', sid, e: e as EngineEventLike });
      },
      turn: (t) => this.post({ k: 'turn', sid, t }),
      end: (end) =>
        new Promise<SessionReport>((resolve, reject) => {
          const s = this.sessions.get(sid);
          if (!s) return reject(new Error('the coaching worker stopped before the call ended'));
          s.report = { resolve, reject };
          this.post({ k: 'end', sid, end });
          this.flush(); // the report is awaited: no reason to wait for the batch timer
        }),
    };
  }

  /**
   * The worker's JS heap in use and its live sessions (null when no worker runs); with `gc`, after a full
   * collection of the worker's heap where the process runs with --expose-gc (the benchmarks do).
   */
  memory(gc = false): Promise<WorkerMemory | null> {
    if (!this.worker) return Promise.resolve(null);
    const id = ++this.memoryAskId;
    return new Promise((resolve) => {
      this.memoryAsks.set(id, resolve);
      this.post({ k: 'memory', id, gc });
      this.flush();
    });
  }

  /** Writes a V8 heap snapshot of the worker to `file` (false when no worker runs); a diagnostic for the benchmarks. */
  async writeHeapSnapshot(file: string): Promise<boolean> {
    if (!this.worker) return false;
    await pipeline(await this.worker.getHeapSnapshot(), createWriteStream(file));
    return true;
  }

  /** Stops the worker (reports still being built are dropped with an error). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('the coaching worker was stopped'));
    await w?.terminate();
  }

  private ensureWorker(): void {
    if (this.worker || this.closed) return;
    // a small young generation (4 MB semi-spaces): V8 would grow it to 16 MB semi-spaces at some point of a long
    // call — a one-off 16 MB step in the server's memory that looks like growth — and the worker's garbage is short-lived
    const w = new Worker(new URL('./worker-entry.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    w.unref(); // live sessions keep the process alive, not their coaching
    w.on('message', (batch: FromWorker[]) => {
      for (const m of batch) this.dispatch(m);
    });
    const fail = (e: Error) => {
      if (this.worker !== w) return;
      this.worker = null;
      this.log?.('the coaching worker stopped; live sessions lose their coaching', e);
      this.failAll(e);
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the coaching worker exited (${code})`)));
    this.worker = w;
  }

  private dispatch(m: FromWorker): void {
    if (m.k === 'memory') {
      this.memoryAsks.get(m.id)?.({ heapUsed: m.heapUsed, heapTotal: m.heapTotal, newSpace: m.newSpace, sessions: m.sessions });
      this.memoryAsks.delete(m.id);
      return;
    }
    const s = this.sessions.get(m.sid);
    if (!s) return;
    try {
      if (m.k === 'emit') s.emit(m.m);
      else if (m.k === 'directive') s.directive(m.d);
      else {
        this.sessions.delete(m.sid);
        if (m.report) s.report?.resolve(m.report);
        else s.report?.reject(new Error(m.error ?? 'no report'));
      }
    } catch (e) {
      this.log?.(`coaching message for ${m.sid} failed`, e);
    }
  }

  private failAll(e: Error): void {
    for (const s of this.sessions.values()) s.report?.reject(e);
    this.sessions.clear();
    for (const ask of this.memoryAsks.values()) ask({ heapUsed: 0, heapTotal: 0, newSpace: 0, sessions: 0 });
    this.memoryAsks.clear();
    this.msgs = [];
    this.audioLen = 0;
  }

  /** Copies PCM into this batch's audio buffer; returns its byte offset. */
  private stage(pcm: Int16Array): number {
    const need = this.audioLen + pcm.byteLength;
    if (need > this.audio.byteLength) {
      const bigger = new Uint8Array(Math.max(need, this.audio.byteLength * 2));
      bigger.set(this.audio.subarray(0, this.audioLen));
      this.audio = bigger;
    }
    const off = this.audioLen;
    this.audio.set(new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength), off);
    this.audioLen = need;
    return off;
  }

  private post(m: ToWorker): void {
    if (!this.worker) return;
    this.msgs.push(m);
    this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.worker || this.msgs.length === 0) return;
    let audio: ArrayBuffer | null = null;
    if (this.audioLen > 0) {
      // the filled part goes to the worker (transferred); the next batch starts a buffer of the same size
      audio = this.audio.buffer.slice(0, this.audioLen);
      this.audioLen = 0;
    }
    const batch: ToWorkerBatch = { audio, msgs: this.msgs };
    this.msgs = [];
    this.worker.postMessage(batch, audio ? [audio] : []);
  }
}
