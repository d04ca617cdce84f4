import type { Language, SkillId } from '../analysis/index.ts';
import { AppError, parseOrThrow } from '../core/index.ts';
import { SCENARIO_CATALOGUE, isScenarioType, type ScenarioType } from './catalogue.ts';
import { criterion, type Check, type Criterion } from './criteria.ts';
import { LEVEL_LABELS, LEVEL_SPECS, LEVELS, type Level } from './levels.ts';
import { personaOverridesSchema, scenarioSchema, type PersonaOverrides, type Scenario, type TurnRhythm } from './scenario.ts';

/** The catalogue's scenario for a type and level, ready to run or to edit. */
export function defaultScenario(type: ScenarioType, level: Level = 'intermediate', language?: Language): Scenario {
  const spec = SCENARIO_CATALOGUE[type];
  const l = LEVEL_SPECS[level];
  const lang = language ?? 'he';
  return scenarioSchema.parse({
    name: `${spec.label[lang]} · ${LEVEL_LABELS[level][lang]}`,
    type,
    level,
    language,
    callType: spec.callType,
    direction: spec.direction,
    targetSkills: spec.focusSkills,
    goal: spec.goal,
    personaOverrides: spec.audience ? { audience: spec.audience } : {},
    successCriteria: spec.criteria(level),
    timeLimitSec: l.timeLimitSec,
    hintsAllowed: l.hintsAllowed,
  });
}

/**
 * Creates and edits scenarios (the manager's ScenarioBuilder). Each setter validates its input; `build()`
 * returns a validated scenario, with the version bumped when editing an existing one.
 */
export class ScenarioBuilder {
  private s: Scenario;
  private readonly editing: boolean;
  private levelTouched = { time: false, hints: false, criteria: false };

  private constructor(s: Scenario, editing: boolean) {
    this.s = structuredClone(s);
    this.editing = editing;
  }

  /** Start from the catalogue. */
  static create(type: string, level: string = 'intermediate', language?: Language): ScenarioBuilder {
    if (!isScenarioType(type)) throw new AppError('VALIDATION_FAILED', `Unknown scenario type "${type}". Choose one of: ${Object.keys(SCENARIO_CATALOGUE).join(', ')}.`);
    return new ScenarioBuilder(defaultScenario(type, asLevel(level), language), false);
  }

  /** Edit a stored scenario; build() returns version + 1. */
  static edit(existing: Scenario): ScenarioBuilder {
    return new ScenarioBuilder(parseOrThrow(scenarioSchema, existing, 'scenario'), true);
  }

  name(name: string): this {
    this.s.name = name;
    return this;
  }

  /** Change the level; time limit, hints and criteria follow unless they were set by hand. */
  level(level: string): this {
    const l = asLevel(level);
    this.s.level = l;
    if (!this.levelTouched.time) this.s.timeLimitSec = LEVEL_SPECS[l].timeLimitSec;
    if (!this.levelTouched.hints) this.s.hintsAllowed = LEVEL_SPECS[l].hintsAllowed;
    if (!this.levelTouched.criteria) this.s.successCriteria = SCENARIO_CATALOGUE[this.s.type].criteria(l);
    return this;
  }

  language(language: Language | undefined): this {
    this.s.language = language;
    return this;
  }

  targets(skills: SkillId[]): this {
    if (skills.length === 0) throw new AppError('VALIDATION_FAILED', 'A scenario must target at least one skill.');
    this.s.targetSkills = [...new Set(skills)];
    return this;
  }

  /** Merge persona overrides (undefined values remove an override). */
  override(patch: PersonaOverrides): this {
    const merged: Record<string, unknown> = { ...this.s.personaOverrides };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete merged[k];
      else merged[k] = v;
    }
    this.s.personaOverrides = parseOrThrow(personaOverridesSchema, merged, 'persona overrides');
    return this;
  }

  /** The customer's turn-taking rhythm in voice calls (eager / natural / hesitant / a fixed window). */
  rhythm(rhythm: TurnRhythm | undefined): this {
    return this.override({ turnRhythm: rhythm });
  }

    criteria(list: Criterion[]): this {
    this.s.successCriteria = list;
    this.levelTouched.criteria = true;
    return this;
  }

  /** Add a yes/no check (replaces one with the same id). */
  addCheck(check: Check, skill?: SkillId, id?: string): this {
    const c = criterion(check, skill, id);
    this.s.successCriteria = [...this.s.successCriteria.filter((x) => x.id !== c.id), c];
    this.levelTouched.criteria = true;
    return this;
  }

  removeCheck(id: string): this {
    this.s.successCriteria = this.s.successCriteria.filter((x) => x.id !== id);
    this.levelTouched.criteria = true;
    return this;
  }

  timeLimit(seconds: number): this {
    this.s.timeLimitSec = seconds;
    this.levelTouched.time = true;
    return this;
  }

  hints(count: number): this {
    this.s.hintsAllowed = count;
    this.levelTouched.hints = true;
    return this;
  }

  notes(text: string): this {
    this.s.notes = text;
    return this;
  }

  /** Score (0-100) a call needs, with every success criterion met, to pass. */
  passMark(mark: number): this {
    this.s.passMark = mark;
    return this;
  }

  build(): Scenario {
    const out = parseOrThrow(scenarioSchema, { ...this.s, version: this.editing ? this.s.version + 1 : this.s.version }, 'scenario');
    return out;
  }
}

function asLevel(level: string): Level {
  if (!(LEVELS as readonly string[]).includes(level)) throw new AppError('VALIDATION_FAILED', `Unknown level "${level}". Choose one of: ${LEVELS.join(', ')}.`);
  return level as Level;
}
