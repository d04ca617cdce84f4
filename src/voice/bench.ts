/**
 * Voice benchmark (`npm run bench -- --only voice`): concurrent practice calls over loopback WebSockets, the
 * server in its own process (so its CPU and memory are measured alone).
 *  1. offline: N sessions (default 50) stream espeak-ng speech at real-time pace against the cascade engine with
 *     the offline brain; turn latency = agent speech end → first customer audio byte at the client.
 *  2. relay: N sessions (default 100) against the fake Realtime server through our server, versus N clients
 *     talking to the fake directly: per-frame delay (fake sent → client received) and turn latency.
 * "At N sessions" means while all N are live and none has started to end; the end of the run, when every call
 * ends within a few seconds (a burst only a bench makes), is reported on its own line.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { BenchResult } from '../cli/bench.ts';
import { summarize } from '../cli/bench.ts';
import { startFakeRealtimeServer, synthSpeech } from '../testing/fake-realtime-server.ts';
import { toolPath } from '../testing/tools.ts';
import { decodeWav, pcm16Bytes, resampleInt16 } from './audio.ts';
import { WireClient } from './wire-client.ts';

const FRAME = 960; // 40 ms at 24 kHz
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

const LINES = [
  'שלום, מדבר יוסי מסוכנות הביטוח. יש לך דקה לשאלה קצרה?',
  'ספרי לי, מה הכי חשוב לך כשאת בוחרת ביטוח למשפחה?',
  'אני שומע שהמחיר חשוב לך. כמה את משלמת היום בערך?',
];

/** One agent utterance: 24 kHz samples and where the speech actually ends (trailing silence excluded). */
export interface Utterance {
  text: string;
  pcm: Int16Array;
  speechEndSample: number;
}

function utterances(): { list: Utterance[]; source: string } {
  if (!toolPath('espeak-ng')) {
    const pcm = synthSpeech(1800);
    return { list: [{ text: LINES[0], pcm, speechEndSample: pcm.length }], source: 'synthetic speech (espeak-ng missing)' };
  }
  return { list: speakHebrew(LINES), source: 'espeak-ng Hebrew' };
}

/** Agent lines spoken by espeak-ng in Hebrew at 24 kHz, each with where its speech ends (quiet tail excluded). */
export function speakHebrew(lines: readonly string[]): Utterance[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-'));
  try {
    return lines.map((text, i) => {
      const f = path.join(dir, `l${i}.wav`);
      execFileSync('espeak-ng', ['-v', 'he', '-s', '160', '-w', f, text]);
      const w = decodeWav(new Uint8Array(readFileSync(f)));
      const pcm = resampleInt16(w.samples, w.sampleRate, 24_000);
      let end = pcm.length;
      while (end > 0 && Math.abs(pcm[end - 1]) < 300) end--;
      return { text, pcm, speechEndSample: end };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ── the server process ─────────────────────────────────────────────────────────

export interface ServerStats {
  /** Event-loop delay since the previous stats call (ms). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  rss: number;
  heapUsed: number;
  cpu: { user: number; system: number };
  live: number;
}

export interface ServerProc {
  base: string;
  /** Tell the server the load is steady (starts its heap sampling when asked for). */
  steady(): void;
  stats(): Promise<ServerStats>;
  gc(): Promise<void>;
  /** Writes heap snapshots of the server's threads to FILE.main.heapsnapshot and FILE.worker.heapsnapshot. */
  heapSnapshot(file: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * V8 flags the server runs with (`npm start` passes the same, see package.json): semi-spaces of at most 8 MB
 * (V8's default on this machine is 16). V8 grows the main thread's young generation to its maximum in doublings
 * that come minutes into a steady load; from 8 to 16 MB semi-spaces is a one-off 16 MB step of the server's RSS in
 * the middle of a call, which the soak reads as growth. With the cap the last doubling happens during the first
 * call. The relay's per-frame p99 with the cap is within the run-to-run spread of the bench (README, figures).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'];

/** Forks bench-server.ts (the app alone in its own process) and talks to it over IPC. */
export async function startServer(env: Record<string, string>): Promise<ServerProc> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-server.ts');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-data-'));
  const child: ChildProcess = fork(script, [], {
    // SALESGYM_BENCH_CPU_PROF=DIR writes a V8 CPU profile of the server process there (open it in Chrome DevTools)
    // SALESGYM_BENCH_NODE_ARGS adds V8/Node flags to the server process (e.g. "--trace-gc"; its stdout is then shown)
    execArgv: ['--import', 'tsx', '--expose-gc', ...SERVER_NODE_FLAGS, ...(process.env.SALESGYM_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SALESGYM_BENCH_CPU_PROF}`] : []), ...(process.env.SALESGYM_BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ONNXRUNTIME_NODE_INSTALL: 'skip', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', TRANSCRIBE_BASE_URL: '', ...env },
    stdio: ['ignore', process.env.SALESGYM_BENCH_NODE_ARGS ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  const ask = <T>(type: string, extra: Record<string, unknown> = {}) =>
    new Promise<T>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off('message', on);
        resolve(m as T);
      };
      child.on('message', on);
      child.send({ type, ...extra });
    });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    child.on('message', (m: { type: string; port?: number }) => m.type === 'listening' && resolve(m.port!));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    steady: () => void child.send({ type: 'steady' }),
    stats: () => ask<ServerStats>('stats'),
    gc: () => ask<void>('gc'),
    heapSnapshot: (file: string) => ask<void>('snapshot', { file }),
    async stop() {
      child.send({ type: 'stop' });
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function login(base: string, email = 'agent1@demo.salesgym.dev'): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'salesgym-demo' }) });
  const c = r.headers.get('set-cookie')?.match(/sg_session=[^;]+/)?.[0];
  if (!c) throw new Error(`login failed: ${r.status}`);
  return c;
}

/**
 * How the customer takes the turn in a bench run: the product's default (the end-of-turn predictor with browser
 * transcripts) or the fixed silence window, asked for the way a manager would: a scenario with turn rhythm 'window'.
 */
export type TurnDetection = 'default' | 'window';

/** The demo company's discovery scenario with the given turn rhythm (created by its manager), or null for the catalogue's. */
async function benchScenario(base: string, detection: TurnDetection): Promise<string | null> {
  if (detection === 'default') return null;
  const cookie = await login(base, 'manager@demo.salesgym.dev');
  const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as { user: { companyId: string } };
  const r = await fetch(`${base}/api/companies/${me.user.companyId}/scenarios`, {
    method: 'POST', headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'discovery', language: 'he', name: 'bench: fixed silence window', personaOverrides: { turnRhythm: 'window' } }),
  });
  if (r.status !== 201) throw new Error(`POST scenarios: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { scenario: { id: string } }).scenario.id;
}

async function createSession(base: string, cookie: string, scenarioId: string | null = null): Promise<{ id: string; silenceMs: number }> {
  const r = await fetch(`${base}/api/simulations`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(scenarioId ? { scenarioId, language: 'he', mode: 'voice' } : { scenarioType: 'discovery', language: 'he', mode: 'voice' }) });
  if (r.status !== 201) throw new Error(`POST /api/simulations: ${r.status} ${await r.text()}`);
  const { simulation } = (await r.json()) as { simulation: { id: string } };
  const d = (await (await fetch(`${base}/api/simulations/${simulation.id}`, { headers: { cookie } })).json()) as { turnTaking: { silenceMs: number } | null };
  return { id: simulation.id, silenceMs: d.turnTaking?.silenceMs ?? 700 };
}

// ── one client session ─────────────────────────────────────────────────────────

/** The server's own view of a turn (from turn_latency): end-of-turn detection, then committed → first audio sent. */
interface ServerGaps {
  turnId: string;
  endOfTurnMs: number;
  /** End-of-turn detection beyond the persona's silence window. */
  overWindowMs: number;
  toFirstAudioMs: number;
  /** Committed → first customer text (the brain). */
  toFirstTextMs: number | null;
}

interface TurnSample {
  latencyMs: number;
  silenceMs: number;
  /** The agent stopped speaking while every session was live (after the ramp-up of session creation). */
  steady: boolean;
}

interface ClientResult {
  turns: TurnSample[];
  /** Per-frame delays while every session was live and none was ending. */
  frameDelays: number[];
  /** Per-frame delays once sessions had started to end (their end-of-call work runs then). */
  endingDelays: number[];
  server: ServerGaps[];
  error?: string;
}

/**
 * Streams each utterance at real-time pace, then silence until the customer's reply has arrived and "played";
 * reports turn latencies and (relay) per-frame delays.
 */
async function runClient(o: {
  base: string;
  cookie: string;
  /** A company scenario to practise (null: the catalogue's discovery scenario). */
  scenarioId?: string | null;
  speech: Utterance[];
  turns: number;
  browserTranscripts: boolean;
  frameSentAt?: Map<string, number[]>;
  onLive?: () => void;
  /** Silence streamed before the first utterance (ms): independent calls are not in step with each other. */
  phaseMs?: number;
  /** Index of the first utterance (the others follow in order). */
  first?: number;
  /** Frame delays count only while this says the load is steady (every session live, none ending yet). */
  steady?: () => boolean;
  /** Says that sessions are ending: frame delays then count apart (the end-of-call burst). */
  ending?: () => boolean;
  /** Called just before this session asks to end. */
  onEnding?: () => void;
}): Promise<ClientResult> {
  const { id, silenceMs } = await createSession(o.base, o.cookie, o.scenarioId ?? null);
  const c = await WireClient.connect(`${o.base.replace('http', 'ws')}/api/simulations/${id}/socket`, o.cookie);
  const turns: TurnSample[] = [];
  const frameDelays: number[] = [];
  const endingDelays: number[] = [];
  let item: string | null = null;
  let k = 0;
  let firstAudioAt: number | null = null;
  let audioMs = 0;
  c.onMessage((m) => {
    if (m.type === 'customer_turn_started') {
      item = m.itemId;
      k = 0;
    }
  });
  c.onAudio((bytes, at) => {
    firstAudioAt ??= at;
    audioMs += bytes.byteLength / 48;
    const sent = item ? o.frameSentAt?.get(item)?.[k++] : undefined;
    if (sent === undefined) return;
    if (o.steady?.() ?? true) frameDelays.push(at - sent);
    else if (o.ending?.()) endingDelays.push(at - sent);
  });
  const server: ServerGaps[] = [];
  c.onMessage((m) => {
    if (m.type !== 'turn_latency') return;
    const tl = m.timeline;
    const end = tl.agentSpeechEndMs ?? tl.turnCommittedMs;
    if (end === null || tl.turnCommittedMs === null || tl.firstCustomerAudioSentMs === null) return;
    if (server.some((x) => x.turnId === m.turnId)) return;
    server.push({
      turnId: m.turnId,
      endOfTurnMs: tl.turnCommittedMs - end,
      overWindowMs: tl.turnCommittedMs - end - silenceMs,
      toFirstAudioMs: tl.firstCustomerAudioSentMs - tl.turnCommittedMs,
      toFirstTextMs: tl.firstCustomerTextMs === null ? null : tl.firstCustomerTextMs - tl.turnCommittedMs,
    });
  });
  try {
    c.send({ type: 'start', v: 1, mode: 'voice', agentTranscripts: o.browserTranscripts ? 'browser' : 'server' });
    await c.waitFor('ready', () => true, 60_000);
    o.onLive?.();
    const silence = new Int16Array(FRAME);
    let at = performance.now();
    for (let ms = 0; ms < (o.phaseMs ?? 0); ms += 40) {
      c.sendAudio(silence);
      at += 40;
      await sleep(at - performance.now());
    }
    for (let t = 0; t < o.turns; t++) {
      const u = o.speech[(t + (o.first ?? 0)) % o.speech.length];
      const finals = c.of('customer_transcript_final').length;
      firstAudioAt = null;
      audioMs = 0;
      let speechEndAt = 0;
      let steadyAtEnd = false;
      let next = performance.now();
      for (let i = 0; i < u.pcm.length; i += FRAME) {
        c.sendAudio(u.pcm.subarray(i, Math.min(u.pcm.length, i + FRAME)));
        if (i + FRAME >= u.speechEndSample && speechEndAt === 0) {
          speechEndAt = performance.now() - ((i + FRAME - u.speechEndSample) / 24_000) * 1000;
          steadyAtEnd = o.steady?.() ?? true;
          if (o.browserTranscripts) c.send({ type: 'agent_transcript', text: u.text, final: true, lang: 'he-IL' });
        }
        next += 40;
        await sleep(next - performance.now());
      }
      // silence until the reply is complete and has had time to play
      const deadline = performance.now() + 20_000;
      for (;;) {
        const replied = c.of('customer_transcript_final').length > finals && firstAudioAt !== null;
        if (replied && performance.now() > firstAudioAt! + audioMs + 300) break;
        if (performance.now() > deadline || c.of('ended').length) break;
        c.sendAudio(silence);
        next += 40;
        await sleep(next - performance.now());
      }
      if (firstAudioAt !== null) {
        if (item) c.send({ type: 'playback_position', itemId: item, playedMs: Math.round(audioMs) });
        turns.push({ latencyMs: (firstAudioAt as number) - speechEndAt, silenceMs, steady: steadyAtEnd });
      }
      if (c.of('ended').length) break;
    }
    o.onEnding?.();
    c.send({ type: 'end' });
    await Promise.race([c.closed, sleep(5000)]);
    return { turns, frameDelays, endingDelays, server };
  } catch (e) {
    o.onEnding?.();
    await c.close();
    return { turns, frameDelays, endingDelays, server, error: (e as Error).message };
  }
}

/** A client speaking the Realtime protocol to the fake directly (the baseline without our relay). */
async function runDirect(url: string, speech: Utterance[], turns: number, frameSentAt: Map<string, number[]>, steady: () => boolean, silenceMs: number, phaseMs = 0, first = 0, onEnding?: () => void): Promise<{ turns: number[]; frameDelays: number[] }> {
  const ws = new WebSocket(`${url}/realtime?model=gpt-realtime`, { headers: { Authorization: 'Bearer sk-bench' }, perMessageDeflate: false });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const delays: number[] = [];
  const latencies: number[] = [];
  let item: string | null = null;
  let k = 0;
  let firstAt: number | null = null;
  let done = 0;
  let speechEndAt = 0;
  let answering = false;
  ws.on('message', (raw) => {
    const at = performance.now();
    const ev = JSON.parse(raw.toString()) as { type: string; item_id?: string };
    if (ev.type === 'response.created') answering = speechEndAt > 0; // a reply to the finished utterance
    if (ev.type === 'response.output_audio.delta') {
      if (ev.item_id !== item) {
        item = ev.item_id!;
        k = 0;
      }
      if (answering) firstAt ??= at;
      const sent = frameSentAt.get(item)?.[k++];
      if (sent !== undefined && steady()) delays.push(at - sent);
    } else if (ev.type === 'response.done') done++;
  });
  ws.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', instructions: 'bench', output_modalities: ['audio'], audio: { input: { turn_detection: { type: 'server_vad', silence_duration_ms: silenceMs } } } } }));
  const silence = Buffer.alloc(FRAME * 2).toString('base64');
  let at = performance.now();
  for (let ms = 0; ms < phaseMs; ms += 40) {
    ws.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: silence }));
    at += 40;
    await sleep(at - performance.now());
  }
  for (let t = 0; t < turns; t++) {
    const u = speech[(t + first) % speech.length];
    const before = done;
    firstAt = null;
    speechEndAt = 0;
    answering = false;
    let next = performance.now();
    for (let i = 0; i < u.pcm.length; i += FRAME) {
      const part = u.pcm.subarray(i, Math.min(u.pcm.length, i + FRAME));
      ws.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: Buffer.from(pcm16Bytes(part)).toString('base64') }));
      if (i + FRAME >= u.speechEndSample && speechEndAt === 0) speechEndAt = performance.now() - ((i + FRAME - u.speechEndSample) / 24_000) * 1000;
      next += 40;
      await sleep(next - performance.now());
    }
    const deadline = performance.now() + 20_000;
    while ((done === before || firstAt === null) && performance.now() < deadline) {
      ws.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: silence }));
      next += 40;
      await sleep(next - performance.now());
    }
    if (firstAt !== null) latencies.push(firstAt - speechEndAt);
  }
  onEnding?.();
  ws.close();
  return { turns: latencies, frameDelays: delays };
}

// ── sections ───────────────────────────────────────────────────────────────────

const MB = 1024 * 1024;
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** Runs `n` clients at once; measures server CPU over the run and memory while all are live. */
async function load(
  server: ServerProc,
  n: number,
  client: (onLive: () => void, steady: () => boolean, i: number, ending: { now: () => boolean; begin: () => void }) => Promise<ClientResult>,
) {
  await server.gc();
  const base = await server.stats();
  let live = 0;
  let steady = false;
  let ended = 0;
  let firstEndAt = 0;
  let paused = false;
  let peak: ServerStats | null = null;
  let resolveAll!: () => void;
  const allLive = new Promise<void>((r) => (resolveAll = r));
  const t0 = performance.now();
  const runs = Array.from({ length: n }, (_, i) =>
    sleep(i * 20).then(() =>
      client(
        () => {
          if (++live === n) resolveAll();
        },
        // steady: every session live, none ending, and not inside the memory reading's forced collection
        () => steady && ended === 0 && !paused,
        i,
        { now: () => steady && ended > 0, begin: () => void (ended++ === 0 && (firstEndAt = performance.now())) },
      ),
    ),
  );
  const measured = allLive.then(async () => {
    steady = true;
    server.steady();
    await sleep(1500);
    // memory is read after a forced full collection (tens of ms with every session live): a pause of the
    // measurement's own making, so samples stop during it and until the frames it held up have arrived
    paused = true;
    await server.gc();
    peak = await server.stats();
    await sleep(250);
    paused = false;
  });
  const results = await Promise.all(runs);
  const endSpanMs = firstEndAt ? performance.now() - firstEndAt : 0;
  steady = false;
  await Promise.race([measured, sleep(1000)]);
  const wallSec = (performance.now() - t0) / 1000;
  const end = await server.stats();
  const loop = `server event-loop delay p99 ${round(end.loopDelayP99Ms, 1)} ms, max ${round(end.loopDelayMaxMs, 1)} ms`;
  const cpuMs = (end.cpu.user + end.cpu.system - base.cpu.user - base.cpu.system) / 1000;
  const p = (peak ?? end) as ServerStats;
  return {
    results,
    errors: results.filter((r) => r.error).map((r) => r.error!),
    memPerSessionMb: (p.rss - base.rss) / MB / Math.max(1, p.live),
    heapPerSessionMb: (p.heapUsed - base.heapUsed) / MB / Math.max(1, p.live),
    liveAtPeak: p.live,
    /** From the first session asking to end to the last one closed (ms). */
    endSpanMs,
    cpuPctPerSession: (cpuMs / (wallSec * 1000) / n) * 100,
    loop,
  };
}

/**
 * Where each session is in its own call when the measurement starts: spread over one turn cycle by the golden
 * ratio (even, deterministic), as independent calls are. `aligned`: every session in step (the worst case: all
 * turns end within the same second, 20 ms apart).
 */
const phase = (i: number, aligned: boolean, cycleMs: number) => (aligned ? 0 : ((i * 0.6180339887) % 1) * cycleMs);

async function offlineSection(n: number, turns: number, speech: { list: Utterance[]; source: string }, aligned = false, detection: TurnDetection = 'default'): Promise<BenchResult[]> {
  const server = await startServer({});
  try {
    const cookie = await login(server.base);
    const scenarioId = await benchScenario(server.base, detection);
    // warm-up: load Silero, espeak-ng and the persona engine once before measuring
    await runClient({ base: server.base, cookie, scenarioId, speech: speech.list, turns: 1, browserTranscripts: true });
    const cycleMs = 7000; // ≈ one agent line + the silence window + the customer's reply
    const r = await load(server, n, (onLive, steady, i, ending) =>
      runClient({ base: server.base, cookie, scenarioId, speech: speech.list, turns, browserTranscripts: true, onLive, steady, onEnding: ending.begin, phaseMs: phase(i, aligned, cycleMs), first: aligned ? 0 : i % speech.list.length }),
    );
    const tag = `${aligned ? `@${n} aligned` : `@${n}`}${detection === 'window' ? ', fixed window (baseline)' : ', end-of-turn predictor (default)'}`;
    const gaps = r.results.flatMap((x) => x.server);
    const eot = summarize(gaps.map((g) => g.endOfTurnMs));
    const toAudio = summarize(gaps.map((g) => g.toFirstAudioMs));
    const toText = summarize(gaps.flatMap((g) => (g.toFirstTextMs === null ? [] : [g.toFirstTextMs])));
    const textToAudio = summarize(gaps.flatMap((g) => (g.toFirstTextMs === null ? [] : [g.toFirstAudioMs - g.toFirstTextMs])));
    const eotOver = summarize(gaps.map((g) => g.overWindowMs));
    const all = r.results.flatMap((x) => x.turns);
    // the target is read at steady load (every session live); turns that ended during the ramp-up are shown too
    const samples = all.filter((s) => s.steady);
    const lat = summarize(samples.map((s) => s.latencyMs));
    const over = summarize(samples.map((s) => s.latencyMs - s.silenceMs));
    const overAll = summarize(all.map((s) => s.latencyMs - s.silenceMs));
    const windows = [...new Set(all.map((s) => s.silenceMs))].sort((a, b) => a - b);
    const notes = `${n} sessions × ${turns} turns, ${speech.source}, browser transcripts, offline brain + espeak-ng; ${aligned ? 'all sessions in step (started 20 ms apart, same lines)' : `sessions at independent points of their calls (phases spread over ${cycleMs / 1000} s, lines rotated)`}; silence windows ${windows.join('/')} ms${r.errors.length ? `; ${r.errors.length} session errors: ${r.errors[0]}` : ''}`;
    const parts = `end-of-turn detection beyond the window median ${round(eotOver.median, 0)} / p95 ${round(eotOver.p95, 0)} ms; committed → first audio sent median ${round(toAudio.median, 0)} / p95 ${round(toAudio.p95, 0)} ms`;
    if (aligned) {
      return [{ section: 'voice', name: `offline turn latency beyond the silence window ${tag} (worst case: every turn ends in the same second)`, unit: 'ms', ...over, notes: `${samples.length} turns at steady load; ${parts}; ${notes}` }];
    }
    return [
      {
        section: 'voice', name: `offline turn latency ${tag} (speech end → first audio byte)`, unit: 'ms', ...lat, notes,
        ...(detection === 'default' && !aligned ? { target: 'p50 ≤ 300 ms, p95 ≤ 600 ms (issue 18)', pass: lat.median <= 300 && lat.p95 <= 600 } : {}),
      },
      {
        section: 'voice', name: `offline turn latency beyond the silence window ${tag}`, unit: 'ms', ...over,
        ...(detection === 'window' ? { target: '≤ 150 ms p95', pass: over.p95 <= 150 } : {}),
        notes: `turn latency minus the persona’s silence window, ${samples.length} turns at steady load; all ${all.length} turns incl. the ramp-up: median ${round(overAll.median, 0)} / p95 ${round(overAll.p95, 0)} / p99 ${round(overAll.p99, 0)} ms`,
      },
      {
        section: 'voice', name: `offline end-of-turn detection ${tag} (server: speech end → committed)`, unit: 'ms', ...eot,
        notes: `Silero VAD + the persona’s silence window; beyond the window median ${round(eotOver.median, 0)} / p95 ${round(eotOver.p95, 0)} ms`,
      },
      {
        section: 'voice', name: `offline reply start ${tag} (server: committed → first audio sent)`, unit: 'ms', ...toAudio,
        notes: `the reply is prepared during the agent's pause (brain + espeak-ng of the first sentence) and adopted at the commit; committed → first text median ${round(toText.median, 0)} / p95 ${round(toText.p95, 0)} ms, first text → first audio median ${round(textToAudio.median, 0)} / p95 ${round(textToAudio.p95, 0)} ms`,
      },
      { section: 'voice', name: `offline server memory per live session ${tag}`, unit: 'MB', value: round(r.memPerSessionMb), target: '< 5 MB', pass: r.memPerSessionMb < 5, notes: `RSS growth after GC with ${r.liveAtPeak} live; heap ${round(r.heapPerSessionMb)} MB/session` },
      { section: 'voice', name: `offline server CPU per session ${tag}`, unit: '% core', value: round(r.cpuPctPerSession), notes: `server process CPU over the run ÷ wall time ÷ sessions (VAD, brain, recording, coaching; espeak-ng runs in its own processes); ${r.loop}` },
    ];
  } finally {
    await server.stop();
  }
}

async function relaySection(n: number, turns: number, speech: { list: Utterance[]; source: string }): Promise<BenchResult[]> {
  const frameSentAt = new Map<string, number[]>();
  const fake = await startFakeRealtimeServer({
    apiKey: 'sk-bench',
    reply: () => ({ say: 'אני לא בטוחה שאני צריכה את זה, יש לי כבר ביטוח דרך העבודה, אבל תספר לי עוד.' }),
    msPerChar: 40,
    deltaMs: 40,
    deltaIntervalMs: 10,
    onSend: (ev, at) => {
      if (ev.type !== 'response.output_audio.delta') return;
      const list = frameSentAt.get(ev.item_id) ?? [];
      list.push(at);
      frameSentAt.set(ev.item_id, list);
    },
  });
  const server = await startServer({ OPENAI_API_KEY: 'sk-bench', OPENAI_REALTIME_URL: fake.url });
  try {
    const cookie = await login(server.base);
    await runClient({ base: server.base, cookie, speech: speech.list, turns: 1, browserTranscripts: false, frameSentAt });
    const cycleMs = 6000;
    // the load generator (clients + fake) shares the machine: its own event-loop delay bounds what can be resolved
    const ownLoop = monitorEventLoopDelay({ resolution: 5 });
    ownLoop.enable();
    const relay = await load(server, n, (onLive, steady, i, ending) =>
      runClient({ base: server.base, cookie, speech: speech.list, turns, browserTranscripts: false, frameSentAt, onLive, steady, ending: ending.now, onEnding: ending.begin, phaseMs: phase(i, false, cycleMs), first: i % speech.list.length }),
    );
    ownLoop.disable();
    const benchLoop = `load generator's own event-loop delay p99 ${round(ownLoop.percentile(99) / 1e6, 1)} ms`;
    // the direct baseline: the same load, every client talking to the fake itself, with the personas' silence window
    const windows = relay.results.flatMap((x) => x.turns.map((t) => t.silenceMs)).sort((a, b) => a - b);
    const silenceMs = windows[windows.length >> 1] ?? 500;
    let connected = 0;
    let finished = 0;
    const direct = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        sleep(i * 20).then(() => {
          connected++;
          return runDirect(fake.url, speech.list, turns, frameSentAt, () => connected === n && finished === 0, silenceMs, phase(i, false, cycleMs), i % speech.list.length, () => void finished++);
        }),
      ),
    );
    const rf = summarize(relay.results.flatMap((x) => x.frameDelays));
    const re = summarize(relay.results.flatMap((x) => x.endingDelays));
    const endSpanSec = round(relay.endSpanMs / 1000, 1);
    const df = summarize(direct.flatMap((x) => x.frameDelays));
    const rt = summarize(relay.results.flatMap((x) => x.turns.map((t) => t.latencyMs)));
    const dt = summarize(direct.flatMap((x) => x.turns));
    const added = rf.p99 - df.p99;
    const errs = relay.errors.length ? `; ${relay.errors.length} session errors: ${relay.errors[0]}` : '';
    return [
      { section: 'voice', name: `relay per-frame delay @${n} (fake sent → client received)`, unit: 'ms', ...rf, baseline: { name: 'direct', ...df }, ratio: round(rf.p99 / Math.max(0.001, df.p99)), target: 'relay adds ≤ 5 ms p99', pass: added <= 5, notes: `relay adds ${round(added)} ms at p99, ${round(rf.median - df.median)} ms at the median; frames counted while all ${n} sessions were live and before the first one ended (the end burst is the next line), sessions at independent points of their calls (phases spread over ${cycleMs / 1000} s), the same for the direct baseline (the server also records both sides of every call and runs its live coaching, in its coaching worker thread); ${benchLoop}${errs}` },
      {
        section: 'voice', name: `relay per-frame delay while the ${n} sessions end (worst case: every call ends within ${endSpanSec} s)`, unit: 'ms', ...re, baseline: { name: 'direct', ...df }, ratio: round(re.p99 / Math.max(0.001, df.p99)),
        notes: `frames sent after the first session asked to end: each ending call finishes its recording, writes its turns and builds its scored report while the others still talk; ${n} ends in ${endSpanSec} s is a burst of this bench (all calls started together with ${turns} turns each); in service calls end one at a time`,
      },
      { section: 'voice', name: `relay turn latency @${n} (speech end → first audio byte)`, unit: 'ms', ...rt, baseline: { name: 'direct', ...dt }, ratio: round(rt.median / Math.max(0.001, dt.median)), notes: `both include the server-VAD silence window (${silenceMs} ms, the personas'); the relay's own reply decision (response.create after the commit, for backchannel tolerance) adds one round trip` },
      { section: 'voice', name: `relay server memory per live session @${n}`, unit: 'MB', value: round(relay.memPerSessionMb), target: '< 5 MB', pass: relay.memPerSessionMb < 5, notes: `RSS growth after GC with ${relay.liveAtPeak} live; heap ${round(relay.heapPerSessionMb)} MB/session` },
      { section: 'voice', name: `relay server CPU per session @${n}`, unit: '% core', value: round(relay.cpuPctPerSession), notes: relay.loop },
    ];
  } finally {
    await server.stop();
    await fake.close();
  }
}

/** The `voice` bench section. */
export async function benchVoice({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const speech = utterances();
  // SALESGYM_BENCH_VOICE=offline|relay runs one part only (profiling one path)
  const part = process.env.SALESGYM_BENCH_VOICE;
  const offline = part === 'relay' ? [] : await offlineSection(quick ? 8 : 50, quick ? 2 : 3, speech);
  // the same load with the fixed silence window, side by side (issue 18's baseline)
  const windowed = part === 'relay' ? [] : await offlineSection(quick ? 8 : 50, quick ? 2 : 3, speech, false, 'window');
  // the worst case beside it (full run only): every session's turn ends within the same second
  const burst = part === 'relay' || quick ? [] : await offlineSection(50, 3, speech, true);
  const relay = part === 'offline' ? [] : await relaySection(quick ? 20 : 100, quick ? 2 : 3, speech);
  return [...offline, ...windowed, ...burst, ...relay];
}
