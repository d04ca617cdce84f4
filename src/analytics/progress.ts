/**
 * Long-term tracking, pure functions over plain score records: skill curves per agent in weekly buckets,
 * first and best score per scenario, real-call scores beside simulation scores, and team aggregates.
 */
import { SKILL_IDS, type SkillId } from '../analysis/index.ts';

/** One scored conversation: a real call's analysis or a practice session's report. */
export interface ScorePoint {
  agentId: string;
  at: Date;
  source: 'call' | 'simulation';
  overallScore: number | null;
  skills: { id: SkillId; score: number }[];
  /** Simulations: the scenario and whether it passed / the outcome. */
  scenarioId?: string;
  outcome?: string;
  passed?: boolean;
}

/** Monday 00:00 UTC of the week holding `d`, as YYYY-MM-DD. */
export function weekStart(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = (day.getUTCDay() + 6) % 7; // Monday = 0
  day.setUTCDate(day.getUTCDate() - dow);
  return day.toISOString().slice(0, 10);
}

const mean = (xs: number[]): number | null => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

export interface WeekBucket {
  week: string;
  count: number;
  overall: number | null;
  skills: Partial<Record<SkillId, number>>;
}

function bucket(points: ScorePoint[]): WeekBucket[] {
  const byWeek = new Map<string, ScorePoint[]>();
  for (const p of points) {
    const w = weekStart(p.at);
    (byWeek.get(w) ?? byWeek.set(w, []).get(w)!).push(p);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, ps]) => {
      const skills: Partial<Record<SkillId, number>> = {};
      for (const id of SKILL_IDS) {
        const m = mean(ps.flatMap((p) => p.skills.filter((s) => s.id === id).map((s) => s.score)));
        if (m !== null) skills[id] = m;
      }
      return { week, count: ps.length, overall: mean(ps.map((p) => p.overallScore).filter((x): x is number => x !== null)), skills };
    });
}

/** Skill curves per agent: weekly averages, separately for real calls and simulations. */
export function skillCurves(points: readonly ScorePoint[]): Record<string, { call: WeekBucket[]; simulation: WeekBucket[] }> {
  const out: Record<string, { call: WeekBucket[]; simulation: WeekBucket[] }> = {};
  for (const agent of new Set(points.map((p) => p.agentId))) {
    const mine = points.filter((p) => p.agentId === agent);
    out[agent] = { call: bucket(mine.filter((p) => p.source === 'call')), simulation: bucket(mine.filter((p) => p.source === 'simulation')) };
  }
  return out;
}

export interface ScenarioProgress {
  agentId: string;
  scenarioId: string;
  attempts: number;
  first: { at: Date; score: number };
  best: { at: Date; score: number };
  latest: { at: Date; score: number };
  /** best − first. */
  gain: number;
  passedEver: boolean;
}

/** First, best and latest score per agent and scenario. */
export function scenarioProgress(points: readonly ScorePoint[]): ScenarioProgress[] {
  const groups = new Map<string, ScorePoint[]>();
  for (const p of points) {
    if (p.source !== 'simulation' || !p.scenarioId || p.overallScore === null) continue;
    const k = `${p.agentId}\u0000${p.scenarioId}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(p);
  }
  return [...groups.values()].map((ps) => {
    const s = [...ps].sort((a, b) => a.at.getTime() - b.at.getTime());
    const pt = (p: ScorePoint) => ({ at: p.at, score: p.overallScore! });
    const best = s.reduce((m, p) => (p.overallScore! > m.overallScore! ? p : m), s[0]);
    return {
      agentId: s[0].agentId, scenarioId: s[0].scenarioId!, attempts: s.length,
      first: pt(s[0]), best: pt(best), latest: pt(s[s.length - 1]),
      gain: best.overallScore! - s[0].overallScore!, passedEver: s.some((p) => p.passed === true),
    };
  }).sort((a, b) => a.agentId.localeCompare(b.agentId) || a.scenarioId.localeCompare(b.scenarioId));
}

/** Pearson correlation, null with fewer than 3 pairs or no variance. */
export function correlation(pairs: readonly [number, number][]): number | null {
  if (pairs.length < 3) return null;
  const n = pairs.length;
  const mx = pairs.reduce((a, p) => a + p[0], 0) / n;
  const my = pairs.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.round((sxy / Math.sqrt(sxx * syy)) * 1000) / 1000;
}

export interface RealVsSimulation {
  agentId: string;
  weeks: { week: string; call: number | null; simulation: number | null }[];
  /** Correlation of weekly simulation and real-call scores (skill or overall), weeks with both only. */
  correlation: number | null;
  /** The same, with simulations leading real calls by one week (does practice show up in the field later?). */
  laggedCorrelation: number | null;
}

/** Real-call scores beside simulation scores per week, for one skill or the overall score. */
export function realVsSimulation(points: readonly ScorePoint[], skill?: SkillId): RealVsSimulation[] {
  const value = (b: WeekBucket | undefined) => (b ? (skill ? (b.skills[skill] ?? null) : b.overall) : null);
  return Object.entries(skillCurves(points)).map(([agentId, c]) => {
    const weeks = [...new Set([...c.call, ...c.simulation].map((b) => b.week))].sort();
    const rows = weeks.map((week) => ({ week, call: value(c.call.find((b) => b.week === week)), simulation: value(c.simulation.find((b) => b.week === week)) }));
    const both = rows.filter((r) => r.call !== null && r.simulation !== null).map((r) => [r.simulation!, r.call!] as [number, number]);
    const lagged: [number, number][] = [];
    for (let i = 0; i + 1 < rows.length; i++) {
      if (rows[i].simulation !== null && rows[i + 1].call !== null) lagged.push([rows[i].simulation!, rows[i + 1].call!]);
    }
    return { agentId, weeks: rows, correlation: correlation(both), laggedCorrelation: correlation(lagged) };
  });
}

export interface TeamAggregate {
  agents: number;
  simulations: number;
  calls: number;
  /** Share of simulations that converted or agreed a next step. */
  conversionRate: number | null;
  passRate: number | null;
  averageSimulationScore: number | null;
  averageCallScore: number | null;
  /** Team average per skill (simulations and calls together), weakest first. */
  skills: { id: SkillId; average: number; samples: number }[];
  perAgent: { agentId: string; simulations: number; calls: number; averageSimulationScore: number | null; averageCallScore: number | null; lastActivity: Date | null }[];
}

/** Team totals for a manager's view over a period (filter the points before calling). */
export function teamAggregates(points: readonly ScorePoint[]): TeamAggregate {
  const sims = points.filter((p) => p.source === 'simulation');
  const calls = points.filter((p) => p.source === 'call');
  const avg = (ps: readonly ScorePoint[]) => mean(ps.map((p) => p.overallScore).filter((x): x is number => x !== null));
  // a practice call without a score (no agent words were recognised) is no evidence of winning or passing
  const withOutcome = sims.filter((p) => p.outcome && p.overallScore !== null);
  const withPass = sims.filter((p) => p.passed !== undefined && p.overallScore !== null);
  const skills = SKILL_IDS.map((id) => {
    const xs = points.flatMap((p) => p.skills.filter((s) => s.id === id).map((s) => s.score));
    return { id, average: mean(xs) ?? 0, samples: xs.length };
  }).filter((s) => s.samples > 0).sort((a, b) => a.average - b.average);
  const agents = [...new Set(points.map((p) => p.agentId))].sort();
  return {
    agents: agents.length,
    simulations: sims.length,
    calls: calls.length,
    conversionRate: withOutcome.length ? Math.round((withOutcome.filter((p) => p.outcome === 'converted' || p.outcome === 'next_step').length / withOutcome.length) * 1000) / 1000 : null,
    passRate: withPass.length ? Math.round((withPass.filter((p) => p.passed).length / withPass.length) * 1000) / 1000 : null,
    averageSimulationScore: avg(sims),
    averageCallScore: avg(calls),
    skills,
    perAgent: agents.map((agentId) => {
      const mine = points.filter((p) => p.agentId === agentId);
      const last = mine.reduce<Date | null>((m, p) => (!m || p.at > m ? p.at : m), null);
      return { agentId, simulations: mine.filter((p) => p.source === 'simulation').length, calls: mine.filter((p) => p.source === 'call').length, averageSimulationScore: avg(mine.filter((p) => p.source === 'simulation')), averageCallScore: avg(mine.filter((p) => p.source === 'call')), lastActivity: last };
    }),
  };
}
