/**
 * The OpenAI path as a customer with a key meets it, through the whole app (HTTP, WebSocket, PGlite) and the
 * project's fake Realtime and OpenAI servers: the persona holds after difficulty changes, a dead upstream falls
 * back with the transcript intact, and the call's cost is stored and shown to the company's admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import { toInstructionUpdate } from '../coaching/index.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { startFakeRealtimeServer, type FakeRealtimeServer } from '../testing/fake-realtime-server.ts';
import { startSimulationApp, type SimulationApp } from '../testing/simulation-app.ts';
import { haveTools } from '../testing/tools.ts';
import type { VoicePersona } from './engine.ts';
import { OPENAI_VOICES } from './voices.ts';

async function until(pred: () => boolean, what: string, timeoutMs = 10_000) {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const REALTIME_REPLY = 'שלום, כן. על מה מדובר? יש לי רק כמה דקות.';
const CHAT_REPLY = 'אני משלמת היום בערך מאתיים שקל בחודש, ולא מתכוונת לשלם יותר.';

describe.skipIf(!haveTools(['espeak-ng'], 'the OpenAI path through the app'))('the OpenAI path through the app and the fake servers', () => {
  let rt: FakeRealtimeServer;
  let http: FakeOpenAI;
  let t: SimulationApp;
  let agent: string;
  let manager: string;

  beforeAll(async () => {
    rt = await startFakeRealtimeServer({ reply: () => ({ say: REALTIME_REPLY }), msPerChar: 10, deltaIntervalMs: 2 });
    http = await startFakeOpenAI({ chat: () => ({ content: CHAT_REPLY }) });
    t = await startSimulationApp({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: http.url, OPENAI_REALTIME_URL: rt.url } });
    agent = await t.login('agent1@demo.salesgym.dev');
    manager = await t.login('manager@demo.salesgym.dev');
  });
  afterAll(async () => {
    await t?.close();
    await rt?.close();
    await http?.close();
  });

  const sessionUpdates = (since: number) =>
    rt.received
      .slice(since)
      .map((r) => r.event)
      .flatMap((e) => (e.type === 'session.update' ? [e.session as RealtimeSessionCreateRequest] : []));

  it('Realtime call: the persona holds after every difficulty change (name, ≥ 80% length), each change reaches the agent once; cost is stored and shown', async () => {
    const since = rt.received.length;
    const created = await t.create(agent, { scenarioType: 'objection_handling', language: 'he' });
    expect(created.engine.name).toBe('realtime');
    const id = created.simulation.id;
    const voice = ((await t.ctx.repos.simulations.byId(id))!.personaSnapshot as { voice: VoicePersona }).voice;
    const c = await t.connect(id, agent);
    c.send({ type: 'start', v: 1, mode: 'voice' });
    await c.waitFor('ready');
    const first = sessionUpdates(since)[0];
    expect(OPENAI_VOICES as readonly string[]).toContain(first.audio?.output?.voice);
    const original = first.instructions!;
    expect(original).toContain(voice.name);

    c.send({ type: 'agent_text', text: 'שלום, מדבר יוסי מהסוכנות, אני מתקשר לגבי הביטוח שלך.' });
    await c.waitFor('customer_transcript_final');

    // forced difficulty changes, as the coaching tap makes them (a gender-correct note, the coach's label)
    const changes = [
      { mode: 'challenging' as const, extraObjections: 1, timePressure: true },
      { mode: 'supportive' as const, extraObjections: 0, timePressure: false },
      { mode: 'challenging' as const, extraObjections: 2, timePressure: true },
    ];
    for (const [i, ch] of changes.entries()) {
      const note = toInstructionUpdate({ ...ch, levelDelta: 0, difficulty: 0.5, supportive: ch.mode === 'supportive', hintsEnabled: true, reason: { he: 'סיבה', en: 'reason' } }, 'he', voice.gender);
      const before = sessionUpdates(since).length;
      await t.ctx.simulations.applyDirective(id, { level: ch.mode, note }, `reason ${i}`, { level: `${ch.mode}:מתקדם`, reasons: { he: `סיבה ${i}`, en: `reason ${i}` } });
      await until(() => sessionUpdates(since).length > before, 'the session.update at the Realtime server');
      const updates = sessionUpdates(since);
      expect(updates.length).toBe(before + 1); // one update per change
      const last = updates.at(-1)!;
      expect(last.instructions).toContain(voice.name);
      expect(last.instructions!.length).toBeGreaterThanOrEqual(original.length * 0.8);
      expect(last.instructions).toContain(voice.instructions);
      expect(last.instructions!.split(note).length - 1).toBe(1);
    }
    await c.waitFor('difficulty', (m) => m.reason === 'reason 2');
    for (let i = 0; i < changes.length; i++) expect(c.of('difficulty').filter((m) => m.reason === `reason ${i}`)).toHaveLength(1);

    c.send({ type: 'agent_text', text: 'אני מבין. כמה את משלמת היום?' });
    await c.waitFor('customer_transcript_final', (m) => c.of('customer_transcript_final').indexOf(m) === 1);
    c.send({ type: 'end' });
    await c.waitFor('ended');
    c.close();

    const row = await t.ctx.repos.simulations.byId(id);
    expect(row!.costMicros).toBeGreaterThan(0);
    expect(row!.engineTier).toBe('realtime');
    expect((row!.usage as { realtimeTokens: number }).realtimeTokens).toBeGreaterThan(0);

    const r = await t.app.inject({ method: 'GET', url: `/api/companies/${t.demoCompanyId}/usage`, headers: { cookie: manager } });
    expect(r.statusCode).toBe(200);
    const ai = r.json().ai;
    expect(ai.currency).toBe('USD');
    expect(ai.current.costUsd).toBeGreaterThan(0);
    expect(ai.current.calls).toBeGreaterThanOrEqual(1);
  });

  it('a dead upstream mid-call: the call goes on in the cascade, one notice, the transcript intact', async () => {
    const created = await t.create(agent, { scenarioType: 'objection_handling', language: 'he', engine: 'realtime' });
    const id = created.simulation.id;
    const c = await t.connect(id, agent);
    c.send({ type: 'start', v: 1, mode: 'voice' });
    await c.waitFor('ready');
    c.send({ type: 'agent_text', text: 'שלום, מדבר יוסי מהסוכנות.' });
    await c.waitFor('customer_transcript_final');
    rt.refuseNextConnections(503, 503, 503, 503, 503);
    rt.dropAll();
    const changed = await c.waitFor('engine_changed', () => true, 20_000);
    expect(changed).toMatchObject({ from: 'realtime', to: 'cascade', engine: { name: 'cascade', serverTranscripts: true } });
    c.send({ type: 'agent_text', text: 'כמה את משלמת היום על הביטוח?' });
    await c.waitFor('customer_transcript_final', (m) => m.text === CHAT_REPLY, 20_000);
    expect(c.of('engine_changed')).toHaveLength(1);
    expect(c.of('ended')).toHaveLength(0);
    c.send({ type: 'end' });
    await c.waitFor('ended');
    c.close();
    const turns = await t.ctx.repos.simulations.turns(id);
    expect(turns.map((x) => x.text)).toEqual(['שלום, מדבר יוסי מהסוכנות.', REALTIME_REPLY, 'כמה את משלמת היום על הביטוח?', CHAT_REPLY]);
    expect((await t.ctx.repos.simulations.byId(id))!.engineTier).toBe('cascade');
    // the cascade spoke with an OpenAI voice
    for (const req of http.requestsTo('/v1/audio/speech')) expect(OPENAI_VOICES as readonly string[]).toContain((req.body as { voice: string }).voice);
  });

  it('the company sets its engine and a money quota; over budget, no new call starts', async () => {
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/companies/${t.demoCompanyId}/settings`, headers: { cookie: manager }, payload: { voiceEngine: 'cascade', aiBudgetCentsPerMonth: 1000 } });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().company).toMatchObject({ voiceEngine: 'cascade', aiBudgetCentsPerMonth: 1000 });
    const created = await t.create(agent, { scenarioType: 'objection_handling', language: 'he' });
    expect(created.engine.name).toBe('cascade'); // the company's choice
    const realtime = await t.create(agent, { scenarioType: 'objection_handling', language: 'he', engine: 'realtime' });
    expect(realtime.engine.name).toBe('realtime'); // the agent's choice for one call

    const spent = await t.ctx.repos.simulations.costThisMonth(t.demoCompanyId);
    expect(spent).toBeGreaterThan(0);
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${t.demoCompanyId}/settings`, headers: { cookie: manager }, payload: { aiBudgetCentsPerMonth: 0 } });
    const r = await t.app.inject({ method: 'POST', url: '/api/simulations', headers: { cookie: agent }, payload: { scenarioType: 'objection_handling' } });
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('USAGE_QUOTA_EXCEEDED');
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${t.demoCompanyId}/settings`, headers: { cookie: manager }, payload: { voiceEngine: 'auto', aiBudgetCentsPerMonth: null } });
  });
});
