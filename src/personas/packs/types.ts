import { z } from 'zod';
import { OBJECTION_KINDS } from '../../analysis/index.ts';
import { TECHNIQUES } from '../techniques.ts';

/**
 * Industry pack: the market knowledge a persona draws on, in Hebrew and English.
 * Phrasings are first-person customer lines. Two conventions:
 *  - `[masculine|feminine]` gives both gender forms (Hebrew agrees with the speaker);
 *  - `{slot}` is filled from the company questionnaire: {price} {competitor} {company} {product}
 *    {benefit} {differentiator}. A phrasing whose slot cannot be filled is skipped.
 */
const lines = (min: number) => z.array(z.string().min(2)).min(min);
const bilingualLines = (min: number) => z.object({ he: lines(min), en: lines(min) });
const bilingual = z.object({ he: z.string().min(1), en: z.string().min(1) });
/** A fact about the customer twice: `about` describes them (third person, for a model and the persona card); `says` is how they say it (first person). */
const said = z.object({ about: z.string().min(2), says: z.string().min(2) });
const bilingualSaid = (min: number) => z.object({ he: z.array(said).min(min), en: z.array(said).min(min) });

export const packObjectionSchema = z.object({
  kind: z.enum(OBJECTION_KINDS),
  /** Several ways a customer says it. */
  phrasings: bilingualLines(3),
  /** What the customer says when pushing back on a weak answer. */
  pushbacks: bilingualLines(2),
  /** Answers that resolve it, with the techniques they use. */
  answers: z
    .array(z.object({ techniques: z.array(z.enum(TECHNIQUES)).min(1), he: z.string().min(5), en: z.string().min(5) }))
    .min(2),
});
export type PackObjection = z.infer<typeof packObjectionSchema>;

export const packPersonaSchema = z.object({
  audience: z.enum(['B2C', 'B2B']),
  role: bilingual,
  ageRange: z.tuple([z.number().int().min(18), z.number().int().max(90)]),
  /** Background sentences in the third person, `[m|f]` forms allowed. */
  backgrounds: bilingualLines(1),
  authority: z.enum(['sole', 'shared', 'influencer']),
  /** Current situations that fit this persona (else the pack's general ones). */
  situations: bilingualSaid(0).optional(),
  /** Who else decides, when the authority is shared or the persona only influences. */
  otherDecisionMakers: z.object({ he: z.array(z.string()), en: z.array(z.string()) }).default({ he: [], en: [] }),
});
export type PackPersona = z.infer<typeof packPersonaSchema>;

export const packHiddenNeedSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  /** The need in the third person, for the persona card and instructions. */
  need: bilingual,
  /** What the customer says once the agent has earned it. */
  reveal: bilingualLines(1),
  /** Words in a discovery question that touch this need (lower-case, stems are fine). */
  topics: z.object({ he: z.array(z.string()).min(2), en: z.array(z.string()).min(2) }),
});
export type PackHiddenNeed = z.infer<typeof packHiddenNeedSchema>;

export const industryPackSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  label: bilingual,
  objections: z.array(packObjectionSchema),
  pains: bilingualLines(4),
  terms: z.array(z.object({ he: z.string(), en: z.string(), meaning: bilingual })).min(5),
  personas: z.array(packPersonaSchema).min(2),
  hiddenNeeds: z.array(packHiddenNeedSchema).min(3),
  buyingSignals: bilingualLines(3),
  technicalQuestions: bilingualLines(4),
  /** The usual next step in this market ("a portfolio review meeting", "a site survey"). */
  nextStep: bilingual,
  /**
   * Well-known players in this market with their English names, so an English session of a Hebrew company
   * names competitors in English ("ביטוח ישיר" → "Direct Insurance"); the English names also stand in when a
   * company's competitors have no known English name.
   */
  competitors: z.array(bilingual).default([]),
  /** How the customer's current situation is described ("insured through work", "renting"). */
  currentSituations: bilingualSaid(2),
});
export type SaidFact = z.infer<typeof said>;
export type IndustryPack = z.infer<typeof industryPackSchema>;
export type IndustryPackInput = z.input<typeof industryPackSchema>;
