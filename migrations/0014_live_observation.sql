-- Live observation (issue 17): the company's managers may listen to a practice call in progress and whisper hints
-- to the agent, who always sees that someone is listening. On by default (managers expect to listen in); a company
-- with a practice privacy window (practice_privacy_hours > 0) has it off whatever this says: the window promises
-- agents their practice is theirs until it has passed.
ALTER TABLE companies ADD COLUMN live_observation boolean NOT NULL DEFAULT true;
