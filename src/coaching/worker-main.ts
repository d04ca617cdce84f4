/**
 * The coaching worker thread (see worker-host.ts): a CoachingSession per live call, fed by the session
 * thread's batches, ticked once a second on the session clock, its messages, directives and report sent back
 * in batches.
 */
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { youngGenerationBytes, type FromWorker, type ToWorker, type ToWorkerBatch } from './worker-host.ts';
import { CoachingSession } from './voice-tap.ts';

if (!parentPort) throw new Error('worker-main.ts runs as a worker thread');
const port = parentPort;

/**
 * Coaching can wait a few milliseconds; the calls' audio on the main thread cannot. On Linux the nice value
 * belongs to each thread, so this thread alone steps back when the cores are busy (10: about a tenth of the
 * main thread's share under contention; idle cores are still used in full). Elsewhere it stays as it is.
 */
const COACHING_NICE = 10;
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, COACHING_NICE);
} catch {
  /* no /proc (not Linux) or not allowed: normal priority */
}

interface Live {
  session: CoachingSession;
  tap: ReturnType<CoachingSession['live']['tap']>;
  /** The session clock's zero, in epoch ms (performance.timeOrigin-based on both threads). */
  originMs: number;
}
const sessions = new Map<string, Live>();
const now = (s: Live) => performance.timeOrigin + performance.now() - s.originMs;

let out: FromWorker[] = [];
const send = (m: FromWorker) => {
  if (out.length === 0) setImmediate(flush);
  out.push(m);
};
function flush(): void {
  if (out.length === 0) return;
  const batch = out;
  out = [];
  port.postMessage(batch);
}

function handle(m: ToWorker, audio: ArrayBuffer | null): void {
  if (m.k === 'memory') {
    if (m.gc) (globalThis as { gc?: () => void }).gc?.();
    const mem = process.memoryUsage();
    send({ k: 'memory', id: m.id, heapUsed: mem.heapUsed, heapTotal: mem.heapTotal, newSpace: youngGenerationBytes(), sessions: sessions.size });
    return;
  }
  if (m.k === 'open') {
    const session = new CoachingSession(m.init, {
      emit: (msg) => send({ k: 'emit', sid: m.sid, m: msg }),
      directive: (d) => send({ k: 'directive', sid: m.sid, d }),
    });
    sessions.set(m.sid, { session, tap: session.live.tap(), originMs: m.originMs });
    return;
  }
  const s = sessions.get(m.sid);
  if (!s) return;
  const live = s.session.live;
  switch (m.k) {
    case 'typed':
      return live.setTyped(m.typed);
    case 'agent':
      if (audio) live.agentAudio(new Int16Array(audio, m.off, m.len / 2), m.atMs);
      return;
    case 'customer':
      if (audio) live.customerAudio(new Int16Array(audio, m.off, m.len / 2));
      return;
    case 'event':
      return s.tap.onEngineEvent(m.e);
    case 'turn':
      return s.tap.onTurn(m.t);
    case 'end':
      sessions.delete(m.sid);
      try {
        send({ k: 'report', sid: m.sid, report: s.session.report(m.end) });
      } catch (e) {
        send({ k: 'report', sid: m.sid, error: (e as Error).message });
      }
      return;
  }
}

port.on('message', (batch: ToWorkerBatch) => {
  for (const m of batch.msgs) {
    try {
      handle(m, batch.audio);
    } catch (e) {
      // one session's broken input must not stop the others' coaching
      if (m.k === 'end') send({ k: 'report', sid: m.sid, error: (e as Error).message });
    }
  }
});

setInterval(() => {
  for (const s of sessions.values()) {
    try {
      s.session.live.tick(now(s));
    } catch {
      /* a tick that fails is skipped; the next one tries again */
    }
  }
}, 1000);
