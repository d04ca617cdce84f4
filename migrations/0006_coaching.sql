-- Practice session reports (the coaching layer's scored report of a finished simulation) and the agent's
-- sharing choice. Managers see a report once the company's practice privacy window has passed since it was
-- made, or as soon as the agent shares it (companies.practice_privacy_hours).

CREATE TABLE session_reports (
  -- one report per simulation (a re-scored session replaces its report)
  simulation_id uuid PRIMARY KEY REFERENCES simulations(id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  agent_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- the scenario (catalogue type + level; scenario_id when it was a stored scenario)
  scenario_type text NOT NULL,
  level text NOT NULL CHECK (level IN ('foundation', 'intermediate', 'advanced', 'expert')),
  scenario_id text,
  language text NOT NULL CHECK (language IN ('he', 'en')),
  overall_score real NOT NULL CHECK (overall_score >= 0 AND overall_score <= 100),
  outcome text NOT NULL CHECK (outcome IN ('converted', 'next_step', 'lost', 'hung_up')),
  -- score >= pass mark and every success criterion met
  passed boolean NOT NULL,
  -- the SessionReport (src/coaching/report-schema.ts)
  report jsonb NOT NULL,
  -- the same session in the call-analysis shape, read by the persona engine's weakness profile
  analysis jsonb NOT NULL,
  shared_with_manager boolean NOT NULL DEFAULT false,
  shared_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_reports_agent_idx ON session_reports (agent_user_id, created_at DESC);
CREATE INDEX session_reports_company_idx ON session_reports (company_id, created_at DESC);
