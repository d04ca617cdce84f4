import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRealtimeServer, synthSpeech, type FakeRealtimeServer } from '../../testing/fake-realtime-server.ts';
import { startSimulationApp, type SimulationApp } from '../../testing/simulation-app.ts';
import { decodeWav } from '../../voice/index.ts';
import type { WireClient } from '../../voice/index.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const REPLY = 'אני לא בטוחה שאני צריכה את זה, יש לי כבר ביטוח דרך העבודה.';

/** Streams `ms` of synthetic speech at real-time pace in 40 ms frames. */
async function speak(c: WireClient, ms: number, seed = 1) {
  const pcm = synthSpeech(ms, seed);
  for (let i = 0; i < pcm.length; i += 960) {
    c.sendAudio(pcm.subarray(i, i + 960));
    await sleep(40);
  }
}

async function until(pred: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const t0 = Date.now();
  while (!(await pred())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

describe('simulations over a real socket (Realtime engine against the fake Realtime server)', () => {
  let fake: FakeRealtimeServer;
  let t: SimulationApp;
  let agent: string;

  beforeAll(async () => {
    fake = await startFakeRealtimeServer({ reply: () => ({ say: REPLY }), msPerChar: 20, deltaIntervalMs: 10, transcribe: () => 'שלום דנה, מדבר יוסי מהסוכנות' });
    t = await startSimulationApp({
      config: { OPENAI_API_KEY: 'sk-test', OPENAI_REALTIME_URL: fake.url },
      service: { resumeWindowMs: 1500 },
    });
    agent = await t.login('agent1@demo.salesgym.dev');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('starts a session, stores every turn with its latency timeline, records both sides and ends', async () => {
    const created = await t.create(agent, { scenarioType: 'objection_handling', language: 'he' });
    expect(created.engine.name).toBe('realtime');
    expect(created.persona.name.length).toBeGreaterThan(2); // a persona generated from the demo questionnaire
    const c = await t.connect(created.simulation.id, agent);
    c.send({ type: 'start', v: 1, mode: 'voice' });
    await c.waitFor('ready');
    expect((await t.ctx.repos.simulations.byId(created.simulation.id))?.status).toBe('active');
    await speak(c, 1200);
    for (let i = 0; i < 25; i++) {
      c.sendAudio(new Int16Array(960));
      await sleep(40);
    }
    const started = await c.waitFor('customer_turn_started');
    const final = await c.waitFor('customer_transcript_final');
    expect(final.text).toBe(REPLY);
    expect(c.audio.length).toBeGreaterThan(0);
    c.send({ type: 'playback_position', itemId: started.itemId, playedMs: 20 });
    await c.waitFor('turn_latency', (m) => m.timeline.firstAudioPlayedMs !== null);
    await until(async () => (await t.ctx.repos.simulations.turns(created.simulation.id)).some((x) => (x.latency as { firstAudioPlayedMs?: number } | null)?.firstAudioPlayedMs != null), 'latency stored');

    const details = (await t.app.inject({ method: 'GET', url: `/api/simulations/${created.simulation.id}`, headers: { cookie: agent } })).json();
    expect(details.turns.map((x: { speaker: string }) => x.speaker)).toEqual(['agent', 'customer']);
    expect(details.turns[0].text).toBe('שלום דנה, מדבר יוסי מהסוכנות');
    const lat = details.turns[1].latency;
    expect(lat.turnCommittedMs).toBeGreaterThan(0);
    expect(lat.firstCustomerAudioSentMs).toBeGreaterThanOrEqual(lat.turnCommittedMs);
    expect(lat.firstAudioPlayedMs).toBeGreaterThanOrEqual(lat.firstCustomerAudioSentMs);
    expect(details.turns[1].gaps.firstAudioSentMs).toBeGreaterThanOrEqual(0);

    c.send({ type: 'end' });
    expect(await c.waitFor('ended')).toMatchObject({ reason: 'agent_ended' });
    expect((await c.closed).code).toBe(1000);
    await until(async () => (await t.ctx.repos.simulations.byId(created.simulation.id))?.status === 'ended', 'status ended');
    const row = (await t.ctx.repos.simulations.byId(created.simulation.id))!;
    expect(row).toMatchObject({ outcome: 'no_outcome', endReason: 'agent_ended' });
    expect(row.secondsUsed).toBe(30); // the first 30 s chunk of the minutes quota

    const rec = await t.app.inject({ method: 'GET', url: `/api/simulations/${created.simulation.id}/recording?track=agent`, headers: { cookie: agent } });
    expect(rec.statusCode).toBe(200);
    const wav = decodeWav(new Uint8Array(rec.rawPayload));
    expect(wav.sampleRate).toBe(24_000);
    expect(wav.samples.length / 24).toBeGreaterThan(2000); // 1.2 s speech + 1 s silence, in ms
    const mix = await t.app.inject({ method: 'GET', url: `/api/simulations/${created.simulation.id}/recording?track=mix`, headers: { cookie: agent } });
    const customer = await t.app.inject({ method: 'GET', url: `/api/simulations/${created.simulation.id}/recording?track=customer`, headers: { cookie: agent } });
    const cust = decodeWav(new Uint8Array(customer.rawPayload));
    expect(cust.samples.some((v) => v !== 0)).toBe(true);
    expect(decodeWav(new Uint8Array(mix.rawPayload)).samples.length).toBe(Math.max(wav.samples.length, cust.samples.length));

    const list = (await t.app.inject({ method: 'GET', url: '/api/simulations', headers: { cookie: agent } })).json();
    expect(list.simulations.find((s: { id: string }) => s.id === created.simulation.id)).toMatchObject({ status: 'ended', personaName: created.persona.name });
  });

  /** A manager's stored scenario, edited once (so its current version is 2). */
  async function storedScenario(name: string) {
    const manager = (await t.ctx.repos.users.byEmail('manager@demo.salesgym.dev'))!;
    const v1 = await t.ctx.personas.createScenario(manager, t.demoCompanyId, { type: 'objection_handling', level: 'advanced', name: `${name} v1`, timeLimitSec: 240 });
    const v2 = await t.ctx.personas.updateScenario(manager, v1.id, 1, { type: 'objection_handling', name, timeLimitSec: 300 });
    return { manager, scenario: v2 };
  }

  it('starts practice from a stored scenario through the persona engine and records the versions it ran with', async () => {
    const { scenario } = await storedScenario('לקוחה שכבר מבוטחת דרך העבודה');
    expect(scenario.version).toBe(2);
    const created = await t.create(agent, { scenarioId: scenario.id, seed: 4242, mode: 'voice' });
    const row = (await t.ctx.repos.simulations.byId(created.simulation.id))!;
    const questionnaire = await t.ctx.repos.questionnaires.latest(t.demoCompanyId);
    expect(row).toMatchObject({ scenarioId: scenario.id, scenarioVersion: 2, personaVersion: 1, questionnaireVersion: questionnaire!.version, scenarioType: 'objection_handling', level: 'advanced', seed: 4242 });
    expect(row.scenarioSnapshot).toMatchObject({ id: scenario.id, version: 2, name: 'לקוחה שכבר מבוטחת דרך העבודה', timeLimitSec: 300 });
    // the persona the engine stored is the one the session runs with
    const stored = await t.ctx.personas.getPersona(row.personaId!);
    expect(stored).toMatchObject({ agentUserId: row.agentUserId, scenarioId: scenario.id, scenarioVersion: 2, purpose: 'practice', seed: 4242 });
    const snap = row.personaSnapshot as { card: { name: string }; source: string; persona: { customer: { name: string }; offline: { persona?: unknown } } };
    expect(snap.source).toBe('persona-engine');
    expect(snap.persona.customer.name).toBe((stored.persona as { name: string }).name);
    expect(snap.persona.offline).toBeTruthy();
    expect(created.persona.name).toBe(snap.persona.customer.name);
    expect(created.simulation.scenarioId).toBe(scenario.id);

    // an exact older version on request; another company's agent cannot use it
    const older = await t.create(agent, { scenarioId: scenario.id, scenarioVersion: 1 });
    expect(await t.ctx.repos.simulations.byId(older.simulation.id)).toMatchObject({ scenarioVersion: 1, level: 'advanced' });
    const missing = await t.app.inject({ method: 'POST', url: '/api/simulations', headers: { cookie: agent }, payload: { scenarioId: '00000000-0000-4000-8000-000000000000' } });
    expect(missing.statusCode).toBe(404);
  });

  it('practises an assignment: a held call that does not pass is listed as an attempt and leaves it open', async () => {
    const { manager, scenario } = await storedScenario('תרגול מוקצה: התנגדות מחיר');
    const agentRow = (await t.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!;
    const [assignment] = await t.ctx.personas.assign(manager, t.demoCompanyId, { scenarioId: scenario.id, agentUserIds: [agentRow.id] });
    // the scenario moves on after it was assigned: the assignment keeps the version it was given at
    await t.ctx.personas.updateScenario(manager, scenario.id, 2, { type: 'objection_handling', name: 'גרסה חדשה יותר' });

    // an assignment is the agent's own
    const other = await t.login('agent2@demo.salesgym.dev');
    const theirs = await t.app.inject({ method: 'POST', url: '/api/simulations', headers: { cookie: other }, payload: { assignmentId: assignment.id } });
    expect(theirs.statusCode).toBe(404);

    // a call ended before the agent said anything does not complete it
    const idle = await t.create(agent, { assignmentId: assignment.id });
    expect(idle.assignmentId).toBe(assignment.id);
    const ci = await t.connect(idle.simulation.id, agent);
    ci.send({ type: 'start', v: 1, mode: 'text' });
    await ci.waitFor('ready');
    ci.send({ type: 'end' });
    await ci.waitFor('ended');
    await until(async () => (await t.ctx.repos.simulations.byId(idle.simulation.id))?.status === 'ended', 'idle call stored');
    await sleep(100);
    expect((await t.ctx.personas.getAssignment(assignment.id)).status).toBe('open');

    const s = await t.create(agent, { assignmentId: assignment.id, mode: 'voice' });
    const row = (await t.ctx.repos.simulations.byId(s.simulation.id))!;
    expect(row).toMatchObject({ scenarioId: scenario.id, scenarioVersion: 2 });
    expect(row.scenarioSnapshot).toMatchObject({ name: 'תרגול מוקצה: התנגדות מחיר' });
    const c = await t.connect(s.simulation.id, agent);
    c.send({ type: 'start', v: 1, mode: 'text' });
    await c.waitFor('ready');
    c.send({ type: 'agent_text', text: 'שלום, מדבר יוסי מהסוכנות. יש לך דקה?' });
    await c.waitFor('customer_transcript_final');
    expect((await t.ctx.personas.getAssignment(assignment.id)).status).toBe('open'); // not while the call runs
    c.send({ type: 'end' });
    await c.waitFor('ended');
    // ending the call no longer completes it: only a passing report does, and a one-line call is far below the mark
    await until(async () => (await t.ctx.repos.simulations.byId(s.simulation.id))?.status === 'ended', 'call stored');
    await sleep(100);
    const listed = await t.app.inject({ method: 'GET', url: '/api/assignments', headers: { cookie: agent } });
    const mine = listed.json().assignments.find((a: { id: string }) => a.id === assignment.id);
    expect(mine).toMatchObject({ status: 'open', passMark: 70 });
    // the call is listed as an attempt (with its score once the report is in), not as a pass
    const attempt = mine.attempts.find((x: { simulationId: string }) => x.simulationId === s.simulation.id);
    expect(attempt).toBeDefined();
    expect(attempt.passed).not.toBe(true);
  });

  it('answers malformed frames with typed errors while the session, and another one, live on', async () => {
    const a = await t.create(agent);
    const b = await t.create(agent);
    const ca = await t.connect(a.simulation.id, agent);
    const cb = await t.connect(b.simulation.id, agent);
    ca.sendAudio(new Int16Array(960)); // audio before start
    ca.sendRaw('{"type":"start",'); // malformed JSON
    ca.sendRaw(JSON.stringify({ type: 'teleport' }));
    ca.send({ type: 'start', v: 1 });
    await ca.waitFor('ready');
    cb.send({ type: 'start', v: 1 });
    await cb.waitFor('ready');
    ca.sendAudio(new Uint8Array(333)); // odd bytes
    ca.sendAudio(new Int16Array(24 * 500)); // 500 ms > 100 ms max
    ca.sendRaw(JSON.stringify({ type: 'interrupt', itemId: '', playedMs: -5 }));
    for (let i = 0; i < 400; i++) ca.send({ type: 'ping', t: i }); // flood
    const codes = () => ca.of('error').map((e) => e.code);
    await until(() => codes().includes('RATE_LIMITED'), 'rate limit error');
    expect(codes().slice(0, 6)).toEqual(['NOT_STARTED', 'MALFORMED_JSON', 'UNKNOWN_MESSAGE', 'BAD_AUDIO_FRAME', 'BAD_AUDIO_FRAME', 'INVALID_MESSAGE']);
    expect(ca.of('error').every((e) => e.recoverable)).toBe(true);
    expect(ca.of('error').length).toBeLessThanOrEqual(16); // errors are rate-limited too
    expect(ca.of('pong').length).toBeLessThan(400);
    expect(ca.invalid).toEqual([]);

    // the other session was untouched
    cb.send({ type: 'agent_text', text: 'שלום, יש לי רגע?' });
    expect((await cb.waitFor('customer_transcript_final')).text).toBe(REPLY);
    expect(cb.of('error')).toEqual([]);
    // and the flooded one still works once the flood is over
    await sleep(1200);
    ca.send({ type: 'agent_text', text: 'עדיין כאן?' });
    expect((await ca.waitFor('customer_transcript_final')).text).toBe(REPLY);
    expect((await t.ctx.repos.simulations.byId(a.simulation.id))?.status).toBe('active');
    ca.send({ type: 'end' });
    cb.send({ type: 'end' });
    await Promise.all([ca.closed, cb.closed]);
  });

  it('resumes a live session after a reload with the full transcript, and interrupts it when nobody comes back', async () => {
    const s = await t.create(agent);
    const c1 = await t.connect(s.simulation.id, agent);
    c1.send({ type: 'start', v: 1, mode: 'text' });
    await c1.waitFor('ready');
    c1.send({ type: 'agent_text', text: 'שלום דנה' });
    await c1.waitFor('customer_transcript_final');
    await c1.close(1001); // the page reloads

    const c2 = await t.connect(s.simulation.id, agent);
    const ready = await c2.waitFor('ready');
    expect(ready.sessionId).toBe(s.simulation.id);
    const resumed = await c2.waitFor('resumed');
    expect(resumed.turns.map((x) => [x.speaker, x.text])).toEqual([
      ['agent', 'שלום דנה'],
      ['customer', REPLY],
    ]);
    c2.send({ type: 'agent_text', text: 'אפשר לשאול כמה שאלות?' });
    await c2.waitFor('customer_transcript_final');
    await until(async () => (await t.ctx.repos.simulations.turns(s.simulation.id)).length === 4, 'all four turns stored');

    // a third tab takes over; the second is told it was replaced
    const c3 = await t.connect(s.simulation.id, agent);
    expect((await c2.closed).code).toBe(4001);
    await c3.waitFor('resumed');
    await c3.close(1001);
    // nobody comes back within the (test) resume window of 1.5 s
    await until(async () => (await t.ctx.repos.simulations.byId(s.simulation.id))?.status === 'interrupted', 'interrupted after the resume window', 5000);
    expect(t.ctx.simulations.session(s.simulation.id)).toBeUndefined();
    const late = await t.connect(s.simulation.id, agent);
    expect((await late.closed).code).toBe(4404);
  });

  it('keeps the finished turns of a killed server and marks its sessions interrupted at the next start-up', async () => {
    const s = await t.create(agent);
    const c = await t.connect(s.simulation.id, agent);
    c.send({ type: 'start', v: 1, mode: 'text' });
    await c.waitFor('ready');
    c.send({ type: 'agent_text', text: 'בוקר טוב' });
    await c.waitFor('customer_transcript_final');
    await until(async () => (await t.ctx.repos.simulations.turns(s.simulation.id)).length === 2, 'turns stored');
    // a second server process starts on the same database (the first one "died" without closing anything)
    const restarted = await startSimulationApp({ database: t.database, seed: false, config: { OPENAI_API_KEY: 'sk-test', OPENAI_REALTIME_URL: fake.url } });
    try {
      const row = await restarted.ctx.repos.simulations.byId(s.simulation.id);
      expect(row).toMatchObject({ status: 'interrupted', endReason: 'server_lost' });
      expect((await restarted.ctx.repos.simulations.turns(s.simulation.id)).map((x) => x.text)).toEqual(['בוקר טוב', REPLY]);
    } finally {
      await restarted.close();
      await c.close();
    }
  });

  it('lets only the agent who practises open the socket or end the call', async () => {
    const s = await t.create(agent);
    const other = await t.login('agent2@demo.salesgym.dev');
    const manager = await t.login('manager@demo.salesgym.dev');
    await expect(t.connect(s.simulation.id, other)).rejects.toMatchObject({ status: 404 }); // not yours: answered as missing
    await expect(t.connect(s.simulation.id, manager)).rejects.toMatchObject({ status: 403 });
    await expect(t.connect(s.simulation.id)).rejects.toMatchObject({ status: 401 });
    const ended = await t.app.inject({ method: 'POST', url: `/api/simulations/${s.simulation.id}/end`, headers: { cookie: other } });
    expect(ended.statusCode).toBe(404); // not yours: answered as missing
    const mine = await t.app.inject({ method: 'POST', url: `/api/simulations/${s.simulation.id}/end`, headers: { cookie: agent } });
    expect(mine.json().simulation.status).toBe('ended');
    // the manager sees it in the team list
    const list = (await t.app.inject({ method: 'GET', url: '/api/simulations', headers: { cookie: manager } })).json();
    expect(list.simulations.some((x: { id: string }) => x.id === s.simulation.id)).toBe(true);
  });

  it('refuses to start when the company has no simulation minutes left', async () => {
    await t.ctx.repos.companies.update(t.demoCompanyId, { simMinutesPerMonth: 0 });
    try {
      const s = await t.create(agent);
      const c = await t.connect(s.simulation.id, agent);
      c.send({ type: 'start', v: 1 });
      const err = await c.waitFor('error', (e) => e.code === 'QUOTA_EXHAUSTED');
      expect(err.recoverable).toBe(false);
      expect((await c.waitFor('ended')).reason).toBe('quota_exhausted');
      await until(async () => (await t.ctx.repos.simulations.byId(s.simulation.id))?.endReason === 'quota_exhausted', 'stored');
    } finally {
      await t.ctx.repos.companies.update(t.demoCompanyId, { simMinutesPerMonth: 600 });
    }
  });
});

