import { describe, expect, it } from 'vitest';
import { callAnalysisSchema, type SkillId } from '../analysis/index.ts';
import { buildSessionReport } from '../coaching/index.ts';
import { GOOD_HE, POOR_HE, timed } from '../coaching/testdata/scripts.ts';
import { buildWeaknessProfile } from '../personas/index.ts';
import { recommendNextScenario } from '../scenarios/index.ts';
import { sessionToAnalysisRecord, sessionToCallAnalysis, sessionToPracticeResult, sessionToScorePoint } from './loop.ts';
import { correlation, realVsSimulation, scenarioProgress, skillCurves, teamAggregates, weekStart, type ScorePoint } from './progress.ts';

const day = (d: string) => new Date(`${d}T12:00:00Z`);
const pt = (agentId: string, at: string, source: 'call' | 'simulation', score: number, extra: Partial<ScorePoint> = {}): ScorePoint => ({
  agentId, at: day(at), source, overallScore: score, skills: [{ id: 'discovery', score }, { id: 'closing', score: score - 10 }], ...extra,
});

describe('progress analytics', () => {
  it('buckets by ISO week starting Monday (UTC)', () => {
    expect(weekStart(day('2026-03-04'))).toBe('2026-03-02'); // Wednesday → Monday
    expect(weekStart(day('2026-03-08'))).toBe('2026-03-02'); // Sunday belongs to the week that began Monday
    expect(weekStart(day('2026-03-09'))).toBe('2026-03-09');
  });

  it('draws skill curves per agent and source', () => {
    const c = skillCurves([pt('a', '2026-03-02', 'simulation', 50), pt('a', '2026-03-04', 'simulation', 70), pt('a', '2026-03-10', 'simulation', 80), pt('a', '2026-03-03', 'call', 40), pt('b', '2026-03-03', 'simulation', 90)]);
    expect(c.a.simulation).toEqual([
      { week: '2026-03-02', count: 2, overall: 60, skills: { discovery: 60, closing: 50 } },
      { week: '2026-03-09', count: 1, overall: 80, skills: { discovery: 80, closing: 70 } },
    ]);
    expect(c.a.call[0].overall).toBe(40);
    expect(c.b.simulation[0].overall).toBe(90);
  });

  it('keeps first, best and latest score per scenario', () => {
    const p = scenarioProgress([
      pt('a', '2026-03-02', 'simulation', 40, { scenarioId: 's1', passed: false }),
      pt('a', '2026-03-05', 'simulation', 85, { scenarioId: 's1', passed: true }),
      pt('a', '2026-03-09', 'simulation', 75, { scenarioId: 's1', passed: true }),
      pt('a', '2026-03-09', 'simulation', 60, { scenarioId: 's2' }),
    ]);
    expect(p[0]).toMatchObject({ scenarioId: 's1', attempts: 3, first: { score: 40 }, best: { score: 85 }, latest: { score: 75 }, gain: 45, passedEver: true });
    expect(p[1]).toMatchObject({ scenarioId: 's2', attempts: 1, gain: 0, passedEver: false });
  });

  it('puts real-call scores beside simulation scores and correlates them', () => {
    const pts: ScorePoint[] = [];
    ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'].forEach((w, i) => {
      pts.push(pt('a', w, 'simulation', 50 + 10 * i), pt('a', w, 'call', 40 + 9 * i));
    });
    const [r] = realVsSimulation(pts);
    expect(r.weeks).toHaveLength(4);
    expect(r.weeks[0]).toEqual({ week: '2026-03-02', call: 40, simulation: 50 });
    expect(r.correlation).toBeCloseTo(1, 3);
    expect(realVsSimulation(pts, 'closing')[0].weeks[0]).toEqual({ week: '2026-03-02', call: 30, simulation: 40 });
    expect(correlation([[1, 2], [2, 1], [3, 3]])).toBeCloseTo(0.5, 3);
    expect(correlation([[1, 1], [2, 2]])).toBeNull();
  });

  it('aggregates a team', () => {
    const t = teamAggregates([
      pt('a', '2026-03-02', 'simulation', 80, { outcome: 'converted', passed: true }),
      pt('a', '2026-03-03', 'simulation', 40, { outcome: 'lost', passed: false }),
      pt('b', '2026-03-03', 'simulation', 60, { outcome: 'next_step', passed: false }),
      pt('b', '2026-03-04', 'call', 55),
    ]);
    expect(t).toMatchObject({ agents: 2, simulations: 3, calls: 1, conversionRate: 0.667, passRate: 0.333, averageSimulationScore: 60, averageCallScore: 55 });
    expect(t.skills[0].id).toBe('closing'); // weakest first
    expect(t.perAgent.find((x) => x.agentId === 'b')).toMatchObject({ simulations: 1, calls: 1, averageCallScore: 55 });
  });
});

describe('closed loop', () => {
  const targets: SkillId[] = ['objection_handling', 'discovery'];
  const poor = buildSessionReport({ language: 'he', turns: timed(POOR_HE), scenario: { id: 's1', targetSkills: targets } });
  const good = buildSessionReport({ language: 'he', turns: timed(GOOD_HE), scenario: { id: 's1', targetSkills: targets } });

  it('turns a session report into a valid call analysis', () => {
    expect(() => callAnalysisSchema.parse(sessionToCallAnalysis(poor))).not.toThrow();
  });

  it('feeds the weakness profile: a poor practice call makes its weak skills weaker, a good one improves them', () => {
    const now = day('2026-03-10');
    const afterPoor = buildWeaknessProfile([sessionToAnalysisRecord(poor, { at: now, sessionId: 'x1' })], { now });
    const afterGood = buildWeaknessProfile([sessionToAnalysisRecord(good, { at: now, sessionId: 'x2' })], { now });
    expect(afterPoor.simulationCount).toBe(1);
    const w = (p: typeof afterPoor, s: SkillId) => p.skills.find((x) => x.skill === s)!.weakness;
    expect(w(afterPoor, 'discovery')).toBeGreaterThan(w(afterGood, 'discovery'));
    expect(w(afterPoor, 'objection_handling')).toBeGreaterThan(w(afterGood, 'objection_handling'));
    expect(afterPoor.top).toContain('discovery');
    const ev = afterPoor.skills.find((x) => x.skill === 'discovery')!.evidence;
    expect(ev.every((e) => e.source === 'simulation' && e.recordId === 'x1')).toBe(true);
    expect(afterPoor.objections.find((o) => o.kind === 'price')!.unhandled).toBeGreaterThan(0);
  });

  it('feeds "practise next" and the progress curves', () => {
    const at = day('2026-03-10');
    expect(sessionToPracticeResult(good, { at, type: 'objection_handling', level: 'intermediate' }).passed).toBe(true);
    expect(sessionToPracticeResult(poor, { at, type: 'objection_handling', level: 'intermediate' }).passed).toBe(false);
    const profile = buildWeaknessProfile([sessionToAnalysisRecord(poor, { at })], { now: at });
    const rec = recommendNextScenario(profile, { history: [sessionToPracticeResult(poor, { at, type: 'objection_handling', level: 'intermediate' })], now: at });
    expect(profile.top).toContain(rec.targets[0]);
    const p = sessionToScorePoint(good, { agentId: 'a', at });
    expect(p).toMatchObject({ source: 'simulation', scenarioId: 's1', outcome: 'converted', passed: true, overallScore: good.overallScore });
  });
});
