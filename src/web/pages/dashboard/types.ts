/** The dashboard API's shapes as the web client reads them (src/analytics/dashboard*.ts; dates arrive as ISO strings). */
import type { SkillId } from '../../../analysis/taxonomy.ts';

export interface WeekScores {
  week: string;
  calls: number;
  callAverage: number | null;
  callsMetBar: number;
  sessions: number;
  practiceAverage: number | null;
}

export interface PeriodTotals {
  calls: number;
  callAverage: number | null;
  callsMetBar: number;
  sessions: number;
  practiceAverage: number | null;
  sessionsPassed: number;
}

export interface WeaknessTrend {
  skill: SkillId;
  seenIn: number;
  of: number;
  trend: 'improving' | 'worse' | 'steady' | 'new';
  change: number | null;
  lastCallId: string;
  lastSeenAt: string;
}

export type AttentionReason =
  | { rule: 'falling_scores'; earlier: number; recent: number }
  | { rule: 'overdue_assignment'; count: number; oldestDueAt: string }
  | { rule: 'no_practice'; days: number; lastPracticeAt: string | null }
  | { rule: 'persistent_weakness'; skill: SkillId; seenIn: number; of: number };

export interface AttentionRules {
  falling_scores: { recentDays: number; earlierDays: number; drop: number; minEach: number };
  overdue_assignment: Record<string, never>;
  no_practice: { days: number };
  persistent_weakness: { seenIn: number; of: number };
}

/** GET /api/dashboard/me and /api/agents/:agentId/dashboard */
export interface AgentDashboard {
  agentUserId: string;
  weeks: WeekScores[];
  totals: PeriodTotals;
  callBar: number;
  weaknesses: WeaknessTrend[];
  attention: AttentionReason[];
  recentCalls: { id: string; title: string; at: string; overallScore: number | null; metBar: boolean; weaknesses: SkillId[] }[];
  privacyHours: number;
  hidden: number;
}

/** GET /api/companies/:companyId/dashboard */
export interface TeamDashboard {
  companyId: string;
  teamId: string | null;
  weeks: WeekScores[];
  totals: PeriodTotals;
  callBar: number;
  agents: { agentUserId: string; name: string; teamId: string | null; totals: PeriodTotals; change: number | null; lastActivity: string | null; attention: AttentionReason[] }[];
  attention: { agentUserId: string; name: string; reasons: AttentionReason[] }[];
  rules: AttentionRules;
  privacyHours: number;
  hidden: number;
}
