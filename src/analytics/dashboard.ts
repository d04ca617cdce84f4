/**
 * Dashboards, pure functions over plain records: an agent's weekly scores (real calls and practice, calls that
 * met the bar), their open weaknesses with a trend, a team's weekly trend, and the "who needs attention" rules.
 * Weeks are ISO weeks starting Monday (UTC), as the progress curves use; empty weeks stay in the series (null
 * averages) so a chart's x axis is real time, not "weeks that had data".
 */
import { SKILL_IDS, type SkillId } from '../analysis/index.ts';
import { weekStart, type ScorePoint } from './progress.ts';

const DAY = 86_400_000;

/** A real call "met the bar" at this overall score (the practice pass mark, so both read the same). */
export const CALL_BAR = 70;

/** The attention rules and their thresholds (the UI states them with these numbers). */
export const ATTENTION_RULES = {
  /** Average score of the last `recentDays` at least `drop` points below the `earlierDays` before it (≥ `minEach` scored conversations in each). */
  falling_scores: { recentDays: 14, earlierDays: 28, drop: 8, minEach: 2 },
  /** An open assignment past its due date. */
  overdue_assignment: {},
  /** No practice session in the last `days` days (or never). */
  no_practice: { days: 10 },
  /** The same weakness in at least `seenIn` of the agent's last `of` analysed calls. */
  persistent_weakness: { seenIn: 3, of: 4 },
} as const;
export type AttentionRule = keyof typeof ATTENTION_RULES;

/** One week of an agent's (or a team's) scores. */
export interface WeekScores {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  calls: number;
  callAverage: number | null;
  /** Calls at or above CALL_BAR. */
  callsMetBar: number;
  sessions: number;
  practiceAverage: number | null;
}

/** The skill ids among stored strings (older reports may hold others). */
export const asSkills = (xs: readonly string[]): SkillId[] => xs.filter((s): s is SkillId => (SKILL_IDS as readonly string[]).includes(s));

const mean = (xs: number[]): number | null => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
const scored = (ps: readonly ScorePoint[]) => ps.map((p) => p.overallScore).filter((x): x is number => x !== null);

/** The `weeks` Mondays ending with the week of `now`, oldest first. */
export function weekRange(now: Date, weeks: number): string[] {
  const last = new Date(`${weekStart(now)}T00:00:00Z`).getTime();
  return Array.from({ length: weeks }, (_, i) => new Date(last - (weeks - 1 - i) * 7 * DAY).toISOString().slice(0, 10));
}

/** Weekly averages of real calls and practice over the last `weeks` weeks (every week present, empty ones null). */
export function weeklyScores(points: readonly ScorePoint[], o: { now: Date; weeks: number }): WeekScores[] {
  const byWeek = new Map<string, ScorePoint[]>();
  for (const p of points) {
    const w = weekStart(p.at);
    (byWeek.get(w) ?? byWeek.set(w, []).get(w)!).push(p);
  }
  return weekRange(o.now, o.weeks).map((week) => {
    const ps = byWeek.get(week) ?? [];
    const calls = ps.filter((p) => p.source === 'call');
    const sims = ps.filter((p) => p.source === 'simulation');
    return {
      week,
      calls: calls.length,
      callAverage: mean(scored(calls)),
      callsMetBar: scored(calls).filter((s) => s >= CALL_BAR).length,
      sessions: sims.length,
      practiceAverage: mean(scored(sims)),
    };
  });
}

/** An analysed real call as the weakness trend reads it. */
export interface CallFindings {
  id: string;
  at: Date;
  overallScore: number | null;
  /** Skills the analysis named as weaknesses. */
  weaknesses: SkillId[];
  skills: { id: SkillId; score: number }[];
}

export interface WeaknessTrend {
  skill: SkillId;
  /** In how many of the last `of` calls the analysis named it. */
  seenIn: number;
  of: number;
  /**
   * The skill's score in the newer half of those calls against the older half: improving (≥ +5), worse (≤ −5),
   * steady; 'new' with fewer than two scored calls.
   */
  trend: 'improving' | 'worse' | 'steady' | 'new';
  /** Score change newer − older half (null for 'new'). */
  change: number | null;
  /** The latest call that named it (for the link). */
  lastCallId: string;
  lastSeenAt: Date;
}

/** How many recent calls the weakness trend looks at. */
export const WEAKNESS_WINDOW = 6;
/** A weakness is open when one of the newest this-many calls names it. */
export const OPEN_WITHIN = 3;

/**
 * Open weaknesses: skills named in one of the last OPEN_WITHIN calls, with how often the last WEAKNESS_WINDOW
 * calls named them and which way the skill's score is going. Most frequent first.
 */
export function weaknessTrends(calls: readonly CallFindings[], window = WEAKNESS_WINDOW): WeaknessTrend[] {
  const recent = [...calls].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, window);
  const skills = new Set(recent.slice(0, OPEN_WITHIN).flatMap((c) => c.weaknesses));
  const out: WeaknessTrend[] = [];
  for (const skill of skills) {
    const named = recent.filter((c) => c.weaknesses.includes(skill));
    // oldest first: the scores the skill got in every recent call that judged it
    const scores = recent.flatMap((c) => c.skills.filter((s) => s.id === skill).map((s) => s.score)).reverse();
    let trend: WeaknessTrend['trend'] = 'new';
    let change: number | null = null;
    if (scores.length >= 2) {
      const half = Math.floor(scores.length / 2);
      change = Math.round((mean(scores.slice(scores.length - half))! - mean(scores.slice(0, scores.length - half))!) * 10) / 10;
      trend = change >= 5 ? 'improving' : change <= -5 ? 'worse' : 'steady';
    }
    out.push({ skill, seenIn: named.length, of: recent.length, trend, change, lastCallId: named[0].id, lastSeenAt: named[0].at });
  }
  return out.sort((a, b) => b.seenIn - a.seenIn || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

/** Why an agent needs attention; the numbers behind it travel with it. */
export type AttentionReason =
  | { rule: 'falling_scores'; earlier: number; recent: number }
  | { rule: 'overdue_assignment'; count: number; oldestDueAt: Date }
  | { rule: 'no_practice'; days: number; lastPracticeAt: Date | null }
  | { rule: 'persistent_weakness'; skill: SkillId; seenIn: number; of: number };

/** What the rules read about one agent. */
export interface AgentFacts {
  points: readonly ScorePoint[];
  calls: readonly CallFindings[];
  openAssignments: readonly { dueAt: Date | null }[];
  /** The latest practice session (any, including ones the privacy window hides from the viewer). */
  lastPracticeAt: Date | null;
}

/** The attention rules for one agent at `now`; empty when nothing calls for attention. */
export function attentionReasons(f: AgentFacts, now: Date): AttentionReason[] {
  const out: AttentionReason[] = [];
  const r = ATTENTION_RULES;
  const t = now.getTime();
  const inWindow = (from: number, to: number) => scored(f.points.filter((p) => p.at.getTime() > t - from * DAY && p.at.getTime() <= t - to * DAY));
  const recent = inWindow(r.falling_scores.recentDays, 0);
  const earlier = inWindow(r.falling_scores.recentDays + r.falling_scores.earlierDays, r.falling_scores.recentDays);
  if (recent.length >= r.falling_scores.minEach && earlier.length >= r.falling_scores.minEach) {
    const a = mean(earlier)!, b = mean(recent)!;
    if (a - b >= r.falling_scores.drop) out.push({ rule: 'falling_scores', earlier: a, recent: b });
  }
  const overdue = f.openAssignments.filter((a) => a.dueAt !== null && a.dueAt.getTime() < t);
  if (overdue.length > 0) {
    out.push({ rule: 'overdue_assignment', count: overdue.length, oldestDueAt: new Date(Math.min(...overdue.map((a) => a.dueAt!.getTime()))) });
  }
  if (!f.lastPracticeAt || t - f.lastPracticeAt.getTime() > r.no_practice.days * DAY) {
    out.push({ rule: 'no_practice', days: r.no_practice.days, lastPracticeAt: f.lastPracticeAt });
  }
  const last = [...f.calls].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, r.persistent_weakness.of);
  if (last.length >= r.persistent_weakness.seenIn) {
    const counts = new Map<SkillId, number>();
    for (const c of last) for (const s of new Set(c.weaknesses)) counts.set(s, (counts.get(s) ?? 0) + 1);
    const worst = [...counts.entries()].filter(([, n]) => n >= r.persistent_weakness.seenIn).sort((a, b) => b[1] - a[1])[0];
    if (worst) out.push({ rule: 'persistent_weakness', skill: worst[0], seenIn: worst[1], of: last.length });
  }
  return out;
}
