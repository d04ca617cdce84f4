-- Many nodes (issue 17): the node registry and the leases of live practice calls.

-- Every running node, seen every few seconds. A node on PostgreSQL without REDIS_URL refuses to start while
-- another node is live here; multi-node nodes find each other's address (`url`) to check an owner is alive.
CREATE TABLE cluster_nodes (
  id text PRIMARY KEY,
  url text NOT NULL,
  multi_node boolean NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  seen_at timestamptz NOT NULL DEFAULT now()
);

-- One row per live practice call: which node owns it until when (renewed while the call runs), and what the
-- manager's live list shows (LiveSessionSummary), so a list query on any node sees the calls of all nodes.
CREATE TABLE live_leases (
  simulation_id uuid PRIMARY KEY REFERENCES simulations(id) ON DELETE CASCADE,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  agent_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  scenario_id uuid,
  node_id text NOT NULL,
  lease_until timestamptz NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  mood text,
  score_so_far real,
  observers integer NOT NULL DEFAULT 0 CHECK (observers >= 0),
  -- the rest of LiveSessionSummary the list shows (scenario name and type, level, persona, language, mode)
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- how many times another node took the call over (the owner died)
  takeovers integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_leases_company_idx ON live_leases (company_id, lease_until);
CREATE INDEX live_leases_node_idx ON live_leases (node_id);

-- Which worker completed a job (several nodes share the queue; the cluster test checks each ran once).
ALTER TABLE jobs ADD COLUMN finished_by text;
