import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SkillId } from '../analysis/index.ts';
import { DEMO_CALLS } from '../calls/index.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';

/** The weakness each demo agent's calls were written to show (samples/calls, src/calls/demo.ts). */
const INTENDED: Record<string, SkillId> = {
  'agent1@demo.salesgym.dev': 'discovery',
  'agent2@demo.salesgym.dev': 'closing',
  'agent3@demo.salesgym.dev': 'objection_handling',
};

describe('demo company: each demo agent is aimed at their own weak spot', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const email of Object.keys(INTENDED)) ids[email] = (await t.ctx.repos.users.byEmail(email))!.id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('seeds two or more analysed calls per agent, every one of them a real sample', async () => {
    for (const [email, calls] of Object.entries(DEMO_CALLS)) {
      expect(calls.length, email).toBeGreaterThanOrEqual(2);
      const profile = await t.ctx.personas.weaknessProfile(ids[email]);
      expect(profile.callCount, `${email}: a sample named in DEMO_CALLS is missing from samples/calls`).toBe(calls.length);
    }
  });

  it('ranks a different top weakness for each agent: discovery for Yossi, closing for Noa, objection handling for Daniel', async () => {
    const tops: SkillId[] = [];
    for (const [email, skill] of Object.entries(INTENDED)) {
      const profile = await t.ctx.personas.weaknessProfile(ids[email]);
      expect(profile.basis, email).toBe('analyses');
      expect(profile.skills[0].skill, `${email}: ${profile.skills.map((s) => `${s.skill} ${s.weakness}`).join(', ')}`).toBe(skill);
      expect(profile.top[0], email).toBe(skill);
      // a clear lead, not a coin toss between two skills
      expect(profile.skills[0].weakness - profile.skills[1].weakness, email).toBeGreaterThanOrEqual(0.05);
      expect(profile.skills[0].evidence.length, `${email}: the top weakness keeps quotes from the calls`).toBeGreaterThan(0);
      tops.push(profile.top[0]);
    }
    expect(new Set(tops).size).toBe(3);
  });

  it('recommends each agent a practice customer whose persona targets that agent\'s top weakness', async () => {
    for (const [email, skill] of Object.entries(INTENDED)) {
      const next = await t.ctx.personas.practiseNext(ids[email]);
      expect(next.scenario.type, email).toBe(skill);
      const persona = next.preview!.persona;
      const target = persona.targets.find((x) => x.skill === skill);
      expect(target, `${email}: targets ${persona.targets.map((x) => x.skill).join(', ')}`).toBeDefined();
      expect(target!.weakness, email).toBeGreaterThan(0.35);
      // the stored demo recommendation is the same aim
      const stored = (await t.ctx.personas.listPersonas(ids[email])).find((p) => p.purpose === 'recommendation');
      expect(stored, email).toBeDefined();
      expect((stored!.persona as typeof persona).targets.map((x) => x.skill), email).toContain(skill);
    }
  });

  it('gives the three agents visibly different customers: an indecisive one for Noa, an objecting one for Daniel', async () => {
    const persona = async (email: string) => (await t.ctx.personas.practiseNext(ids[email])).preview!.persona;
    const noa = await persona('agent2@demo.salesgym.dev');
    const daniel = await persona('agent3@demo.salesgym.dev');
    expect(noa.decision.closeAttemptsRequired).toBeGreaterThanOrEqual(2);
    expect(daniel.objections.length).toBeGreaterThanOrEqual(2);
    expect(daniel.objections.length).toBeGreaterThan(noa.objections.length);
    expect(daniel.objections.map((o) => o.kind)).toContain('price');
  });
});
