/**
 * The dashboard API's shapes as the web client reads them: the server's own types (src/analytics/dashboard*.ts),
 * defined once, with dates as the ISO strings JSON carries.
 */
import type { AgentDashboard as ServerAgentDashboard, TeamDashboard as ServerTeamDashboard } from '../../../analytics/dashboard-service.ts';
import type { AttentionReason as ServerAttentionReason, WeaknessTrend as ServerWeaknessTrend, WeekScores as ServerWeekScores } from '../../../analytics/dashboard.ts';

/** A value as it arrives over JSON: Date → ISO string, the rest unchanged. */
type Json<T> = T extends Date ? string : T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { -readonly [K in keyof T]: Json<T[K]> } : T;

export type WeekScores = Json<ServerWeekScores>;
export type WeaknessTrend = Json<ServerWeaknessTrend>;
export type AttentionReason = Json<ServerAttentionReason>;
/** GET /api/dashboard/me and /api/agents/:agentId/dashboard */
export type AgentDashboard = Json<ServerAgentDashboard>;
/** GET /api/companies/:companyId/dashboard */
export type TeamDashboard = Json<ServerTeamDashboard>;
export type PeriodTotals = AgentDashboard['totals'];
export type AttentionRules = TeamDashboard['rules'];
