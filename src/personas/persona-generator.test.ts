import { describe, expect, it } from 'vitest';
import { SKILL_IDS, type SkillId } from '../analysis/index.ts';
import { SCENARIO_TYPES, defaultScenario } from '../scenarios/index.ts';
import { buildCompanyContext } from './company-context.ts';
import { generatePersona, personaForScenario } from './persona-generator.ts';
import { customerPersonaSchema, type CustomerPersona } from './persona-schema.ts';
import { analysisWith, demoQuestionnaire, saasQuestionnaire } from './test-fixtures.ts';
import { hasHebrew } from './text.ts';
import { buildWeaknessProfile, profileFromManagerChoice, type AnalysisRecord } from './weakness-profile.ts';

const heCtx = buildCompanyContext({ version: 2, data: demoQuestionnaire() });
const enCtx = buildCompanyContext({ version: 2, data: demoQuestionnaire() }, { language: 'en' });
const saasCtx = buildCompanyContext({ version: 1, data: saasQuestionnaire() });
const weakIn = (skill: SkillId) => profileFromManagerChoice([skill]);
const SEEDS = [1, 2, 3, 17, 99];

/** For each skill: does the persona exercise it? */
const EXERCISES: Record<SkillId, (p: CustomerPersona) => void> = {
  opening: (p) => {
    expect(p.opening.resistant).toBe(true);
    expect(p.opening.reasonDeadlineSec).toBeLessThanOrEqual(30);
  },
  discovery: (p) => {
    expect(p.hiddenNeeds.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...p.hiddenNeeds.map((n) => n.questionsNeeded))).toBeGreaterThanOrEqual(2);
    expect(p.communication.talkativeness).toBeLessThanOrEqual(0.3);
  },
  rapport: (p) => {
    expect(['skeptical', 'frustrated', 'angry']).toContain(p.emotion.baseline);
    expect(p.attitude.trust).toBeLessThan(0.35);
  },
  listening: (p) => {
    expect(p.plantedDetails.length).toBeGreaterThanOrEqual(2);
    expect(p.communication.talkativeness).toBeGreaterThanOrEqual(0.65);
  },
  objection_handling: (p) => {
    expect(p.objections.length).toBeGreaterThanOrEqual(2);
    for (const o of p.objections) expect(['company', 'pack', 'call_history']).toContain(o.source);
  },
  product_knowledge: (p) => {
    expect(p.technicalQuestions.length).toBeGreaterThanOrEqual(3);
  },
  closing: (p) => {
    expect(p.decision.closeAttemptsRequired).toBeGreaterThanOrEqual(2);
    expect(p.buyingSignals.length).toBeGreaterThan(0);
  },
};

describe('PersonaGenerator: every skill in the taxonomy is exercised', () => {
  for (const skill of SKILL_IDS) {
    it(`a ${skill} weakness gives personas that press on ${skill} (he and en, several seeds)`, () => {
      for (const ctx of [heCtx, enCtx]) {
        for (const seed of SEEDS) {
          const p = generatePersona(weakIn(skill), ctx, [], 'intermediate', { seed });
          EXERCISES[skill](p);
          const t = p.targets.find((x) => x.skill === skill)!;
          expect(t.how.length).toBeGreaterThan(30);
          expect(t.levers.length).toBeGreaterThan(0);
          expect(p.scenarioType).toBe(skill);
        }
      }
    });
  }

  it('objection-handling objections come from the company bank first (Hebrew) or the pack (English)', () => {
    const he = generatePersona(weakIn('objection_handling'), heCtx, [], 'intermediate', { seed: 5 });
    const bank = demoQuestionnaire().objectionBank.map((o) => o.text);
    expect(he.objections.filter((o) => o.source === 'company').length).toBeGreaterThanOrEqual(2);
    expect(bank.some((b) => he.objections[0].text.includes(b) || he.objections[0].text.includes(b.replace('משלם', 'משלמת').replace('אשתי', 'בעלי')))).toBe(true);
    const en = generatePersona(weakIn('objection_handling'), enCtx, [], 'intermediate', { seed: 5 });
    expect(en.objections.every((o) => o.source === 'pack')).toBe(true);
  });

  it('closing gets harder with the level: at least 3 close attempts at advanced', () => {
    expect(generatePersona(weakIn('closing'), heCtx, [], 'advanced', { seed: 1 }).decision.closeAttemptsRequired).toBeGreaterThanOrEqual(3);
  });

  it('targets the top weaknesses of a real profile built from analyses', () => {
    const now = new Date('2026-03-01');
    const records: AnalysisRecord[] = [1, 2, 3].map((d) => ({ analysis: analysisWith({ scores: { closing: 30, listening: 40 } }), at: new Date(now.getTime() - d * 86_400_000), source: 'call' }));
    const profile = buildWeaknessProfile(records, { now });
    const p = generatePersona(profile, heCtx, records, 'intermediate', { seed: 3 });
    expect(p.targets.map((t) => t.skill).slice(0, 2)).toEqual(['closing', 'listening']);
    expect(p.targets[0].weakness).toBeGreaterThan(0.5);
    EXERCISES.closing(p);
    EXERCISES.listening(p);
  });
});

describe('PersonaGenerator: determinism and variety', () => {
  it('the same seed gives the same persona', () => {
    const a = generatePersona(weakIn('discovery'), heCtx, [], 'advanced', { seed: 42 });
    const b = generatePersona(weakIn('discovery'), heCtx, [], 'advanced', { seed: 42 });
    expect(a).toEqual(b);
  });

  it('different seeds give different personas', () => {
    const people = SEEDS.map((seed) => generatePersona(weakIn('objection_handling'), heCtx, [], 'intermediate', { seed }));
    expect(new Set(people.map((p) => p.name)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(people.map((p) => JSON.stringify([p.name, p.age, p.objections.map((o) => o.text)]))).size).toBe(SEEDS.length);
  });

  it('records the seed when none is given, so the persona can be replayed', () => {
    const a = generatePersona(weakIn('rapport'), heCtx, [], 'foundation');
    expect(generatePersona(weakIn('rapport'), heCtx, [], 'foundation', { seed: a.seed })).toEqual(a);
  });

  it('a pinned name does not reshuffle the rest of the persona', () => {
    const a = generatePersona(weakIn('closing'), heCtx, [], 'intermediate', { seed: 8 });
    const b = generatePersona(weakIn('closing'), heCtx, [], 'intermediate', { seed: 8, overrides: { name: 'מאיר כץ', gender: a.gender } });
    expect(b.name).toBe('מאיר כץ');
    expect(b.objections).toEqual(a.objections);
    expect(b.decision.closeAttemptsRequired).toBe(a.decision.closeAttemptsRequired);
  });

  it('avoids the names of recent personas', () => {
    const a = generatePersona(weakIn('closing'), heCtx, [], 'intermediate', { seed: 8 });
    const b = generatePersona(weakIn('closing'), heCtx, [], 'intermediate', { seed: 8, avoidNames: [a.name] });
    expect(b.name.split(' ')[0]).not.toBe(a.name.split(' ')[0]);
  });
});

describe('PersonaGenerator: language, market and company facts', () => {
  it('Hebrew personas have Hebrew names and Hebrew text; English ones have none', () => {
    for (const seed of SEEDS) {
      const he = generatePersona(weakIn('discovery'), heCtx, [], 'intermediate', { seed });
      expect(hasHebrew(he.name)).toBe(true);
      for (const t of [he.role, he.background, he.currentSituation, he.personality.summary, ...he.objections.map((o) => o.text), ...he.hiddenNeeds.map((n) => n.need), ...he.targets.map((x) => x.how)]) {
        expect(hasHebrew(t), t).toBe(true);
      }
      expect(he.objections.map((o) => o.text).join(' ')).not.toMatch(/[[\]|{}]/);
      const en = generatePersona(weakIn('discovery'), saasCtx, [], 'intermediate', { seed });
      expect(hasHebrew(JSON.stringify(en))).toBe(false);
    }
  });

  it('female personas speak the company lines in the feminine', () => {
    const p = generatePersona(weakIn('objection_handling'), heCtx, [], 'expert', { seed: 3, overrides: { gender: 'female', objectionKinds: ['price', 'authority'] } });
    const all = p.objections.map((o) => o.text).join(' ');
    expect(all).toContain('משלמת');
    expect(all).not.toMatch(/אני כבר משלם |אשתי/);
  });

  it("the questionnaire's price appears in a price-sensitive scenario, the competitor in a comparison", () => {
    for (const seed of SEEDS) {
      const oh = generatePersona(weakIn('objection_handling'), heCtx, [], 'intermediate', { seed });
      expect(oh.objections.find((o) => o.kind === 'price')!.text).toContain('2,400 שקל');
      const cc = generatePersona(weakIn('discovery'), heCtx, [], 'intermediate', { seed, scenarioType: 'competitor_comparison' });
      const comp = cc.objections.find((o) => o.kind === 'competitor')!;
      expect(cc.objections[0].kind).toBe('competitor');
      expect(demoQuestionnaire().competitors.some((c) => comp.text.includes(c.name))).toBe(true);
      expect(comp.text).toContain(cc.competitor!.name);
    }
  });

  it('product-knowledge questions come from the questionnaire first', () => {
    const p = generatePersona(weakIn('product_knowledge'), heCtx, [], 'advanced', { seed: 4 });
    expect(p.technicalQuestions[0].text).toContain('ביטוח חיים');
    expect(p.technicalQuestions.some((q) => q.answerHint)).toBe(true);
  });

  it('uses objections the agent failed in real calls when the company has none of that kind', () => {
    const data = { ...demoQuestionnaire(), objectionBank: [] };
    const ctx = buildCompanyContext({ version: 1, data });
    const history: AnalysisRecord[] = [{ analysis: analysisWith({ objections: [{ kind: 'price', quote: 'תשמע, בשביל הסכום הזה אני מעדיף לחכות', handled: false }] }), at: new Date(), source: 'call' }];
    const p = generatePersona(weakIn('objection_handling'), ctx, history, 'intermediate', { seed: 2, overrides: { objectionKinds: ['price', 'trust'] } });
    expect(p.objections[0]).toMatchObject({ kind: 'price', source: 'call_history' });
    expect(p.objections[0].text).toContain('בשביל הסכום הזה');
    expect(p.provenance.callsUsed).toBe(1);
  });

  it('B2B personas have an organization and B2B roles; expert adds a committee with conflicting priorities', () => {
    const p = generatePersona(weakIn('closing'), saasCtx, [], 'expert', { seed: 6 });
    expect(p.audience).toBe('B2B');
    expect(p.organization).toBeTruthy();
    expect(p.stakeholders.length).toBeGreaterThanOrEqual(2);
    expect(new Set(p.stakeholders.map((s) => s.priority)).size).toBe(p.stakeholders.length);
    expect(new Set(p.stakeholders.map((s) => s.stance)).size).toBeGreaterThan(1);
    expect(p.decision.authority).not.toBe('sole');
    expect(generatePersona(weakIn('closing'), saasCtx, [], 'intermediate', { seed: 6 }).stakeholders).toEqual([]);
  });

  it('a B2C expert persona brings a spouse with the same family name', () => {
    const p = generatePersona(weakIn('closing'), heCtx, [], 'expert', { seed: 9 });
    expect(p.stakeholders).toHaveLength(1);
    expect(p.stakeholders[0].role).toMatch(/בן הזוג|בת הזוג/);
    expect(p.stakeholders[0].name.split(' ').slice(1).join(' ')).toBe(p.name.split(' ').slice(1).join(' '));
  });

  it('records the questionnaire version and company in its provenance', () => {
    const p = generatePersona(weakIn('opening'), heCtx, [], 'foundation', { seed: 1 });
    expect(p.provenance).toMatchObject({ questionnaireVersion: 2, packId: 'insurance', generator: 'deterministic', profileBasis: 'manager_choice' });
  });

  it('every scenario type and level yields a valid persona', () => {
    for (const type of SCENARIO_TYPES) {
      for (const level of ['foundation', 'intermediate', 'advanced', 'expert'] as const) {
        const p = personaForScenario(defaultScenario(type, level), weakIn('discovery'), heCtx, [], { seed: 12 });
        expect(customerPersonaSchema.safeParse(p).success).toBe(true);
        expect(p.level).toBe(level);
      }
    }
  });

  it('inbound service scenarios open with the customer stating the problem', () => {
    const angry = personaForScenario(defaultScenario('angry_customer', 'advanced'), weakIn('rapport'), heCtx, [], { seed: 4 });
    expect(angry.emotion.baseline).toBe('angry');
    expect(angry.opening.firstResponse.length).toBeGreaterThan(20);
    const leaving = personaForScenario(defaultScenario('cancellation_retention', 'intermediate'), weakIn('rapport'), heCtx, [], { seed: 4 });
    expect(leaving.opening.firstResponse).toMatch(/לבטל|לעזוב/);
  });

  it('refuses a context built for another language', () => {
    expect(() => generatePersona(weakIn('opening'), heCtx, [], 'foundation', { seed: 1, language: 'en' })).toThrow(/build the context/);
  });
});
