import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../core/index.ts';
import { buildSessionReport, scenarioFacts } from '../../coaching/index.ts';
import { GOOD_HE, POOR_HE, timed } from '../../coaching/testdata/scripts.ts';
import { sessionPassed, sessionToCallAnalysis, weekStart } from '../../analytics/index.ts';
import { defaultScenario } from '../../scenarios/index.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const DAY = 86_400_000;

describe("a manager's view of one agent: progress and focus skills", () => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  const id: Record<string, string> = {};

  const call = async (who: string, method: 'GET' | 'PUT', url: string, payload?: unknown) => {
    const r = await t.app.inject({ method, url, headers: { cookie: cookie[who] }, ...(payload !== undefined ? { payload: payload as Json } : {}) });
    return { status: r.statusCode, body: r.json() as Json };
  };

  /** A finished practice session of agent1 with its report, made `daysAgo` days ago. */
  async function practised(script: typeof GOOD_HE, daysAgo: number): Promise<string> {
    const scenario = defaultScenario('discovery', 'intermediate', 'he');
    const sim = await t.ctx.repos.simulations.insert({
      id: newId(), companyId: t.demoCompanyId, agentUserId: id.agent1, scenarioType: 'discovery', level: 'intermediate',
      scenarioSnapshot: scenario, personaSnapshot: { card: { name: 'דנה', summary: 'לקוחה', language: 'he' } },
      engine: 'text', mode: 'text', language: 'he', status: 'ended', outcome: 'no_outcome', seed: 1, secondsUsed: 60,
    });
    const r = buildSessionReport({ language: 'he', turns: timed(script), scenario: scenarioFacts(scenario) });
    await t.ctx.repos.reports.upsert({
      simulationId: sim.id, companyId: t.demoCompanyId, agentUserId: id.agent1, scenarioType: 'discovery', level: 'intermediate', language: 'he',
      overallScore: r.overallScore, outcome: r.outcome, passed: sessionPassed(r), report: r, analysis: sessionToCallAnalysis(r),
      createdAt: new Date(Date.now() - daysAgo * DAY),
    });
    return sim.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const [k, email] of Object.entries({ manager: 'manager@demo.salesgym.dev', agent1: 'agent1@demo.salesgym.dev', agent2: 'agent2@demo.salesgym.dev', admin: 'admin@demo.salesgym.dev' })) {
      cookie[k] = await t.login(email);
      id[k] = (await t.ctx.repos.users.byEmail(email))!.id;
    }
    const { company } = await t.ctx.org.createCompany({ name: 'Other Co', seatLimit: 5, manager: { email: 'm@other.dev', name: 'Other Manager', password: 'other-password-1' } });
    id.otherAgent = (await t.ctx.org.addMember(company.id, { email: 'a@other.dev', name: 'Other Agent', password: 'other-password-1', role: 'agent' })).id;
    cookie.otherManager = await t.login('m@other.dev', 'other-password-1');
    await t.ctx.repos.companies.update(t.demoCompanyId, { practicePrivacyHours: 24 });
    id.old1 = await practised(POOR_HE, 20);
    id.old2 = await practised(GOOD_HE, 6);
    id.fresh = await practised(POOR_HE, 0); // inside the 24-hour privacy window
  });
  afterAll(async () => t?.close());

  it("gives the agent's manager their weekly skill curves, calls and sessions, without practice still inside the privacy window", async () => {
    const r = await call('manager', 'GET', `/api/agents/${id.agent1}/progress`);
    expect(r.status).toBe(200);
    expect(r.body.agent).toMatchObject({ id: id.agent1, email: 'agent1@demo.salesgym.dev', role: 'agent' });
    expect(r.body.agent.passwordHash).toBeUndefined();
    expect(r.body.privacyHours).toBe(24);
    expect(r.body.hidden).toBe(1);
    expect(r.body.sessions.map((s: Json) => s.simulationId).sort()).toEqual([id.old1, id.old2].sort());
    expect(r.body.totals.simulations).toBe(2);
    // two practice weeks, each with per-skill averages; the demo's analysed calls form the real-call curve
    const weeks = r.body.curves.simulation.map((w: Json) => w.week);
    expect(weeks).toEqual([weekStart(new Date(Date.now() - 20 * DAY)), weekStart(new Date(Date.now() - 6 * DAY))]);
    expect(Object.keys(r.body.curves.simulation[0].skills).length).toBeGreaterThan(2);
    expect(r.body.totals.calls).toBeGreaterThan(0);
    expect(r.body.curves.call.length).toBeGreaterThan(0);
    expect(r.body.profile.skills).toHaveLength(7);
  });

  it('shows a shared session to the manager at once', async () => {
    const s = await t.app.inject({ method: 'POST', url: `/api/simulations/${id.fresh}/report/share`, headers: { cookie: cookie.agent1 }, payload: { shared: true } });
    expect(s.statusCode).toBe(200);
    const r = await call('manager', 'GET', `/api/agents/${id.agent1}/progress`);
    expect(r.body.hidden).toBe(0);
    expect(r.body.sessions.map((x: Json) => x.simulationId)).toContain(id.fresh);
    await t.ctx.repos.reports.setShared(id.fresh, false);
  });

  it('keeps quotes from practice inside the privacy window out of the profile the manager reads', async () => {
    const quotesFrom = (body: Json) => (body.profile.skills as Json[]).flatMap((s) => s.evidence as Json[]).map((e) => e.recordId);
    const own = await call('agent1', 'GET', `/api/agents/${id.agent1}/profile`);
    expect(quotesFrom(own.body)).toContain(id.fresh);
    const seen = await call('manager', 'GET', `/api/agents/${id.agent1}/profile`);
    expect(seen.status).toBe(200);
    expect(quotesFrom(seen.body)).not.toContain(id.fresh);
    expect(quotesFrom(seen.body).length).toBeGreaterThan(0); // calls and older practice still speak
    const focused = await call('manager', 'PUT', `/api/agents/${id.agent1}/focus`, { skills: ['discovery'] });
    expect(quotesFrom(focused.body)).not.toContain(id.fresh);
    await call('manager', 'PUT', `/api/agents/${id.agent1}/focus`, { skills: [] });
  });

  it("keeps those quotes out of the profile in the manager's practice-next too, while the agent still sees them", async () => {
    const quotesFrom = (body: Json) => (body.profile.skills as Json[]).flatMap((s) => s.evidence as Json[]).map((e) => e.recordId);
    const own = await call('agent1', 'GET', `/api/agents/${id.agent1}/practice-next`);
    expect(own.status).toBe(200);
    expect(quotesFrom(own.body)).toContain(id.fresh);
    const seen = await call('manager', 'GET', `/api/agents/${id.agent1}/practice-next`);
    expect(seen.status).toBe(200);
    expect(quotesFrom(seen.body)).not.toContain(id.fresh);
    expect(quotesFrom(seen.body).length).toBeGreaterThan(0);
    expect(seen.body.recommendation).toEqual(own.body.recommendation); // only the quotes differ
  });

  it('narrows to a period', async () => {
    const r = await call('manager', 'GET', `/api/agents/${id.agent1}/progress?days=10`);
    expect(r.status).toBe(200);
    expect(r.body.sessions.map((s: Json) => s.simulationId)).toEqual([id.old2]);
  });

  it('lets the agent open their own page with everything, but never a colleague’s; other companies are refused', async () => {
    const own = await call('agent1', 'GET', `/api/agents/${id.agent1}/progress`);
    expect(own.status).toBe(200);
    expect(own.body.hidden).toBe(0);
    expect(own.body.sessions).toHaveLength(3);
    expect((await call('agent2', 'GET', `/api/agents/${id.agent1}/progress`)).status).toBe(404); // not yours: answered as missing
    expect((await call('otherManager', 'GET', `/api/agents/${id.agent1}/progress`)).status).toBe(404); // not yours: answered as missing
    expect((await call('manager', 'GET', `/api/agents/${id.otherAgent}/progress`)).status).toBe(404); // not yours: answered as missing
    expect((await call('admin', 'GET', `/api/agents/${id.agent1}/progress`)).body.sessions).toHaveLength(3);
    expect((await call('manager', 'GET', `/api/agents/${newId()}/progress`)).status).toBe(404);
  });

  it("sets an agent's focus skills (at most three, most important first) and the profile puts them on top", async () => {
    const before = await call('manager', 'GET', `/api/agents/${id.agent2}/profile`);
    expect(before.body).toMatchObject({ focus: [], focusLimit: 3 });
    const set = await call('manager', 'PUT', `/api/agents/${id.agent2}/focus`, { skills: ['closing', 'rapport'] });
    expect(set.status).toBe(200);
    expect(set.body.focus).toEqual(['closing', 'rapport']);
    expect(set.body.profile.top[0]).toBe('closing');
    const after = await call('manager', 'GET', `/api/agents/${id.agent2}/profile`);
    expect(after.body.focus).toEqual(['closing', 'rapport']);
    expect(after.body.profile.basis).toBe('analyses_with_prior');

    const tooMany = await call('manager', 'PUT', `/api/agents/${id.agent2}/focus`, { skills: ['closing', 'rapport', 'opening', 'listening'] });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body.error)).toMatch(/at most 3 skills/);
    const twice = await call('manager', 'PUT', `/api/agents/${id.agent2}/focus`, { skills: ['closing', 'closing'] });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body.error)).toMatch(/each skill once/);
    expect((await call('manager', 'GET', `/api/agents/${id.agent2}/profile`)).body.focus).toEqual(['closing', 'rapport']);

    const cleared = await call('manager', 'PUT', `/api/agents/${id.agent2}/focus`, { skills: [] });
    expect(cleared.status).toBe(200);
    expect((await call('manager', 'GET', `/api/agents/${id.agent2}/profile`)).body.focus).toEqual([]);
  });

  it('lets neither the agent nor another company’s manager set focus', async () => {
    expect((await call('agent2', 'PUT', `/api/agents/${id.agent2}/focus`, { skills: ['closing'] })).status).toBe(403);
    expect((await call('otherManager', 'PUT', `/api/agents/${id.agent2}/focus`, { skills: ['closing'] })).status).toBe(404); // not yours: answered as missing
    expect((await call('manager', 'PUT', `/api/agents/${id.otherAgent}/focus`, { skills: ['closing'] })).status).toBe(404); // not yours: answered as missing
    expect((await call('manager', 'GET', `/api/agents/${id.agent2}/profile`)).body.focus).toEqual([]);
  });
});
