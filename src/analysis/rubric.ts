import { SKILL_IDS, SKILL_LABELS, type CallType, type Language, type SkillId } from './taxonomy.ts';
import type { Quote, SkillScore, Strength, Weakness } from './types.ts';
import { RUBRIC_CHECKS } from './rubric-checks.ts';
import { clock } from './report-text.ts';
import { missingOf } from './rubric-missing.ts';
import type { RubricCheck, RubricContext } from './rubric-context.ts';

/** How much each skill counts toward the overall score, per call type (each row sums to 1). */
export const SKILL_WEIGHTS: Record<CallType, Record<SkillId, number>> = {
  phone_sale: { opening: 0.15, discovery: 0.2, rapport: 0.1, listening: 0.15, objection_handling: 0.15, product_knowledge: 0.1, closing: 0.15 },
  follow_up_before_offer: { opening: 0.1, discovery: 0.25, rapport: 0.15, listening: 0.15, objection_handling: 0.1, product_knowledge: 0.1, closing: 0.15 },
  follow_up_after_offer: { opening: 0.1, discovery: 0.15, rapport: 0.1, listening: 0.1, objection_handling: 0.2, product_knowledge: 0.1, closing: 0.25 },
  meeting_scheduling: { opening: 0.2, discovery: 0.15, rapport: 0.15, listening: 0.1, objection_handling: 0.1, product_knowledge: 0.05, closing: 0.25 },
  upsell: { opening: 0.1, discovery: 0.2, rapport: 0.1, listening: 0.1, objection_handling: 0.1, product_knowledge: 0.2, closing: 0.2 },
  customer_service: { opening: 0.1, discovery: 0.15, rapport: 0.2, listening: 0.2, objection_handling: 0.05, product_knowledge: 0.15, closing: 0.15 },
};

/** Pass mark (product brief §3: pass marks of 70–80). Skills below it become weaknesses. */
export const PASS_MARK = 70;
/** Skills at or above this become strengths (proficient tier). */
export const STRENGTH_MARK = 75;

export interface CheckResult {
  check: RubricCheck;
  passed: boolean;
  evidence: Quote[];
}

export interface RubricResult {
  skills: SkillScore[];
  results: CheckResult[];
  /** Skills with no applicable check in this call (e.g. no objection came up). */
  unscored: SkillId[];
  overallScore: number | null;
}

/**
 * Checks that need room to happen. A short call that ends in a yes is not marked down for them: a trainer does not
 * ask for discovery from a customer who calls to say "let's go ahead".
 */
export const NEEDS_ROOM = new Set([
  'discovery.enough_questions', 'discovery.open_questions', 'discovery.before_pitch', 'discovery.need_uncovered', 'discovery.follow_up',
  'listening.customer_story', 'listening.summarised', 'listening.talk_ratio', 'rapport.empathy', 'product.features', 'product.value', 'product.proof',
]);

/** Run the call type's checks and weight them to 0–100 per skill and overall. */
export function scoreRubric(ctx: RubricContext): RubricResult {
  const results: CheckResult[] = [];
  const roomless = ctx.short && ctx.structure.outcome === 'agreed';
  for (const check of RUBRIC_CHECKS) {
    if (check.types && !check.types.includes(ctx.callType)) continue;
    if (roomless && NEEDS_ROOM.has(check.id)) continue;
    const r = check.run(ctx);
    if (r) results.push({ check, passed: r.passed, evidence: r.evidence });
  }
  const skills: SkillScore[] = [];
  const unscored: SkillId[] = [];
  for (const id of SKILL_IDS) {
    const rs = results.filter((r) => r.check.skill === id);
    if (!rs.length) {
      unscored.push(id);
      continue;
    }
    const total = rs.reduce((a, r) => a + r.check.weight, 0);
    const got = rs.filter((r) => r.passed).reduce((a, r) => a + r.check.weight, 0);
    skills.push({
      id,
      score: Math.round((100 * got) / total),
      checks: rs.map((r) => ({ id: r.check.id, label: r.check.label[ctx.lang], passed: r.passed, weight: r.check.weight, evidence: r.evidence })),
      evidence: dedupe(rs.filter((r) => r.passed).flatMap((r) => r.evidence)).slice(0, 3),
    });
  }
  const raw = overall(skills, ctx.callType);
  return { skills, results, unscored, overallScore: raw === null ? null : shrink(raw, results) };
}

/** How much check weight counts as "a whole call seen" for the overall score's confidence. */
export const EVIDENCE_PRIOR_WEIGHT = 8;

/**
 * A call that shows little of the agent leans to the pass mark: the overall score is the weighted mean of the skills,
 * pulled toward PASS_MARK by EVIDENCE_PRIOR_WEIGHT against the weight of the checks that applied. A full call
 * (~40 weight units) moves a few points; a three-line call that ends in a yes cannot reach 100 on three checks.
 */
function shrink(score: number, results: CheckResult[]): number {
  const seen = results.reduce((a, r) => a + r.check.weight, 0);
  return Math.round((score * seen + PASS_MARK * EVIDENCE_PRIOR_WEIGHT) / (seen + EVIDENCE_PRIOR_WEIGHT));
}

/** Weighted mean of the scored skills for the call type (weights renormalised over scored skills). */
export function overall(skills: SkillScore[], callType: CallType): number | null {
  const w = SKILL_WEIGHTS[callType];
  const total = skills.reduce((a, s) => a + w[s.id], 0);
  if (!total) return null;
  return Math.round(skills.reduce((a, s) => a + w[s.id] * s.score, 0) / total);
}

function dedupe(qs: Quote[]): Quote[] {
  const seen = new Set<string>();
  return qs.filter((q) => {
    const k = `${q.startSec}|${q.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Weaknesses ranked by severity: skills under the pass mark, described by their failed checks, with evidence. */
export function weaknessesFrom(r: RubricResult, lang: Language, callType: CallType): Weakness[] {
  const w = SKILL_WEIGHTS[callType];
  return r.skills
    .filter((s) => s.score < PASS_MARK)
    .map((s) => {
      const failed = r.results.filter((x) => x.check.skill === s.id && !x.passed).sort((a, b) => b.check.weight - a.check.weight);
      const gap = (100 - s.score) / 100;
      return {
        skill: s.id,
        severity: Math.round(Math.min(1, gap * (0.75 + w[s.id])) * 100) / 100,
        description: `${SKILL_LABELS[s.id][lang]}: ${failed.map((f) => missingText(f, lang)).join('; ')}`,
        quotes: dedupe(failed.flatMap((f) => f.evidence)).slice(0, 3),
      };
    })
    .sort((a, b) => b.severity - a.severity || w[b.skill] - w[a.skill])
    .reduce(rootCauseFirst(r), [] as Weakness[]);
}

/**
 * A trainer coaches the first domino. When the agent presented before asking anything, the long monologue and the
 * talk share are symptoms of skipped discovery; when the agent argued with an objection, the missing acknowledgement
 * and empathy are part of how the objection was handled; an agent who cuts the customer off answers what was not
 * heard. The cause goes ahead of its symptom when both are weak.
 */
const ROOT_CAUSES: { check: string; cause: SkillId; symptom: SkillId }[] = [
  { check: 'discovery.before_pitch', cause: 'discovery', symptom: 'listening' },
  { check: 'objection.no_argue', cause: 'objection_handling', symptom: 'rapport' },
  // cutting the customer off comes before everything that answers what was not heard
  { check: 'listening.let_finish', cause: 'listening', symptom: 'objection_handling' },
  { check: 'listening.let_finish', cause: 'listening', symptom: 'rapport' },
  { check: 'listening.let_finish', cause: 'listening', symptom: 'discovery' },
];

function rootCauseFirst(r: RubricResult) {
  const active = ROOT_CAUSES.filter((rc) => r.results.some((x) => x.check.id === rc.check && !x.passed));
  return (out: Weakness[], w: Weakness, _i: number, all: Weakness[]): Weakness[] => {
    if (out.includes(w)) return out;
    const causes = active.filter((rc) => rc.symptom === w.skill).map((rc) => all.find((x) => x.skill === rc.cause)).filter((x): x is Weakness => !!x && !out.includes(x));
    return [...out, ...causes, w];
  };
}

/**
 * A failed check as what was missing and when ("… (at 01:52)"), never its positive label. The agent's line at that
 * moment is quoted under the finding, and the customer's words shown as its context, so the text carries only the time.
 */
function missingText(f: CheckResult, lang: Language): string {
  const label = missingOf(f.check.id, f.check.label, lang);
  const at = f.evidence[0];
  if (!at) return label;
  const when = clock(at.startSec);
  return lang === 'he' ? `${label} (בדקה ${when})` : `${label} (at ${when})`;
}

/** Strengths: skills at the proficient tier or above, with the evidence of their passed checks. */
export function strengthsFrom(r: RubricResult, lang: Language): Strength[] {
  return r.skills
    .filter((s) => s.score >= STRENGTH_MARK)
    .sort((a, b) => b.score - a.score)
    .map((s) => {
      const passed = r.results.filter((x) => x.check.skill === s.id && x.passed);
      return {
        skill: s.id,
        description: `${SKILL_LABELS[s.id][lang]}: ${passed.map((p) => p.check.label[lang]).join('; ')}`,
        quotes: dedupe(passed.flatMap((p) => p.evidence)).slice(0, 2),
      };
    });
}

/** Concrete advice for the failed checks, most severe weakness first, at most `max`. */
export function recommendationsFrom(r: RubricResult, weaknesses: Weakness[], lang: Language, max = 6): string[] {
  const order = new Map(weaknesses.map((w, i) => [w.skill, i]));
  return r.results
    .filter((x) => !x.passed)
    .sort((a, b) => (order.get(a.check.skill) ?? 99) - (order.get(b.check.skill) ?? 99) || b.check.weight - a.check.weight)
    .map((x) => x.check.advice[lang])
    .filter((v, i, all) => all.indexOf(v) === i)
    .slice(0, max);
}
