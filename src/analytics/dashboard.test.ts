import { describe, expect, it } from 'vitest';
import type { SkillId } from '../analysis/index.ts';
import { ATTENTION_RULES, CALL_BAR, attentionReasons, weaknessTrends, weekRange, weeklyScores, type CallFindings } from './dashboard.ts';
import type { ScorePoint } from './progress.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-03-18T12:00:00Z'); // a Wednesday
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const pt = (source: 'call' | 'simulation', daysAgo: number, score: number | null, extra: Partial<ScorePoint> = {}): ScorePoint => ({
  agentId: 'a', at: ago(daysAgo), source, overallScore: score, skills: [], ...extra,
});
const call = (id: string, daysAgo: number, weaknesses: SkillId[], skills: Partial<Record<SkillId, number>> = {}): CallFindings => ({
  id, at: ago(daysAgo), overallScore: 60, weaknesses, skills: Object.entries(skills).map(([s, v]) => ({ id: s as SkillId, score: v! })),
});

describe('weekly scores', () => {
  it('lists every Monday of the range, oldest first, ending with the current week', () => {
    expect(weekRange(NOW, 3)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('averages real calls and practice per ISO week, counts calls that met the bar, and keeps empty weeks empty', () => {
    const w = weeklyScores(
      [pt('call', 0, 80), pt('call', 1, 60), pt('simulation', 2, 50), pt('simulation', 15, 90), pt('call', 16, CALL_BAR), pt('call', 40, 99)],
      { now: NOW, weeks: 3 },
    );
    expect(w).toEqual([
      { week: '2026-03-02', calls: 1, callAverage: 70, callsMetBar: 1, sessions: 1, practiceAverage: 90 },
      { week: '2026-03-09', calls: 0, callAverage: null, callsMetBar: 0, sessions: 0, practiceAverage: null },
      { week: '2026-03-16', calls: 2, callAverage: 70, callsMetBar: 1, sessions: 1, practiceAverage: 50 },
    ]);
  });

  it('counts an unscored session but leaves it out of the average', () => {
    const [w] = weeklyScores([pt('simulation', 0, null), pt('simulation', 0, 40)], { now: NOW, weeks: 1 });
    expect(w).toMatchObject({ sessions: 2, practiceAverage: 40 });
  });
});

describe('open weaknesses and their trend', () => {
  it('says in how many of the last calls each open weakness appeared and which way its score goes', () => {
    const t = weaknessTrends([
      call('c1', 1, ['closing', 'discovery'], { closing: 40, discovery: 70 }),
      call('c2', 5, ['closing'], { closing: 45, discovery: 60 }),
      call('c3', 9, ['closing', 'discovery'], { closing: 60, discovery: 40 }),
      call('c4', 14, ['closing', 'discovery'], { closing: 62, discovery: 42 }),
      call('c5', 30, ['rapport'], { rapport: 20 }),
    ]);
    expect(t.map((x) => x.skill)).toEqual(['closing', 'discovery']); // rapport: not in the last three calls, not open
    expect(t[0]).toMatchObject({ skill: 'closing', seenIn: 4, of: 5, trend: 'worse', lastCallId: 'c1' });
    expect(t[0].change).toBe(-18.5);
    expect(t[1]).toMatchObject({ skill: 'discovery', seenIn: 3, trend: 'improving', lastCallId: 'c1' });
  });

  it('calls a weakness new with one scored call and steady within ±5 points', () => {
    expect(weaknessTrends([call('c1', 1, ['listening'], { listening: 50 })])[0]).toMatchObject({ trend: 'new', change: null, seenIn: 1, of: 1 });
    const s = weaknessTrends([call('c1', 1, ['listening'], { listening: 52 }), call('c2', 3, ['listening'], { listening: 50 })]);
    expect(s[0]).toMatchObject({ trend: 'steady', change: 2 });
  });

  it('looks at the last six calls only', () => {
    const many = Array.from({ length: 9 }, (_, i) => call(`c${i}`, i, ['opening'], { opening: 50 }));
    expect(weaknessTrends(many)[0]).toMatchObject({ seenIn: 6, of: 6 });
  });
});

describe('who needs attention', () => {
  const quiet = { points: [], calls: [], openAssignments: [], lastPracticeAt: ago(1) };

  it('flags nothing for an agent who practises, keeps their scores and has no overdue work', () => {
    expect(attentionReasons({ ...quiet, points: [pt('call', 2, 70), pt('call', 5, 72), pt('call', 20, 71), pt('call', 30, 70)] }, NOW)).toEqual([]);
  });

  it('flags falling scores: the last 14 days at least 8 points under the 28 days before', () => {
    const r = attentionReasons({ ...quiet, points: [pt('call', 2, 60), pt('simulation', 6, 62), pt('call', 20, 75), pt('call', 35, 71)] }, NOW);
    expect(r).toEqual([{ rule: 'falling_scores', earlier: 73, recent: 61 }]);
    // a 7-point drop is within the rule's tolerance; one conversation per window is not enough evidence
    expect(attentionReasons({ ...quiet, points: [pt('call', 2, 66), pt('call', 3, 66), pt('call', 20, 73), pt('call', 21, 73)] }, NOW)).toEqual([]);
    expect(attentionReasons({ ...quiet, points: [pt('call', 2, 30), pt('call', 20, 90), pt('call', 21, 90)] }, NOW)).toEqual([]);
  });

  it('flags overdue assignments, with how many and the oldest due date', () => {
    const r = attentionReasons({ ...quiet, openAssignments: [{ dueAt: ago(3) }, { dueAt: ago(1) }, { dueAt: ago(-2) }, { dueAt: null }] }, NOW);
    expect(r).toEqual([{ rule: 'overdue_assignment', count: 2, oldestDueAt: ago(3) }]);
  });

  it(`flags no practice in ${ATTENTION_RULES.no_practice.days} days, and never having practised`, () => {
    expect(attentionReasons({ ...quiet, lastPracticeAt: ago(11) }, NOW)).toEqual([{ rule: 'no_practice', days: 10, lastPracticeAt: ago(11) }]);
    expect(attentionReasons({ ...quiet, lastPracticeAt: ago(9) }, NOW)).toEqual([]);
    expect(attentionReasons({ ...quiet, lastPracticeAt: null }, NOW)).toEqual([{ rule: 'no_practice', days: 10, lastPracticeAt: null }]);
  });

  it('flags a weakness named in 3 of the last 4 calls', () => {
    const calls = [call('c1', 1, ['closing']), call('c2', 4, ['closing', 'rapport']), call('c3', 8, ['rapport']), call('c4', 12, ['closing'])];
    expect(attentionReasons({ ...quiet, calls }, NOW)).toEqual([{ rule: 'persistent_weakness', skill: 'closing', seenIn: 3, of: 4 }]);
    // an older fifth call does not count: only the last four are read
    const fading = [call('c1', 1, ['rapport']), call('c2', 4, ['closing']), call('c3', 8, ['rapport']), call('c4', 12, ['discovery']), call('c5', 20, ['closing'])];
    expect(attentionReasons({ ...quiet, calls: fading }, NOW)).toEqual([]);
  });
});
