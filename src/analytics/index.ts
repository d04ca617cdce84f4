/** Analytics: long-term progress (skill curves, scenario first/best, real calls beside practice, team totals) and the closed loop into the agent profile. */
export {
  skillCurves, scenarioProgress, realVsSimulation, teamAggregates, correlation, weekStart,
  type ScorePoint, type WeekBucket, type ScenarioProgress, type RealVsSimulation, type TeamAggregate,
} from './progress.ts';
export {
  sessionToCallAnalysis, sessionToAnalysisRecord, sessionToPracticeResult, sessionToScorePoint, callToScorePoint, sessionPassed, assignmentPassed, SESSION_PASS_MARK,
} from './loop.ts';
export { createPracticeService, REPORT_BUILD_GRACE_MS, reportVisibility, reportRowToScorePoint, type PracticeService, type Viewer, type AssignmentAttempt } from './practice.ts';
export { practiceReportTap } from './practice-tap.ts';
export {
  weeklyScores, weekRange, weaknessTrends, attentionReasons, asSkills, ATTENTION_RULES, CALL_BAR, WEAKNESS_WINDOW, OPEN_WITHIN,
  type WeekScores, type CallFindings, type WeaknessTrend, type AttentionReason, type AttentionRule, type AgentFacts,
} from './dashboard.ts';
export { createDashboardService, DASHBOARD_WEEKS, type DashboardService, type AgentDashboard, type TeamDashboard, type PeriodTotals } from './dashboard-service.ts';
export { practiceTargetForWeakness, analysisOfStoredReport, type PracticeTarget } from './practise-weakness.ts';
export { seedDemoPractice, gradedScript, DEMO_PRACTICE } from './demo.ts';
