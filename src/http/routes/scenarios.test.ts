import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CALLS } from '../../calls/index.ts';
import { startTestApp, type TestApp } from '../../testing/app.ts';
import { insertPracticeSession } from '../../testing/practice.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('scenarios, personas and assignments over HTTP (demo company + another company)', () => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  const id: Record<string, string> = {};

  const call = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await t.app.inject({ method, url, headers: { cookie: cookie[who] }, ...(payload !== undefined ? { payload: payload as Json } : {}) });
    return { status: r.statusCode, body: r.json() as Json };
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const [k, email] of Object.entries({ manager: 'manager@demo.salesgym.dev', agent1: 'agent1@demo.salesgym.dev', agent2: 'agent2@demo.salesgym.dev', agent3: 'agent3@demo.salesgym.dev' })) {
      cookie[k] = await t.login(email);
      id[k] = (await t.ctx.repos.users.byEmail(email))!.id;
    }
    const { company, manager } = await t.ctx.org.createCompany({ name: 'Other Co', seatLimit: 5, manager: { email: 'm@other.dev', name: 'Other Manager', password: 'other-password-1' } });
    const agent = await t.ctx.org.addMember(company.id, { email: 'a@other.dev', name: 'Other Agent', password: 'other-password-1', role: 'agent' });
    id.otherCompany = company.id;
    id.otherManager = manager!.id;
    id.otherAgent = agent.id;
    cookie.otherManager = await t.login('m@other.dev', 'other-password-1');
    cookie.otherAgent = await t.login('a@other.dev', 'other-password-1');
    id.demo = t.demoCompanyId;
  });
  afterAll(async () => t?.close());

  describe('the demo seeder', () => {
    it('gives every demo agent a "practise next" persona that targets their top weakness from their analysed calls', async () => {
      const emails = Object.keys(DEMO_CALLS);
      expect(emails.length).toBe(3);
      for (const email of emails) {
        const who = `agent${email[5]}`;
        const profile = (await call(who, 'GET', `/api/agents/${id[who]}/profile`)).body.profile;
        expect(profile.basis, email).toBe('analyses');
        expect(profile.callCount, email).toBe(DEMO_CALLS[email].length);
        const top = profile.top[0];
        const next = await call(who, 'GET', `/api/agents/${id[who]}/practice-next`);
        expect(next.status).toBe(200);
        const targets = next.body.preview.persona.targets;
        expect(targets.map((x: Json) => x.skill), email).toContain(top);
        const aimed = targets.find((x: Json) => x.skill === top);
        expect(aimed.weakness, `${email}: the target records the agent's weakness`).toBeGreaterThan(0);
        expect(aimed.how.length).toBeGreaterThan(10);
        // and it was stored for the agent as a recommendation
        const stored = (await call(who, 'GET', `/api/agents/${id[who]}/personas`)).body.personas;
        const rec = stored.find((p: Json) => p.purpose === 'recommendation');
        expect(rec, email).toBeDefined();
        expect(rec.persona.targets.map((x: Json) => x.skill)).toContain(top);
        expect(rec.questionnaireVersion).toBe(1);
      }
    });

    it('has the manager assign agent1 a scenario built from their top weakness, which is what agent1 should practise next', async () => {
      const mine = (await call('agent1', 'GET', '/api/assignments')).body.assignments;
      expect(mine).toHaveLength(1);
      const profile = (await call('agent1', 'GET', `/api/agents/${id.agent1}/profile`)).body.profile;
      expect(mine[0]).toMatchObject({ status: 'open', agentUserId: id.agent1, scenarioType: profile.top[0], scenarioVersion: 1 });
      expect(new Date(mine[0].dueAt).getTime()).toBeGreaterThan(Date.now());
      const next = (await call('agent1', 'GET', `/api/agents/${id.agent1}/practice-next`)).body;
      expect(next.assignment.id).toBe(mine[0].id);
      expect(next.recommendation.scenarioId).toBe(mine[0].scenarioId);
      expect(next.recommendation.reason.he).toContain('המנהל');
      expect((await call('agent2', 'GET', '/api/assignments')).body.assignments).toEqual([]);
    });
  });

  describe('ScenarioBuilder routes', () => {
    it('serves the catalogue with Hebrew and English labels for every type, level, skill and check', async () => {
      const r = await call('agent2', 'GET', '/api/scenario-catalogue');
      expect(r.status).toBe(200);
      expect(r.body.types.map((x: Json) => x.id)).toContain('objection_handling');
      expect(r.body.types.find((x: Json) => x.id === 'closing').label.he).toBe('לקוח מהסס שצריך כמה ניסיונות סגירה');
      expect(r.body.levels.map((x: Json) => x.label.en)).toEqual(['Foundation', 'Intermediate', 'Advanced', 'Expert']);
      expect(r.body.checks.find((x: Json) => x.type === 'close_attempts_min').template.he).toBe('בוצעו לפחות {{n}} ניסיונות סגירה');
    });

    it('creates a scenario, saves an edit as version 2, keeps version 1, and refuses a stale edit', async () => {
      const bad = await call('manager', 'POST', `/api/companies/${id.demo}/scenarios`, { type: 'closing', successCriteria: [] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');

      const created = await call('manager', 'POST', `/api/companies/${id.demo}/scenarios`, {
        type: 'closing', level: 'intermediate', name: 'סגירה מול לקוח מהסס', targetSkills: ['closing', 'objection_handling'],
        personaOverrides: { emotion: 'skeptical', closeAttemptsRequired: 3 },
        successCriteria: [{ check: { type: 'close_attempts_min', count: 3 }, skill: 'closing' }, { check: { type: 'next_step_agreed' } }],
      });
      expect(created.status).toBe(201);
      const s = created.body.scenario;
      expect(s).toMatchObject({ version: 1, archived: false });
      expect(s.scenario.successCriteria.map((c: Json) => c.label.en)).toEqual(['Made at least 3 close attempts', 'A next step with a date and time was agreed']);
      id.scenario = s.id;

      const edited = await call('manager', 'PUT', `/api/scenarios/${s.id}`, { version: 1, type: 'closing', level: 'advanced', name: 'סגירה — מתקדם' });
      expect(edited.status).toBe(200);
      expect(edited.body.scenario.version).toBe(2);
      const stale = await call('manager', 'PUT', `/api/scenarios/${s.id}`, { version: 1, type: 'closing', name: 'late edit' });
      expect(stale.status).toBe(409);
      expect((await call('manager', 'GET', `/api/scenarios/${s.id}?version=1`)).body.scenario.scenario.name).toBe('סגירה מול לקוח מהסס');
      expect((await call('manager', 'GET', `/api/scenarios/${s.id}/versions`)).body.versions.map((v: Json) => v.version)).toEqual([2, 1]);
      // agents may read their company's scenarios but not edit them
      expect((await call('agent2', 'GET', `/api/scenarios/${s.id}`)).status).toBe(200);
      expect((await call('agent2', 'PUT', `/api/scenarios/${s.id}`, { version: 2, type: 'closing' })).status).toBe(403);
    });

    it('previews an unsaved draft as a persona aimed at the chosen agent, with traceability and Hebrew instructions', async () => {
      const top = (await call('manager', 'GET', `/api/agents/${id.agent3}/profile`)).body.profile.top[0];
      const r = await call('manager', 'POST', `/api/companies/${id.demo}/persona-preview`, { draft: { type: 'objection_handling', level: 'advanced' }, agentUserId: id.agent3, seed: 11 });
      expect(r.status).toBe(200);
      const p = r.body.preview;
      expect(p.seed).toBe(11);
      expect(p.persona.language).toBe('he');
      expect(p.persona.targets.map((x: Json) => x.skill)).toEqual(expect.arrayContaining([top, 'objection_handling']));
      expect(p.persona.objections.length).toBeGreaterThanOrEqual(3);
      expect(p.instructions).toMatch(/[\u0590-\u05FF]/);
      expect(p.profile.basis).toBe('analyses');
      const again = await call('manager', 'POST', `/api/companies/${id.demo}/persona-preview`, { draft: { type: 'objection_handling', level: 'advanced' }, agentUserId: id.agent3, seed: 11 });
      expect(again.body.preview.persona).toEqual(p.persona);
      const none = await call('manager', 'POST', `/api/companies/${id.demo}/persona-preview`, {});
      expect(none.status).toBe(400);
    });

    it('assigns a scenario to a team (one row per agent), shows agents only their own, and lets an agent complete theirs', async () => {
      const team = (await t.ctx.repos.teams.listByCompany(id.demo))[0];
      const r = await call('manager', 'POST', `/api/companies/${id.demo}/assignments`, { scenarioId: id.scenario, teamId: team.id, dueAt: '2099-01-31', note: 'עד סוף החודש' });
      expect(r.status).toBe(201);
      expect(r.body.assignments.map((a: Json) => a.agentUserId).sort()).toEqual([id.agent1, id.agent2, id.agent3].sort());
      expect(r.body.assignments.every((a: Json) => a.scenarioVersion === 2 && a.teamName === team.name)).toBe(true);

      const mine = (await call('agent2', 'GET', '/api/assignments')).body.assignments;
      expect(mine.map((a: Json) => a.agentUserId)).toEqual([id.agent2]);
      const agent1Row = r.body.assignments.find((a: Json) => a.agentUserId === id.agent1);
      expect((await call('agent2', 'POST', `/api/assignments/${agent1Row.id}/complete`, {})).status).toBe(404); // not yours: answered as missing
      // completing needs a finished practice session of the scenario (issue 15) that passed (issue 16)
      expect((await call('agent2', 'POST', `/api/assignments/${mine[0].id}/complete`, {})).status).toBe(409);
      await insertPracticeSession(t.ctx, { companyId: id.demo, agentUserId: id.agent2, scenarioId: id.scenario });
      expect((await call('agent2', 'POST', `/api/assignments/${mine[0].id}/complete`, {})).status).toBe(409); // held, never scored
      await insertPracticeSession(t.ctx, { companyId: id.demo, agentUserId: id.agent2, scenarioId: id.scenario, score: { overall: 88, passed: true } });
      const done = await call('agent2', 'POST', `/api/assignments/${mine[0].id}/complete`, {});
      expect(done.status).toBe(200);
      expect(done.body.assignment.status).toBe('completed');
      expect((await call('agent2', 'POST', `/api/assignments/${mine[0].id}/complete`, {})).status).toBe(409);
      const all = (await call('manager', 'GET', `/api/assignments?status=open`)).body.assignments;
      expect(all.some((a: Json) => a.agentUserId === id.agent1)).toBe(true);
      expect(all.some((a: Json) => a.id === mine[0].id)).toBe(false);
    });

    it('lets an agent with no calls rate themselves, and only themselves', async () => {
      expect((await call('otherAgent', 'GET', `/api/agents/${id.otherAgent}/profile`)).body.profile.basis).toBe('none');
      expect((await call('otherManager', 'POST', `/api/agents/${id.otherAgent}/self-assessment`, { ratings: { closing: 1 } })).status).toBe(403);
      expect((await call('otherAgent', 'POST', `/api/agents/${id.otherAgent}/self-assessment`, { ratings: {} })).status).toBe(400);
      const r = await call('otherAgent', 'POST', `/api/agents/${id.otherAgent}/self-assessment`, { ratings: { closing: 1, opening: 4, discovery: 5 } });
      expect(r.status).toBe(200);
      expect(r.body.profile).toMatchObject({ basis: 'self_assessment' });
      expect(r.body.profile.top[0]).toBe('closing');
      // no questionnaire in this company yet: a recommendation, but no persona
      const next = (await call('otherAgent', 'GET', `/api/agents/${id.otherAgent}/practice-next`)).body;
      expect(next.recommendation).toMatchObject({ type: 'closing' });
      expect(next.preview).toBeNull();
    });
  });

  describe('tenant isolation', () => {
    it('keeps one company’s scenarios, assignments, profiles and personas away from another', async () => {
      expect((await call('otherManager', 'GET', `/api/scenarios/${id.scenario}`)).status).toBe(404); // not yours: answered as missing
      expect((await call('otherManager', 'GET', `/api/companies/${id.demo}/scenarios`)).status).toBe(404); // not yours: answered as missing
      expect((await call('otherManager', 'GET', `/api/agents/${id.agent1}/profile`)).status).toBe(404); // not yours: answered as missing
      expect((await call('otherManager', 'GET', `/api/assignments?companyId=${id.demo}`)).status).toBe(403);
      expect((await call('otherManager', 'GET', '/api/assignments')).body.assignments).toEqual([]);
      // using another company's scenario through one's own company is refused too
      const viaOwn = await call('otherManager', 'POST', `/api/companies/${id.otherCompany}/assignments`, { scenarioId: id.scenario, agentUserIds: [id.otherAgent] });
      expect(viaOwn.status).toBe(404);
      const preview = await call('otherManager', 'POST', `/api/companies/${id.otherCompany}/persona-preview`, { scenarioId: id.scenario });
      expect(preview.status).toBe(404);
      // a manager cannot assign their company's scenario to another company's agent
      const cross = await call('manager', 'POST', `/api/companies/${id.demo}/assignments`, { scenarioId: id.scenario, agentUserIds: [id.otherAgent] });
      expect(cross.status).toBe(400);
      const persona = (await call('agent1', 'GET', `/api/agents/${id.agent1}/personas`)).body.personas[0];
      expect((await call('agent1', 'GET', `/api/personas/${persona.id}`)).status).toBe(200);
      expect((await call('agent2', 'GET', `/api/personas/${persona.id}`)).status).toBe(404); // not yours: answered as missing
      expect((await call('otherManager', 'GET', `/api/personas/${persona.id}`)).status).toBe(404); // not yours: answered as missing
      expect((await call('manager', 'GET', `/api/personas/${persona.id}`)).status).toBe(200);
    });
  });
});
