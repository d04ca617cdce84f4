import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRealtimeServer, synthSpeech, type FakeRealtimeOptions, type FakeRealtimeServer } from '../testing/fake-realtime-server.ts';
import { RealtimeEngine } from './realtime-engine.ts';
import { SimulationSession, type SessionSummary, type SimulationSessionOptions, type TurnRecord } from './session.ts';
import { demoVoicePersona } from './test-personas.ts';
import { decodeServerMessage, type ServerMessage } from './protocol.ts';
import { pcm16Bytes } from './audio.ts';

function wire() {
  const out: ServerMessage[] = [];
  const audio: Int16Array[] = [];
  let closed: { code: number; reason: string } | null = null;
  return {
    out,
    audio,
    get closed() {
      return closed;
    },
    transport: {
      // round-trip through JSON + the shared schema, as the browser would see it
      sendJson: (m: ServerMessage) => out.push(decodeServerMessage(JSON.stringify(m)) ?? ({ type: 'INVALID', m } as never)),
      sendAudio: (pcm: Int16Array) => audio.push(pcm),
      close: (code: number, reason: string) => (closed = { code, reason }),
    },
    async waitFor<T extends ServerMessage['type']>(type: T, pred: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true, timeoutMs = 10_000) {
      const t0 = Date.now();
      for (;;) {
        const hit = out.find((m) => m.type === type && pred(m as Extract<ServerMessage, { type: T }>));
        if (hit) return hit as Extract<ServerMessage, { type: T }>;
        if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${type}; got ${out.map((m) => m.type).join(', ')}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

function makeSession(server: FakeRealtimeServer, extra: Partial<SimulationSessionOptions> = {}) {
  const w = wire();
  const t0 = performance.now();
  const clock = () => performance.now() - t0;
  const persona = demoVoicePersona('he', { turnTaking: { silenceMs: 300, vad: 'server_vad', eagerness: 'auto', bargeInMinMs: 600 } });
  const engine = new RealtimeEngine({
    apiKey: 'sk-test',
    url: server.url,
    model: 'gpt-realtime',
    transcribeModel: 'gpt-4o-transcribe',
    persona,
    clock,
    tools: { company_objection_handler: () => ({}), customer_background_generator: () => ({}), scenario_difficulty_adjuster: () => ({}) },
    reconnectDelaysMs: [50],
  });
  const turns: TurnRecord[] = [];
  let summary: SessionSummary | null = null;
  const session = new SimulationSession({
    engine,
    persona,
    transport: w.transport,
    clock,
    taps: [{ onTurn: (t) => turns.push(t), onEnd: (s) => void (summary = s) }],
    ...extra,
  });
  return { w, session, engine, turns, getSummary: () => summary };
}

const start = JSON.stringify({ type: 'start', v: 1, mode: 'voice' });
const frame = (ms: number, pcm?: Int16Array) => pcm16Bytes(pcm ?? new Int16Array(ms * 24));

describe('SimulationSession', () => {
  let server: FakeRealtimeServer;
  const opts: FakeRealtimeOptions = { reply: (c) => ({ say: c.lastUserText?.includes('ביי') ? 'טוב, ביי' : 'אני לא בטוחה שאני צריכה את זה, יש לי כבר ביטוח דרך העבודה.' }), msPerChar: 30, deltaIntervalMs: 20 };
  beforeAll(async () => (server = await startFakeRealtimeServer(opts)));
  afterAll(() => server.close());

  it('starts, answers a typed turn with transcript and audio, and records the latency timeline', async () => {
    const { w, session, turns } = makeSession(server);
    session.handleText(start);
    const ready = await w.waitFor('ready');
    expect(ready).toMatchObject({ v: 1, sessionId: session.id, engine: { name: 'realtime', audioIn: true }, language: 'he', persona: { name: 'דנה כהן' } });
    expect(session.state.status).toBe('active');
    session.handleText(JSON.stringify({ type: 'agent_text', text: 'שלום דנה, כמה את משלמת היום על ביטוח?' }));
    const started = await w.waitFor('customer_turn_started');
    const final = await w.waitFor('customer_transcript_final');
    expect(final.text).toContain('ביטוח דרך העבודה');
    expect(w.audio.length).toBeGreaterThan(0);
    session.handleText(JSON.stringify({ type: 'playback_position', itemId: started.itemId, playedMs: 40 }));
    const lat = await w.waitFor('turn_latency', (m) => m.timeline.firstAudioPlayedMs !== null);
    const t = lat.timeline;
    expect(t.turnCommittedMs).not.toBeNull();
    expect(t.firstCustomerTextMs!).toBeGreaterThanOrEqual(t.turnCommittedMs!);
    expect(t.firstCustomerAudioSentMs!).toBeGreaterThanOrEqual(t.turnCommittedMs!);
    expect(t.firstAudioPlayedMs!).toBeGreaterThanOrEqual(t.firstCustomerAudioSentMs!);
    expect(turns.map((x) => x.speaker)).toEqual(['agent', 'customer']);
    expect(turns[1].latency?.turnId).toBe(lat.turnId);
    session.handleText(JSON.stringify({ type: 'end' }));
    const ended = await w.waitFor('ended');
    expect(ended).toMatchObject({ reason: 'agent_ended', outcome: 'no_outcome' });
    expect(session.state.status).toBe('ended');
    expect(w.closed?.code).toBe(1000);
  });

  it('answers bad frames with typed errors and lives on', async () => {
    const { w, session } = makeSession(server);
    session.handleBinary(frame(20));
    session.handleText('{not json');
    session.handleText(JSON.stringify({ type: 'dance' }));
    session.handleText(JSON.stringify({ type: 'agent_text' }));
    session.handleText(JSON.stringify({ type: 'start', v: 99 }));
    const codes = () => w.out.filter((m) => m.type === 'error').map((m) => (m as { code: string }).code);
    expect(codes()).toEqual(['NOT_STARTED', 'MALFORMED_JSON', 'UNKNOWN_MESSAGE', 'INVALID_MESSAGE', 'UNSUPPORTED_VERSION']);
    session.handleText(start);
    await w.waitFor('ready');
    session.handleBinary(new Uint8Array(481)); // odd byte count
    session.handleBinary(new Uint8Array(100)); // < 10 ms
    session.handleBinary(new Uint8Array(9600)); // 200 ms > 100 ms
    session.handleText(start);
    expect(codes().slice(5)).toEqual(['BAD_AUDIO_FRAME', 'BAD_AUDIO_FRAME', 'BAD_AUDIO_FRAME', 'ALREADY_STARTED']);
    expect(w.out.filter((m) => m.type === 'error').every((m) => (m as { recoverable: boolean }).recoverable)).toBe(true);
    session.handleText(JSON.stringify({ type: 'ping', t: 7 }));
    expect(await w.waitFor('pong')).toMatchObject({ t: 7 });
    session.handleText(JSON.stringify({ type: 'agent_text', text: 'עדיין כאן?' }));
    await w.waitFor('customer_transcript_final');
    await session.end();
  });

  it('rate-limits floods of messages and audio without hurting another session', async () => {
    const a = makeSession(server, { limits: { messagesPerSec: 10, messageBurst: 20, audioMsPerSec: 1000, audioBurstMs: 500 } });
    const b = makeSession(server);
    a.session.handleText(start);
    b.session.handleText(start);
    await a.w.waitFor('ready');
    await b.w.waitFor('ready');
    for (let i = 0; i < 500; i++) a.session.handleText(JSON.stringify({ type: 'ping', t: i }));
    for (let i = 0; i < 200; i++) a.session.handleBinary(frame(40));
    const errors = a.w.out.filter((m) => m.type === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThanOrEqual(12); // errors are capped too
    expect(errors.every((m) => (m as { code: string }).code === 'RATE_LIMITED')).toBe(true);
    const pongs = a.w.out.filter((m) => m.type === 'pong').length;
    expect(pongs).toBeLessThanOrEqual(21);
    expect(a.session.state.status).toBe('active');
    b.session.handleText(JSON.stringify({ type: 'agent_text', text: 'שלום' }));
    await b.w.waitFor('customer_transcript_final');
    expect(b.w.out.some((m) => m.type === 'error')).toBe(false);
    await a.session.end();
    await b.session.end();
  });

  it('tells the client to stop playback on barge-in and truncates at the position it reports', async () => {
    const slow = await startFakeRealtimeServer({ ...opts, msPerChar: 60, deltaIntervalMs: 80, transcribe: () => 'רגע רגע, תקשיבי' });
    const { w, session } = makeSession(slow);
    session.handleText(start);
    await w.waitFor('ready');
    session.handleText(JSON.stringify({ type: 'agent_text', text: 'יש לנו הצעה מעולה' }));
    const started = await w.waitFor('customer_turn_started');
    await new Promise((r) => setTimeout(r, 100));
    const speech = synthSpeech(1000);
    for (let i = 0; i < speech.length; i += 480) {
      session.handleBinary(pcm16Bytes(speech.slice(i, i + 480)));
      await new Promise((r) => setTimeout(r, 10));
    }
    const stop = await w.waitFor('playback_stop');
    expect(stop.itemId).toBe(started.itemId);
    session.handleText(JSON.stringify({ type: 'interrupt', itemId: stop.itemId, playedMs: 250 }));
    const cut = await w.waitFor('customer_transcript_final', (m) => m.interrupted);
    expect(cut.itemId).toBe(started.itemId);
    await expect.poll(() => slow.truncations).toEqual([{ itemId: started.itemId, audioEndMs: 250 }]);
    await session.end();
    await slow.close();
  });

  it('ends at the time limit', async () => {
    const { w, session, getSummary } = makeSession(server, { maxDurationMs: 200 });
    session.handleText(start);
    const ended = await w.waitFor('ended');
    expect(ended.reason).toBe('time_limit');
    await session.done();
    expect(getSummary()?.reason).toBe('time_limit');
    expect(server.openConnections).toBeGreaterThanOrEqual(0);
  });

  it('consumes quota per tick and ends when it runs out', async () => {
    const ticks: number[] = [];
    const { w } = (() => {
      const s = makeSession(server, { quota: { tickMs: 80, consume: async (ms) => (ticks.push(ms), ticks.length < 3) } });
      s.session.handleText(start);
      return s;
    })();
    const err = await w.waitFor('error', (m) => m.code === 'QUOTA_EXHAUSTED');
    expect(err.recoverable).toBe(false);
    expect((await w.waitFor('ended')).reason).toBe('quota_exhausted');
    expect(ticks).toEqual([80, 80, 80]);
  });

  it('holds no past quota ticks: its timers stay constant over a long call', async () => {
    let ticks = 0;
    const { w, session } = makeSession(server, { quota: { tickMs: 5, consume: async () => (++ticks, true) } });
    session.handleText(start);
    await w.waitFor('ready');
    const atStart = session.pendingTimers; // the time limit and the next quota tick
    while (ticks < 40) await new Promise((r) => setTimeout(r, 5));
    expect(session.pendingTimers).toBe(atStart);
    expect(atStart).toBeLessThanOrEqual(2);
    session.handleText(JSON.stringify({ type: 'end' }));
    await w.waitFor('ended');
    expect(session.pendingTimers).toBe(0);
  });

  it('refuses to start when the quota is already spent', async () => {
    const { w, session } = makeSession(server, { quota: { consume: async () => false } });
    session.handleText(start);
    expect((await w.waitFor('ended')).reason).toBe('quota_exhausted');
    expect(w.out.some((m) => m.type === 'ready')).toBe(false);
  });

  it('ends when the customer hangs up, after their last words', async () => {
    const hang = await startFakeRealtimeServer({ reply: (c) => (c.lastFunctionOutput === null && c.responseIndex === 0 ? { call: { name: 'end_call', arguments: { outcome: 'next_step', reason: 'קבענו פגישה' } } } : { say: 'ביי' }) });
    const { w, session, getSummary } = makeSession(hang);
    session.handleText(start);
    await w.waitFor('ready');
    session.handleText(JSON.stringify({ type: 'agent_text', text: 'אז נקבע ליום שלישי?' }));
    const ended = await w.waitFor('ended');
    expect(ended).toMatchObject({ reason: 'customer_hung_up', outcome: 'next_step' });
    await session.done();
    expect(getSummary()?.outcome).toBe('next_step');
    await hang.close();
  });

  it('is marked interrupted when the connection drops, and stops its engine', async () => {
    const { w, session } = makeSession(server);
    session.handleText(start);
    await w.waitFor('ready');
    const before = server.openConnections;
    session.transportClosed('socket reset');
    const s = await session.done();
    expect(s.reason).toBe('interrupted');
    expect(session.state).toEqual({ status: 'interrupted', detail: 'socket reset' });
    await expect.poll(() => server.openConnections).toBe(before - 1);
  });
});
