import { describe, expect, it } from 'vitest';
import { SKILL_IDS } from '../analysis/index.ts';
import { SCENARIO_CATALOGUE, SCENARIO_TYPES, scenarioTypeForSkill } from './catalogue.ts';
import { ScenarioBuilder, defaultScenario } from './builder.ts';
import { LEVEL_SPECS, LEVELS } from './levels.ts';
import { scenarioSchema } from './scenario.ts';

describe('scenario catalogue', () => {
  it('names a weakness-targeted type for every skill by the skill id', () => {
    for (const skill of SKILL_IDS) {
      expect(scenarioTypeForSkill(skill)).toBe(skill);
      expect(SCENARIO_CATALOGUE[skill].group).toBe('weakness');
      expect(SCENARIO_CATALOGUE[skill].focusSkills[0]).toBe(skill);
    }
  });

  it('has company-specific and customer-service types', () => {
    for (const t of ['b2b', 'b2c', 'competitor_comparison']) expect(SCENARIO_CATALOGUE[t as 'b2b'].group).toBe('company');
    for (const t of ['angry_customer', 'confused_customer', 'cancellation_retention']) expect(SCENARIO_CATALOGUE[t as 'b2b'].group).toBe('service');
  });

  it('gives every type yes/no success criteria with Hebrew and English labels at every level', () => {
    for (const type of SCENARIO_TYPES) {
      for (const level of LEVELS) {
        const s = defaultScenario(type, level);
        expect(scenarioSchema.safeParse(s).success).toBe(true);
        expect(s.successCriteria.length).toBeGreaterThanOrEqual(3);
        for (const c of s.successCriteria) {
          expect(c.label.he).toMatch(/[\u0590-\u05FF]/);
          expect(c.label.en).toMatch(/[a-z]/);
        }
      }
    }
  });

  it('the closing scenario demands at least two close attempts, three at advanced', () => {
    const closeCheck = (l: (typeof LEVELS)[number]) => defaultScenario('closing', l).successCriteria.find((c) => c.check.type === 'close_attempts_min')!.check as { count: number };
    expect(closeCheck('foundation').count).toBeGreaterThanOrEqual(2);
    expect(closeCheck('advanced').count).toBeGreaterThanOrEqual(3);
  });

  it('levels get harder: more objections and intensity, less patience, fewer hints, longer calls', () => {
    const specs = LEVELS.map((l) => LEVEL_SPECS[l]);
    for (let i = 1; i < specs.length; i++) {
      expect(specs[i].objectionCount).toBeGreaterThan(specs[i - 1].objectionCount);
      expect(specs[i].intensity).toBeGreaterThan(specs[i - 1].intensity);
      expect(specs[i].patience).toBeLessThan(specs[i - 1].patience);
      expect(specs[i].hintsAllowed).toBeLessThan(specs[i - 1].hintsAllowed);
      expect(specs[i].timeLimitSec).toBeGreaterThan(specs[i - 1].timeLimitSec);
    }
    expect(LEVEL_SPECS.expert.stakeholders).toBeGreaterThan(1);
  });
});

describe('ScenarioBuilder', () => {
  it('creates from the catalogue with the level defaults', () => {
    const s = ScenarioBuilder.create('objection_handling', 'advanced', 'he').build();
    expect(s).toMatchObject({ type: 'objection_handling', level: 'advanced', version: 1, timeLimitSec: LEVEL_SPECS.advanced.timeLimitSec, hintsAllowed: LEVEL_SPECS.advanced.hintsAllowed });
    expect(s.name).toContain('מתקדם');
  });

  it('changing the level updates time, hints and criteria unless set by hand', () => {
    const s = ScenarioBuilder.create('discovery', 'foundation').timeLimit(300).level('expert').build();
    expect(s.timeLimitSec).toBe(300);
    expect(s.hintsAllowed).toBe(0);
    const q = s.successCriteria.find((c) => c.check.type === 'discovery_questions_min')!.check as { count: number };
    expect(q.count).toBe(11);
  });

  it('adds, replaces and removes yes/no checks', () => {
    const s = ScenarioBuilder.create('b2c').addCheck({ type: 'talk_ratio_max', ratio: 0.5 }, 'listening').addCheck({ type: 'talk_ratio_max', ratio: 0.45 }, 'listening').removeCheck('next_step_agreed').build();
    expect(s.successCriteria.filter((c) => c.check.type === 'talk_ratio_max')).toHaveLength(1);
    expect(s.successCriteria.find((c) => c.id === 'talk_ratio_max')!.label.he).toContain('45%');
    expect(s.successCriteria.some((c) => c.id === 'next_step_agreed')).toBe(false);
  });

  it('merges persona overrides and removes one set to undefined', () => {
    const s = ScenarioBuilder.create('closing').override({ name: 'דנה לוי', patience: 0.3 }).override({ patience: undefined, emotion: 'frustrated' }).build();
    expect(s.personaOverrides).toEqual({ name: 'דנה לוי', emotion: 'frustrated' });
  });

  it('editing keeps the id and bumps the version', () => {
    const v1 = { ...ScenarioBuilder.create('opening', 'intermediate').build(), id: 'sc1' };
    const v2 = ScenarioBuilder.edit(v1).notes('להתמקד ב-20 השניות הראשונות').build();
    expect(v2).toMatchObject({ id: 'sc1', version: 2, notes: 'להתמקד ב-20 השניות הראשונות' });
  });

  it('rejects unknown types, levels and bad overrides with readable messages', () => {
    expect(() => ScenarioBuilder.create('haggling')).toThrow(/Unknown scenario type "haggling"/);
    expect(() => ScenarioBuilder.create('closing', 'guru')).toThrow(/Unknown level "guru"/);
    expect(() => ScenarioBuilder.create('closing').override({ patience: 3 })).toThrow(/patience/);
    expect(() => ScenarioBuilder.create('closing').targets([])).toThrow(/at least one skill/);
  });
});
