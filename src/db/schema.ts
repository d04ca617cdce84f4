/**
 * Drizzle table definitions mirroring migrations/*.sql (the SQL files are the source of truth for the
 * database; these types are how repositories read and write it).
 */
import { pgTable, uuid, text, integer, boolean, timestamp, bigint, jsonb, bigserial, primaryKey } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const companies = pgTable('companies', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  sector: text('sector').notNull(),
  seatLimit: integer('seat_limit').notNull(),
  seatsUsed: integer('seats_used').notNull(),
  analysesPerMonth: integer('analyses_per_month').notNull(),
  simMinutesPerMonth: integer('sim_minutes_per_month').notNull(),
  practicePrivacyHours: integer('practice_privacy_hours').notNull(),
  isDemo: boolean('is_demo').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  // 0008_openai_usage.sql: the engine tier calls start from, and a monthly AI budget in US cents
  voiceEngine: text('voice_engine', { enum: ['auto', 'realtime', 'cascade', 'offline'] }).notNull().default('auto'),
  aiBudgetCentsPerMonth: integer('ai_budget_cents_per_month'),
  // 0014_live_observation.sql: managers may listen to calls in progress (off while a privacy window is set)
  liveObservation: boolean('live_observation').notNull().default(true),
});

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id'),
  teamId: uuid('team_id'),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: ['super_admin', 'admin', 'manager', 'agent'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale', { enum: ['he', 'en'] }).notNull(),
  /** How Hebrew addresses the agent (second person agrees with it); null until asked (0010_agent_gender). */
  gender: text('gender', { enum: ['female', 'male'] }),
  active: boolean('active').notNull(),
  mustChangePassword: boolean('must_change_password').notNull(),
  analysesCap: integer('analyses_cap'),
  simMinutesCap: integer('sim_minutes_cap'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const authSessions = pgTable('auth_sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const loginAttempts = pgTable('login_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  email: text('email').notNull(),
  ip: text('ip'),
  success: boolean('success').notNull(),
  at: ts('at').notNull().defaultNow(),
});

export const usageCounters = pgTable(
  'usage_counters',
  {
    companyId: uuid('company_id').notNull(),
    scope: text('scope').notNull(),
    kind: text('kind', { enum: ['analyses', 'sim_seconds'] }).notNull(),
    period: text('period').notNull(),
    used: bigint('used', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.scope, t.kind, t.period] })],
);

export const seatPackages = pgTable('seat_packages', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  seats: integer('seats').notNull(),
  priceCents: integer('price_cents').notNull(),
  currency: text('currency').notNull(),
  active: boolean('active').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const discountCodes = pgTable('discount_codes', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  kind: text('kind', { enum: ['percent', 'fixed'] }).notNull(),
  value: integer('value').notNull(),
  validFrom: ts('valid_from'),
  validUntil: ts('valid_until'),
  maxUses: integer('max_uses'),
  uses: integer('uses').notNull(),
  active: boolean('active').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const orders = pgTable('orders', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  packageId: uuid('package_id').notNull(),
  discountCodeId: uuid('discount_code_id'),
  seats: integer('seats').notNull(),
  listPriceCents: integer('list_price_cents').notNull(),
  discountCents: integer('discount_cents').notNull(),
  totalCents: integer('total_cents').notNull(),
  currency: text('currency').notNull(),
  status: text('status', { enum: ['pending', 'paid', 'cancelled'] }).notNull(),
  paymentMethod: text('payment_method'),
  paymentReference: text('payment_reference'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  paidAt: ts('paid_at'),
  paidBy: uuid('paid_by'),
});

export const questionnaires = pgTable('questionnaires', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  version: integer('version').notNull(),
  data: jsonb('data').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export * from './schema-calls.ts';
export * from './schema-simulations.ts';
export * from './schema-scenarios.ts';
export * from './schema-coaching.ts';
export * from './schema-security.ts';
