import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/app.ts';

describe('the agent\'s gender, asked once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('is unset until the agent says, is saved on the profile, and goes with the practice sessions they start', async () => {
    const cookie = await t.login('agent2@demo.salesgym.dev');
    const before = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().user;
    expect(before.gender).toBeNull();
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { gender: 'other' } });
    expect(bad.statusCode).toBe(400);
    const r = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { gender: 'female' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().user.gender).toBe('female');
    const again = await t.login('agent2@demo.salesgym.dev');
    const sim = await t.app.inject({ method: 'POST', url: '/api/simulations', headers: { cookie: again }, payload: { scenarioType: 'discovery', language: 'he', mode: 'text' } });
    expect(sim.statusCode).toBe(201);
    const row = await t.ctx.repos.simulations.byId(sim.json().simulation.id);
    expect((row!.personaSnapshot as { agentGender?: string }).agentGender).toBe('female');
  });
});
