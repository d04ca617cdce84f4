import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/index.ts';
import { createRepositories, type Database, type Repositories } from '../db/index.ts';
import { createOrgService, DEMO_QUESTIONNAIRE } from '../org/index.ts';
import { openTestDatabase, testDbKinds } from '../testing/db.ts';
import { createPersonaService, type PersonaService } from './service.ts';
import { analysisWith } from './test-fixtures.ts';

const DAY = 86_400_000;

for (const kind of testDbKinds()) {
  describe(`scenario, persona and assignment storage on ${kind}`, () => {
    let db: Database;
    let repos: Repositories;
    let svc: PersonaService;
    let companyId: string;
    let managerId: string;
    let agentId: string;
    let agent2Id: string;
    let teamId: string;

    beforeAll(async () => {
      db = await openTestDatabase(kind);
      repos = createRepositories(db);
      const org = createOrgService(repos);
      const { company, manager } = await org.createCompany({ name: 'Storage Co', seatLimit: 10, manager: { email: `m-${kind}@s.dev`, name: 'Manager', password: 'storage-password-1' } });
      companyId = company.id;
      managerId = manager!.id;
      teamId = (await repos.teams.insert({ id: newId(), companyId, name: 'Phones' })).id;
      agentId = (await org.addMember(companyId, { email: `a-${kind}@s.dev`, name: 'Agent One', password: 'storage-password-1', role: 'agent', teamId })).id;
      agent2Id = (await org.addMember(companyId, { email: `b-${kind}@s.dev`, name: 'Agent Two', password: 'storage-password-1', role: 'agent', teamId })).id;
      await org.saveQuestionnaire(companyId, DEMO_QUESTIONNAIRE, managerId);
      // agent one: two analysed calls in the calls domain's stored shape ({ kind, analysis, audio }), weak at closing
      for (const daysAgo of [2, 9]) {
        const analysis = analysisWith({ scores: { closing: 30, objection_handling: 55 }, weaknesses: [{ skill: 'closing', severity: 0.9, quote: 'אז אני אחזור אליך מתישהו' }] });
        const at = new Date(Date.now() - daysAgo * DAY);
        await repos.calls.insert({
          id: newId(), companyId, agentUserId: agentId, uploadedBy: agentId, title: 'call', language: 'he', callType: 'phone_sale', source: 'transcript', channelMap: 'left_agent',
          sizeBytes: 0, status: 'done', progress: 1, report: { kind: 'full', analysis, audio: null }, reportKind: 'full', overallScore: 50, quotaConsumed: true, createdAt: at, analysedAt: at,
        });
      }
      svc = createPersonaService({ repos });
    });
    afterAll(async () => db?.close());

    it('keeps the old version readable after an edit and makes the edit the current version', async () => {
      const v1 = await svc.createScenario({ id: managerId }, companyId, { type: 'objection_handling', level: 'foundation', name: 'Price fight' });
      expect(v1.version).toBe(1);
      const v2 = await svc.updateScenario({ id: managerId }, v1.id, 1, { type: 'objection_handling', level: 'advanced', name: 'Price fight, harder', personaOverrides: { emotion: 'angry' } });
      expect(v2.version).toBe(2);
      const old = await svc.getScenario(v1.id, 1);
      expect(old.scenario).toMatchObject({ name: 'Price fight', level: 'foundation', version: 1, personaOverrides: {} });
      expect((await svc.getScenario(v1.id)).scenario).toMatchObject({ name: 'Price fight, harder', level: 'advanced', version: 2, personaOverrides: { emotion: 'angry' } });
      expect((await svc.scenarioVersions(v1.id)).map((v) => v.version)).toEqual([2, 1]);
      expect((await svc.listScenarios(companyId)).find((s) => s.id === v1.id)?.version).toBe(2);
    });

    it('refuses an edit made from an outdated version, and lets exactly one of two racing edits win', async () => {
      const s = await svc.createScenario({ id: managerId }, companyId, { type: 'closing' });
      await expect(svc.updateScenario({ id: managerId }, s.id, 2, { type: 'closing' })).rejects.toMatchObject({ code: 'CONFLICT' });
      const results = await Promise.allSettled([
        svc.updateScenario({ id: managerId }, s.id, 1, { type: 'closing', name: 'Edit A' }),
        svc.updateScenario({ id: managerId }, s.id, 1, { type: 'closing', name: 'Edit B' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT']);
      expect((await svc.scenarioVersions(s.id)).map((v) => v.version)).toEqual([2, 1]);
    });

    it('refuses to change the type of a saved scenario', async () => {
      const s = await svc.createScenario({ id: managerId }, companyId, { type: 'discovery' });
      await expect(svc.updateScenario({ id: managerId }, s.id, 1, { type: 'closing' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('stores a practice persona with the exact scenario and questionnaire versions it was made from', async () => {
      const s = await svc.createScenario({ id: managerId }, companyId, { type: 'objection_handling', level: 'intermediate' });
      await svc.updateScenario({ id: managerId }, s.id, 1, { type: 'objection_handling', level: 'advanced' });
      const qBefore = (await repos.questionnaires.latest(companyId))!.version;

      const p = await svc.prepareForPractice({ companyId, agentUserId: agentId, scenarioId: s.id, seed: 42 });
      expect(p).toMatchObject({ scenarioId: s.id, scenarioVersion: 2, questionnaireVersion: qBefore, personaVersion: 1, seed: 42 });
      expect(p.instructions.length).toBeGreaterThan(200);
      expect(p.persona.provenance.questionnaireVersion).toBe(qBefore);
      expect(p.persona.targets.map((t) => t.skill)).toContain('closing'); // the agent's analysed weakness
      const row = (await repos.personas.byId(p.personaId))!;
      expect(row).toMatchObject({ agentUserId: agentId, scenarioId: s.id, scenarioVersion: 2, questionnaireVersion: qBefore, seed: 42, purpose: 'practice', level: 'advanced' });

      // an older version on request; and a new questionnaire version is recorded by the next persona
      const old = await svc.prepareForPractice({ companyId, agentUserId: agentId, scenarioId: s.id, scenarioVersion: 1, seed: 42 });
      expect(old).toMatchObject({ scenarioVersion: 1 });
      expect(old.scenario.level).toBe('intermediate');
      await createOrgService(repos).saveQuestionnaire(companyId, { ...DEMO_QUESTIONNAIRE, differentiator: 'שירות אישי עם סוכן קבוע שזמין בווטסאפ' }, managerId);
      const after = await svc.prepareForPractice({ companyId, agentUserId: agentId, scenarioType: 'closing', seed: 42 });
      expect(after.questionnaireVersion).toBe(qBefore + 1);
      expect((await repos.personas.byId(after.personaId))!).toMatchObject({ scenarioId: null, scenarioVersion: null, questionnaireVersion: qBefore + 1, scenarioType: 'closing' });
    });

    it('gives the same persona for the same seed and avoids the names of the agent’s recent customers otherwise', async () => {
      const a = await svc.preview(companyId, { draft: { type: 'closing' }, agentUserId: agentId, seed: 7 });
      const b = await svc.preview(companyId, { draft: { type: 'closing' }, agentUserId: agentId, seed: 7 });
      expect(b.persona).toEqual(a.persona);
      const recent = await repos.personas.recentNames(agentId);
      expect(recent.length).toBeGreaterThan(0);
      const fresh = await svc.prepareForPractice({ companyId, agentUserId: agentId, scenarioType: 'closing' });
      expect(recent).not.toContain(fresh.persona.name);
    });

    it('pins an assignment to the version assigned, expands a team to its agents, and completes it once', async () => {
      const s = await svc.createScenario({ id: managerId }, companyId, { type: 'rapport' });
      const rows = await svc.assign({ id: managerId }, companyId, { scenarioId: s.id, teamId, dueAt: new Date(Date.now() + 3 * DAY) });
      expect(rows.map((r) => r.agentUserId).sort()).toEqual([agentId, agent2Id].sort());
      expect(rows.every((r) => r.teamId === teamId && r.scenarioVersion === 1 && r.status === 'open')).toBe(true);
      await svc.updateScenario({ id: managerId }, s.id, 1, { type: 'rapport', level: 'expert' });

      const mine = rows.find((r) => r.agentUserId === agentId)!;
      const p = await svc.prepareForPractice({ companyId, agentUserId: agentId, assignmentId: mine.id, seed: 1 });
      expect(p).toMatchObject({ assignmentId: mine.id, scenarioId: s.id, scenarioVersion: 1 });
      expect(p.scenario.level).toBe('intermediate');
      // another agent's assignment is not theirs to practise
      await expect(svc.prepareForPractice({ companyId, agentUserId: agent2Id, assignmentId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

      const done = await svc.completeAssignment(mine.id, null);
      expect(done.status).toBe('completed');
      expect(done.completedAt).toBeInstanceOf(Date);
      await expect(svc.completeAssignment(mine.id)).rejects.toMatchObject({ code: 'CONFLICT' });
      const other = rows.find((r) => r.agentUserId === agent2Id)!;
      expect(await svc.completeAssignmentsAfterPractice(agent2Id, s.id, null)).toEqual([other.id]);
    });

    it('refuses assignments to people outside the company and to archived scenarios', async () => {
      const s = await svc.createScenario({ id: managerId }, companyId, { type: 'listening' });
      await expect(svc.assign({ id: managerId }, companyId, { scenarioId: s.id, agentUserIds: [managerId] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(svc.assign({ id: managerId }, companyId, { scenarioId: s.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await svc.setArchived(s.id, true);
      await expect(svc.assign({ id: managerId }, companyId, { scenarioId: s.id, agentUserIds: [agentId] })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await svc.listScenarios(companyId)).map((x) => x.id)).not.toContain(s.id);
      expect((await svc.listScenarios(companyId, { includeArchived: true })).map((x) => x.id)).toContain(s.id);
    });

    it('builds the profile from analysed calls with quotes, and from a self-assessment when there are none', async () => {
      const withCalls = await svc.weaknessProfile(agentId);
      expect(withCalls.basis).toBe('analyses');
      expect(withCalls.callCount).toBe(2);
      expect(withCalls.top[0]).toBe('closing');
      expect(withCalls.skills[0].evidence[0].text).toBe('אז אני אחזור אליך מתישהו');

      expect((await svc.weaknessProfile(agent2Id)).basis).toBe('none');
      const self = await svc.selfAssess(companyId, agent2Id, { discovery: 1, closing: 5 });
      expect(self.basis).toBe('self_assessment');
      expect(self.top[0]).toBe('discovery');
      const next = await svc.practiseNext(agent2Id);
      expect(next.preview?.persona.targets.map((t) => t.skill)).toContain('discovery');

      // the manager's choice outranks both
      const focused = await svc.setFocus({ id: managerId }, companyId, agentId, ['product_knowledge']);
      expect(focused.top[0]).toBe('product_knowledge');
      await svc.setFocus({ id: managerId }, companyId, agentId, []);
      expect((await svc.weaknessProfile(agentId)).basis).toBe('analyses');
    });
  });
}
