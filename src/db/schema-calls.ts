/** Drizzle definitions of migrations/0002_calls.sql (calls and the job queue). */
import { pgTable, uuid, text, integer, boolean, timestamp, bigint, jsonb, real } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const calls = pgTable('calls', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  agentUserId: uuid('agent_user_id').notNull(),
  uploadedBy: uuid('uploaded_by'),
  agentLabel: text('agent_label'),
  title: text('title').notNull(),
  language: text('language', { enum: ['he', 'en'] }).notNull(),
  callType: text('call_type'),
  source: text('source', { enum: ['audio', 'transcript', 'audio+transcript'] }).notNull(),
  channelMap: text('channel_map', { enum: ['left_agent', 'right_agent', 'mixed'] }).notNull(),
  originalName: text('original_name'),
  originalFormat: text('original_format'),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  durationSec: real('duration_sec'),
  channels: integer('channels'),
  status: text('status', { enum: ['queued', 'converting', 'transcribing', 'analysing', 'done', 'failed'] }).notNull(),
  progress: real('progress').notNull(),
  error: text('error'),
  transcript: jsonb('transcript'),
  report: jsonb('report'),
  reportKind: text('report_kind', { enum: ['full', 'audio_only'] }),
  overallScore: real('overall_score'),
  quotaConsumed: boolean('quota_consumed').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  analysedAt: ts('analysed_at'),
});

export const jobs = pgTable('jobs', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull(),
  companyId: uuid('company_id'),
  status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull(),
  maxAttempts: integer('max_attempts').notNull(),
  runAt: ts('run_at').notNull(),
  lockedUntil: ts('locked_until'),
  lockedBy: text('locked_by'),
  stage: text('stage'),
  progress: real('progress').notNull(),
  error: text('error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
  /** The worker that completed the job (several nodes share the queue). */
  finishedBy: text('finished_by'),
});
