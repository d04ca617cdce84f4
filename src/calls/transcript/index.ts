export { importTranscript, detectTranscriptFormat, type ImportOptions, type TranscriptFormat } from './import.ts';
export { roleFromLabel, assignRoles, AGENT_LABELS, CUSTOMER_LABELS, type RoleAssignment } from './roles.ts';
export { fillTimes, ESTIMATE_WORDS_PER_SEC, ESTIMATE_GAP_SEC } from './timing.ts';
export { parseTime, type RawSegment } from './raw.ts';
