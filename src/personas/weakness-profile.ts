import { z } from 'zod';
import { OBJECTION_KINDS, SKILL_IDS, type CallAnalysis, type ObjectionKind, type SkillId } from '../analysis/index.ts';
import { AppError } from '../core/index.ts';

/** One analysed conversation: a real call or a finished simulation (the closed-loop seam). */
export interface AnalysisRecord {
  analysis: CallAnalysis;
  at: Date;
  source: 'call' | 'simulation';
  /** The call or session id, kept on evidence so the UI can link to it. */
  id?: string;
}

export interface WeaknessProfileOptions {
  /** Reference time for recency (default: now). */
  now?: Date;
  /** A call this many days old counts half as much as one today (default 21). */
  halfLifeDays?: number;
  /** Weight of a simulation relative to a real call (default 0.6: practice is easier than the field). */
  simulationWeight?: number;
  /** Quotes kept per skill (default 3). */
  maxQuotes?: number;
  /** A self-assessment or manager choice blended in as this many pseudo-calls (default: 1 when given). */
  prior?: WeaknessProfile;
  priorWeight?: number;
  agentId?: string;
}

export const evidenceSchema = z.object({
  text: z.string(),
  startSec: z.number(),
  speaker: z.enum(['agent', 'customer']),
  /** What was wrong, in the analyzer's words. */
  note: z.string(),
  at: z.string(),
  source: z.enum(['call', 'simulation']),
  recordId: z.string().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const skillWeaknessSchema = z.object({
  skill: z.enum(SKILL_IDS),
  /** 1 = weakest. */
  rank: z.number().int().min(1),
  /** 0 (no problem) .. 1 (severe, consistent problem). */
  weakness: z.number().min(0).max(1),
  /** Recency-weighted average skill score 0..100, null when no analysis scored it. */
  score: z.number().min(0).max(100).nullable(),
  /** Effective number of recent samples behind the figure (sum of weights). */
  confidence: z.number().min(0),
  trend: z.enum(['improving', 'declining', 'steady', 'unknown']),
  evidence: z.array(evidenceSchema),
});
export type SkillWeakness = z.infer<typeof skillWeaknessSchema>;

export const weaknessProfileSchema = z.object({
  agentId: z.string().optional(),
  basis: z.enum(['analyses', 'self_assessment', 'manager_choice', 'analyses_with_prior', 'none']),
  /** All seven skills, weakest first. */
  skills: z.array(skillWeaknessSchema),
  /** The skills worth practising now (weakness ≥ 0.35, at most three; at least the weakest one). */
  top: z.array(z.enum(SKILL_IDS)),
  callCount: z.number().int(),
  simulationCount: z.number().int(),
  /** Per objection kind: how often it came up and how often the agent failed to handle it (recency-weighted). */
  objections: z.array(z.object({ kind: z.enum(OBJECTION_KINDS), seen: z.number(), unhandled: z.number(), failRate: z.number() })),
  /** Recency-weighted conversation habits that personas can press on. */
  habits: z.object({ talkRatio: z.number().nullable(), questionsPerMin: z.number().nullable(), interruptionsPerCall: z.number().nullable() }),
});
export type WeaknessProfile = z.infer<typeof weaknessProfileSchema>;

const DAY_MS = 86_400_000;
const TOP_THRESHOLD = 0.35;

/** How bad one analysis says a skill is (0..1), or null when it says nothing about the skill. */
function skillBadness(a: CallAnalysis, skill: SkillId): { badness: number; score: number | null } | null {
  const s = a.skills.find((x) => x.id === skill);
  const severities = a.weaknesses.filter((w) => w.skill === skill).map((w) => w.severity);
  const sev = severities.length ? Math.max(...severities) : null;
  const deficit = s ? (100 - s.score) / 100 : null;
  if (deficit === null && sev === null) return null;
  // Severity counts as much as the score: an analyzer that names a weakness has seen it happen.
  const badness = deficit === null ? sev! : sev === null ? deficit : 0.5 * deficit + 0.5 * sev;
  return { badness, score: s ? s.score : null };
}

/** Ranks the seven skills from an agent's analysed calls and simulations (the spec's "analysis parser"). */
export function buildWeaknessProfile(records: readonly AnalysisRecord[], opts: WeaknessProfileOptions = {}): WeaknessProfile {
  const now = (opts.now ?? new Date()).getTime();
  const halfLife = opts.halfLifeDays ?? 21;
  if (!(halfLife > 0)) throw new AppError('VALIDATION_FAILED', 'halfLifeDays must be a positive number of days.');
  const simW = opts.simulationWeight ?? 0.6;
  const maxQuotes = opts.maxQuotes ?? 3;
  const weightOf = (r: AnalysisRecord) => {
    const ageDays = Math.max(0, (now - r.at.getTime()) / DAY_MS);
    return Math.pow(0.5, ageDays / halfLife) * (r.source === 'simulation' ? simW : 1);
  };
  const sorted = [...records].sort((a, b) => a.at.getTime() - b.at.getTime());
  const prior = opts.prior;
  const priorWeight = prior ? (opts.priorWeight ?? 1) : 0;

  const skills = SKILL_IDS.map((skill) => {
    let wSum = 0, bSum = 0, scoreW = 0, scoreSum = 0;
    const series: { t: number; badness: number }[] = [];
    const evidence: (Evidence & { rankKey: number })[] = [];
    for (const r of sorted) {
      const b = skillBadness(r.analysis, skill);
      if (!b) continue;
      const w = weightOf(r);
      wSum += w;
      bSum += w * b.badness;
      if (b.score !== null) { scoreW += w; scoreSum += w * b.score; }
      series.push({ t: r.at.getTime(), badness: b.badness });
      for (const wk of r.analysis.weaknesses.filter((x) => x.skill === skill)) {
        for (const q of wk.quotes) {
          evidence.push({ text: q.text, startSec: q.startSec, speaker: q.speaker, note: wk.description, at: r.at.toISOString(), source: r.source, recordId: r.id, rankKey: w * wk.severity * (q.speaker === 'agent' ? 1.2 : 1) });
        }
      }
    }
    const priorSkill = prior?.skills.find((s) => s.skill === skill);
    if (priorSkill && priorWeight > 0) { wSum += priorWeight; bSum += priorWeight * priorSkill.weakness; }
    const weakness = wSum > 0 ? bSum / wSum : 0;
    const seen = new Set<string>();
    const kept = evidence
      .sort((a, b) => b.rankKey - a.rankKey)
      .filter((e) => (seen.has(e.text) ? false : (seen.add(e.text), true)))
      .slice(0, maxQuotes)
      .map(({ rankKey: _r, ...e }) => e);
    return {
      skill,
      rank: 0,
      weakness: round(weakness),
      score: scoreW > 0 ? round(scoreSum / scoreW, 1) : (priorSkill?.score ?? null),
      confidence: round(wSum),
      trend: trendOf(series),
      evidence: kept,
    } satisfies SkillWeakness;
  });

  const ranked = rank(skills);
  const basis = records.length === 0 ? (prior ? prior.basis : 'none') : prior ? 'analyses_with_prior' : 'analyses';
  return weaknessProfileSchema.parse({
    agentId: opts.agentId ?? prior?.agentId,
    basis,
    skills: ranked,
    top: topOf(ranked, basis !== 'none'),
    callCount: records.filter((r) => r.source === 'call').length,
    simulationCount: records.filter((r) => r.source === 'simulation').length,
    objections: objectionStats(sorted, weightOf),
    habits: habitsOf(sorted, weightOf),
  });
}

/** A profile for an agent with no calls: ratings 1 (weak) .. 5 (strong) per skill; unrated skills count as average. */
export function profileFromSelfAssessment(ratings: Partial<Record<SkillId, number>>, opts: { agentId?: string } = {}): WeaknessProfile {
  const skills = SKILL_IDS.map((skill) => {
    const r = ratings[skill];
    if (r !== undefined && (!Number.isFinite(r) || r < 1 || r > 5)) {
      throw new AppError('VALIDATION_FAILED', `Self-assessment for "${skill}" must be between 1 and 5 (got ${r}).`);
    }
    const rating = r ?? 3;
    return { skill, rank: 0, weakness: round((5 - rating) / 4), score: round(((rating - 1) / 4) * 100, 1), confidence: r === undefined ? 0 : 0.5, trend: 'unknown' as const, evidence: [] };
  });
  const ranked = rank(skills);
  return emptyProfile('self_assessment', ranked, opts.agentId);
}

/** A profile from the skills a manager chose to train, most important first. */
export function profileFromManagerChoice(chosen: readonly SkillId[], opts: { agentId?: string } = {}): WeaknessProfile {
  const unique = [...new Set(chosen)];
  if (unique.length === 0) throw new AppError('VALIDATION_FAILED', 'Choose at least one skill to train.');
  const skills = SKILL_IDS.map((skill) => {
    const i = unique.indexOf(skill);
    const weakness = i === -1 ? 0.2 : round(0.85 - 0.1 * i);
    return { skill, rank: 0, weakness, score: null, confidence: 0, trend: 'unknown' as const, evidence: [] };
  });
  return emptyProfile('manager_choice', rank(skills), opts.agentId);
}

function emptyProfile(basis: WeaknessProfile['basis'], skills: SkillWeakness[], agentId?: string): WeaknessProfile {
  return weaknessProfileSchema.parse({
    agentId,
    basis,
    skills,
    top: topOf(skills, true),
    callCount: 0,
    simulationCount: 0,
    objections: OBJECTION_KINDS.map((kind) => ({ kind, seen: 0, unhandled: 0, failRate: 0 })),
    habits: { talkRatio: null, questionsPerMin: null, interruptionsPerCall: null },
  });
}

function rank(skills: SkillWeakness[]): SkillWeakness[] {
  return [...skills]
    .sort((a, b) => b.weakness - a.weakness || SKILL_IDS.indexOf(a.skill) - SKILL_IDS.indexOf(b.skill))
    .map((s, i) => ({ ...s, rank: i + 1 }));
}

function topOf(ranked: SkillWeakness[], hasData: boolean): SkillId[] {
  if (!hasData) return [];
  const above = ranked.filter((s) => s.weakness >= TOP_THRESHOLD).slice(0, 3).map((s) => s.skill);
  return above.length > 0 ? above : [ranked[0].skill];
}

/** Older half vs newer half of the samples: a change of 0.08 in badness counts as a trend. */
function trendOf(series: { t: number; badness: number }[]): SkillWeakness['trend'] {
  if (series.length < 3) return 'unknown';
  const mid = Math.floor(series.length / 2);
  const avg = (xs: typeof series) => xs.reduce((s, x) => s + x.badness, 0) / xs.length;
  const delta = avg(series.slice(mid)) - avg(series.slice(0, mid));
  if (delta <= -0.08) return 'improving';
  if (delta >= 0.08) return 'declining';
  return 'steady';
}

function objectionStats(records: AnalysisRecord[], weightOf: (r: AnalysisRecord) => number): WeaknessProfile['objections'] {
  return OBJECTION_KINDS.map((kind: ObjectionKind) => {
    let seen = 0, unhandled = 0;
    for (const r of records) {
      const w = weightOf(r);
      for (const o of r.analysis.objections.filter((x) => x.kind === kind)) {
        seen += w;
        if (!o.handled) unhandled += w;
      }
    }
    return { kind, seen: round(seen), unhandled: round(unhandled), failRate: seen > 0 ? round(unhandled / seen) : 0 };
  });
}

function habitsOf(records: AnalysisRecord[], weightOf: (r: AnalysisRecord) => number): WeaknessProfile['habits'] {
  let w = 0, talk = 0, q = 0, intr = 0;
  for (const r of records) {
    const wt = weightOf(r);
    w += wt;
    talk += wt * r.analysis.metrics.talkRatioAgent;
    q += wt * r.analysis.metrics.questionsAgentPerMin;
    intr += wt * r.analysis.metrics.interruptions;
  }
  if (w === 0) return { talkRatio: null, questionsPerMin: null, interruptionsPerCall: null };
  return { talkRatio: round(talk / w), questionsPerMin: round(q / w), interruptionsPerCall: round(intr / w, 1) };
}

function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
