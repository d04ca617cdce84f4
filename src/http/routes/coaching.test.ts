import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../core/index.ts';
import { buildSessionReport, scenarioFacts, type SessionReport } from '../../coaching/index.ts';
import { GOOD_HE, POOR_HE, timed } from '../../coaching/testdata/scripts.ts';
import { REPORT_BUILD_GRACE_MS, sessionToCallAnalysis } from '../../analytics/index.ts';
import { defaultScenario, type ScenarioType } from '../../scenarios/index.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';

const HOUR = 3_600_000;

/** A finished simulation row owned by `agentId`, as the voice domain leaves it. */
async function simulation(t: TestApp, agentId: string, type: ScenarioType = 'objection_handling') {
  const scenario = defaultScenario(type, 'intermediate', 'he');
  const row = await t.ctx.repos.simulations.insert({
    id: newId(),
    companyId: t.demoCompanyId,
    agentUserId: agentId,
    scenarioType: type,
    level: 'intermediate',
    scenarioSnapshot: scenario,
    personaSnapshot: { card: { name: 'דנה', summary: 'לקוחה', language: 'he' } },
    engine: 'text',
    mode: 'text',
    language: 'he',
    status: 'ended',
    outcome: 'no_outcome',
    seed: 1,
    secondsUsed: 60,
  });
  return { id: row.id, scenario };
}

function report(script: typeof GOOD_HE, type: ScenarioType = 'objection_handling'): SessionReport {
  return buildSessionReport({ language: 'he', turns: timed(script), scenario: scenarioFacts(defaultScenario(type, 'intermediate', 'he')) });
}

describe('practice reports, sharing and the privacy window', () => {
  let t: TestApp;
  let agent: string, agent2: string, manager: string;
  let agentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    agent = await t.login('agent1@demo.salesgym.dev');
    agent2 = await t.login('agent2@demo.salesgym.dev');
    manager = await t.login('manager@demo.salesgym.dev');
    agentId = (await t.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!.id;
    const r = await t.app.inject({ method: 'PATCH', url: `/api/companies/${t.demoCompanyId}/settings`, headers: { cookie: manager }, payload: { practicePrivacyHours: 24 } });
    expect(r.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const share = (id: string, cookie: string, shared = true) => t.app.inject({ method: 'POST', url: `/api/simulations/${id}/report/share`, headers: { cookie }, payload: { shared } });
  const teamIds = async () => ((await get(`/api/companies/${t.demoCompanyId}/practice`, manager)).json().sessions as { simulationId: string }[]).map((s) => s.simulationId);

  it('shows the agent their report at once, keeps it from managers inside the window until the agent shares it', async () => {
    const sim = await simulation(t, agentId);
    const stored = await t.ctx.practice.storeReport(sim.id, report(POOR_HE));
    expect(stored.passed).toBe(false);

    const own = await get(`/api/simulations/${sim.id}/report`, agent);
    expect(own.statusCode).toBe(200);
    const body = own.json();
    expect(body.report.overallScore).toBe(stored.overallScore);
    expect(body.report.improvements).toHaveLength(3);
    expect(new Date(body.privateUntil).getTime()).toBeGreaterThan(Date.now() + 23 * HOUR);

    const m1 = await get(`/api/simulations/${sim.id}/report`, manager);
    expect(m1.statusCode).toBe(403);
    expect(m1.json().error.message).toMatch(/private to the agent until/);
    expect((await get(`/api/simulations/${sim.id}/report`, agent2)).statusCode).toBe(404); // a colleague never
    expect(await teamIds()).not.toContain(sim.id);
    const hiddenBefore = (await get(`/api/companies/${t.demoCompanyId}/practice`, manager)).json().hidden;
    expect(hiddenBefore).toBeGreaterThanOrEqual(1);

    expect((await share(sim.id, manager)).statusCode).toBe(403); // only the agent decides
    const s = await share(sim.id, agent);
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ sharedWithManager: true });

    expect((await get(`/api/simulations/${sim.id}/report`, manager)).statusCode).toBe(200);
    expect(await teamIds()).toContain(sim.id);
    expect((await get(`/api/companies/${t.demoCompanyId}/practice`, manager)).json().hidden).toBe(hiddenBefore - 1);

    expect((await share(sim.id, agent, false)).statusCode).toBe(200);
    expect((await get(`/api/simulations/${sim.id}/report`, manager)).statusCode).toBe(403);
    expect(await teamIds()).not.toContain(sim.id);
  });

  it('opens a report to managers once the window has passed, without sharing', async () => {
    const sim = await simulation(t, agentId);
    const r = report(GOOD_HE);
    // a report made 25 hours ago
    await t.ctx.repos.reports.upsert({
      simulationId: sim.id, companyId: t.demoCompanyId, agentUserId: agentId, scenarioType: 'objection_handling', level: 'intermediate',
      language: 'he', overallScore: r.overallScore, outcome: r.outcome, passed: true, report: r, analysis: sessionToCallAnalysis(r),
      createdAt: new Date(Date.now() - 25 * HOUR),
    });
    expect((await get(`/api/simulations/${sim.id}/report`, manager)).statusCode).toBe(200);
    expect(await teamIds()).toContain(sim.id);
    const summary = (await get(`/api/companies/${t.demoCompanyId}/practice/summary`, manager)).json();
    expect(summary.aggregates.simulations).toBeGreaterThanOrEqual(1);
    expect(summary.aggregates.perAgent.find((a: { agentId: string }) => a.agentId === agentId)?.agentName).toBe('יוסי כהן');
  });

  it('shows practice to managers at once when the company has no privacy window', async () => {
    const sim = await simulation(t, agentId);
    await t.ctx.practice.storeReport(sim.id, report(POOR_HE));
    expect((await get(`/api/simulations/${sim.id}/report`, manager)).statusCode).toBe(403);
    // shortening the window is for platform staff (issue 15: a manager could open practice by setting it to 0)
    const admin = await t.login('admin@demo.salesgym.dev');
    const shortened = await t.app.inject({ method: 'PATCH', url: `/api/companies/${t.demoCompanyId}/settings`, headers: { cookie: admin }, payload: { practicePrivacyHours: 0 } });
    expect(shortened.statusCode).toBe(200);
    expect((await get(`/api/simulations/${sim.id}/report`, manager)).statusCode).toBe(200);
    const team = (await get(`/api/companies/${t.demoCompanyId}/practice`, manager)).json();
    expect(team.hidden).toBe(0);
    expect(team.sessions.map((s: { simulationId: string }) => s.simulationId)).toContain(sim.id);
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${t.demoCompanyId}/settings`, headers: { cookie: manager }, payload: { practicePrivacyHours: 24 } });
  });

  it('says when a session has no report yet', async () => {
    const sim = await simulation(t, agentId);
    const r = await get(`/api/simulations/${sim.id}/report`, agent);
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toMatch(/no report yet/);
  });

  it('says a report is being prepared right after a call with agent turns ends, and not after the grace period', async () => {
    const sim = await simulation(t, agentId);
    await t.ctx.repos.simulations.update(sim.id, { endedAt: new Date() });
    const silent = await get(`/api/simulations/${sim.id}/report`, agent);
    expect(silent.json().error.code).toBe('NOT_FOUND'); // nothing was said: no report will come
    await t.ctx.repos.simulations.upsertTurn(sim.id, { id: 'a1', seq: 0, speaker: 'agent', text: 'שלום, מדבר מיכאל.', startMs: 0, endMs: 1200, interrupted: false, engine: 'text' });
    const pending = await get(`/api/simulations/${sim.id}/report`, agent);
    expect(pending.statusCode).toBe(404);
    expect(pending.json().error).toMatchObject({ code: 'REPORT_PENDING', message: expect.stringMatching(/being prepared/) });
    await t.ctx.repos.simulations.update(sim.id, { endedAt: new Date(Date.now() - REPORT_BUILD_GRACE_MS - 1000) });
    expect((await get(`/api/simulations/${sim.id}/report`, agent)).json().error.code).toBe('NOT_FOUND');
    await t.ctx.practice.storeReport(sim.id, report(GOOD_HE));
    expect((await get(`/api/simulations/${sim.id}/report`, agent)).statusCode).toBe(200);
  });
});

describe('closed loop: a practice report feeds the weakness profile and "practise next"', () => {
  let t: TestApp;
  let cookie: string;
  let agentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // a new agent with no analysed calls, so what changes is due to practice alone
    const u = await t.ctx.org.addMember(t.demoCompanyId, { email: 'new.agent@demo.salesgym.dev', name: 'נציג חדש', password: 'new-agent-pass-1', role: 'agent' });
    agentId = u.id;
    cookie = await t.login('new.agent@demo.salesgym.dev', 'new-agent-pass-1');
  });
  afterAll(async () => t?.close());

  const progress = async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/progress/me', headers: { cookie } });
    expect(r.statusCode).toBe(200);
    return r.json();
  };

  it('a stored poor report raises the weakness in the profile and changes the recommendation', async () => {
    const before = await progress();
    expect(before.profile.basis).toBe('none');
    expect(before.totals.simulations).toBe(0);
    const personaBefore = await t.ctx.personas.practiseNext(agentId, { withPreview: false });

    const poor = report(POOR_HE);
    const sim = await simulation(t, agentId);
    await t.ctx.practice.storeReport(sim.id, poor);

    const after = await progress();
    expect(after.profile.basis).toBe('analyses');
    expect(after.profile.simulationCount).toBe(1);
    expect(after.totals.simulations).toBe(1);
    // the skill the report scored lowest is now a top weakness, with the report's score behind it
    const worst = [...poor.skills].sort((a, b) => a.score - b.score)[0];
    const w = after.profile.skills.find((s: { skill: string }) => s.skill === worst.id);
    const w0 = before.profile.skills.find((s: { skill: string }) => s.skill === worst.id);
    expect(w.weakness).toBeGreaterThan(w0.weakness);
    expect(w.weakness).toBeGreaterThanOrEqual(0.35);
    expect(after.profile.top).toContain(worst.id);
    expect(after.recommendation).not.toEqual(before.recommendation);
    expect(after.recommendation.targets).toContain(after.profile.top[0]);
    // the same record reaches the persona engine's own profile (the next persona presses on it)
    const personaAfter = await t.ctx.personas.practiseNext(agentId, { withPreview: false });
    expect(personaAfter.profile.simulationCount).toBe(1);
    expect(personaAfter.profile.top).toContain(worst.id);
    expect(personaAfter.recommendation).not.toEqual(personaBefore.recommendation);

    // long-term tracking: the session is a point on the curves and the first/best of its scenario
    expect(after.curves.simulation).toHaveLength(1);
    expect(after.scenarios).toEqual([expect.objectContaining({ scenarioId: 'objection_handling:intermediate', attempts: 1, gain: 0 })]);

    // a better attempt at the same scenario: best and gain move, the weakness eases
    const good = report(GOOD_HE);
    const sim2 = await simulation(t, agentId);
    await t.ctx.practice.storeReport(sim2.id, good);
    const later = await progress();
    expect(later.scenarios[0]).toMatchObject({ attempts: 2, first: { score: poor.overallScore }, best: { score: good.overallScore } });
    expect(later.scenarios[0].gain).toBe(good.overallScore - poor.overallScore);
    expect(later.profile.skills.find((s: { skill: string }) => s.skill === worst.id).weakness).toBeLessThan(w.weakness);
  });
});
