import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../core/index.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The dashboards on the demo company with its history (older calls, practice calls played through the real
 * pipeline and dated across weeks): what each role gets, the attention rules on the demo's stories, tenant and
 * role checks, and "practise this weakness".
 */
describe('dashboards and "practise this weakness"', () => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  const id: Record<string, string> = {};
  const get = async (who: string, url: string) => {
    const r = await t.app.inject({ method: 'GET', url, headers: cookie[who] ? { cookie: cookie[who] } : {} });
    return { status: r.statusCode, body: r.json() as Json, raw: r.body };
  };
  const post = async (who: string, url: string, payload: Json) => {
    const r = await t.app.inject({ method: 'POST', url, headers: { cookie: cookie[who] }, payload });
    return { status: r.statusCode, body: r.json() as Json, raw: r.body };
  };

  beforeAll(async () => {
    t = await startTestApp({ config: { SALESGYM_DEMO_HISTORY: true } });
    for (const [k, email] of Object.entries({ manager: 'manager@demo.salesgym.dev', agent1: 'agent1@demo.salesgym.dev', agent2: 'agent2@demo.salesgym.dev', agent3: 'agent3@demo.salesgym.dev', admin: 'admin@demo.salesgym.dev' })) {
      cookie[k] = await t.login(email);
      id[k] = (await t.ctx.repos.users.byEmail(email))!.id;
    }
    const { company } = await t.ctx.org.createCompany({ name: 'Other Co', seatLimit: 5, manager: { email: 'm@other.dev', name: 'Other Manager', password: 'other-password-1' } });
    id.otherCompany = company.id;
    id.otherAgent = (await t.ctx.org.addMember(company.id, { email: 'a@other.dev', name: 'Other Agent', password: 'other-password-1', role: 'agent' })).id;
    cookie.otherManager = await t.login('m@other.dev', 'other-password-1');
    cookie.otherAgent = await t.login('a@other.dev', 'other-password-1');
  }, 240_000);
  afterAll(async () => t?.close());

  it("gives the agent weekly real-call and practice averages from the demo's history, calls that met the bar and open weaknesses", async () => {
    const r = await get('agent1', '/api/dashboard/me?weeks=8');
    expect(r.status).toBe(200);
    expect(r.body.weeks).toHaveLength(8);
    const withCalls = r.body.weeks.filter((w: Json) => w.callAverage !== null);
    const withPractice = r.body.weeks.filter((w: Json) => w.practiceAverage !== null);
    expect(withCalls.length).toBeGreaterThanOrEqual(3);
    expect(withPractice.length).toBeGreaterThanOrEqual(5);
    expect(r.body.totals).toMatchObject({ calls: 4, sessions: 6 });
    expect(r.body.totals.callsMetBar).toBe(r.body.recentCalls.filter((c: Json) => c.metBar).length);
    // יוסי's practice improved with the scripts: the last session scores above the first
    expect(withPractice.at(-1).practiceAverage).toBeGreaterThan(withPractice[0].practiceAverage);
    expect(r.body.weaknesses[0]).toMatchObject({ skill: 'discovery', of: 4 });
    expect(r.body.weaknesses[0].seenIn).toBeGreaterThanOrEqual(3);
    expect(['improving', 'worse', 'steady']).toContain(r.body.weaknesses[0].trend);
  });

  it('tells the manager who needs attention, by the rules, on the demo stories', async () => {
    const r = await get('manager', `/api/companies/${t.demoCompanyId}/dashboard`);
    expect(r.status).toBe(200);
    expect(r.body.agents).toHaveLength(3);
    expect(r.body.weeks.filter((w: Json) => w.callAverage !== null).length).toBeGreaterThanOrEqual(5);
    const reasons = (agent: string) => r.body.attention.find((a: Json) => a.agentUserId === id[agent])?.reasons.map((x: Json) => x.rule) ?? [];
    // דניאל: stopped practising, an overdue assignment, objections in every recent call
    expect(reasons('agent3').sort()).toEqual(['no_practice', 'overdue_assignment', 'persistent_weakness']);
    expect(r.body.attention[0].agentUserId).toBe(id.agent3);
    // נועה: good practice a month ago, poor in the last two weeks
    expect(reasons('agent2')).toContain('falling_scores');
    const fall = r.body.attention.find((a: Json) => a.agentUserId === id.agent2).reasons.find((x: Json) => x.rule === 'falling_scores');
    expect(fall.earlier - fall.recent).toBeGreaterThanOrEqual(r.body.rules.falling_scores.drop);
    expect(reasons('agent1')).not.toContain('no_practice');
  });

  it("gives the manager one agent's dashboard (the drill-down), without practice inside the privacy window", async () => {
    const open = await get('manager', `/api/agents/${id.agent1}/dashboard`);
    expect(open.status).toBe(200);
    expect(open.body.hidden).toBe(0);
    await t.ctx.repos.companies.update(t.demoCompanyId, { practicePrivacyHours: 24 * 5 });
    try {
      const closed = await get('manager', `/api/agents/${id.agent1}/dashboard`);
      expect(closed.body.hidden).toBe(1); // the session three days ago
      expect(closed.body.totals.sessions).toBe(open.body.totals.sessions - 1);
      const self = await get('agent1', `/api/agents/${id.agent1}/dashboard`);
      expect(self.body).toMatchObject({ hidden: 0, totals: { sessions: open.body.totals.sessions } });
    } finally {
      await t.ctx.repos.companies.update(t.demoCompanyId, { practicePrivacyHours: 0 });
    }
  });

  it('answers another company exactly as a missing id, keeps agents to their own, and validates the query', async () => {
    const missingCompany = await get('otherManager', `/api/companies/${newId()}/dashboard`);
    const foreignCompany = await get('otherManager', `/api/companies/${t.demoCompanyId}/dashboard`);
    expect(foreignCompany.status).toBe(404);
    expect(foreignCompany.raw).toBe(missingCompany.raw);
    const missingAgent = await get('otherManager', `/api/agents/${newId()}/dashboard`);
    const foreignAgent = await get('otherManager', `/api/agents/${id.agent1}/dashboard`);
    expect(foreignAgent.status).toBe(404);
    expect(foreignAgent.raw).toBe(missingAgent.raw);
    expect((await get('agent2', `/api/agents/${id.agent1}/dashboard`)).status).toBe(404); // a colleague
    expect((await get('agent1', `/api/companies/${t.demoCompanyId}/dashboard`)).status).toBe(403);
    expect((await get('admin', `/api/companies/${t.demoCompanyId}/dashboard`)).status).toBe(200);
    expect((await get('admin', '/api/dashboard/me')).status).toBe(403);
    expect((await get('', '/api/dashboard/me')).status).toBe(401);
    const bad = await get('manager', `/api/companies/${t.demoCompanyId}/dashboard?weeks=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/weeks/);
    const otherTeam = await get('manager', `/api/companies/${t.demoCompanyId}/dashboard?teamId=${newId()}`);
    expect(otherTeam.status).toBe(404);
    // the other company's own dashboard is empty, not the demo's
    const own = await get('otherManager', `/api/companies/${id.otherCompany}/dashboard`);
    expect(own.body).toMatchObject({ agents: [{ agentUserId: id.otherAgent }], totals: { calls: 0, sessions: 0 } });
  });

  it("narrows the manager's dashboard to one team", async () => {
    const team = await t.ctx.repos.teams.insert({ id: newId(), companyId: t.demoCompanyId, name: 'צוות שימור' });
    await t.ctx.repos.users.update(id.agent3, { teamId: team.id });
    try {
      const r = await get('manager', `/api/companies/${t.demoCompanyId}/dashboard?teamId=${team.id}`);
      expect(r.status).toBe(200);
      expect(r.body.teamId).toBe(team.id);
      expect(r.body.agents.map((a: Json) => a.agentUserId)).toEqual([id.agent3]);
      expect(r.body.totals).toMatchObject({ calls: 4, sessions: 3 });
      expect(r.body.attention.map((a: Json) => a.agentUserId)).toEqual([id.agent3]);
      // another company's team is answered as a missing one
      const foreign = await get('otherManager', `/api/companies/${id.otherCompany}/dashboard?teamId=${team.id}`);
      expect(foreign.status).toBe(404);
    } finally {
      const first = (await t.ctx.repos.users.byId(id.agent1))!.teamId;
      await t.ctx.repos.users.update(id.agent3, { teamId: first });
    }
  });

  it('counts the demo practice seconds in the months the calls are dated to', async () => {
    const month = (d: Date) => d.toISOString().slice(0, 7);
    const { rows } = await t.ctx.repos.simulations.list({ companyId: t.demoCompanyId, limit: 100 });
    expect(rows.filter((r) => r.secondsUsed > 0)).toHaveLength(14);
    const used = (m: string) => rows.filter((r) => month(r.createdAt) === m).reduce((a, r) => a + r.secondsUsed, 0);
    // every month the calls are dated to holds exactly their seconds (this month only this month's)
    const months = [...new Set([month(new Date()), ...rows.map((r) => month(r.createdAt))])];
    expect(months.length).toBeGreaterThanOrEqual(2);
    for (const m of months) expect(await t.ctx.repos.usage.get(t.demoCompanyId, 'company', 'sim_seconds', m), m).toBe(used(m));
  });

  it("starts a practice call aimed at a weakness the call's report names, only for the call's agent", async () => {
    const dash = (await get('agent1', '/api/dashboard/me')).body;
    const call = dash.recentCalls.find((c: Json) => c.weaknesses.includes('discovery'));
    const r = await post('agent1', `/api/calls/${call.id}/practice`, { skill: 'discovery', mode: 'text' });
    expect(r.status).toBe(201);
    expect(r.body.target).toMatchObject({ skill: 'discovery', scenarioType: 'discovery', callId: call.id });
    expect(r.body.simulation).toMatchObject({ scenarioType: 'discovery', mode: 'text', status: 'connecting' });
    const sim = (await t.ctx.repos.simulations.byId(r.body.simulation.id))!;
    const persona = (await t.ctx.repos.personas.byId(sim.personaId!))!.persona as { targets: { skill: string }[] };
    expect(persona.targets.map((x) => x.skill)).toContain('discovery');
    // a skill this call did well in is refused with the reason; so is an unknown one
    const strong = dash.recentCalls.find((c: Json) => !c.weaknesses.includes('closing')) ?? call;
    const refused = await post('agent1', `/api/calls/${strong.id}/practice`, { skill: 'closing' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/names no weakness/);
    expect((await post('agent1', `/api/calls/${call.id}/practice`, { skill: 'charm' })).status).toBe(400);
    // the manager reads the call but does not practise it; another company's agent gets "not found"
    expect((await post('manager', `/api/calls/${call.id}/practice`, { skill: 'discovery' })).status).toBe(403);
    const foreign = await post('otherAgent', `/api/calls/${call.id}/practice`, { skill: 'discovery' });
    const missing = await post('otherAgent', `/api/calls/${newId()}/practice`, { skill: 'discovery' });
    expect(foreign.status).toBe(404);
    expect(foreign.raw).toBe(missing.raw);
  });
});
