-- Calls (uploaded recordings and transcripts, their processing state and report) and the durable job queue.

CREATE TABLE calls (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  -- the agent whose call this is (owner for the tenant guard)
  agent_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  uploaded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  -- how the agent is named inside the recording/transcript (speaker label), if given
  agent_label text,
  title text NOT NULL,
  language text NOT NULL DEFAULT 'he' CHECK (language IN ('he', 'en')),
  call_type text, -- set at upload or detected by the analyzer
  source text NOT NULL CHECK (source IN ('audio', 'transcript', 'audio+transcript')),
  -- stereo channel mapping: which channel carries the agent
  channel_map text NOT NULL DEFAULT 'left_agent' CHECK (channel_map IN ('left_agent', 'right_agent', 'mixed')),
  original_name text,
  original_format text,
  size_bytes bigint NOT NULL DEFAULT 0,
  duration_sec real,
  channels integer,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'converting', 'transcribing', 'analysing', 'done', 'failed')),
  progress real NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
  error text,
  transcript jsonb,
  report jsonb,
  -- 'full' = content analysis; 'audio_only' = conversion, tone and talk time without words
  report_kind text CHECK (report_kind IN ('full', 'audio_only')),
  overall_score real,
  quota_consumed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  analysed_at timestamptz
);
CREATE INDEX calls_company_created_idx ON calls (company_id, created_at DESC);
CREATE INDEX calls_agent_created_idx ON calls (agent_user_id, created_at DESC);

-- A durable queue: workers claim with FOR UPDATE SKIP LOCKED and hold a lease (locked_until) that they
-- renew; an expired lease means the worker died and the job is claimed again.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  locked_by text,
  stage text,
  progress real NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_ready_idx ON jobs (kind, run_at) WHERE status = 'queued';
CREATE INDEX jobs_running_idx ON jobs (locked_until) WHERE status = 'running';
