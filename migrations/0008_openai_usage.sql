-- The OpenAI path (issue 12): which engine a company's calls start on, a monthly AI budget in money, and what
-- each practice call consumed from the paid services (as the services reported it) and cost.

-- 'auto' = the best configured engine (Realtime → cascade → offline); otherwise the tier calls start from.
ALTER TABLE companies ADD COLUMN voice_engine text NOT NULL DEFAULT 'auto'
  CHECK (voice_engine IN ('auto', 'realtime', 'cascade', 'offline'));
-- Monthly budget for AI services in US cents (null = no money limit; the minutes quota still applies).
ALTER TABLE companies ADD COLUMN ai_budget_cents_per_month integer CHECK (ai_budget_cents_per_month IS NULL OR ai_budget_cents_per_month >= 0);

-- Cost in millionths of a US dollar (integer arithmetic, no float drift when summed over a month).
ALTER TABLE simulations ADD COLUMN cost_micros bigint NOT NULL DEFAULT 0;
-- Usage totals: {"realtimeTokens", "transcriptionSeconds", "speechSeconds", "chatTokens", "byKind": {...}}.
ALTER TABLE simulations ADD COLUMN usage jsonb NOT NULL DEFAULT '{}'::jsonb;
-- The tier the call ended on (differs from `engine` after a fallback).
ALTER TABLE simulations ADD COLUMN engine_tier text CHECK (engine_tier IS NULL OR engine_tier IN ('realtime', 'cascade', 'offline'));
CREATE INDEX simulations_company_month_cost_idx ON simulations (company_id, created_at) WHERE cost_micros > 0;
