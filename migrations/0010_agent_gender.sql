-- The agent's grammatical gender, asked once: Hebrew customers (offline brain), the live coach and the report
-- address the agent in the second person, which in Hebrew agrees with it ("תגיד"/"תגידי"). NULL = not asked yet.
ALTER TABLE users ADD COLUMN gender text CHECK (gender IN ('female', 'male'));
