// The shared vocabularies come straight from the taxonomy module (pure constants, no server code), so the
// web client never carries its own copy; importing analysis/index.ts would pull server code into the bundle.
export { CALL_TYPES, CALL_TYPE_LABELS, SKILL_LABELS, proficiencyTier, type CallType, type SkillId } from '../../../analysis/taxonomy.ts';
