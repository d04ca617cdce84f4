/** Drizzle definitions of migrations/0005_simulations.sql (practice simulations, their turns and events). */
import { pgTable, uuid, text, integer, boolean, timestamp, jsonb, bigserial, bigint, primaryKey } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const SIMULATION_STATUSES = ['connecting', 'active', 'ending', 'ended', 'interrupted'] as const;

export const simulations = pgTable('simulations', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  agentUserId: uuid('agent_user_id').notNull(),
  scenarioId: uuid('scenario_id'),
  scenarioVersion: integer('scenario_version'),
  personaId: uuid('persona_id'),
  personaVersion: integer('persona_version'),
  questionnaireVersion: integer('questionnaire_version'),
  scenarioType: text('scenario_type').notNull(),
  level: text('level'),
  scenarioSnapshot: jsonb('scenario_snapshot').notNull(),
  personaSnapshot: jsonb('persona_snapshot').notNull(),
  engine: text('engine', { enum: ['realtime', 'cascade', 'text'] }).notNull(),
  mode: text('mode', { enum: ['voice', 'text'] }).notNull(),
  language: text('language', { enum: ['he', 'en'] }).notNull(),
  status: text('status', { enum: SIMULATION_STATUSES }).notNull(),
  outcome: text('outcome', { enum: ['purchase', 'next_step', 'postponed', 'hung_up', 'no_outcome'] }),
  endReason: text('end_reason'),
  seed: integer('seed').notNull(),
  secondsUsed: integer('seconds_used').notNull(),
  durationMs: integer('duration_ms'),
  nodeId: text('node_id'),
  heartbeatAt: ts('heartbeat_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  startedAt: ts('started_at'),
  endedAt: ts('ended_at'),
  // 0008_openai_usage.sql
  costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
  usage: jsonb('usage').notNull().default({}),
  engineTier: text('engine_tier', { enum: ['realtime', 'cascade', 'offline'] }),
});

export const simulationTurns = pgTable(
  'simulation_turns',
  {
    id: text('id').notNull(),
    simulationId: uuid('simulation_id').notNull(),
    seq: integer('seq').notNull(),
    speaker: text('speaker', { enum: ['agent', 'customer'] }).notNull(),
    text: text('text').notNull(),
    startMs: integer('start_ms').notNull(),
    endMs: integer('end_ms').notNull(),
    interrupted: boolean('interrupted').notNull(),
    /** Agent speech heard but not transcribed (text is empty). */
    inaudible: boolean('inaudible').notNull().default(false),
    engine: text('engine').notNull(),
    latency: jsonb('latency'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.simulationId, t.id] })],
);

export const simulationEvents = pgTable('simulation_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  simulationId: uuid('simulation_id').notNull(),
  atMs: integer('at_ms').notNull(),
  kind: text('kind').notNull(),
  data: jsonb('data').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
