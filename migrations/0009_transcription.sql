-- Speech recognition on every path (issue 13).
-- An agent turn whose speech was heard but could not be transcribed is stored as inaudible (empty text), so a
-- call without a recogniser keeps every utterance and the customer's reaction to it.
ALTER TABLE simulation_turns ADD COLUMN inaudible boolean NOT NULL DEFAULT false;
-- A practice call in which the agent said no words the system could read gets a report without a score.
ALTER TABLE session_reports ALTER COLUMN overall_score DROP NOT NULL;
