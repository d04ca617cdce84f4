import { describe, expect, it } from 'vitest';
import { SALES_ACTS } from '../analysis/index.ts';
import { ScenarioBuilder, defaultScenario } from '../scenarios/index.ts';
import { buildCompanyContext } from './company-context.ts';
import { compileDifficultyUpdate, compileInstructions } from './instructions.ts';
import { BRAIN_EVENTS, compileOfflineBrainParams, offlineBrainParamsSchema } from './offline-params.ts';
import { personaForScenario } from './persona-generator.ts';
import { demoQuestionnaire } from './test-fixtures.ts';
import { hasHebrew } from './text.ts';
import { profileFromManagerChoice } from './weakness-profile.ts';

const profile = profileFromManagerChoice(['objection_handling', 'closing', 'listening']);
const build = (lang: 'he' | 'en', type = 'objection_handling', level = 'advanced') => {
  const ctx = buildCompanyContext({ version: 3, data: demoQuestionnaire() }, { language: lang });
  const scenario = ScenarioBuilder.create(type, level, lang).build();
  const persona = personaForScenario(scenario, profile, ctx, [], { seed: 2024 });
  return { ctx, scenario, persona };
};

const hebrewShare = (s: string) => (s.match(/[\u0590-\u05FF]/g)?.length ?? 0) / (s.match(/\p{L}/gu)?.length ?? 1);

describe('compileInstructions', () => {
  it('Hebrew session → Hebrew instructions (snapshot)', () => {
    const { persona, scenario } = build('he');
    const text = compileInstructions(persona, scenario);
    expect(hebrewShare(text)).toBeGreaterThan(0.9);
    expect(text).toMatchSnapshot();
  });

  it('English session → English instructions (snapshot)', () => {
    const { persona, scenario } = build('en');
    const text = compileInstructions(persona, scenario);
    expect(hebrewShare(text)).toBeLessThan(0.1);
    expect(text).toMatchSnapshot();
  });

  it('keeps the model in character and never reveals a training exercise', () => {
    const he = compileInstructions(build('he').persona, build('he').scenario);
    expect(he).toMatch(/לעולם אל (תגיד|תגידי) שזו סימולציה, אימון, תרגול/);
    expect(he).toMatch(/רובוט או בינה מלאכותית/);
    const en = compileInstructions(build('en').persona, build('en').scenario);
    expect(en).toContain('Never say this is a simulation, training, practice');
    expect(en).not.toMatch(/you are an AI|language model/i);
  });

  it('states every objection, how it is resolved, and releases hidden needs only when earned', () => {
    const { persona, scenario } = build('he');
    const text = compileInstructions(persona, scenario);
    for (const o of persona.objections) expect(text).toContain(o.text);
    for (const n of persona.hiddenNeeds) {
      expect(text).toContain(n.reveal[0]);
      expect(text).toContain(n.need);
    }
    expect(text).toMatch(/לא לספר מיוזמתך/);
    expect(text).toContain(`${persona.decision.closeAttemptsRequired} ניסיונות סגירה`);
  });

  it('states turn-taking and ending rules', () => {
    const { persona, scenario } = build('en');
    const text = compileInstructions(persona, scenario);
    expect(text).toContain(`at most ${persona.communication.maxTurnWords} words`);
    expect(text).toMatch(/uh-huh/);
    expect(text).toMatch(/When your patience runs out, end the call/);
    expect(text).toContain(`about ${Math.round(scenario.timeLimitSec / 60)} minutes`);
  });

  it('addresses a female persona in the feminine', () => {
    const ctx = buildCompanyContext({ version: 3, data: demoQuestionnaire() });
    const scenario = defaultScenario('closing', 'intermediate', 'he');
    const she = personaForScenario({ ...scenario, personaOverrides: { gender: 'female' } }, profile, ctx, [], { seed: 1 });
    const text = compileInstructions(she, scenario);
    expect(text).toContain('# מי את');
    expect(text).toMatch(/לקוחה אמיתית/);
    expect(text).not.toMatch(/[[\]]\|/);
  });

  it('has mid-call difficulty updates in the session language', () => {
    const { persona } = build('he');
    expect(hasHebrew(compileDifficultyUpdate(persona, 'harder'))).toBe(true);
    expect(compileDifficultyUpdate(build('en').persona, 'easier')).toMatch(/patient and supportive/);
  });
});

describe('compileOfflineBrainParams', () => {
  it('is valid, deterministic and snapshot-stable (he)', () => {
    const { persona, scenario } = build('he');
    const a = compileOfflineBrainParams(persona, scenario);
    expect(offlineBrainParamsSchema.safeParse(a).success).toBe(true);
    expect(compileOfflineBrainParams(persona, scenario)).toEqual(a);
    expect(a).toMatchSnapshot();
  });

  it('is snapshot-stable (en)', () => {
    const { persona, scenario } = build('en', 'discovery', 'intermediate');
    expect(compileOfflineBrainParams(persona, scenario)).toMatchSnapshot();
  });

  it('carries the objection queue with phrasings, patience, trust and thresholds', () => {
    const { persona, scenario } = build('he');
    const p = compileOfflineBrainParams(persona, scenario);
    expect(p.objections.map((o) => o.lines[0])).toEqual(persona.objections.map((o) => o.text));
    expect(p.objections.every((o) => o.pushbacks.length > 0 && o.acceptLines.length > 0)).toBe(true);
    expect(p.start).toMatchObject({ trust: persona.attitude.trust, patience: persona.communication.patience });
    expect(p.close.attemptsRequired).toBe(persona.decision.closeAttemptsRequired);
    expect(p.thresholds.revealNeedMinTrust).toBeGreaterThan(0);
    expect(p.hiddenNeeds.every((n) => n.revealLines.length > 0 && n.topics.length > 0)).toBe(true);
    expect(p.plantedDetails.length).toBeGreaterThanOrEqual(2);
  });

  it('has reply banks in the session language for every situation, and effects for every act and event', () => {
    for (const lang of ['he', 'en'] as const) {
      const { persona, scenario } = build(lang);
      const p = compileOfflineBrainParams(persona, scenario);
      for (const k of ['answerPhone', 'deflect', 'postpone', 'agreeNextStep', 'hangUp', 'goodbye', 'alreadyToldYou', 'buyingSignals', 'budget']) {
        expect(p.phrases[k]?.length, k).toBeGreaterThan(0);
        for (const line of p.phrases[k]) expect(hasHebrew(line), line).toBe(lang === 'he');
      }
      expect(Object.keys(p.effects.acts).sort()).toEqual([...SALES_ACTS].sort());
      expect(Object.keys(p.effects.events).sort()).toEqual([...BRAIN_EVENTS].sort());
    }
  });

  it('punishes ignored objections harder when objection handling is targeted', () => {
    const oh = build('he', 'objection_handling', 'intermediate');
    const dis = personaForScenario(defaultScenario('opening', 'intermediate', 'he'), profileFromManagerChoice(['opening']), oh.ctx, [], { seed: 2024 });
    const a = compileOfflineBrainParams(oh.persona, oh.scenario).effects.events.ignored_objection.trust;
    const b = compileOfflineBrainParams(dis, defaultScenario('opening', 'intermediate', 'he')).effects.events.ignored_objection.trust;
    expect(a).toBeLessThan(b);
  });
});
