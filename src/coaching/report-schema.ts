/**
 * The session report: the call-analysis report's overlapping fields (skills[], strengths, weaknesses,
 * recommendations, metrics, objections, tone — same schemas, so practice and real calls compare) plus what only
 * a simulation has: outcome, scenario criteria, targeted weaknesses, difficulty timeline, hints, latency.
 */
import { z } from 'zod';
import {
  CALL_TYPES, LANGUAGES, OBJECTION_KINDS, SKILL_IDS,
  conversationMetricsSchema, objectionFindingSchema, quoteSchema, skillScoreSchema, strengthSchema, toneSchema, weaknessSchema,
} from '../analysis/index.ts';

export const SESSION_OUTCOMES = ['converted', 'next_step', 'lost', 'hung_up'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

const bilingual = z.object({ he: z.string(), en: z.string() });

export const criterionResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  passed: z.boolean(),
  /** Why it passed or failed, in the session language. */
  detail: z.string(),
  evidence: z.array(quoteSchema).default([]),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

export const benchmarkRowSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  benchmark: z.string(),
  status: z.enum(['good', 'above', 'below']),
});

export const sessionReportSchema = z.object({
  kind: z.literal('simulation'),
  language: z.enum(LANGUAGES),
  callType: z.enum(CALL_TYPES),
  scenarioId: z.string().optional(),
  level: z.string().optional(),
  durationSec: z.number().min(0),
  outcome: z.enum(SESSION_OUTCOMES),
  outcomeReason: z.string(),
  /** Null when the agent said no words the system could read: see noScoreReason. */
  overallScore: z.number().min(0).max(100).nullable(),
  /** Why there is no score and what a transcript would add (session language); only with overallScore null. */
  noScoreReason: z.string().optional(),
  /** How overallScore was made (weights and parts), shown next to it. */
  scoreBreakdown: z.object({ skills: z.number(), criteria: z.number().nullable(), outcome: z.number(), formula: z.string() }),
  skills: z.array(skillScoreSchema),
  /** Skills with nothing to judge in this call (e.g. no objection came up). */
  skillsNotExercised: z.array(z.enum(SKILL_IDS)),
  criteria: z.array(criterionResultSchema),
  strengths: z.array(strengthSchema),
  weaknesses: z.array(weaknessSchema),
  recommendations: z.array(z.string()),
  /** Exactly three concrete things to do differently next time, in the session language. */
  improvements: z.array(z.string()).length(3),
  metrics: conversationMetricsSchema,
  benchmarks: z.array(benchmarkRowSchema),
  objections: z.array(objectionFindingSchema.extend({ acknowledged: z.boolean(), responseDelaySec: z.number().nullable() })),
  tone: z.array(toneSchema).default([]),
  targeted: z.array(z.object({
    skill: z.enum(SKILL_IDS),
    exercised: z.boolean(),
    how: z.string(),
    score: z.number().nullable(),
    verdict: z.enum(['strong', 'ok', 'needs_work', 'not_exercised']),
  })),
  targetedObjections: z.array(z.object({ kind: z.enum(OBJECTION_KINDS), raised: z.boolean(), handled: z.boolean() })),
  difficulty: z.array(z.object({ atSec: z.number(), from: z.string(), to: z.string(), confidence: z.number(), reason: bilingual })),
  hints: z.array(z.object({ rule: z.string(), text: z.string(), triggerAtSec: z.number(), shownAtSec: z.number(), trigger: z.string() })),
  moods: z.array(z.object({ atSec: z.number(), mood: z.string(), source: z.string() })),
  latency: z.object({
    turns: z.number().int(),
    /** Agent stopped talking → customer heard (or sent, when playback was not reported), ms. */
    p50Ms: z.number().nullable(),
    p95Ms: z.number().nullable(),
    endOfTurnP50Ms: z.number().nullable(),
    firstTextP50Ms: z.number().nullable(),
  }),
  voiceConfidence: z.number().min(0).max(1).nullable(),
  quotesDropped: z.number().int(),
});
export type SessionReport = z.infer<typeof sessionReportSchema>;
