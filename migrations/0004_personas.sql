-- Scenarios (versioned: an edit adds a version, the old one stays), generated customer personas (immutable,
-- each records the exact scenario and questionnaire version it was made from), manager assignments, and
-- the skill priors (self-assessment, manager's choice) that stand in for analysed calls.

CREATE TABLE scenarios (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  -- the newest version; the columns below mirror it for lists
  current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  name text NOT NULL,
  type text NOT NULL,
  level text NOT NULL CHECK (level IN ('foundation', 'intermediate', 'advanced', 'expert')),
  archived boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scenarios_company_idx ON scenarios (company_id, archived, updated_at DESC);

CREATE TABLE scenario_versions (
  scenario_id uuid NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL,
  type text NOT NULL,
  level text NOT NULL CHECK (level IN ('foundation', 'intermediate', 'advanced', 'expert')),
  -- null = the company's language
  language text CHECK (language IN ('he', 'en')),
  target_skills text[] NOT NULL,
  persona_overrides jsonb NOT NULL DEFAULT '{}'::jsonb,
  success_criteria jsonb NOT NULL,
  -- the whole validated scenario (goal, time limit, hints, notes…) as the builder produced it
  definition jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scenario_id, version)
);

CREATE TABLE personas (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  -- the agent the persona was made for (its weaknesses); null for a persona made from the scenario alone
  agent_user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  -- a stored scenario at an exact version, or null for a catalogue scenario (see scenario_snapshot)
  scenario_id uuid,
  scenario_version integer,
  scenario_type text NOT NULL,
  level text NOT NULL,
  language text NOT NULL CHECK (language IN ('he', 'en')),
  questionnaire_version integer NOT NULL,
  seed integer NOT NULL,
  persona jsonb NOT NULL,
  scenario_snapshot jsonb NOT NULL,
  -- the weakness profile the persona was aimed at (basis, top skills, ranked weaknesses)
  profile_snapshot jsonb NOT NULL,
  purpose text NOT NULL DEFAULT 'practice' CHECK (purpose IN ('practice', 'recommendation')),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (scenario_id, scenario_version) REFERENCES scenario_versions(scenario_id, version) ON DELETE CASCADE
);
CREATE INDEX personas_agent_idx ON personas (agent_user_id, created_at DESC);
CREATE INDEX personas_company_idx ON personas (company_id, created_at DESC);

-- One row per agent: a team assignment is expanded to the team's agents when it is made (batch_id groups them).
CREATE TABLE scenario_assignments (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  batch_id uuid NOT NULL,
  scenario_id uuid NOT NULL,
  scenario_version integer NOT NULL,
  agent_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- the team the assignment was made to, when it was made to a team
  team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
  due_at timestamptz,
  note text NOT NULL DEFAULT '',
  assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
  completed_at timestamptz,
  -- the practice session that completed it (no FK: history outlives it)
  simulation_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (scenario_id, scenario_version) REFERENCES scenario_versions(scenario_id, version) ON DELETE CASCADE,
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX scenario_assignments_agent_idx ON scenario_assignments (agent_user_id, status, due_at);
CREATE INDEX scenario_assignments_company_idx ON scenario_assignments (company_id, created_at DESC);

-- What an agent with few or no analysed calls should practise: their own ratings or their manager's choice.
CREATE TABLE skill_priors (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  agent_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('self_assessment', 'manager_choice')),
  -- self_assessment: { ratings: { skill: 1..5 } }; manager_choice: { skills: [skill, …] }
  data jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX skill_priors_agent_idx ON skill_priors (agent_user_id, kind, created_at DESC);
