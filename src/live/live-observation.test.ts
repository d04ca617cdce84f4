/**
 * A manager inside a live practice call on one node (issue 17): the live list, the observer socket (snapshot,
 * transcript as it comes, the listening indicator on the agent's page), whispers to the agent only (stored with the
 * session's events, never in its turns), validation and rate limits of whispers, and who may observe (the
 * company's managers only; the live-observation setting and the privacy window; another company's session reads
 * as missing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulationApp, type SimulationApp } from '../testing/simulation-app.ts';
import { ObserverClient } from '../testing/observer-client.ts';
import { newId } from '../core/index.ts';

describe('live observation on one node', () => {
  let t: SimulationApp;
  let agent: string;
  let manager: string;
  let otherManager: string;
  let managerName: string;
  const observe = (id: string, cookie: string) => ObserverClient.connect(`${t.base.replace('http', 'ws')}/api/live/${id}/observe`, cookie);
  const listLive = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/live', headers: { cookie } });

  beforeAll(async () => {
    t = await startSimulationApp();
    agent = await t.login('agent1@demo.salesgym.dev');
    manager = await t.login('manager@demo.salesgym.dev');
    managerName = (await t.ctx.repos.users.byEmail('manager@demo.salesgym.dev'))!.name;
    await t.ctx.org.createCompany({ name: 'Other Co', seatLimit: 5, manager: { email: 'm@other-live.dev', name: 'Other Manager', password: 'other-password-1' } });
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'm@other-live.dev', password: 'other-password-1' } });
    otherManager = `sg_session=${r.cookies.find((c) => c.name === 'sg_session')!.value}`;
  });
  afterAll(async () => t?.close());

  async function liveCall() {
    const s = await t.create(agent, { mode: 'text', language: 'he' });
    const c = await t.connect(s.simulation.id, agent);
    c.send({ type: 'start', v: 1, mode: 'text' });
    await c.waitFor('ready');
    return { id: s.simulation.id, c };
  }

  it('lists the call in progress for the company’s managers only, with agent, scenario and duration', async () => {
    const { id, c } = await liveCall();
    await expect.poll(async () => (await listLive(manager)).json().calls.map((x: { simulationId: string }) => x.simulationId)).toContain(id);
    const call = (await listLive(manager)).json().calls.find((x: { simulationId: string }) => x.simulationId === id);
    expect(call).toMatchObject({ agentName: expect.any(String), scenarioName: expect.any(String), personaName: expect.any(String), language: 'he', mode: 'text', observers: 0 });
    expect(call.durationSec).toBeGreaterThanOrEqual(0);
    expect((await listLive(agent)).statusCode).toBe(403);
    expect((await listLive(otherManager)).json().calls).toEqual([]);
    c.send({ type: 'end' });
    await c.waitFor('ended');
    await expect.poll(async () => (await listLive(manager)).json().calls.map((x: { simulationId: string }) => x.simulationId)).not.toContain(id);
  });

  it('streams the transcript to the manager, shows the agent who listens, and delivers a whisper to the agent only', async () => {
    const { id, c } = await liveCall();
    const o = await observe(id, manager);
    const snap = await o.waitFor('snapshot');
    expect(snap).toMatchObject({ status: 'live', language: 'he', mode: 'text', observers: { count: 1, names: [managerName] } });
    // the agent's page learns someone is listening
    expect(await c.waitFor('observers', (m) => m.count === 1)).toEqual({ type: 'observers', count: 1, names: [managerName] });

    c.send({ type: 'agent_text', text: 'שלום, מדבר יוסי מהסוכנות. יש לך דקה?' });
    await o.waitFor('transcript', (e) => e.line.speaker === 'agent' && e.line.final && e.line.text.includes('יוסי'));
    const reply = await c.waitFor('customer_transcript_final');
    const heard = await o.waitFor('transcript', (e) => e.line.speaker === 'customer' && e.line.final);
    expect(heard.line.text).toBe(reply.text);

    const secret = 'תשאל אותו על התקציב שלו';
    o.whisper(secret);
    const w = await c.waitFor('whisper');
    expect(w).toMatchObject({ text: secret, from: managerName });
    await o.waitFor('whisper', (e) => e.whisper.id === w.id); // the manager sees it delivered

    // the customer never got it: the next exchange goes on, and no turn holds the whisper
    c.send({ type: 'agent_text', text: 'מה חשוב לך בביטוח?' });
    await c.waitFor('customer_transcript_final', (m) => m.itemId !== reply.itemId);
    // the list shows the score the call would get if it ended now (from the live coaching)
    await expect.poll(async () => (await listLive(manager)).json().calls.find((x: { simulationId: string }) => x.simulationId === id)?.scoreSoFar).toEqual(expect.any(Number));
    c.send({ type: 'end' });
    await c.waitFor('ended');
    await o.waitFor('status', (e) => e.status === 'ended');
    await expect.poll(() => o.closed?.code).toBe(1000);
    await expect.poll(async () => (await t.ctx.repos.simulations.events(id)).map((e) => e.kind)).toContain('whisper');
    const turns = await t.ctx.repos.simulations.turns(id);
    expect(turns.length).toBeGreaterThanOrEqual(4);
    expect(turns.some((x) => x.text.includes('תקציב שלו'))).toBe(false);
    const events = await t.ctx.repos.simulations.events(id);
    expect(events.find((e) => e.kind === 'whisper')!.data).toMatchObject({ text: secret, from: managerName });
    expect(events.map((e) => e.kind)).toContain('observer_joined');
    expect(o.invalid).toEqual([]);
    // the observation is in the audit trail
    expect((await t.ctx.repos.audit.forTarget('simulation', id)).map((e) => e.action)).toContain('practice.live.observe');
  });

  it('refuses bad whispers with a typed error and limits their rate; the agent sees the manager leave', async () => {
    const { id, c } = await liveCall();
    const o = await observe(id, manager);
    await c.waitFor('observers', (m) => m.count === 1);
    o.whisper('');
    o.whisper('x'.repeat(281));
    o.sendRaw('{"type":"shout","text":"hi"}');
    o.sendRaw('not json');
    await expect.poll(() => o.of('error').length).toBe(4);
    expect(o.of('error').every((e) => e.code === 'INVALID_MESSAGE' && e.texts.he.length > 0)).toBe(true);
    for (let i = 0; i < 5; i++) o.whisper(`רמז ${i}`);
    await expect.poll(() => o.of('error').filter((e) => e.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(1);
    await expect.poll(() => c.of('whisper').length).toBe(3); // the burst, then the limit
    expect(c.of('whisper').map((m) => m.text)).toEqual(['רמז 0', 'רמז 1', 'רמז 2']);
    // the agent's page reloads: it is told again who listens
    await c.close();
    const again = await t.connect(id, agent);
    await again.waitFor('resumed');
    expect(await again.waitFor('observers')).toMatchObject({ count: 1, names: [managerName] });
    await o.close();
    await again.waitFor('observers', (m) => m.count === 0);
    await again.close();
    const c2 = await t.connect(id, agent);
    await c2.waitFor('resumed');
    c2.send({ type: 'end' });
    await c2.waitFor('ended');
  });

  it('lets only the company’s managers observe, and only when the company allows it', async () => {
    const { id, c } = await liveCall();
    const status = (p: Promise<ObserverClient>) => p.then(async (o) => (await o.close(), 101)).catch((e: { statusCode?: number }) => e.statusCode ?? 0);
    expect(await status(observe(id, agent))).toBe(403);
    expect(await status(observe(id, otherManager))).toBe(404);
    expect(await status(observe(newId(), manager))).toBe(404);

    await t.ctx.repos.companies.update(t.demoCompanyId, { liveObservation: false });
    expect(await status(observe(id, manager))).toBe(403);
    expect((await listLive(manager)).json()).toEqual({ observation: expect.objectContaining({ allowed: false, reason: 'setting_off' }), calls: [] });
    await t.ctx.repos.companies.update(t.demoCompanyId, { liveObservation: true, practicePrivacyHours: 24 });
    expect(await status(observe(id, manager))).toBe(403);
    expect((await listLive(manager)).json().observation).toMatchObject({ allowed: false, reason: 'privacy_window' });
    await t.ctx.repos.companies.update(t.demoCompanyId, { practicePrivacyHours: 0 });
    expect(await status(observe(id, manager))).toBe(101);

    // the setting through the settings route
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/companies/${t.demoCompanyId}/settings`, headers: { cookie: manager }, payload: { liveObservation: false } });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().company.liveObservation).toBe(false);
    await t.ctx.repos.companies.update(t.demoCompanyId, { liveObservation: true });
    c.send({ type: 'end' });
    await c.waitFor('ended');
  });

  it('refuses an observer socket from another site, and outlives a flood of bad frames without holding the call', async () => {
    const { id, c } = await liveCall();
    const cross = await ObserverClient.connect(`${t.base.replace('http', 'ws')}/api/live/${id}/observe`, manager, 'https://evil.example').catch((e: { statusCode?: number }) => e.statusCode);
    expect(cross).toBe(403);
    const o = await observe(id, manager);
    await o.waitFor('snapshot');
    for (let i = 0; i < 2000; i++) o.sendRaw(i % 3 === 0 ? '{"type":' : i % 3 === 1 ? JSON.stringify({ type: 'whisper', text: 'x\u0000y' }) : 'x'.repeat(5000));
    o.ws.send(Buffer.alloc(960));
    // the call goes on, the observer still follows it, and the errors it got were rate limited
    c.send({ type: 'agent_text', text: 'שלום, יש לך רגע?' });
    await c.waitFor('customer_transcript_final');
    await o.waitFor('transcript', (e) => e.line.speaker === 'customer' && e.line.final);
    expect(o.of('error').length).toBeLessThanOrEqual(60);
    expect(c.of('whisper')).toEqual([]);
    c.send({ type: 'end' });
    await c.waitFor('ended');
  });

  it('tells the observer of a call that is not in progress', async () => {
    const s = await t.create(agent, { mode: 'text' });
    const o = await observe(s.simulation.id, manager);
    const e = await o.waitFor('error');
    expect(e.code).toBe('NOT_LIVE');
    await expect.poll(() => o.closed?.code).toBe(4404);
  });
});
