/** JSON shapes of the scenario and persona API (types only: nothing from the server reaches the bundle). */
import type { CustomerPersona, WeaknessProfile } from '../../../personas/index.ts';
import type { Recommendation, Scenario, ScenarioCatalogueView, ScenarioDraft, Check } from '../../../scenarios/index.ts';

export type { CustomerPersona, WeaknessProfile, Scenario, ScenarioDraft, Check, Recommendation };
export type Catalogue = ScenarioCatalogueView;
export type Label = { he: string; en: string };

export interface StoredScenario {
  id: string;
  companyId: string;
  version: number;
  currentVersion: number;
  archived: boolean;
  scenario: Scenario;
  createdAt: string;
  updatedAt: string;
}

export interface Assignment {
  id: string;
  batchId: string;
  scenarioId: string;
  scenarioVersion: number;
  scenarioName: string;
  scenarioType: string;
  level: Scenario['level'];
  targetSkills: string[];
  agentUserId: string;
  agentName: string | null;
  teamId: string | null;
  teamName: string | null;
  dueAt: string | null;
  note: string;
  status: 'open' | 'completed' | 'cancelled';
  completedAt: string | null;
  /** The practice call that completed it. */
  simulationId: string | null;
  createdAt: string;
  /** Score a call needs (with every success criterion met) to complete it. */
  passMark: number;
  attempts?: AssignmentAttempt[];
}

export interface PersonaPreview {
  persona: CustomerPersona;
  scenario: Scenario;
  instructions: string;
  profile: { basis: WeaknessProfile['basis']; top: string[]; callCount: number };
  questionnaireVersion: number;
  seed: number;
}

export interface PractiseNext {
  recommendation: Recommendation;
  scenario: Scenario;
  assignment: Assignment | null;
  preview: PersonaPreview | null;
  profile: WeaknessProfile;
}

/** The platform's pass mark (scenarios' DEFAULT_PASS_MARK) for a scenario that sets none. */
export const DEFAULT_PASS_MARK = 70;

/** A practice call toward an assignment (GET /api/assignments). */
export interface AssignmentAttempt {
  simulationId: string;
  startedAt: string;
  status: string;
  score: number | null;
  passed: boolean | null;
  privateUntil: string | null;
}

/** A label in the interface language. */
export const L = (label: Label | undefined, lang: 'he' | 'en') => (label ? label[lang] : '');

/** The catalogue entry's label for an id (types, levels, skills…), or the id itself. */
export function labelOf(list: readonly { id: string; label: Label }[] | undefined, id: string, lang: 'he' | 'en'): string {
  return list?.find((x) => x.id === id)?.label[lang] ?? id;
}

/** The draft the builder edits, made from a stored scenario (or the catalogue default for a type). */
export function draftOf(s: Scenario): Required<Omit<ScenarioDraft, 'language'>> & { language: ScenarioDraft['language'] } {
  return {
    type: s.type,
    level: s.level,
    language: s.language ?? null,
    name: s.name,
    targetSkills: s.targetSkills,
    personaOverrides: s.personaOverrides ?? {},
    successCriteria: s.successCriteria.map((c) => ({ check: c.check, skill: c.skill })),
    timeLimitSec: s.timeLimitSec,
    hintsAllowed: s.hintsAllowed,
    passMark: s.passMark ?? DEFAULT_PASS_MARK,
    notes: s.notes ?? '',
  };
}

/** A check's label from its catalogue template, with the parameter filled in (ratios as percentages). */
export function checkLabel(catalogue: Catalogue, check: Check, lang: 'he' | 'en'): string {
  const entry = catalogue.checks.find((c) => c.type === check.type);
  if (!entry) return check.type;
  const value = entry.param ? (check as Record<string, unknown>)[entry.param.name] : undefined;
  const n = typeof value === 'number' ? (entry.param?.name === 'ratio' ? Math.round(value * 100) : value) : '';
  return entry.template[lang].replace('{{n}}', String(n));
}

/** A new check of a type with its default parameter. */
export function newCheck(catalogue: Catalogue, type: Check['type']): Check {
  const entry = catalogue.checks.find((c) => c.type === type);
  return (entry?.param ? { type, [entry.param.name]: entry.param.default } : { type }) as Check;
}
