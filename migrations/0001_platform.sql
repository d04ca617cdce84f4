-- Platform: companies, teams, users, sessions, login attempts, quotas, seat packages, discount codes, orders,
-- questionnaire versions.

CREATE TABLE companies (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  sector text NOT NULL DEFAULT 'other',
  seat_limit integer NOT NULL DEFAULT 5 CHECK (seat_limit >= 0),
  seats_used integer NOT NULL DEFAULT 0 CHECK (seats_used >= 0),
  analyses_per_month integer NOT NULL DEFAULT 50 CHECK (analyses_per_month >= 0),
  sim_minutes_per_month integer NOT NULL DEFAULT 300 CHECK (sim_minutes_per_month >= 0),
  practice_privacy_hours integer NOT NULL DEFAULT 0 CHECK (practice_privacy_hours >= 0),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, name)
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
  team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('super_admin', 'admin', 'manager', 'agent')),
  password_hash text NOT NULL,
  locale text NOT NULL DEFAULT 'he' CHECK (locale IN ('he', 'en')),
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  analyses_cap integer CHECK (analyses_cap >= 0),
  sim_minutes_cap integer CHECK (sim_minutes_cap >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role IN ('manager', 'agent')) = (company_id IS NOT NULL))
);
CREATE INDEX users_company_idx ON users (company_id);

CREATE TABLE auth_sessions (
  id text PRIMARY KEY, -- sha256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  user_agent text
);
CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  ip text,
  success boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_at_idx ON login_attempts (email, at);

-- Monthly usage. scope = 'company' for the company total, or a user id for a per-agent cap.
-- kind: 'analyses' (count) | 'sim_seconds' (simulation time in seconds).
CREATE TABLE usage_counters (
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  scope text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('analyses', 'sim_seconds')),
  period text NOT NULL, -- 'YYYY-MM' (UTC)
  used bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
  PRIMARY KEY (company_id, scope, kind, period)
);

CREATE TABLE seat_packages (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  seats integer NOT NULL CHECK (seats > 0),
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  currency text NOT NULL DEFAULT 'ILS',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE discount_codes (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('percent', 'fixed')),
  value integer NOT NULL CHECK (value > 0), -- percent 1..100, or cents
  valid_from timestamptz,
  valid_until timestamptz,
  max_uses integer CHECK (max_uses > 0),
  uses integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'percent' OR value <= 100)
);

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  package_id uuid NOT NULL REFERENCES seat_packages(id),
  discount_code_id uuid REFERENCES discount_codes(id),
  seats integer NOT NULL,
  list_price_cents integer NOT NULL,
  discount_cents integer NOT NULL DEFAULT 0,
  total_cents integer NOT NULL,
  currency text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'cancelled')),
  payment_method text,
  payment_reference text,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  paid_by uuid REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX orders_company_idx ON orders (company_id);

CREATE TABLE questionnaires (
  id uuid PRIMARY KEY,
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  version integer NOT NULL,
  data jsonb NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, version)
);
