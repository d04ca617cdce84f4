import { SKILL_IDS, type CallAnalysis, type ObjectionKind, type SkillId } from '../analysis/index.ts';
import { DEMO_QUESTIONNAIRE } from '../org/demo-questionnaire.ts';
import { questionnaireSchema, type Questionnaire, type QuestionnaireInput } from '../org/questionnaire.ts';

/** Test data only: a CallAnalysis with the given skill scores (others 75) and optional weaknesses/objections. */
export function analysisWith(opts: {
  scores?: Partial<Record<SkillId, number>>;
  weaknesses?: { skill: SkillId; severity: number; quote?: string; description?: string }[];
  objections?: { kind: ObjectionKind; quote: string; handled: boolean }[];
  talkRatio?: number;
  language?: 'he' | 'en';
}): CallAnalysis {
  return {
    language: opts.language ?? 'he',
    callType: 'phone_sale',
    durationSec: 300,
    overallScore: 60,
    skills: SKILL_IDS.map((id) => ({ id, score: opts.scores?.[id] ?? 75, checks: [], evidence: [] })),
    strengths: [],
    weaknesses: (opts.weaknesses ?? []).map((w, i) => ({ skill: w.skill, severity: w.severity, description: w.description ?? `weak ${w.skill}`, quotes: w.quote ? [{ text: w.quote, startSec: 10 + i, speaker: 'agent' as const }] : [] })),
    recommendations: [],
    metrics: { durationSec: 300, talkRatioAgent: opts.talkRatio ?? 0.55, longestAgentMonologueSec: 40, longestCustomerStorySec: 30, interactivityPerMin: 4, patienceSec: 0.6, patienceAfterObjectionSec: 0.4, questionsAgent: 6, questionsCustomer: 2, questionsAgentPerMin: 1.2, fillerWordsPerMin: 2, wordsPerMinAgent: 160, interruptions: 1 },
    objections: (opts.objections ?? []).map((o, i) => ({ kind: o.kind, quote: o.quote, startSec: 60 + i, handled: o.handled })),
    tone: [],
    analyzer: { name: 'fixture', quotesCorrected: 0, quotesDropped: 0 },
    notices: [],
  };
}

export const demoQuestionnaire = (): Questionnaire => questionnaireSchema.parse(DEMO_QUESTIONNAIRE);

/** An English B2B SaaS company, for English-language and B2B tests. */
export const saasQuestionnaire = (patch: Partial<QuestionnaireInput> = {}): Questionnaire =>
  questionnaireSchema.parse({
    companyName: 'Flowdesk',
    sector: 'saas',
    productDetails: 'Flowdesk is a CRM for service businesses with 10 to 200 employees: pipeline, quotes, invoicing and WhatsApp integration, onboarding done by our team in two weeks.',
    averageDealSize: 18000,
    currency: 'USD',
    productTypes: ['CRM seats', 'Onboarding package', 'WhatsApp integration'],
    audience: 'B2B',
    differentiator: 'Onboarding is done for you in two weeks, with a named success manager.',
    benefits: ['Every lead answered within an hour', 'Quotes sent in minutes, not days', 'One view of every customer'],
    competitors: [{ name: 'HubSpot', notes: 'Strong brand, self-serve onboarding' }],
    objectionBank: [{ kind: 'price', text: 'Eighteen thousand a year is more than we spend on all our software', answer: 'Let us look at what a lost lead costs you each month.' }],
    customerPains: ['Leads fall through the cracks between sales and service'],
    decisionMakers: ['the CFO', 'the head of operations'],
    language: 'en',
    ...patch,
  });
