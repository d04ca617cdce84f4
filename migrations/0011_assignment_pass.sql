-- An assignment's pass mark: it is completed only by a practice call of its scenario that scored at least this
-- much (0-100) and met every success criterion. Rows from before keep the platform's pass mark (70).
ALTER TABLE scenario_assignments ADD COLUMN pass_mark integer NOT NULL DEFAULT 70 CHECK (pass_mark BETWEEN 0 AND 100);
