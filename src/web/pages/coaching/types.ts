/** The coaching API's shapes as the web client reads them (dates arrive as ISO strings). */
import type { SessionReport } from '../../../coaching/report-schema.ts';
import type { SkillId } from '../../../analysis/taxonomy.ts';

export type { SessionReport };
export type Outcome = SessionReport['outcome'];

/** GET /api/simulations/:id/report */
export interface ReportResponse {
  simulationId: string;
  companyId: string;
  agentUserId: string;
  scenarioType: string;
  level: string;
  scenarioId: string | null;
  language: 'he' | 'en';
  /** Null: the agent said no words the system could read. */
  overallScore: number | null;
  outcome: Outcome;
  passed: boolean;
  sharedWithManager: boolean;
  sharedAt: string | null;
  createdAt: string;
  privacyHours: number;
  privateUntil: string | null;
  report: SessionReport;
}

export interface WeekBucket {
  week: string;
  count: number;
  overall: number | null;
  skills: Partial<Record<SkillId, number>>;
}

export interface SessionRow {
  simulationId: string;
  agentUserId: string;
  agentName?: string | null;
  scenarioType: string;
  level: string;
  scenarioId: string | null;
  language: 'he' | 'en';
  /** Null: the agent said no words the system could read. */
  overallScore: number | null;
  outcome: Outcome;
  passed: boolean;
  sharedWithManager: boolean;
  createdAt: string;
}

/** GET /api/progress/me */
export interface ProgressResponse {
  agentUserId: string;
  totals: { simulations: number; calls: number; passed: number };
  curves: { call: WeekBucket[]; simulation: WeekBucket[] };
  scenarios: { scenarioId: string; name?: string | null; attempts: number; first: { at: string; score: number }; best: { at: string; score: number }; latest: { at: string; score: number }; gain: number; passedEver: boolean }[];
  realVsSimulation: { weeks: { week: string; call: number | null; simulation: number | null }[]; correlation: number | null; laggedCorrelation: number | null };
  sessions: SessionRow[];
  profile: { basis: string; top: SkillId[]; callCount: number; simulationCount: number; skills: { skill: SkillId; rank: number; weakness: number; score: number | null; trend: 'improving' | 'declining' | 'steady' | 'unknown' }[] };
  recommendation: { type: string; level: string; targets: SkillId[]; scenarioId?: string; reason: { he: string; en: string } };
}

/** GET /api/companies/:id/practice and /practice/summary */
export interface TeamPracticeResponse {
  companyId: string;
  privacyHours: number;
  hidden: number;
  sessions: SessionRow[];
}
export interface TeamSummaryResponse {
  companyId: string;
  privacyHours: number;
  hidden: number;
  aggregates: {
    agents: number;
    simulations: number;
    calls: number;
    conversionRate: number | null;
    passRate: number | null;
    averageSimulationScore: number | null;
    averageCallScore: number | null;
    skills: { id: SkillId; average: number; samples: number }[];
    perAgent: { agentId: string; agentName: string | null; simulations: number; calls: number; averageSimulationScore: number | null; averageCallScore: number | null; lastActivity: string | null }[];
  };
}
