-- Security hardening (issue 15): sign-in throttling per client address, and the audit log of private reads.

CREATE INDEX login_attempts_ip_at_idx ON login_attempts (ip, at);

-- Who read what that was private (a practice report, session or recording read by someone other than its agent).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  actor_role text NOT NULL,
  company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_company_at_idx ON audit_log (company_id, at);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
