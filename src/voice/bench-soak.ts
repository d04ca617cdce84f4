/**
 * Voice soak (`salesgym bench --only voice-soak`; not in the default run, it takes 30 minutes): does the server's
 * memory stay flat over a 30-minute practice call? The app runs in its own process (bench-server.ts) with the
 * offline cascade engine (Silero VAD, offline brain, espeak-ng voice), the database in files under DATA_DIR and the
 * V8 flags of `npm start` (SERVER_NODE_FLAGS); clients stream real espeak-ng Hebrew speech
 * at real-time pace with browser transcripts, like the voice section's offline client. Every minute the server is
 * GC'd and its RSS, heap, external + array buffers and live sessions are sampled; the growth slope is a
 * least-squares fit over the minutes after the warm-up.
 *
 * The offline customer ends a call by itself after MAX_TURNS (40) agent turns or when its patience runs out, so no
 * single call holds 30 minutes of back-to-back turns. Clients therefore come in two kinds (alternating):
 *  - long call: one session for the whole soak, its turns spread evenly (~36 turns; the mic streams silence between
 *    them, as a browser does) — the session-lifetime path: VAD, recorder, coaching taps, transcript, timelines;
 *  - back-to-back: turns without pause, a new session whenever the customer ends one — the per-call path
 *    (sessions created, ended and released).
 * The bench configures the call length the normal way: the manager creates a scenario with a time limit longer
 * than the soak (the scenario API allows up to 60 min), and a super admin raises the company's simulation minutes.
 *
 * SALESGYM_SOAK_MINUTES (default 30; --quick 3) and SALESGYM_SOAK_SESSIONS (default 4) size the run.
 */
import path from 'node:path';
import type { BenchResult } from '../cli/bench.ts';
import { summarize } from '../cli/bench.ts';
import { toolPath } from '../testing/tools.ts';
import { speakHebrew, startServer, type ServerProc, type ServerStats, type Utterance } from './bench.ts';
import { WireClient } from './wire-client.ts';

const FRAME = 960; // 40 ms at 24 kHz
const MB = 1024 * 1024;
/** Agent turns a long call spreads over the soak: under the offline brain's 40-turn limit. */
const LONG_CALL_TURNS = 36;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** A good agent: the reason for the call first, then discovery, acknowledgement and value — no close, no goodbye. */
const LINES = [
  'שלום, מדבר מיכאל ממגן ביטוחים. אני מתקשר כי השארת פרטים לבדיקת התיק הביטוחי שלך. יש לך שתי דקות?',
  'מעולה, תודה. ספרי לי, מה גרם לך להשאיר פרטים דווקא עכשיו?',
  'הבנתי, תודה שסיפרת. איך את מבוטחת היום, ומתי בדקת את התיק בפעם האחרונה?',
  'אני מבין. מה הכי חשוב לך שהביטוח יכסה בשביל המשפחה?',
  'הגיוני. ואיך הייתה החוויה שלך כשהיה צריך להגיש תביעה?',
  'אני שומע שהשירות חשוב לך. ספרי לי עוד על מה שהפריע לך בפעם ההיא.',
  'שאלה טובה. אנחנו משווים בין שש חברות ביטוח ומבטלים כפילויות, כך שאת משלמת רק על מה שאת צריכה. זה עונה על מה ששאלת?',
  'בקצרה: סוכן אישי קבוע מטפל בתביעה מול החברה במקומך, בלי עלות נוספת. מה עוד חשוב לך לדעת?',
  'אני מבין את החשש, שמעת הרבה הצעות. מה היה עוזר לך להרגיש בנוח עם הבדיקה?',
  'ומי עוד שותף להחלטות האלה אצלכם בבית?',
  'מה הכי מדאיג אותך כשאת חושבת על הכיסוי של הילדים?',
  'אמרת שהטיפול בתביעה חשוב לך. איך היית רוצה שזה ייראה כשקורה משהו?',
  'הבנתי. ומה היה קורה לכיסוי שלכם אם תחליפי מקום עבודה?',
  'תודה, זה עוזר לי להבין. ואיך אתם מתנהלים היום מול חברת הביטוח?',
];

function synthesize(): Utterance[] {
  if (!toolPath('espeak-ng')) throw new Error('the voice soak needs espeak-ng (apt-get install espeak-ng): it streams real speech');
  return speakHebrew(LINES).map((u) => {
    // whole 40 ms frames only: a shorter last frame is a bad frame on the wire
    const pcm = new Int16Array(Math.ceil(u.pcm.length / FRAME) * FRAME);
    pcm.set(u.pcm);
    return { ...u, pcm };
  });
}

// ── measurement ────────────────────────────────────────────────────────────────

type Stats = ServerStats & { external: number; arrayBuffers: number; heapTotal?: number; workerHeapUsed?: number; newSpace?: number; workerNewSpace?: number };

/** Server memory after a forced GC, `minute` minutes into the soak. */
export interface MemorySample {
  minute: number;
  rssMb: number;
  heapMb: number;
  /** Of heapMb, the coaching worker's heap. */
  workerHeapMb: number;
  /** V8 external memory, array buffers included (Buffers, typed arrays, PGlite's WASM memory and ONNX). */
  externalMb: number;
  arrayBuffersMb: number;
  /** V8 heaps committed (the main thread's and the coaching worker's): what the heaps hold of RSS. */
  heapTotalMb: number;
  /** Of heapTotalMb, V8's young generations (semi-spaces that grow with the allocation rate). */
  newSpaceMb: number;
  /** Of newSpaceMb, the coaching worker's. */
  workerNewSpaceMb: number;
  live: number;
}

async function sample(server: ServerProc, t0: number): Promise<MemorySample> {
  await server.gc();
  const s = (await server.stats()) as Stats;
  return { minute: (performance.now() - t0) / 60_000, rssMb: s.rss / MB, heapMb: s.heapUsed / MB, workerHeapMb: (s.workerHeapUsed ?? 0) / MB, externalMb: s.external / MB, arrayBuffersMb: s.arrayBuffers / MB, heapTotalMb: (s.heapTotal ?? 0) / MB, newSpaceMb: (s.newSpace ?? 0) / MB, workerNewSpaceMb: (s.workerNewSpace ?? 0) / MB, live: s.live };
}

/** Least-squares slope of y over x (units of y per unit of x); NaN with fewer than two distinct x. */
export function leastSquaresSlope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx === 0 ? NaN : sxy / sxx;
}

/** Growth slopes in MB per 10 minutes over the samples from `warmupMin` on (what the soak's targets read). */
export function memoryGrowth(samples: readonly MemorySample[], warmupMin: number) {
  const fit = samples.filter((s) => s.minute >= warmupMin - 0.1);
  const per10 = (pick: (s: MemorySample) => number) => leastSquaresSlope(fit.map((s) => [s.minute, pick(s)] as const)) * 10;
  return {
    samples: fit.length,
    heap: per10((s) => s.heapMb),
    rss: per10((s) => s.rssMb),
    external: per10((s) => s.externalMb),
    /** RSS outside V8's external memory: heap, the VAD worker, native allocations. */
    rssMinusExternal: per10((s) => s.rssMb - s.externalMb),
    /** RSS outside V8 (external memory and the committed heaps): native allocations, thread stacks, code. */
    native: per10((s) => s.rssMb - s.externalMb - s.heapTotalMb),
  };
}

// ── the HTTP set-up ────────────────────────────────────────────────────────────

async function login(base: string, email: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'salesgym-demo' }) });
  const c = r.headers.get('set-cookie')?.match(/sg_session=[^;]+/)?.[0];
  if (!c) throw new Error(`login of ${email} failed: ${r.status}`);
  return c;
}

async function api<T>(base: string, cookie: string, method: string, url: string, body?: unknown, expect = 200): Promise<T> {
  const r = await fetch(`${base}${url}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (r.status !== expect) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/**
 * The demo company gets a scenario longer than the soak (created by its manager through the scenario API) and
 * enough simulation minutes (raised by the platform owner). Returns the agent's cookie and the scenario id.
 */
async function prepare(base: string, minutes: number, sessions: number): Promise<{ cookie: string; scenarioId: string; timeLimitSec: number }> {
  const manager = await login(base, 'manager@demo.salesgym.dev');
  const { company } = await api<{ company: { id: string } }>(base, manager, 'GET', '/api/me');
  const timeLimitSec = Math.min(3600, Math.ceil(minutes * 60 + 600));
  const { scenario } = await api<{ scenario: { id: string } }>(base, manager, 'POST', `/api/companies/${company.id}/scenarios`, {
    type: 'discovery',
    level: 'foundation',
    language: 'he',
    name: `שיחה ארוכה (${Math.round(timeLimitSec / 60)} דקות)`,
    timeLimitSec,
    personaOverrides: { patience: 1 },
  }, 201);
  const owner = await login(base, 'owner@demo.salesgym.dev');
  await api(base, owner, 'PATCH', `/api/companies/${company.id}`, { simMinutesPerMonth: Math.ceil(sessions * (minutes + 5) * 2) + 60 });
  return { cookie: await login(base, 'agent1@demo.salesgym.dev'), scenarioId: scenario.id, timeLimitSec };
}

// ── one client ─────────────────────────────────────────────────────────────────

interface ClientLog {
  kind: 'long' | 'back-to-back';
  sessions: number;
  turns: number;
  replies: number;
  /** Turn latency samples: minute into the soak, agent speech end → first customer audio byte at the client (ms). */
  latency: Array<[number, number]>;
  /** Why sessions ended before the soak did (end reason). */
  endedEarly: Record<string, number>;
  wireErrors: Record<string, number>;
  failures: string[];
}

/**
 * Sessions until `untilMs` (performance.now()): each turn streams one utterance at real-time pace, sends the
 * browser's final transcript at speech end, waits for the reply to arrive and play, then streams silence to the
 * end of its slot (`slotMs`; 0 = the next turn at once). A session the customer ends is replaced by a new one.
 */
async function soakClient(o: { base: string; cookie: string; scenarioId: string; speech: Utterance[]; t0: number; untilMs: number; slotMs: number; seed: number; log: ClientLog }): Promise<void> {
  const { log } = o;
  while (performance.now() < o.untilMs - 15_000) {
    const created = await api<{ simulation: { id: string } }>(o.base, o.cookie, 'POST', '/api/simulations', { scenarioId: o.scenarioId, language: 'he', mode: 'voice', seed: o.seed + log.sessions }, 201);
    log.sessions++;
    const c = await WireClient.connect(`${o.base.replace('http', 'ws')}/api/simulations/${created.simulation.id}/socket`, o.cookie);
    // what the listeners saw (an object: the loop reads what the callbacks write)
    const seen = { ended: null as string | null, outcome: '', finals: 0, item: null as string | null, firstAudioAt: null as number | null, audioMs: 0 };
    c.onMessage((m) => {
      if (m.type === 'ended') {
        seen.ended = m.reason;
        seen.outcome = m.outcome;
      }
      else if (m.type === 'customer_transcript_final') seen.finals++;
      else if (m.type === 'customer_turn_started') seen.item = m.itemId;
      else if (m.type === 'error') log.wireErrors[m.code] = (log.wireErrors[m.code] ?? 0) + 1;
    });
    c.onAudio((bytes, at) => {
      seen.firstAudioAt ??= at;
      seen.audioMs += bytes.byteLength / 48;
    });
    void c.closed.then(() => (seen.ended ??= 'socket closed'));
    const silence = new Int16Array(FRAME);
    let next = performance.now();
    const tick = async (pcm: Int16Array) => {
      c.sendAudio(pcm);
      next += 40;
      if (next < performance.now() - 500) next = performance.now(); // a stalled client resumes at real time, no burst
      await sleep(next - performance.now());
    };
    try {
      c.send({ type: 'start', v: 1, mode: 'voice', agentTranscripts: 'browser' });
      await c.waitFor('ready', () => true, 60_000);
      next = performance.now();
      let t = 0;
      for (; !seen.ended && performance.now() < o.untilMs; t++) {
        const slotEnd = performance.now() + o.slotMs;
        const u = o.speech[t % o.speech.length];
        const before = seen.finals;
        seen.firstAudioAt = null;
        seen.audioMs = 0;
        let speechEndAt = 0;
        for (let i = 0; i < u.pcm.length && !seen.ended; i += FRAME) {
          await tick(u.pcm.subarray(i, Math.min(u.pcm.length, i + FRAME)));
          if (i + FRAME >= u.speechEndSample && speechEndAt === 0) {
            speechEndAt = performance.now() - ((i + FRAME - u.speechEndSample) / 24_000) * 1000;
            c.send({ type: 'agent_transcript', text: u.text, final: true, lang: 'he-IL' });
          }
        }
        log.turns++;
        const deadline = performance.now() + 20_000;
        const replied = () => seen.finals > before && seen.firstAudioAt !== null;
        while (!seen.ended && performance.now() < deadline) {
          if (replied() && performance.now() > seen.firstAudioAt! + seen.audioMs + 300) break;
          await tick(silence);
        }
        if (replied()) {
          log.replies++;
          log.latency.push([(speechEndAt - o.t0) / 60_000, seen.firstAudioAt! - speechEndAt]);
          if (seen.item && !seen.ended) c.send({ type: 'playback_position', itemId: seen.item, playedMs: Math.round(seen.audioMs) });
        }
        while (!seen.ended && performance.now() < Math.min(slotEnd, o.untilMs)) await tick(silence);
      }
      if (seen.ended) {
        const why = `${seen.ended}${seen.outcome ? ` (${seen.outcome})` : ''} after ${t} turns`;
        log.endedEarly[why] = (log.endedEarly[why] ?? 0) + 1;
      }
      else c.send({ type: 'end' });
      await Promise.race([c.closed, sleep(5000)]);
    } catch (e) {
      log.failures.push((e as Error).message);
      await c.close();
      await sleep(1000);
    }
  }
}

// ── the section ────────────────────────────────────────────────────────────────

/** Heap growth target after the warm-up (MB per 10 min, whole server). */
export const HEAP_TARGET_MB_PER_10MIN = 1;
/**
 * Growth target for the server's whole RSS (MB per 10 min). The soak's server keeps its database in files, as
 * `npm start` does, so stored turns and events are not server memory.
 */
export const RSS_TARGET_MB_PER_10MIN = 2;

/** The `voice-soak` bench section. */
export async function benchVoiceSoak({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const minutes = Number(process.env.SALESGYM_SOAK_MINUTES ?? (quick ? 3 : 30));
  const n = Number(process.env.SALESGYM_SOAK_SESSIONS ?? 4);
  if (!(minutes >= 1) || !(n >= 1)) throw new Error('SALESGYM_SOAK_MINUTES and SALESGYM_SOAK_SESSIONS must be numbers ≥ 1');
  const warmup = Math.min(5, Math.max(1, Math.floor(minutes / 3)));
  const speech = synthesize();
  // SALESGYM_BENCH_HEAP_SNAPSHOTS=DIR: heap snapshots of the server (both threads) at the end of the warm-up and at
  // the last minute, to diff what the heap gained (open both in Chrome DevTools, "Comparison")
  const snapshots = process.env.SALESGYM_BENCH_HEAP_SNAPSHOTS;
  const progress = (s: string) => process.stderr.write(`[voice-soak] ${s}\n`);
  const server = await startServer({ SALESGYM_BENCH_DB: 'files' });
  try {
    const { cookie, scenarioId, timeLimitSec } = await prepare(server.base, minutes, n);
    // warm-up call: Silero, espeak-ng and the persona engine loaded before anything is measured
    const warm: ClientLog = { kind: 'back-to-back', sessions: 0, turns: 0, replies: 0, latency: [], endedEarly: {}, wireErrors: {}, failures: [] };
    const w0 = performance.now();
    await soakClient({ base: server.base, cookie, scenarioId, speech, t0: w0, untilMs: w0 + 35_000, slotMs: 0, seed: 999, log: warm });
    const idle = await sample(server, performance.now());
    progress(`idle after a warm-up call: heap ${round(idle.heapMb, 1)} MB, RSS ${round(idle.rssMb, 1)} MB; ${n} sessions for ${minutes} min`);

    const t0 = performance.now();
    const untilMs = t0 + minutes * 60_000;
    const logs: ClientLog[] = Array.from({ length: n }, (_, i) => ({ kind: i % 2 === 0 ? 'long' : 'back-to-back', sessions: 0, turns: 0, replies: 0, latency: [], endedEarly: {}, wireErrors: {}, failures: [] }));
    const longSlotMs = (minutes * 60_000) / LONG_CALL_TURNS;
    const clients = logs.map((log, i) =>
      sleep(i * 300).then(() => soakClient({ base: server.base, cookie, scenarioId, speech, t0, untilMs, slotMs: log.kind === 'long' ? longSlotMs : 0, seed: 1000 * (i + 1), log })),
    );
    const samples: MemorySample[] = [];
    const sampler = (async () => {
      for (let m = 1; m <= minutes; m++) {
        await sleep(t0 + m * 60_000 - 2_000 - performance.now()); // just before the clients wind down at the end
        const s = await sample(server, t0);
        samples.push(s);
        const turns = logs.reduce((a, l) => a + l.turns, 0);
        if (snapshots && (m === warmup || m === minutes)) await server.heapSnapshot(path.join(snapshots, `soak-min${m}`));
        progress(`min ${round(s.minute, 1)}: heap ${round(s.heapMb, 1)} MB (worker ${round(s.workerHeapMb, 1)}, committed ${round(s.heapTotalMb, 1)} of which young ${round(s.newSpaceMb, 1)}, worker's ${round(s.workerNewSpaceMb, 1)}), RSS ${round(s.rssMb, 1)} MB, external ${round(s.externalMb, 1)} MB (array buffers ${round(s.arrayBuffersMb, 1)}), RSS outside V8 ${round(s.rssMb - s.externalMb - s.heapTotalMb, 1)} MB, live ${s.live}, turns ${turns}`);
      }
    })();
    await Promise.all([...clients, sampler]);
    await sleep(2000);
    const after = await sample(server, t0);
    progress(`after every session ended: heap ${round(after.heapMb, 1)} MB, RSS ${round(after.rssMb, 1)} MB, live ${after.live}`);
    return report({ minutes, n, warmup, timeLimitSec, idle, samples, after, logs, warm, longSlotMs });
  } finally {
    await server.stop();
  }
}

function report(r: { minutes: number; n: number; warmup: number; timeLimitSec: number; idle: MemorySample; samples: MemorySample[]; after: MemorySample; logs: ClientLog[]; warm: ClientLog; longSlotMs: number }): BenchResult[] {
  const g = memoryGrowth(r.samples, r.warmup);
  const { heap, rss, external: ext, rssMinusExternal: native, native: outsideV8 } = g;
  const first = r.samples[0];
  const last = r.samples[r.samples.length - 1];
  const lives = r.samples.map((s) => s.live);
  const series = (pick: (s: MemorySample) => number) => r.samples.map((s) => round(pick(s), 1)).join(' ');
  const window = `least-squares over min ${r.warmup}..${r.minutes} (${g.samples} samples after forced GC)`;
  const setup = `${r.n} sessions (${r.logs.filter((l) => l.kind === 'long').length} long calls, a turn every ${round(r.longSlotMs / 1000, 0)} s; ${r.logs.filter((l) => l.kind !== 'long').length} back-to-back) for ${r.minutes} min, espeak-ng Hebrew at real-time pace, browser transcripts, offline brain + espeak-ng; scenario time limit ${r.timeLimitSec / 60} min`;
  const all = [...r.logs];
  const turns = all.reduce((a, l) => a + l.turns, 0);
  const replies = all.reduce((a, l) => a + l.replies, 0);
  const sessions = all.reduce((a, l) => a + l.sessions, 0);
  const ended: Record<string, number> = {};
  const wire: Record<string, number> = {};
  for (const l of all) {
    for (const [k, v] of Object.entries(l.endedEarly)) ended[`${l.kind}:${k}`] = (ended[`${l.kind}:${k}`] ?? 0) + v;
    for (const [k, v] of Object.entries(l.wireErrors)) wire[k] = (wire[k] ?? 0) + v;
  }
  const failures = all.flatMap((l) => l.failures);
  const wireCount = Object.values(wire).reduce((a, b) => a + b, 0);
  const lat = all.flatMap((l) => l.latency);
  const third = r.minutes / 3;
  const early = summarize(lat.filter(([m]) => m < third).map(([, v]) => v));
  const late = summarize(lat.filter(([m]) => m >= 2 * third).map(([, v]) => v));
  const fmtMap = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k} ×${v}`).join(', ') || 'none';
  const longLogs = r.logs.filter((l) => l.kind === 'long');
  return [
    {
      section: 'voice-soak', name: 'server heap growth after warm-up', unit: 'MB/10 min', value: round(heap, 3),
      target: `< ${HEAP_TARGET_MB_PER_10MIN} MB/10 min`, pass: heap < HEAP_TARGET_MB_PER_10MIN,
      notes: `${window}; heapUsed MB by minute: ${series((s) => s.heapMb)}; ${setup}`,
    },
    {
      section: 'voice-soak', name: 'server RSS growth after warm-up', unit: 'MB/10 min', value: round(rss, 3),
      target: `< ${RSS_TARGET_MB_PER_10MIN} MB/10 min`, pass: rss < RSS_TARGET_MB_PER_10MIN,
      notes: `${window}; RSS MB by minute: ${series((s) => s.rssMb)} (the whole server process: both V8 heaps, the VAD worker, native memory; the database is PGlite in files under DATA_DIR, as \`npm start\` runs it)`,
    },
    {
      section: 'voice-soak', name: 'server RSS outside V8 (RSS − external − committed heaps), growth after warm-up', unit: 'MB/10 min', value: round(outsideV8, 3),
      notes: `${window}; by minute: ${series((s) => s.rssMb - s.externalMb - s.heapTotalMb)}; committed V8 heaps (main + coaching worker) by minute: ${series((s) => s.heapTotalMb)}, of which young generations: ${series((s) => s.newSpaceMb)}`,
    },
    {
      section: 'voice-soak', name: 'server RSS minus external memory, growth after warm-up', unit: 'MB/10 min', value: round(native, 3),
      notes: `${window}; RSS − external MB by minute: ${series((s) => s.rssMb - s.externalMb)}`,
    },
    {
      section: 'voice-soak', name: 'server external memory growth after warm-up', unit: 'MB/10 min', value: round(ext, 3),
      notes: `${window}; external MB by minute (array buffers included): ${series((s) => s.externalMb)}; array buffers: ${series((s) => s.arrayBuffersMb)}`,
    },
    { section: 'voice-soak', name: 'server heap (min 1 → end)', unit: 'MB', value: round(last.heapMb, 1), baseline: { name: 'min 1', value: round(first.heapMb, 1) }, notes: `idle after the warm-up call ${round(r.idle.heapMb, 1)} MB; after every session ended ${round(r.after.heapMb, 1)} MB (${r.after.live} live)` },
    { section: 'voice-soak', name: 'server RSS (min 1 → end)', unit: 'MB', value: round(last.rssMb, 1), baseline: { name: 'min 1', value: round(first.rssMb, 1) }, notes: `idle after the warm-up call ${round(r.idle.rssMb, 1)} MB; after every session ended ${round(r.after.rssMb, 1)} MB; live sessions at the samples ${Math.min(...lives)}..${Math.max(...lives)}` },
    {
      section: 'voice-soak', name: 'soak turns (agent turns answered)', unit: 'turns', value: replies, samples: turns,
      notes: `${turns} agent turns, ${replies} answered with audio, ${sessions} sessions; long calls: ${longLogs.map((l) => `${l.sessions} session(s), ${l.turns} turns`).join('; ')}; sessions ended by the server before the soak did: ${fmtMap(ended)}`,
    },
    {
      section: 'voice-soak', name: 'soak turn latency (speech end → first audio byte)', unit: 'ms', ...summarize(lat.map(([, v]) => v)),
      notes: `first third median ${round(early.median, 0)} / p95 ${round(early.p95, 0)} ms (${early.samples}); last third median ${round(late.median, 0)} / p95 ${round(late.p95, 0)} ms (${late.samples})`,
    },
    {
      section: 'voice-soak', name: 'soak errors', unit: 'count', value: failures.length + wireCount, target: '0', pass: failures.length + wireCount === 0,
      notes: `client failures: ${failures.length ? failures.slice(0, 3).join(' | ') : 'none'}; wire error events: ${fmtMap(wire)}; ${turns - replies} turns without a reply`,
    },
  ];
}
