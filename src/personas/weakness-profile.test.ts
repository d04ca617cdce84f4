import { describe, expect, it } from 'vitest';
import { SKILL_IDS } from '../analysis/index.ts';
import { analysisWith } from './test-fixtures.ts';
import { buildWeaknessProfile, profileFromManagerChoice, profileFromSelfAssessment, type AnalysisRecord } from './weakness-profile.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const call = (days: number, a: Parameters<typeof analysisWith>[0], id = `c${days}`): AnalysisRecord => ({ analysis: analysisWith(a), at: daysAgo(days), source: 'call', id });

describe('buildWeaknessProfile', () => {
  it('ranks all seven skills weakest first and picks the top weaknesses', () => {
    const p = buildWeaknessProfile([call(1, { scores: { closing: 30, discovery: 45, opening: 85 } }), call(3, { scores: { closing: 40, discovery: 50, opening: 90 } })], { now: NOW });
    expect(p.skills.map((s) => s.skill)).toHaveLength(SKILL_IDS.length);
    expect(p.skills[0].skill).toBe('closing');
    expect(p.skills[1].skill).toBe('discovery');
    expect(p.skills.at(-1)!.skill).toBe('opening');
    expect(p.top.slice(0, 2)).toEqual(['closing', 'discovery']);
    expect(p.skills.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(p.basis).toBe('analyses');
  });

  it('weights recent calls more than old ones (half-life)', () => {
    const records = [call(60, { scores: { closing: 10 } }), call(1, { scores: { closing: 85 } })];
    const recent = buildWeaknessProfile(records, { now: NOW, halfLifeDays: 14 }).skills.find((s) => s.skill === 'closing')!;
    const flat = buildWeaknessProfile(records, { now: NOW, halfLifeDays: 10_000 }).skills.find((s) => s.skill === 'closing')!;
    expect(recent.score!).toBeGreaterThan(80);
    expect(flat.score!).toBeLessThan(50);
    expect(recent.weakness).toBeLessThan(flat.weakness);
  });

  it('counts an analyzer-named weakness (severity) on top of the score', () => {
    const plain = buildWeaknessProfile([call(1, { scores: { listening: 60 } })], { now: NOW });
    const severe = buildWeaknessProfile([call(1, { scores: { listening: 60 }, weaknesses: [{ skill: 'listening', severity: 0.9, quote: 'רגע, תן לי להסביר' }] })], { now: NOW });
    const w = (p: typeof plain) => p.skills.find((s) => s.skill === 'listening')!.weakness;
    expect(w(severe)).toBeGreaterThan(w(plain) + 0.2);
  });

  it('keeps evidence quotes, most severe and recent first, with their call id', () => {
    const p = buildWeaknessProfile([
      call(20, { weaknesses: [{ skill: 'closing', severity: 0.5, quote: 'אז... נדבר?' }] }, 'old'),
      call(1, { weaknesses: [{ skill: 'closing', severity: 0.9, quote: 'טוב, אני אשלח לך מייל', description: 'no next step' }] }, 'new'),
    ], { now: NOW });
    const ev = p.skills.find((s) => s.skill === 'closing')!.evidence;
    expect(ev[0]).toMatchObject({ text: 'טוב, אני אשלח לך מייל', note: 'no next step', recordId: 'new', source: 'call' });
    expect(ev.map((e) => e.text)).toContain('אז... נדבר?');
  });

  it('takes simulations through the same seam, weighted below real calls', () => {
    const sim: AnalysisRecord = { analysis: analysisWith({ scores: { rapport: 95 } }), at: daysAgo(1), source: 'simulation' };
    const p = buildWeaknessProfile([call(1, { scores: { rapport: 35 } }), sim], { now: NOW });
    const r = p.skills.find((s) => s.skill === 'rapport')!;
    expect(r.score!).toBeLessThan(65); // 35 × 1 + 95 × 0.6 over 1.6 = 57.5
    expect(p.simulationCount).toBe(1);
    expect(p.callCount).toBe(1);
  });

  it('records which objection kinds the agent fails to handle', () => {
    const p = buildWeaknessProfile([
      call(1, { objections: [{ kind: 'price', quote: 'יקר לי', handled: false }, { kind: 'timing', quote: 'לא עכשיו', handled: true }] }),
      call(2, { objections: [{ kind: 'price', quote: 'זה יקר', handled: false }] }),
    ], { now: NOW });
    const price = p.objections.find((o) => o.kind === 'price')!;
    expect(price.unhandled).toBeGreaterThan(1.8);
    expect(price.failRate).toBe(1);
    expect(p.objections.find((o) => o.kind === 'timing')!.failRate).toBe(0);
  });

  it('detects an improving trend', () => {
    const p = buildWeaknessProfile([call(30, { scores: { discovery: 20 } }), call(20, { scores: { discovery: 30 } }), call(10, { scores: { discovery: 60 } }), call(1, { scores: { discovery: 80 } })], { now: NOW });
    expect(p.skills.find((s) => s.skill === 'discovery')!.trend).toBe('improving');
  });

  it('with no calls and no prior, says so and recommends nothing', () => {
    const p = buildWeaknessProfile([], { now: NOW });
    expect(p.basis).toBe('none');
    expect(p.top).toEqual([]);
  });

  it('blends a self-assessment prior with few calls', () => {
    const prior = profileFromSelfAssessment({ objection_handling: 1 });
    const p = buildWeaknessProfile([call(1, { scores: { objection_handling: 70 } })], { now: NOW, prior });
    expect(p.basis).toBe('analyses_with_prior');
    const w = p.skills.find((s) => s.skill === 'objection_handling')!.weakness;
    expect(w).toBeGreaterThan(0.3 * 0.5 + 0.5 * 0.5 - 0.01);
  });
});

describe('profiles for agents without calls', () => {
  it('self-assessment: lower ratings rank weaker', () => {
    const p = profileFromSelfAssessment({ closing: 1, rapport: 5, discovery: 2 });
    expect(p.top[0]).toBe('closing');
    expect(p.top).toContain('discovery');
    expect(p.skills.at(-1)!.skill).toBe('rapport');
    expect(p.basis).toBe('self_assessment');
  });

  it('self-assessment rejects ratings outside 1..5 with a readable message', () => {
    expect(() => profileFromSelfAssessment({ closing: 7 })).toThrow(/between 1 and 5/);
  });

  it("manager's choice keeps the manager's order", () => {
    const p = profileFromManagerChoice(['product_knowledge', 'opening']);
    expect(p.top.slice(0, 2)).toEqual(['product_knowledge', 'opening']);
    expect(p.basis).toBe('manager_choice');
    expect(() => profileFromManagerChoice([])).toThrow(/at least one skill/);
  });
});
