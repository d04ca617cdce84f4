import { describe, expect, it } from 'vitest';
import type { SkillId } from '../analysis/index.ts';
import { recommendNextScenario, levelForSkill, type ProfileLike, type PracticeResult } from './recommend.ts';

const profile = (top: SkillId[], scores: Partial<Record<SkillId, number>> = {}): ProfileLike => ({
  basis: 'analyses',
  top,
  skills: top.map((skill) => ({ skill, weakness: 0.6, score: scores[skill] ?? 55 })),
});
const at = (d: number) => new Date(Date.UTC(2026, 0, d));

describe('recommendNextScenario', () => {
  it("practises the top weakness at a level matched to the agent's score", () => {
    const r = recommendNextScenario(profile(['closing', 'discovery'], { closing: 42 }));
    expect(r).toMatchObject({ type: 'closing', level: 'foundation' });
    expect(r.targets[0]).toBe('closing');
    expect(r.reason.he).toContain('סגירה');
    expect(r.reason.en).toContain('closing');
  });

  it('moves up a level after two passes in a row and down after two failures', () => {
    const passes: PracticeResult[] = [{ type: 'closing', level: 'intermediate', passed: true, at: at(1) }, { type: 'closing', level: 'intermediate', passed: true, at: at(2) }];
    expect(recommendNextScenario(profile(['closing'], { closing: 60 }), { history: passes }).level).toBe('advanced');
    const fails: PracticeResult[] = passes.map((p) => ({ ...p, passed: false }));
    const down = recommendNextScenario(profile(['closing'], { closing: 60 }), { history: fails });
    expect(down.level).toBe('foundation');
    expect(down.reason.en).toMatch(/stepping down/);
  });

  it('rotates to the next weakness after three sessions in a row on the same type with a pass', () => {
    const h: PracticeResult[] = [1, 2, 3].map((d) => ({ type: 'closing', level: 'intermediate', passed: d === 3, at: at(d) }));
    expect(recommendNextScenario(profile(['closing', 'listening']), { history: h }).type).toBe('listening');
  });

  it("a manager's assignment comes first, earliest due date first, and says if it is overdue", () => {
    const r = recommendNextScenario(profile(['closing']), {
      now: at(10),
      assignments: [
        { scenarioId: 'b', type: 'rapport', level: 'advanced', dueAt: at(20), targetSkills: ['rapport'] },
        { scenarioId: 'a', type: 'opening', level: 'intermediate', dueAt: at(5), targetSkills: ['opening'] },
      ],
    });
    expect(r).toMatchObject({ scenarioId: 'a', type: 'opening' });
    expect(r.reason.en).toMatch(/was due January 5, 2026/);
    expect(r.reason.he).toMatch(/היה צריך להסתיים עד 5 בינואר 2026/);
  });

  it('an agent with no data starts at the opening, foundation level', () => {
    expect(recommendNextScenario({ basis: 'none', top: [], skills: [] })).toMatchObject({ type: 'opening', level: 'foundation' });
  });

  it('maps scores to levels', () => {
    expect([30, 60, 80, 90].map((s) => levelForSkill(s, 0))).toEqual(['foundation', 'intermediate', 'advanced', 'expert']);
    expect(levelForSkill(null, 0.7)).toBe('foundation');
  });
});
