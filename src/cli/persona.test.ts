import { describe, expect, it } from 'vitest';
import { SKILL_IDS } from '../analysis/index.ts';
import type { PersonaSources } from '../personas/index.ts';
import { analysisWith, saasQuestionnaire } from '../personas/test-fixtures.ts';
import { runPersona, type PersonaDeps } from './persona.ts';

async function run(argv: string[], deps?: PersonaDeps) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPersona(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, deps);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('salesgym persona', () => {
  it('prints a Hebrew persona with its targeting and instructions for the demo company', async () => {
    const r = await run(['--company', 'demo', '--weakness', 'closing', '--seed', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('מה הפרסונה מתרגלת');
    expect(r.out).toContain('סגירה וצעדים הבאים');
    expect(r.out).toContain('# מי ');
  });

  it('--json gives one document with name, language, level, targets, objections, hiddenNeeds and instructions', async () => {
    const r = await run(['--company', 'demo', '--weakness', 'objection_handling', 'listening', '--level', 'advanced', '--lang', 'en', '--seed', '7', '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({ language: 'en', level: 'advanced', targets: ['objection_handling', 'listening'] });
    expect(typeof d.name).toBe('string');
    expect(d.objections.length).toBeGreaterThanOrEqual(3);
    for (const o of d.objections) expect(o).toEqual(expect.objectContaining({ kind: expect.any(String), text: expect.any(String) }));
    expect(d.hiddenNeeds.length).toBeGreaterThan(0);
    expect(d.instructions).toContain('Never say this is a simulation');
  });

  it('the same seed prints the same persona; another seed a different one', async () => {
    const a = JSON.parse((await run(['--company', 'demo', '--weakness', 'discovery', '--seed', '11', '--json'])).out);
    const b = JSON.parse((await run(['--company', 'demo', '--weakness', 'discovery', '--seed', '11', '--json'])).out);
    const c = JSON.parse((await run(['--company', 'demo', '--weakness', 'discovery', '--seed', '12', '--json'])).out);
    expect(a).toEqual(b);
    expect(c.persona).not.toEqual(a.persona);
  });

  it('works for every skill in both languages', async () => {
    for (const skill of SKILL_IDS) {
      for (const lang of ['he', 'en']) {
        const r = await run(['--company', 'demo', '--weakness', skill, '--lang', lang, '--seed', '1', '--json']);
        expect(r.code, r.err).toBe(0);
        expect(JSON.parse(r.out).targets[0]).toBe(skill);
      }
    }
  });

  it('reads a company and an agent through the persona sources (database seam)', async () => {
    let closed = false;
    const sources: PersonaSources = {
      questionnaire: async (id) => (id === 'co-9' ? { version: 5, data: saasQuestionnaire(), companyId: id } : null),
      analyses: async () => [1, 2].map((d) => ({ analysis: analysisWith({ scores: { product_knowledge: 35 }, language: 'en' }), at: new Date(Date.now() - d * 86_400_000), source: 'call' as const })),
    };
    const deps: PersonaDeps = { sources: async () => ({ sources, close: async () => { closed = true; } }) };
    const r = await run(['--company', 'co-9', '--agent', 'u1', '--seed', '2', '--json'], deps);
    expect(r.code, r.err).toBe(0);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({ questionnaireVersion: 5, language: 'en', scenario: 'product_knowledge' });
    expect(d.targets[0]).toBe('product_knowledge');
    expect(closed).toBe(true);
    const missing = await run(['--company', 'nope', '--json'], deps);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no questionnaire/);
  });

  it('explains bad arguments', async () => {
    expect((await run([])).err).toMatch(/missing --company/);
    const bad = await run(['--company', 'demo', '--weakness', 'charm']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--weakness must be one of opening/);
    expect((await run(['--company', 'demo', '--level', 'guru'])).err).toMatch(/--level must be one of/);
    expect((await run(['--company', 'demo', '--seed', 'x'])).err).toMatch(/whole number/);
  });
});
