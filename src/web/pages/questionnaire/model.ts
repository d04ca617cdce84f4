/** The questionnaire as the form edits it, and the conversion to and from the API's shape (src/org/questionnaire.ts). */
import type { Questionnaire, Sector } from '../../types.ts';

type ObjectionKind = Questionnaire['objectionBank'][number]['kind'];
type Audience = Questionnaire['audience'];
type Currency = Questionnaire['currency'];

// Records keyed by the server's unions: adding a value there without adding it here fails type-checking.
const SECTOR_SET: Record<Sector, true> = { insurance: true, real_estate: true, saas: true, telecom: true, solar: true, retail: true, services: true, finance: true, other: true };
const KIND_SET: Record<ObjectionKind, true> = { price: true, timing: true, trust: true, competitor: true, authority: true, no_need: true };
const AUDIENCE_SET: Record<Audience, true> = { B2C: true, B2B: true, both: true };
const CURRENCY_SET: Record<Currency, true> = { ILS: true, USD: true, EUR: true };

export const SECTORS = Object.keys(SECTOR_SET) as Sector[];
export const OBJECTION_KINDS = Object.keys(KIND_SET) as ObjectionKind[];
export const AUDIENCES = Object.keys(AUDIENCE_SET) as Audience[];
export const CURRENCIES = Object.keys(CURRENCY_SET) as Currency[];

export interface FormState {
  companyName: string;
  sector: Sector | '';
  productDetails: string;
  averageDealSize: string;
  currency: Currency;
  productTypes: string[];
  audience: Audience | '';
  differentiator: string;
  benefits: [string, string, string];
  competitors: { name: string; notes: string }[];
  salesScripts: string;
  objectionBank: { kind: ObjectionKind | ''; text: string; answer: string }[];
  playbook: string;
  customerPains: string[];
  decisionMakers: string[];
  language: 'he' | 'en';
}

export function emptyForm(companyName = ''): FormState {
  return {
    companyName,
    sector: '',
    productDetails: '',
    averageDealSize: '',
    currency: 'ILS',
    productTypes: [''],
    audience: '',
    differentiator: '',
    benefits: ['', '', ''],
    competitors: [],
    salesScripts: '',
    objectionBank: [],
    playbook: '',
    customerPains: [],
    decisionMakers: [],
    language: 'he',
  };
}

export function toForm(q: Questionnaire): FormState {
  const b = [...q.benefits, '', '', ''].slice(0, 3) as [string, string, string];
  return {
    companyName: q.companyName,
    sector: q.sector,
    productDetails: q.productDetails,
    averageDealSize: String(q.averageDealSize),
    currency: q.currency,
    productTypes: q.productTypes.length ? [...q.productTypes] : [''],
    audience: q.audience,
    differentiator: q.differentiator,
    benefits: b,
    competitors: q.competitors.map((c) => ({ name: c.name, notes: c.notes ?? '' })),
    salesScripts: q.salesScripts,
    objectionBank: q.objectionBank.map((o) => ({ kind: o.kind, text: o.text, answer: o.answer ?? '' })),
    playbook: q.playbook,
    customerPains: [...q.customerPains],
    decisionMakers: [...q.decisionMakers],
    language: q.language,
  };
}

/**
 * The request body. Rows stay where they are (even empty ones) so the server's field paths such as
 * `competitors.2.name` point at the row the person sees; empty selects are sent as missing values.
 */
export function toBody(f: FormState): Record<string, unknown> {
  const n = f.averageDealSize.trim() === '' ? undefined : Number(f.averageDealSize.replace(/[,\s]/g, ''));
  return {
    companyName: f.companyName,
    sector: f.sector || undefined,
    productDetails: f.productDetails,
    averageDealSize: n !== undefined && Number.isFinite(n) ? n : f.averageDealSize.trim() === '' ? undefined : f.averageDealSize,
    currency: f.currency,
    productTypes: f.productTypes,
    audience: f.audience || undefined,
    differentiator: f.differentiator,
    benefits: f.benefits,
    competitors: f.competitors.map((c) => ({ name: c.name, ...(c.notes.trim() ? { notes: c.notes } : {}) })),
    salesScripts: f.salesScripts,
    objectionBank: f.objectionBank.map((o) => ({ kind: o.kind || undefined, text: o.text, ...(o.answer.trim() ? { answer: o.answer } : {}) })),
    playbook: f.playbook,
    customerPains: f.customerPains,
    decisionMakers: f.decisionMakers,
    language: f.language,
  };
}
