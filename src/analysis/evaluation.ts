import { z } from 'zod';
import { SKILL_IDS, type SkillId } from './taxonomy.ts';
import type { CallAnalysis, Transcript } from './types.ts';
import type { Analyzer } from './analyzer.ts';

/**
 * Evaluation of an analyzer against a coach's labels (issue 14 item 5): rank correlation of scores, agreement on
 * the main weakness, good-vs-poor separation, role accuracy and per-skill confusion. Works for any Analyzer.
 */

export const OUTCOMES = ['agreed', 'postponed', 'refused'] as const;
export type CallOutcome = (typeof OUTCOMES)[number];

/** One labelled call of an evaluation set (labels.json → calls[]). */
export const evalLabelSchema = z.object({
  file: z.string().min(1),
  /** The coach's overall score, 1–10. */
  score: z.number().min(1).max(10),
  /** The coach's main weakness; null when none is worth naming. */
  weakness: z.enum(SKILL_IDS).nullable().default(null),
  outcome: z.enum(OUTCOMES).optional(),
  /** The agent's speaker label(s) as written in the file, for role accuracy. */
  agent: z.union([z.string(), z.array(z.string())]).optional(),
  source: z.string().optional(),
  licence: z.string().optional(),
});
export type EvalLabel = z.infer<typeof evalLabelSchema>;
export const evalLabelsFileSchema = z.object({ about: z.string().optional(), calls: z.array(evalLabelSchema).min(1) });

/** Coach scores at or above this are "competent" calls (the split). */
export const COMPETENT_FROM = 6;
/** Coach scores at or below this are "poor" calls for the AUC. */
export const POOR_UP_TO = 4;
/** Role decisions below this confidence are flagged to the user (the report shows a warning). */
export const ROLE_FLAG_BELOW = 0.7;

export interface EvalCase {
  label: EvalLabel;
  transcript?: Transcript;
  analysis?: CallAnalysis;
  /** Set when the call was refused (unreadable, unsupported language); counts as a miss where it matters. */
  error?: string;
}

export interface CallRow {
  file: string;
  coach: number;
  analyzer: number | null;
  coachWeakness: SkillId | null;
  topWeaknesses: SkillId[];
  top1: boolean | null;
  top3: boolean | null;
  outcome?: { coach: CallOutcome; analyzer?: string };
  roles: 'right' | 'flagged' | 'wrong' | 'n/a';
  roleConfidence?: number;
  error?: string;
}

export interface EvalReport {
  analyzer: string;
  calls: number;
  spearman: number | null;
  spearmanCompetent: number | null;
  competentCalls: number;
  /** Probability that a random good call (≥ 7) scores above a random poor one (≤ 4). */
  aucGoodVsPoor: number | null;
  top1: number | null;
  top3: number | null;
  weaknessCalls: number;
  roleAccuracy: number | null;
  rolesRightOrFlagged: number | null;
  outcomeAccuracy: number | null;
  /** coach's main weakness → analyzer's top weakness → count ('none' when the analyzer names none). */
  confusion: Record<string, Record<string, number>>;
  /** Per skill: calls where the coach named it, where the analyzer ranked it first, and where both did. */
  perSkill: Record<SkillId, { coach: number; analyzer: number; both: number }>;
  rows: CallRow[];
}

/** Average ranks (ties share their mean rank), 1-based. */
export function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k][1]] = r;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation (Pearson on average ranks); null with fewer than 3 pairs or no spread. */
export function spearman(xs: number[], ys: number[]): number | null {
  if (xs.length !== ys.length || xs.length < 3) return null;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mx = rx.reduce((a, b) => a + b, 0) / rx.length;
  const my = ry.reduce((a, b) => a + b, 0) / ry.length;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i] - mx) * (ry[i] - my);
    dx += (rx[i] - mx) ** 2;
    dy += (ry[i] - my) ** 2;
  }
  if (!dx || !dy) return null;
  return num / Math.sqrt(dx * dy);
}

/** Area under the ROC curve: P(score of a positive > score of a negative), ties count half. */
export function auc(positives: number[], negatives: number[]): number | null {
  if (!positives.length || !negatives.length) return null;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const rate = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : null);

/** Whether the transcript gives the agent role to exactly the labelled speakers. */
export function judgeRoles(t: Transcript | undefined, agent: EvalLabel['agent']): CallRow['roles'] {
  if (!t || !agent) return 'n/a';
  const want = new Set((Array.isArray(agent) ? agent : [agent]).map((a) => a.trim().toLowerCase()));
  const right = t.segments.every((s) => (s.label !== undefined && want.has(s.label.trim().toLowerCase())) === (s.speaker === 'agent'));
  if (right) return 'right';
  return (t.roles?.confidence ?? 1) < ROLE_FLAG_BELOW ? 'flagged' : 'wrong';
}

/** Score a set of analysed cases against their labels. */
export function evaluate(cases: EvalCase[], analyzerName: string): EvalReport {
  const rows: CallRow[] = cases.map(({ label, transcript, analysis, error }) => {
    const top = (analysis?.weaknesses ?? []).map((w) => w.skill);
    const has = label.weakness !== null;
    return {
      file: label.file,
      coach: label.score,
      analyzer: analysis?.overallScore ?? null,
      coachWeakness: label.weakness,
      topWeaknesses: top.slice(0, 3),
      top1: has ? top[0] === label.weakness : null,
      top3: has ? top.slice(0, 3).includes(label.weakness!) : null,
      ...(label.outcome ? { outcome: { coach: label.outcome, ...(analysis?.outcome ? { analyzer: analysis.outcome } : {}) } } : {}),
      roles: judgeRoles(transcript, label.agent),
      ...(transcript?.roles ? { roleConfidence: transcript.roles.confidence } : {}),
      ...(error ? { error } : {}),
    };
  });
  // A refused or unscored call counts as the lowest score: the analyzer gave the coach nothing to rank.
  const scoreOf = (r: CallRow) => r.analyzer ?? -1;
  const competent = rows.filter((r) => r.coach >= COMPETENT_FROM);
  const withWeak = rows.filter((r) => r.top1 !== null);
  const withRoles = rows.filter((r) => r.roles !== 'n/a');
  const withOutcome = rows.filter((r) => r.outcome);
  const confusion: EvalReport['confusion'] = {};
  const perSkill = Object.fromEntries(SKILL_IDS.map((id) => [id, { coach: 0, analyzer: 0, both: 0 }])) as EvalReport['perSkill'];
  for (const r of rows) {
    const mine = r.topWeaknesses[0];
    if (mine) perSkill[mine].analyzer++;
    if (!r.coachWeakness) continue;
    perSkill[r.coachWeakness].coach++;
    if (mine === r.coachWeakness) perSkill[mine].both++;
    const row = (confusion[r.coachWeakness] ??= {});
    row[mine ?? 'none'] = (row[mine ?? 'none'] ?? 0) + 1;
  }
  return {
    analyzer: analyzerName,
    calls: rows.length,
    spearman: r3(spearman(rows.map((r) => r.coach), rows.map(scoreOf))),
    spearmanCompetent: r3(spearman(competent.map((r) => r.coach), competent.map(scoreOf))),
    competentCalls: competent.length,
    aucGoodVsPoor: r3(auc(rows.filter((r) => r.coach > COMPETENT_FROM).map(scoreOf), rows.filter((r) => r.coach <= POOR_UP_TO).map(scoreOf))),
    top1: r3(rate(withWeak.map((r) => r.top1!))),
    top3: r3(rate(withWeak.map((r) => r.top3!))),
    weaknessCalls: withWeak.length,
    roleAccuracy: r3(rate(withRoles.map((r) => r.roles === 'right'))),
    rolesRightOrFlagged: r3(rate(withRoles.map((r) => r.roles !== 'wrong'))),
    outcomeAccuracy: r3(rate(withOutcome.filter((r) => r.outcome!.analyzer).map((r) => r.outcome!.analyzer === r.outcome!.coach))),
    confusion,
    perSkill,
    rows,
  };
}

/** Run an analyzer over already imported cases (import errors pass through as refused calls). */
export async function analyzeCases(analyzer: Analyzer, cases: EvalCase[]): Promise<EvalCase[]> {
  const out: EvalCase[] = [];
  for (const c of cases) {
    if (!c.transcript || c.error) {
      out.push(c);
      continue;
    }
    try {
      out.push({ ...c, analysis: await analyzer.analyze(c.transcript) });
    } catch (e) {
      out.push({ ...c, error: (e as Error).message });
    }
  }
  return out;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));

/** The report as plain text for the terminal. */
export function formatEvalReport(r: EvalReport): string {
  const lines = [
    `Analyzer: ${r.analyzer} — ${r.calls} calls`,
    `Spearman (coach vs overall score): ${num(r.spearman)} overall, ${num(r.spearmanCompetent)} among ${r.competentCalls} competent calls (coach ≥ ${COMPETENT_FROM})`,
    `Good-vs-poor AUC (coach > ${COMPETENT_FROM} vs ≤ ${POOR_UP_TO}): ${num(r.aucGoodVsPoor)}`,
    `Coach's main weakness = analyzer's top weakness: ${pct(r.top1)}; in its top three: ${pct(r.top3)} (${r.weaknessCalls} calls)`,
    `Roles right: ${pct(r.roleAccuracy)}; right or flagged as unsure: ${pct(r.rolesRightOrFlagged)}`,
    `Outcome read right: ${pct(r.outcomeAccuracy)}`,
    '',
    'Per skill (coach named it / analyzer ranked it first / both):',
    ...SKILL_IDS.map((id) => `  ${id.padEnd(20)} ${r.perSkill[id].coach} / ${r.perSkill[id].analyzer} / ${r.perSkill[id].both}`),
    '',
    'Calls:',
    ...r.rows.map((x) =>
      `  ${x.file.padEnd(40)} coach ${String(x.coach).padStart(2)}  analyzer ${x.analyzer === null ? ' --' : String(x.analyzer).padStart(3)}  ` +
      `weakness ${x.coachWeakness ?? '-'} → ${x.topWeaknesses.join(',') || '-'}  roles ${x.roles}` +
      (x.outcome ? `  outcome ${x.outcome.coach} → ${x.outcome.analyzer ?? '-'}` : '') +
      (x.error ? `  ERROR ${x.error}` : ''),
    ),
  ];
  return lines.join('\n');
}
