/** Drizzle definitions of migrations/0006_coaching.sql (practice session reports). */
import { pgTable, uuid, text, real, boolean, timestamp, jsonb } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const sessionReports = pgTable('session_reports', {
  simulationId: uuid('simulation_id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  agentUserId: uuid('agent_user_id').notNull(),
  scenarioType: text('scenario_type').notNull(),
  level: text('level', { enum: ['foundation', 'intermediate', 'advanced', 'expert'] }).notNull(),
  scenarioId: text('scenario_id'),
  language: text('language', { enum: ['he', 'en'] }).notNull(),
  /** Null when the agent said no words the system could read (no score for speech it never understood). */
  overallScore: real('overall_score'),
  outcome: text('outcome', { enum: ['converted', 'next_step', 'lost', 'hung_up'] }).notNull(),
  passed: boolean('passed').notNull(),
  report: jsonb('report').notNull(),
  analysis: jsonb('analysis').notNull(),
  sharedWithManager: boolean('shared_with_manager').notNull(),
  sharedAt: ts('shared_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
