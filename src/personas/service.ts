/**
 * The persona engine on the platform: stored, versioned company scenarios (ScenarioBuilder), manager
 * assignments, the agent's weakness profile from their analysed calls (or a self-assessment / manager's
 * choice), "practise next", persona previews, and personas generated and stored for practice sessions.
 */
import { randomInt } from 'node:crypto';
import { SKILL_IDS, type Language, type SkillId } from '../analysis/index.ts';
import { AppError, newId } from '../core/index.ts';
import type { AssignmentListRow, PersonaRow, Repositories, ScenarioRow, ScenarioVersionRow } from '../db/index.ts';
import {
  defaultScenario, isScenarioType, LEVELS, recommendNextScenario, scenarioFromDraft, scenarioPassMark, scenarioSchema,
  type Level, type OpenAssignment, type PracticeResult, type Recommendation, type Scenario, type ScenarioDraft,
} from '../scenarios/index.ts';
import type { OfflineBrainParams } from './offline-params.ts';
import type { CustomerPersona } from './persona-schema.ts';
import { hashString } from './rng.ts';
import { prepareSession, type PreparedSession } from './session.ts';
import { personaSourcesFromRepos, type PersonaSources } from './sources.ts';
import { buildWeaknessProfile, profileFromManagerChoice, profileFromSelfAssessment, type WeaknessProfile } from './weakness-profile.ts';

/** A stored scenario at one version. */
export interface StoredScenario {
  id: string;
  companyId: string;
  version: number;
  currentVersion: number;
  archived: boolean;
  scenario: Scenario;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Who is acting (a user id for created_by / assigned_by). */
export interface Actor {
  id: string;
}

/** Which scenario to practise: an assignment, a stored scenario (optionally an exact version), or a catalogue type. Nothing = "practise next". */
export interface PracticeRequest {
  companyId: string;
  agentUserId: string;
  assignmentId?: string;
  scenarioId?: string;
  scenarioVersion?: number;
  /** A catalogue scenario type (opening, objection_handling, angry_customer…). */
  scenarioType?: string;
  /** Level of a catalogue scenario (stored scenarios keep their own). */
  level?: Level;
  /** Session language (default: the scenario's, else the company's). */
  language?: Language;
  /** Same seed → same persona (a preview's seed reproduces the previewed customer); default random. */
  seed?: number;
}

/** Everything a practice session runs with, and the ids/versions it must record. */
export interface PracticePrepared {
  personaId: string;
  /** Persona rows are immutable, so a persona id pins it; the version is always 1. */
  personaVersion: 1;
  persona: CustomerPersona;
  scenario: Scenario;
  instructions: string;
  offline: OfflineBrainParams;
  profile: WeaknessProfile;
  scenarioId: string | null;
  scenarioVersion: number | null;
  questionnaireVersion: number;
  assignmentId: string | null;
  seed: number;
}

/** A persona made to look at (not stored): the card, its targeting and the compiled instructions. */
export interface PersonaPreview {
  persona: CustomerPersona;
  scenario: Scenario;
  instructions: string;
  profile: { basis: WeaknessProfile['basis']; top: SkillId[]; callCount: number };
  questionnaireVersion: number;
  seed: number;
}

export interface PractiseNext {
  recommendation: Recommendation;
  /** The scenario the recommendation resolves to (the assignment's stored version, or the catalogue's). */
  scenario: Scenario;
  assignment: AssignmentListRow | null;
  /** Null when the company has no questionnaire yet (no persona can be generated). */
  preview: PersonaPreview | null;
  profile: WeaknessProfile;
}

export interface PersonaServiceDeps {
  repos: Repositories;
  /** Where questionnaires and analyses come from (default: the repositories). */
  sources?: PersonaSources;
  now?: () => Date;
}

export type PersonaService = ReturnType<typeof createPersonaService>;

const OUTCOME_PASSED = new Set(['purchase', 'next_step']);
/** A manager's choice of skills counts as this many analysed calls. */
const MANAGER_FOCUS_WEIGHT = 3;

export function toStoredScenario(head: ScenarioRow, v: ScenarioVersionRow): StoredScenario {
  const scenario = scenarioSchema.parse({ ...(v.definition as object), id: head.id, version: v.version });
  return { id: head.id, companyId: head.companyId, version: v.version, currentVersion: head.currentVersion, archived: head.archived, scenario, createdBy: v.createdBy, createdAt: head.createdAt, updatedAt: head.updatedAt };
}

const versionInput = (s: Scenario) => {
  const { id: _id, version: _v, ...definition } = s;
  return { name: s.name, type: s.type, level: s.level, language: s.language ?? null, targetSkills: s.targetSkills, personaOverrides: s.personaOverrides, successCriteria: s.successCriteria, definition };
};

export function createPersonaService(deps: PersonaServiceDeps) {
  const { repos } = deps;
  const sources = deps.sources ?? personaSourcesFromRepos(repos);
  const now = deps.now ?? (() => new Date());

  async function scenarioAt(id: string, version?: number): Promise<StoredScenario> {
    const head = await repos.scenarios.byId(id);
    const v = head && (await repos.scenarios.version(id, version));
    if (!head || !v) throw new AppError('NOT_FOUND', version ? `Version ${version} of this scenario was not found.` : 'Scenario was not found.');
    return toStoredScenario(head, v);
  }

  async function questionnaireOf(companyId: string) {
    const q = await sources.questionnaire(companyId);
    if (!q) throw new AppError('CONFLICT', 'The company questionnaire has not been filled in yet. A manager fills it in under "Company questionnaire"; personas are built from it.');
    return q;
  }

  /** The company member a persona is made for; refuses users of other companies. */
  async function memberOf(companyId: string, userId: string) {
    const u = await repos.users.byId(userId);
    if (!u || u.companyId !== companyId || (u.role !== 'agent' && u.role !== 'manager')) throw new AppError('NOT_FOUND', 'That agent was not found in this company.');
    return u;
  }

  /**
   * The agent's profile: analysed calls, plus the manager's choice of skills (counts as three calls, so it
   * leads) or, with no analysed calls, the agent's self-assessment.
   */
  async function profileOf(agentUserId: string): Promise<{ profile: WeaknessProfile; prior?: WeaknessProfile; priorWeight: number; analyses: Awaited<ReturnType<PersonaSources['analyses']>> }> {
    const analyses = await sources.analyses(agentUserId, 30);
    const choice = await repos.skillPriors.latest(agentUserId, 'manager_choice');
    const chosen = ((choice?.data as { skills?: SkillId[] } | undefined)?.skills ?? []).filter((s) => SKILL_IDS.includes(s));
    let prior: WeaknessProfile | undefined;
    const priorWeight = chosen.length > 0 ? MANAGER_FOCUS_WEIGHT : 1;
    if (chosen.length > 0) prior = profileFromManagerChoice(chosen, { agentId: agentUserId });
    else if (analyses.length === 0) {
      const self = await repos.skillPriors.latest(agentUserId, 'self_assessment');
      if (self) prior = profileFromSelfAssessment((self.data as { ratings: Partial<Record<SkillId, number>> }).ratings, { agentId: agentUserId });
    }
    return { profile: buildWeaknessProfile(analyses, { now: now(), prior, priorWeight, agentId: agentUserId }), prior, priorWeight, analyses };
  }

  /** Finished practice sessions, for level progression. Until session reports store pass/fail, a purchase or agreed next step counts as a pass. */
  async function practiceHistory(agentUserId: string): Promise<PracticeResult[]> {
    const { rows } = await repos.simulations.list({ agentUserId, status: 'ended', limit: 30 });
    return rows
      .filter((r) => isScenarioType(r.scenarioType) && (LEVELS as readonly string[]).includes(r.level ?? ''))
      .map((r) => ({ type: r.scenarioType as PracticeResult['type'], level: r.level as Level, passed: OUTCOME_PASSED.has(r.outcome ?? ''), at: r.endedAt ?? r.createdAt }));
  }

  async function openAssignments(agentUserId: string): Promise<AssignmentListRow[]> {
    return (await repos.assignments.list({ agentUserId, status: 'open' })).filter((a) => !a.scenarioArchived);
  }

  async function generate(companyId: string, scenario: Scenario, agentUserId: string | null, seed: number): Promise<PreparedSession> {
    const questionnaire = await questionnaireOf(companyId);
    const { prior, priorWeight, analyses } = agentUserId ? await profileOf(agentUserId) : { prior: undefined, priorWeight: 1, analyses: [] };
    const avoidNames = agentUserId ? await repos.personas.recentNames(agentUserId) : [];
    return prepareSession({ questionnaire, analyses, scenario, seed, prior, priorWeight, avoidNames, now: now() });
  }

  const previewOf = (p: PreparedSession, seed: number): PersonaPreview => ({
    persona: p.persona,
    scenario: p.scenario,
    instructions: p.instructions,
    profile: { basis: p.profile.basis, top: p.profile.top, callCount: p.profile.callCount },
    questionnaireVersion: p.questionnaireVersion,
    seed,
  });

  const stableSeed = (...parts: string[]) => hashString(parts.join('|')) % 1_000_000;

  /** "Practise next" for an agent: an open assignment first, else their top weakness at a fitting level, with the persona they would meet. */
  async function practiseNext(agentUserId: string, opts: { withPreview?: boolean } = {}): Promise<PractiseNext> {
    const agent = await repos.users.byId(agentUserId);
    if (!agent?.companyId) throw new AppError('NOT_FOUND', 'That agent was not found.');
    const { profile } = await profileOf(agentUserId);
    const open = await openAssignments(agentUserId);
    const openList: OpenAssignment[] = open.map((a) => ({ scenarioId: a.id, type: a.scenarioType as OpenAssignment['type'], level: a.level, dueAt: a.dueAt, targetSkills: a.targetSkills as SkillId[] }));
    const recommendation = recommendNextScenario(profile, { history: await practiceHistory(agentUserId), assignments: openList, now: now() });
    // OpenAssignment.scenarioId carries the assignment id here, so the recommendation names the exact assignment
    const assignment = recommendation.scenarioId ? (open.find((a) => a.id === recommendation.scenarioId) ?? null) : null;
    const scenario = assignment ? (await scenarioAt(assignment.scenarioId, assignment.scenarioVersion)).scenario : defaultScenario(recommendation.type, recommendation.level);
    const rec = assignment ? { ...recommendation, scenarioId: assignment.scenarioId } : recommendation;
    let preview: PersonaPreview | null = null;
    if (opts.withPreview !== false && (await sources.questionnaire(agent.companyId))) {
      const seed = stableSeed(agentUserId, assignment?.id ?? `${scenario.type}/${scenario.level}`);
      preview = previewOf(await generate(agent.companyId, scenario, agentUserId, seed), seed);
    }
    return { recommendation: rec, scenario, assignment, preview, profile };
  }

  async function getAssignment(id: string): Promise<AssignmentListRow> {
    const a = await repos.assignments.byId(id);
    if (!a) throw new AppError('NOT_FOUND', 'Assignment was not found.');
    return a;
  }

  return {
    // ---- scenarios ------------------------------------------------------------------------------
    async listScenarios(companyId: string, opts: { includeArchived?: boolean } = {}): Promise<StoredScenario[]> {
      return (await repos.scenarios.list(companyId, opts)).map((r) => toStoredScenario(r.scenario, r.version));
    },
    /** One scenario at a version (default: current). */
    getScenario: scenarioAt,
    async scenarioVersions(id: string) {
      const rows = await repos.scenarios.versions(id);
      return rows.map((v) => ({ version: v.version, name: v.name, level: v.level, targetSkills: v.targetSkills, createdAt: v.createdAt, createdBy: v.createdBy, createdByName: v.createdByName }));
    },
    async createScenario(actor: Actor, companyId: string, draft: ScenarioDraft): Promise<StoredScenario> {
      const scenario = scenarioFromDraft(draft);
      const { scenario: head, version } = await repos.scenarios.create({ id: newId(), companyId, createdBy: actor.id }, versionInput(scenario));
      return toStoredScenario(head, version);
    },
    /** Saves an edit as a new version; `expectedVersion` is the version the editor started from. */
    async updateScenario(actor: Actor, id: string, expectedVersion: number, draft: ScenarioDraft): Promise<StoredScenario> {
      const current = await scenarioAt(id);
      if (current.version !== expectedVersion) throw staleEdit(current.version, expectedVersion);
      const next = scenarioFromDraft(draft, current.scenario);
      const saved = await repos.scenarios.addVersion(id, expectedVersion, versionInput(next), actor.id);
      if (!saved) throw staleEdit((await scenarioAt(id)).version, expectedVersion);
      return toStoredScenario(saved.scenario, saved.version);
    },
    async setArchived(id: string, archived: boolean): Promise<StoredScenario> {
      if (!(await repos.scenarios.setArchived(id, archived))) throw new AppError('NOT_FOUND', 'Scenario was not found.');
      return scenarioAt(id);
    },

    // ---- personas ---------------------------------------------------------------------------------
    /**
     * A persona for a stored scenario or an unsaved draft, aimed at an agent's weaknesses when `agentUserId`
     * is given. Not stored. The default seed is stable per scenario and agent, so the card does not change
     * on every look; pass another seed for "another customer".
     */
    async preview(companyId: string, input: { scenarioId?: string; version?: number; draft?: ScenarioDraft; agentUserId?: string; seed?: number }): Promise<PersonaPreview> {
      let scenario: Scenario;
      if (input.scenarioId) {
        const s = await scenarioAt(input.scenarioId, input.version);
        if (s.companyId !== companyId) throw new AppError('NOT_FOUND', 'Scenario was not found.');
        scenario = s.scenario;
      } else if (input.draft) scenario = scenarioFromDraft(input.draft);
      else throw new AppError('VALIDATION_FAILED', 'Choose a saved scenario or send the scenario being edited.', { details: { fields: { scenarioId: 'required when no draft is sent' } } });
      if (input.agentUserId) await memberOf(companyId, input.agentUserId);
      const seed = input.seed ?? stableSeed(input.scenarioId ?? `${scenario.type}/${scenario.level}`, input.agentUserId ?? '');
      return previewOf(await generate(companyId, scenario, input.agentUserId ?? null, seed), seed);
    },

    /**
     * Builds the persona for a practice session and stores it. The voice domain calls this from
     * POST /api/simulations and records personaId/personaVersion, scenarioId/scenarioVersion and
     * questionnaireVersion with the session.
     */
    async prepareForPractice(req: PracticeRequest): Promise<PracticePrepared> {
      await memberOf(req.companyId, req.agentUserId);
      let scenario: Scenario;
      let scenarioId: string | null = null;
      let assignmentId: string | null = null;
      if (req.assignmentId) {
        const a = await repos.assignments.byId(req.assignmentId);
        if (!a || a.agentUserId !== req.agentUserId) throw new AppError('NOT_FOUND', 'That assignment was not found among yours.');
        scenario = (await scenarioAt(a.scenarioId, a.scenarioVersion)).scenario;
        scenarioId = a.scenarioId;
        assignmentId = a.id;
      } else if (req.scenarioId) {
        const s = await scenarioAt(req.scenarioId, req.scenarioVersion);
        if (s.companyId !== req.companyId) throw new AppError('NOT_FOUND', 'Scenario was not found.');
        if (s.archived) throw new AppError('CONFLICT', 'This scenario is archived; ask your manager to restore it or choose another one.');
        scenario = s.scenario;
        scenarioId = s.id;
      } else if (req.scenarioType) {
        if (!isScenarioType(req.scenarioType)) throw new AppError('VALIDATION_FAILED', `Unknown scenario type "${req.scenarioType}".`, { details: { fields: { scenarioType: 'unknown scenario type' } } });
        scenario = defaultScenario(req.scenarioType, req.level ?? 'intermediate', req.language);
      } else {
        const next = await practiseNext(req.agentUserId, { withPreview: false });
        scenario = next.scenario;
        scenarioId = next.assignment?.scenarioId ?? null;
        assignmentId = next.assignment?.id ?? null;
      }
      if (req.language) scenario = { ...scenario, language: req.language };
      const seed = req.seed ?? randomInt(0, 2 ** 31 - 1);
      const p = await generate(req.companyId, scenario, req.agentUserId, seed);
      const row = await repos.personas.insert({
        id: newId(),
        companyId: req.companyId,
        agentUserId: req.agentUserId,
        scenarioId,
        scenarioVersion: scenarioId ? (scenario.version ?? null) : null,
        scenarioType: scenario.type,
        level: scenario.level,
        language: p.persona.language,
        questionnaireVersion: p.questionnaireVersion,
        seed,
        persona: p.persona,
        scenarioSnapshot: scenario,
        profileSnapshot: profileSnapshot(p.profile),
        purpose: 'practice',
        createdBy: req.agentUserId,
      });
      return {
        personaId: row.id, personaVersion: 1, persona: p.persona, scenario, instructions: p.instructions, offline: p.offline, profile: p.profile,
        scenarioId, scenarioVersion: row.scenarioVersion, questionnaireVersion: p.questionnaireVersion, assignmentId, seed,
      };
    },

    /** Stores a persona shown as an agent's recommendation (the demo seeder; a manager's "save this customer"). */
    async storeRecommendation(companyId: string, agentUserId: string, prepared: PersonaPreview, scenarioId: string | null, createdBy: string | null): Promise<PersonaRow> {
      return repos.personas.insert({
        id: newId(), companyId, agentUserId, scenarioId, scenarioVersion: scenarioId ? (prepared.scenario.version ?? null) : null,
        scenarioType: prepared.scenario.type, level: prepared.scenario.level, language: prepared.persona.language,
        questionnaireVersion: prepared.questionnaireVersion, seed: prepared.seed, persona: prepared.persona, scenarioSnapshot: prepared.scenario,
        profileSnapshot: prepared.profile, purpose: 'recommendation', createdBy,
      });
    },
    async getPersona(id: string): Promise<PersonaRow> {
      const row = await repos.personas.byId(id);
      if (!row) throw new AppError('NOT_FOUND', 'Persona was not found.');
      return row;
    },
    listPersonas: (agentUserId: string, limit = 20) => repos.personas.listByAgent(agentUserId, { limit }),

    // ---- profile and "practise next" -------------------------------------------------------------
    async weaknessProfile(agentUserId: string): Promise<WeaknessProfile> {
      return (await profileOf(agentUserId)).profile;
    },
    /** An agent rates themselves 1 (weak) .. 5 (strong); it counts while they have no analysed calls. */
    async selfAssess(companyId: string, agentUserId: string, ratings: Partial<Record<SkillId, number>>): Promise<WeaknessProfile> {
      profileFromSelfAssessment(ratings); // validates
      await repos.skillPriors.insert({ id: newId(), companyId, agentUserId, kind: 'self_assessment', data: { ratings }, createdBy: agentUserId });
      return (await profileOf(agentUserId)).profile;
    },
    /** A manager chooses the skills an agent should train, most important first ([] clears the choice). */
    async setFocus(actor: Actor, companyId: string, agentUserId: string, skills: SkillId[]): Promise<WeaknessProfile> {
      await memberOf(companyId, agentUserId);
      await repos.skillPriors.insert({ id: newId(), companyId, agentUserId, kind: 'manager_choice', data: { skills: [...new Set(skills)] }, createdBy: actor.id });
      return (await profileOf(agentUserId)).profile;
    },
    async focusOf(agentUserId: string): Promise<SkillId[]> {
      const c = await repos.skillPriors.latest(agentUserId, 'manager_choice');
      return (c?.data as { skills?: SkillId[] } | undefined)?.skills ?? [];
    },
    practiseNext,

    // ---- assignments ------------------------------------------------------------------------------
    /** Assigns a scenario (its current version) to agents and/or a team's agents, with an optional due date. */
    /** `passMark` (0-100) defaults to the scenario's own (scenarioPassMark). */
    async assign(actor: Actor, companyId: string, input: { scenarioId: string; agentUserIds?: string[]; teamId?: string; dueAt?: Date | null; note?: string; passMark?: number }): Promise<AssignmentListRow[]> {
      const s = await scenarioAt(input.scenarioId);
      if (s.companyId !== companyId) throw new AppError('NOT_FOUND', 'Scenario was not found.');
      if (s.archived) throw new AppError('CONFLICT', 'This scenario is archived; restore it before assigning it.');
      const wanted = [...new Set(input.agentUserIds ?? [])];
      const agents = await repos.assignments.agentsOf(companyId, wanted);
      const unknown = wanted.filter((id) => !agents.includes(id));
      if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', 'Some of the chosen people are not active agents of this company.', { details: { fields: { agentUserIds: 'not an active agent of this company' }, unknown } });
      let teamAgents: string[] = [];
      if (input.teamId) {
        const team = await repos.teams.byId(input.teamId);
        if (!team || team.companyId !== companyId) throw new AppError('VALIDATION_FAILED', 'That team was not found in this company.', { details: { fields: { teamId: 'not a team of this company' } } });
        teamAgents = (await repos.assignments.teamAgents(team.id)).map((u) => u.id);
        if (teamAgents.length === 0) throw new AppError('VALIDATION_FAILED', 'That team has no active agents yet.', { details: { fields: { teamId: 'the team has no active agents' } } });
      }
      if (wanted.length === 0 && !input.teamId) throw new AppError('VALIDATION_FAILED', 'Choose at least one agent or a team.', { details: { fields: { agentUserIds: 'choose agents or a team' } } });
      if (input.dueAt && input.dueAt.getTime() < now().getTime() - 86_400_000) throw new AppError('VALIDATION_FAILED', 'The due date is in the past.', { details: { fields: { dueAt: 'must be today or later' } } });
      const batchId = newId();
      const rows = [...new Set([...wanted, ...teamAgents])].map((agentUserId) => ({
        id: newId(), companyId, batchId, scenarioId: s.id, scenarioVersion: s.version, agentUserId,
        teamId: teamAgents.includes(agentUserId) ? (input.teamId ?? null) : null,
        dueAt: input.dueAt ?? null, note: input.note ?? '', assignedBy: actor.id, status: 'open' as const,
        passMark: input.passMark ?? scenarioPassMark(s.scenario),
      }));
      await repos.assignments.insertMany(rows);
      return repos.assignments.list({ companyId, scenarioId: s.id }).then((all) => all.filter((a) => a.batchId === batchId));
    },
    listAssignments: (filter: { companyId?: string; agentUserId?: string; status?: 'open' | 'completed' | 'cancelled' }) => repos.assignments.list(filter),
    getAssignment,
    async completeAssignment(id: string, simulationId: string | null = null): Promise<AssignmentListRow> {
      const a = await getAssignment(id);
      if (a.status !== 'open' || !(await repos.assignments.complete(id, simulationId))) throw new AppError('CONFLICT', `This assignment is already ${a.status === 'open' ? 'closed' : a.status}.`);
      return getAssignment(id);
    },
    async cancelAssignment(id: string): Promise<AssignmentListRow> {
      const a = await getAssignment(id);
      if (a.status !== 'open' || !(await repos.assignments.cancel(id))) throw new AppError('CONFLICT', `Only an open assignment can be cancelled; this one is ${a.status}.`);
      return getAssignment(id);
    },
    /** After a practice session of a stored scenario ends: completes the agent's open assignments of it. Returns their ids. */
    completeAssignmentsAfterPractice: (agentUserId: string, scenarioId: string, simulationId: string | null) => repos.assignments.completeForScenario(agentUserId, scenarioId, simulationId),
  };
}

function staleEdit(current: number, expected: number): AppError {
  return new AppError('CONFLICT', `This scenario was saved by someone else in the meantime (now version ${current}, you edited version ${expected}). Reload it and apply your changes again.`, { details: { currentVersion: current } });
}

/** What a stored persona keeps of the profile it was aimed at (no quotes: they stay with the calls). */
function profileSnapshot(p: WeaknessProfile) {
  return { basis: p.basis, top: p.top, callCount: p.callCount, simulationCount: p.simulationCount, skills: p.skills.map((s) => ({ skill: s.skill, rank: s.rank, weakness: s.weakness, score: s.score })) };
}
