import { z } from 'zod';
import { CALL_TYPES, LANGUAGES, OBJECTION_KINDS, SKILL_IDS } from './taxonomy.ts';

/** One transcript segment. Times in seconds from the start of the call. */
export const transcriptSegmentSchema = z.object({
  speaker: z.enum(['agent', 'customer']),
  /** The label as it appeared in the source (e.g. "נציג", "Dana"), if any. */
  label: z.string().optional(),
  startSec: z.number().min(0),
  endSec: z.number().min(0),
  text: z.string(),
  /** True when times were estimated from word counts rather than read from the source. */
  estimated: z.boolean().optional(),
  /** True when only the end time was estimated (the source gave start times only, e.g. "[mm:ss] Agent: …"). */
  endEstimated: z.boolean().optional(),
});
export type TranscriptSegment = z.infer<typeof transcriptSegmentSchema>;

export const transcriptSchema = z.object({
  language: z.enum(LANGUAGES),
  segments: z.array(transcriptSegmentSchema),
  /** How agent/customer roles were assigned, and how sure we are (0..1). */
  roles: z
    .object({
      method: z.enum(['channels', 'labels', 'named_agent', 'heuristic', 'provider']),
      confidence: z.number().min(0).max(1),
      /** Labels taken for the agent / the customer side; system or narrator labels left out of the call. */
      agent: z.array(z.string()).optional(),
      customer: z.array(z.string()).optional(),
      ignored: z.array(z.string()).optional(),
      /** Why, in a few words (e.g. "introduced the company"). */
      reason: z.string().optional(),
    })
    .optional(),
  source: z.string().optional(),
});
export type Transcript = z.infer<typeof transcriptSchema>;

export const quoteSchema = z.object({
  text: z.string().min(1),
  startSec: z.number().min(0),
  speaker: z.enum(['agent', 'customer']),
});
export type Quote = z.infer<typeof quoteSchema>;

export const skillScoreSchema = z.object({
  id: z.enum(SKILL_IDS),
  score: z.number().min(0).max(100),
  /** The yes/no checks behind the score. */
  checks: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        passed: z.boolean(),
        weight: z.number(),
        /** Verbatim quotes behind the verdict (what was done, or where it was missing). */
        evidence: z.array(quoteSchema).default([]),
      }),
    )
    .default([]),
  evidence: z.array(quoteSchema).default([]),
});
export type SkillScore = z.infer<typeof skillScoreSchema>;

export const conversationMetricsSchema = z.object({
  durationSec: z.number(),
  talkRatioAgent: z.number().min(0).max(1),
  longestAgentMonologueSec: z.number(),
  longestCustomerStorySec: z.number(),
  interactivityPerMin: z.number(),
  patienceSec: z.number(),
  patienceAfterObjectionSec: z.number().nullable(),
  questionsAgent: z.number().int(),
  questionsCustomer: z.number().int(),
  questionsAgentPerMin: z.number(),
  fillerWordsPerMin: z.number(),
  wordsPerMinAgent: z.number(),
  interruptions: z.number().int(),
});
export type ConversationMetrics = z.infer<typeof conversationMetricsSchema>;

export const weaknessSchema = z.object({
  skill: z.enum(SKILL_IDS),
  severity: z.number().min(0).max(1),
  /** What was missing and when, never the positive checklist. */
  description: z.string(),
  /** The agent's own lines where it was missing (the analyzers quote the agent, never the customer, here). */
  quotes: z.array(quoteSchema),
  /** The customer's words each quoted moment answered, for context only. */
  context: z.array(quoteSchema).optional(),
});
export type Weakness = z.infer<typeof weaknessSchema>;

export const strengthSchema = z.object({
  skill: z.enum(SKILL_IDS),
  description: z.string(),
  quotes: z.array(quoteSchema),
});
export type Strength = z.infer<typeof strengthSchema>;

export const objectionFindingSchema = z.object({
  kind: z.enum(OBJECTION_KINDS),
  quote: z.string(),
  startSec: z.number(),
  handled: z.boolean(),
});

export const toneSchema = z.object({
  speaker: z.enum(['agent', 'customer']),
  confidence: z.number().min(0).max(1),
  features: z.record(z.string(), z.number()),
});
export type Tone = z.infer<typeof toneSchema>;

/** The report both analyzers produce; the session report shares its overlapping fields. */
export const callAnalysisSchema = z.object({
  language: z.enum(LANGUAGES),
  callType: z.enum(CALL_TYPES),
  durationSec: z.number().min(0),
  overallScore: z.number().min(0).max(100).nullable(),
  skills: z.array(skillScoreSchema),
  strengths: z.array(strengthSchema),
  weaknesses: z.array(weaknessSchema),
  recommendations: z.array(z.string()),
  metrics: conversationMetricsSchema,
  objections: z.array(objectionFindingSchema),
  tone: z.array(toneSchema).default([]),
  analyzer: z.object({
    name: z.string(),
    model: z.string().optional(),
    fallbackReason: z.string().optional(),
    quotesCorrected: z.number().int().default(0),
    quotesDropped: z.number().int().default(0),
  }),
  /** Plain-language notes, e.g. "content analysis needs a transcript". */
  notices: z.array(z.string()).default([]),
  /** How the call ended, read from the customer's side (agreed, postponed, refused); absent when unclear. */
  outcome: z.enum(['agreed', 'postponed', 'refused']).optional(),
  /** Who was taken for the agent, how, and how sure (shown with a warning when unsure). */
  roles: z
    .object({
      method: z.string(),
      confidence: z.number().min(0).max(1),
      agent: z.array(z.string()),
      customer: z.array(z.string()),
      ignored: z.array(z.string()).default([]),
    })
    .optional(),
});
export type CallAnalysis = z.infer<typeof callAnalysisSchema>;
