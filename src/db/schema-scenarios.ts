/** Drizzle definitions of migrations/0004_personas.sql (scenarios and their versions, personas, assignments, skill priors). */
import { pgTable, uuid, text, integer, boolean, timestamp, jsonb, primaryKey } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const LEVEL_ENUM = ['foundation', 'intermediate', 'advanced', 'expert'] as const;

export const scenarios = pgTable('scenarios', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  currentVersion: integer('current_version').notNull(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  level: text('level', { enum: LEVEL_ENUM }).notNull(),
  archived: boolean('archived').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const scenarioVersions = pgTable(
  'scenario_versions',
  {
    scenarioId: uuid('scenario_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    level: text('level', { enum: LEVEL_ENUM }).notNull(),
    language: text('language', { enum: ['he', 'en'] }),
    targetSkills: text('target_skills').array().notNull(),
    personaOverrides: jsonb('persona_overrides').notNull(),
    successCriteria: jsonb('success_criteria').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.version] })],
);

export const personas = pgTable('personas', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  agentUserId: uuid('agent_user_id'),
  scenarioId: uuid('scenario_id'),
  scenarioVersion: integer('scenario_version'),
  scenarioType: text('scenario_type').notNull(),
  level: text('level').notNull(),
  language: text('language', { enum: ['he', 'en'] }).notNull(),
  questionnaireVersion: integer('questionnaire_version').notNull(),
  seed: integer('seed').notNull(),
  persona: jsonb('persona').notNull(),
  scenarioSnapshot: jsonb('scenario_snapshot').notNull(),
  profileSnapshot: jsonb('profile_snapshot').notNull(),
  purpose: text('purpose', { enum: ['practice', 'recommendation'] }).notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const scenarioAssignments = pgTable('scenario_assignments', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  batchId: uuid('batch_id').notNull(),
  scenarioId: uuid('scenario_id').notNull(),
  scenarioVersion: integer('scenario_version').notNull(),
  agentUserId: uuid('agent_user_id').notNull(),
  teamId: uuid('team_id'),
  dueAt: ts('due_at'),
  note: text('note').notNull(),
  assignedBy: uuid('assigned_by'),
  status: text('status', { enum: ['open', 'completed', 'cancelled'] }).notNull(),
  /** Score (0-100) a practice call needs, with every success criterion met, to complete it (0011_assignment_pass). */
  passMark: integer('pass_mark').notNull().default(70),
  completedAt: ts('completed_at'),
  simulationId: uuid('simulation_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const skillPriors = pgTable('skill_priors', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  agentUserId: uuid('agent_user_id').notNull(),
  kind: text('kind', { enum: ['self_assessment', 'manager_choice'] }).notNull(),
  data: jsonb('data').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
