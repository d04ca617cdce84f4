/**
 * Assignments are completed by a passing practice call only (issue 16): a pass mark per assignment (the scenario's
 * by default), a failing call is an attempt that leaves it open, a passing one completes it, and every attempt is
 * listed with its score and session — hidden from the manager while the practice privacy window holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSessionReport, scenarioFacts } from '../../coaching/index.ts';
import { GOOD_HE, POOR_HE, timed } from '../../coaching/testdata/scripts.ts';
import type { Scenario } from '../../scenarios/index.ts';
import { insertPracticeSession } from '../../testing/practice.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('assignment completion by a passing call', () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let agentId = '';
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp();
    for (const who of ['manager', 'agent1']) cookies[who] = await t.login(`${who}@demo.salesgym.dev`);
    agentId = (await t.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!.id;
  });
  afterAll(async () => t?.close());

  const createScenario = async (passMark?: number) => {
    const r = await call('manager', 'POST', `/api/companies/${t.demoCompanyId}/scenarios`, {
      type: 'objection_handling', level: 'intermediate', name: `Price drill ${passMark ?? 'default'}`, targetSkills: ['objection_handling'],
      successCriteria: [{ check: { type: 'next_step_agreed' } }], ...(passMark !== undefined ? { passMark } : {}),
    });
    expect(r.statusCode).toBe(201);
    return r.json().scenario as { id: string; scenario: Scenario };
  };
  const assign = async (scenarioId: string, passMark?: number) => {
    const r = await call('manager', 'POST', `/api/companies/${t.demoCompanyId}/assignments`, { scenarioId, agentUserIds: [agentId], ...(passMark !== undefined ? { passMark } : {}) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().assignments[0] as Json;
  };
  /** A finished call of the scenario whose report is stored the way the coaching tap stores it. */
  const practise = async (scenario: Scenario & { id?: string }, script: typeof GOOD_HE, scenarioId: string) => {
    const simId = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: agentId, scenarioId });
    const report = buildSessionReport({ language: 'he', turns: timed(script), scenario: scenarioFacts(scenario) });
    await t.ctx.practice.storeReport(simId, report);
    return { simId, score: report.overallScore! };
  };
  const mine = async (id: string) => ((await call('agent1', 'GET', '/api/assignments')).json().assignments as Json[]).find((a) => a.id === id)!;

  it('takes its pass mark from the scenario unless the manager sets one, and refuses one outside 0–100', async () => {
    const s = await createScenario(80);
    expect(s.scenario.passMark).toBe(80);
    expect((await assign(s.id)).passMark).toBe(80);
    expect((await assign(s.id, 55)).passMark).toBe(55);
    const plain = await createScenario();
    expect((await assign(plain.id)).passMark).toBe(70);
    const bad = await call('manager', 'POST', `/api/companies/${t.demoCompanyId}/assignments`, { scenarioId: s.id, agentUserIds: [agentId], passMark: 120 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.passMark).toBeDefined();
  });

  it('stays open after a failing call, lists it as an attempt, and is completed by the passing call', async () => {
    const s = await createScenario();
    const a = await assign(s.id);
    const poor = await practise(s.scenario, POOR_HE, s.id);
    expect(poor.score).toBeLessThan(a.passMark);
    let row = await mine(a.id);
    expect(row.status).toBe('open');
    expect(row.attempts).toEqual([expect.objectContaining({ simulationId: poor.simId, score: Math.round(poor.score), passed: false, privateUntil: null })]);
    // asking to complete it with the failing call is refused, saying why
    const refused = await call('agent1', 'POST', `/api/assignments/${a.id}/complete`, { simulationId: poor.simId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/did not pass/);

    const good = await practise(s.scenario, GOOD_HE, s.id);
    expect(good.score).toBeGreaterThanOrEqual(a.passMark);
    row = await mine(a.id);
    expect(row).toMatchObject({ status: 'completed', simulationId: good.simId });
    expect(row.attempts.map((x: Json) => [x.simulationId, x.passed])).toEqual([[good.simId, true], [poor.simId, false]]);
  });

  it('a score above the pass mark does not pass when a success criterion was missed; a call before the assignment does not count', async () => {
    const s = await createScenario();
    const early = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: agentId, scenarioId: s.id });
    const a = await assign(s.id, 10);
    // POOR_HE misses "next step agreed": even a pass mark of 10 is not enough without every criterion
    await practise(s.scenario, POOR_HE, s.id);
    const row = await mine(a.id);
    expect(row.status).toBe('open');
    expect(row.attempts.map((x: Json) => x.simulationId)).not.toContain(early);
    // pass mark 0: holding the call is enough
    const any = await assign(s.id, 0);
    const held = await practise(s.scenario, POOR_HE, s.id);
    expect(await mine(any.id)).toMatchObject({ status: 'completed', simulationId: held.simId });
  });

  it('hides an attempt’s score from the manager inside the privacy window', async () => {
    expect((await call('manager', 'PATCH', `/api/companies/${t.demoCompanyId}/settings`, { practicePrivacyHours: 24 })).statusCode).toBe(200);
    try {
      const s = await createScenario();
      const a = await assign(s.id);
      const poor = await practise(s.scenario, POOR_HE, s.id);
      const rows = (await call('manager', 'GET', '/api/assignments')).json().assignments as Json[];
      const seen = rows.find((x) => x.id === a.id)!;
      expect(seen.attempts).toEqual([expect.objectContaining({ simulationId: poor.simId, score: null, passed: null })]);
      expect(seen.attempts[0].privateUntil).not.toBeNull();
      // the agent sees their own
      expect((await mine(a.id)).attempts[0]).toMatchObject({ score: Math.round(poor.score), passed: false });
    } finally {
      await call('manager', 'PATCH', `/api/companies/${t.demoCompanyId}/settings`, { practicePrivacyHours: 0 });
    }
  });
});
