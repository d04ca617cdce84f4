import { z } from 'zod';
import { LANGUAGES, SKILL_IDS } from '../analysis/index.ts';
import { AppError } from '../core/index.ts';
import { ScenarioBuilder } from './builder.ts';
import { SCENARIO_TYPES } from './catalogue.ts';
import { checkSchema, criterion } from './criteria.ts';
import { LEVELS } from './levels.ts';
import { personaOverridesSchema, type PersonaOverrides, type Scenario } from './scenario.ts';

/**
 * What the ScenarioBuilder UI sends: the type, and whatever the manager changed. Anything left out keeps the
 * catalogue default (new scenario) or the stored value (edit). Criterion labels are always generated from
 * the check, so every criterion reads as the same kind of yes/no sentence.
 */
export const scenarioDraftSchema = z.object({
  type: z.enum(SCENARIO_TYPES),
  level: z.enum(LEVELS).optional(),
  /** null = the company's language. */
  language: z.enum(LANGUAGES).nullable().optional(),
  name: z.string().trim().min(2).max(200).optional(),
  targetSkills: z.array(z.enum(SKILL_IDS)).min(1, 'choose at least one skill').max(7).optional(),
  /** Replaces the overrides as a whole ({} = none). */
  personaOverrides: personaOverridesSchema.optional(),
  successCriteria: z
    .array(z.object({ check: checkSchema, skill: z.enum(SKILL_IDS).optional() }))
    .min(1, 'add at least one yes/no check')
    .max(12)
    .optional(),
  timeLimitSec: z.number().int().min(60).max(3600).optional(),
  hintsAllowed: z.number().int().min(0).max(20).optional(),
  /** Score (0-100) a call needs to pass, with every criterion met (default 70). */
  passMark: z.number().int().min(0, 'from 0 to 100').max(100, 'from 0 to 100').optional(),
  notes: z.string().max(2000).optional(),
});
export type ScenarioDraft = z.infer<typeof scenarioDraftSchema>;

/** Builds a scenario from a draft: from the catalogue, or as the next version of `existing`. */
export function scenarioFromDraft(draft: ScenarioDraft, existing?: Scenario): Scenario {
  if (existing && existing.type !== draft.type) {
    throw new AppError('VALIDATION_FAILED', 'The type of a saved scenario cannot change; create a new scenario for another type.', {
      details: { fields: { type: 'cannot change after the scenario is created' } },
    });
  }
  const b = existing ? ScenarioBuilder.edit(existing) : ScenarioBuilder.create(draft.type, draft.level ?? 'intermediate', draft.language ?? undefined);
  // on an edit, re-choosing the same level must not reset a hand-set time limit, hints or criteria
  if (existing && draft.level && draft.level !== existing.level) b.level(draft.level);
  if (draft.language !== undefined) b.language(draft.language ?? undefined);
  if (draft.name) b.name(draft.name);
  if (draft.targetSkills) b.targets(draft.targetSkills);
  if (draft.personaOverrides) {
    const clear = Object.fromEntries(Object.keys(existing?.personaOverrides ?? {}).map((k) => [k, undefined])) as PersonaOverrides;
    b.override({ ...clear, ...draft.personaOverrides });
  }
  if (draft.successCriteria) {
    const seen = new Map<string, number>();
    b.criteria(
      draft.successCriteria.map((c) => {
        const n = (seen.get(c.check.type) ?? 0) + 1;
        seen.set(c.check.type, n);
        return criterion(c.check, c.skill, n === 1 ? c.check.type : `${c.check.type}-${n}`);
      }),
    );
  }
  if (draft.timeLimitSec !== undefined) b.timeLimit(draft.timeLimitSec);
  if (draft.hintsAllowed !== undefined) b.hints(draft.hintsAllowed);
  if (draft.notes !== undefined) b.notes(draft.notes);
  if (draft.passMark !== undefined) b.passMark(draft.passMark);
  return b.build();
}
