-- Practice simulations (voice/text calls with an AI customer), their turns as they finish, and an
-- append-only event log (hints, difficulty changes, errors, customer state, metrics snapshots).

CREATE TABLE simulations (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  -- the agent practising (owner for the tenant guard)
  agent_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- stored scenario / persona when the session was built from one (no FK: those tables belong to other
  -- migrations and a deleted scenario must not delete the history); the snapshots below are authoritative
  scenario_id uuid,
  scenario_version integer,
  persona_id uuid,
  persona_version integer,
  questionnaire_version integer,
  scenario_type text NOT NULL,
  level text,
  scenario_snapshot jsonb NOT NULL,
  persona_snapshot jsonb NOT NULL,
  engine text NOT NULL CHECK (engine IN ('realtime', 'cascade', 'text')),
  mode text NOT NULL DEFAULT 'voice' CHECK (mode IN ('voice', 'text')),
  language text NOT NULL CHECK (language IN ('he', 'en')),
  status text NOT NULL DEFAULT 'connecting'
    CHECK (status IN ('connecting', 'active', 'ending', 'ended', 'interrupted')),
  outcome text CHECK (outcome IN ('purchase', 'next_step', 'postponed', 'hung_up', 'no_outcome')),
  end_reason text,
  seed integer NOT NULL DEFAULT 0,
  seconds_used integer NOT NULL DEFAULT 0,
  duration_ms integer,
  -- which server process runs the live session, and when it last said so (crash detection)
  node_id text,
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  ended_at timestamptz
);
CREATE INDEX simulations_company_created_idx ON simulations (company_id, created_at DESC);
CREATE INDEX simulations_agent_created_idx ON simulations (agent_user_id, created_at DESC);
CREATE INDEX simulations_live_idx ON simulations (status) WHERE status IN ('connecting', 'active', 'ending');

CREATE TABLE simulation_turns (
  -- the engine's turn/item id; a customer turn cut off after it was reported is written again (same id)
  id text NOT NULL,
  simulation_id uuid NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  speaker text NOT NULL CHECK (speaker IN ('agent', 'customer')),
  text text NOT NULL,
  -- session-clock milliseconds
  start_ms integer NOT NULL,
  end_ms integer NOT NULL,
  interrupted boolean NOT NULL DEFAULT false,
  engine text NOT NULL,
  -- customer turns: agent speech end → committed → first text → first audio sent → first audio played
  latency jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (simulation_id, id)
);
CREATE INDEX simulation_turns_seq_idx ON simulation_turns (simulation_id, seq);

CREATE TABLE simulation_events (
  id bigserial PRIMARY KEY,
  simulation_id uuid NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
  -- session-clock milliseconds
  at_ms integer NOT NULL,
  kind text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX simulation_events_sim_idx ON simulation_events (simulation_id, id);
