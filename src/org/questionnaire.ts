import { z } from 'zod';

const text = (min: number, max: number, label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`);

export const SECTORS = ['insurance', 'real_estate', 'saas', 'telecom', 'solar', 'retail', 'services', 'finance', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const objectionEntrySchema = z.object({
  kind: z.enum(['price', 'timing', 'trust', 'competitor', 'authority', 'no_need'], { message: 'choose an objection kind' }),
  text: text(3, 500, 'Objection text'),
  /** How the company answers it (optional). */
  answer: z.string().trim().max(2000).optional(),
});

export const competitorSchema = z.object({
  name: text(1, 120, 'Competitor name'),
  notes: z.string().trim().max(1000).optional(),
});

/**
 * The company questionnaire (product brief §1). Required fields first, then optional materials.
 * Every edit stores a new version; personas and sessions record the version they used.
 */
export const questionnaireSchema = z.object({
  companyName: text(2, 200, 'Company name'),
  sector: z.enum(SECTORS, { message: 'choose a sector from the list' }),
  productDetails: text(20, 5000, 'Product or service details'),
  averageDealSize: z
    .number({ message: 'Average deal size must be a number' })
    .nonnegative('Average deal size cannot be negative')
    .max(1e9, 'Average deal size is too large'),
  currency: z.enum(['ILS', 'USD', 'EUR']).default('ILS'),
  productTypes: z.array(text(1, 200, 'Product type')).min(1, 'List at least one product type').max(30),
  audience: z.enum(['B2C', 'B2B', 'both'], { message: 'choose B2C, B2B or both' }),
  differentiator: text(10, 1000, 'The differentiator over competitors'),
  benefits: z
    .array(text(3, 300, 'Benefit'))
    .length(3, 'Give exactly three benefits the customer gets'),
  // optional materials
  competitors: z.array(competitorSchema).max(30).default([]),
  salesScripts: z.string().trim().max(20000).default(''),
  objectionBank: z.array(objectionEntrySchema).max(200).default([]),
  playbook: z.string().trim().max(50000).default(''),
  customerPains: z.array(text(3, 500, 'Customer pain')).max(50).default([]),
  decisionMakers: z.array(text(2, 200, 'Decision maker')).max(20).default([]),
  /** Language the company's customers speak; sessions default to it. */
  language: z.enum(['he', 'en']).default('he'),
});

export type Questionnaire = z.output<typeof questionnaireSchema>;
export type QuestionnaireInput = z.input<typeof questionnaireSchema>;

/** A stored questionnaire version. */
export interface QuestionnaireVersion {
  id: string;
  companyId: string;
  version: number;
  data: Questionnaire;
  createdAt: string;
  createdBy: string | null;
}
