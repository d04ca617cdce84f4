/**
 * Security suite (issue 15), practice privacy and assignments: a manager cannot open practice by shortening the
 * privacy window, every read of an agent's practice by someone else is audited, and an assignment is completed only
 * by the agent's own finished (and, by setting, passing) session of that scenario.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { insertPracticeSession } from '../testing/practice.ts';
import { testDbKinds } from '../testing/db.ts';

for (const kind of testDbKinds()) {
  describe(`security: privacy and assignments on ${kind}`, () => {
    let t: TestApp;
    const cookies: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const call = (who: string, method: string, url: string, payload?: object) =>
      t.app.inject({ method: method as 'POST', url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });

    beforeAll(async () => {
      t = await startTestApp({ kind });
      for (const who of ['admin', 'manager', 'agent1', 'agent2']) {
        cookies[who] = await t.login(`${who}@demo.salesgym.dev`);
        ids[who] = (await t.ctx.repos.users.byEmail(`${who}@demo.salesgym.dev`))!.id;
      }
      const { company, manager } = await t.ctx.org.createCompany({ name: 'Elsewhere Ltd', seatLimit: 5, manager: { email: 'm@elsewhere.dev', name: 'Elsewhere Manager', password: 'elsewhere-pass-1' } });
      ids.otherCompany = company.id;
      ids.otherAgent = manager!.id;
    });
    afterAll(async () => t?.close());

    it('a manager may lengthen the privacy window but not shorten it; staff may', async () => {
      const set = (who: string, hours: number) => call(who, 'PATCH', `/api/companies/${t.demoCompanyId}/settings`, { practicePrivacyHours: hours });
      expect((await set('manager', 48)).statusCode).toBe(200);
      const shorter = await set('manager', 0);
      expect(shorter.statusCode).toBe(403);
      expect(shorter.json().error.message).toMatch(/not shortened/);
      expect((await t.ctx.repos.companies.byId(t.demoCompanyId))!.practicePrivacyHours).toBe(48);
      // the probe's trick: a session inside the window stays closed to the manager
      const sim = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: ids.agent1, scenarioId: null, score: { overall: 80, passed: true } });
      expect((await call('manager', 'GET', `/api/simulations/${sim}/report`)).statusCode).toBe(403);
      expect((await set('admin', 0)).statusCode).toBe(200);
    });

    it('audits every read of an agent’s practice by someone else, and none by the agent', async () => {
      const sim = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: ids.agent1, scenarioId: null, score: { overall: 55, passed: false } });
      expect((await call('agent1', 'GET', `/api/simulations/${sim}/report`)).statusCode).toBe(200);
      expect((await call('agent1', 'GET', `/api/simulations/${sim}`)).statusCode).toBe(200);
      expect(await t.ctx.repos.audit.forTarget('simulation', sim)).toEqual([]);
      expect((await call('admin', 'GET', `/api/simulations/${sim}/report`)).statusCode).toBe(200);
      expect((await call('manager', 'GET', `/api/simulations/${sim}/report`)).statusCode).toBe(200);
      expect((await call('manager', 'GET', `/api/simulations/${sim}`)).statusCode).toBe(200);
      const trail = await t.ctx.repos.audit.forTarget('simulation', sim);
      expect(trail.map((e) => `${e.actorRole}:${e.action}`).sort()).toEqual(['admin:practice.report.read', 'manager:practice.report.read', 'manager:practice.session.read']);
      expect(trail.every((e) => e.companyId === t.demoCompanyId && (e.details as { agentUserId: string }).agentUserId === ids.agent1)).toBe(true);
      const listed = await call('admin', 'GET', `/api/companies/${t.demoCompanyId}/audit`);
      expect(listed.json().entries.filter((e: { targetId: string }) => e.targetId === sim)).toHaveLength(3);
      expect((await call('manager', 'GET', `/api/companies/${t.demoCompanyId}/audit`)).statusCode).toBe(403);
    });

    it('completes an assignment only with the agent’s own finished session of that scenario', async () => {
      const created = await call('manager', 'POST', `/api/companies/${t.demoCompanyId}/scenarios`, {
        type: 'closing', level: 'intermediate', name: 'Closing drill', targetSkills: ['closing'],
        successCriteria: [{ check: { type: 'next_step_agreed' } }],
      });
      expect(created.statusCode).toBe(201);
      const scenarioId = created.json().scenario.id;
      const other = (await call('manager', 'POST', `/api/companies/${t.demoCompanyId}/scenarios`, { type: 'discovery', level: 'foundation', name: 'Other drill', successCriteria: [{ check: { type: 'next_step_agreed' } }] })).json().scenario.id;
      const assigned = await call('manager', 'POST', `/api/companies/${t.demoCompanyId}/assignments`, { scenarioId, agentUserIds: [ids.agent1] });
      expect(assigned.statusCode).toBe(201);
      const assignmentId = assigned.json().assignments[0].id;
      const complete = (simulationId?: string) => call('agent1', 'POST', `/api/assignments/${assignmentId}/complete`, simulationId ? { simulationId } : {});

      const foreign = await insertPracticeSession(t.ctx, { companyId: ids.otherCompany, agentUserId: ids.otherAgent, scenarioId: null, score: { overall: 95, passed: true } });
      const colleagues = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: ids.agent2, scenarioId, score: { overall: 95, passed: true } });
      const otherScenario = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: ids.agent1, scenarioId: other, score: { overall: 95, passed: true } });
      for (const sim of [foreign, colleagues, otherScenario]) {
        const r = await complete(sim);
        expect(r.statusCode, sim).toBe(400);
        expect(r.json().error.details.fields.simulationId).toBeDefined();
      }
      const live = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: ids.agent1, scenarioId, status: 'active' });
      expect((await complete(live)).statusCode).toBe(409);
      expect((await complete()).statusCode).toBe(409); // nothing finished yet
      const failed = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: ids.agent1, scenarioId, score: { overall: 40, passed: false } });
      // only a passing session completes it (score at least the pass mark, every criterion met)
      expect((await complete(failed)).statusCode).toBe(409);
      expect((await complete()).statusCode).toBe(409);
      const passed = await insertPracticeSession(t.ctx, { companyId: t.demoCompanyId, agentUserId: ids.agent1, scenarioId, score: { overall: 85, passed: true } });
      const ok = await complete();
      expect(ok.statusCode).toBe(200);
      expect(ok.json().assignment.simulationId).toBe(passed);
      expect((await t.ctx.personas.getAssignment(assignmentId)).status).toBe('completed');
    });
  });
}
