/**
 * Scenarios and personas: the catalogue, company scenarios (versioned, via ScenarioBuilder), persona previews,
 * assignments, and per agent the weakness profile, self-assessment, manager's focus, "practise next" and
 * stored personas. Agents see their own; managers their company's; staff all.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SKILL_IDS } from '../../analysis/index.ts';
import { AppError } from '../../core/index.ts';
import { assignmentPassed } from '../../analytics/index.ts';
import type { AppContext } from '../../app/index.ts';
import { isStaff } from '../../auth/index.ts';
import { scenarioCatalogueView, scenarioDraftSchema } from '../../scenarios/index.ts';
import { defineRoute, ANY_ROLE, COMPANY_MANAGERS, companyParamScope, type GuardedScope } from '../route.ts';

const uuid = z.string().uuid('must be an id');
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const param = (req: FastifyRequest, name: string) => {
  const v = (req.params as Record<string, string | undefined>)[name] ?? '';
  return UUID_RE.test(v) ? v : null;
};

async function scenarioScope(req: FastifyRequest, ctx: AppContext) {
  const id = param(req, 'scenarioId');
  const s = id ? await ctx.repos.scenarios.scope(id) : undefined;
  if (!s) throw new AppError('NOT_FOUND', 'Scenario was not found.');
  return { companyId: s.companyId, notFound: 'Scenario was not found.' };
}

/** An assignment belongs to its agent (agents see only their own). */
async function assignmentScope(req: FastifyRequest, ctx: AppContext) {
  const id = param(req, 'assignmentId');
  const s = id ? await ctx.repos.assignments.scope(id) : undefined;
  if (!s) throw new AppError('NOT_FOUND', 'Assignment was not found.');
  return { companyId: s.companyId, ownerUserId: s.agentUserId, notFound: 'Assignment was not found.' };
}

async function personaScope(req: FastifyRequest, ctx: AppContext) {
  const id = param(req, 'personaId');
  const s = id ? await ctx.repos.personas.scope(id) : undefined;
  if (!s) throw new AppError('NOT_FOUND', 'Persona was not found.');
  return { companyId: s.companyId, ownerUserId: s.agentUserId, notFound: 'Persona was not found.' };
}

/** A company member addressed by `:agentId`: their company, owned by them (also used by the coaching routes). */
export async function agentScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  const id = param(req, 'agentId');
  const u = id ? await ctx.repos.users.byId(id) : undefined;
  if (!u || !u.companyId) throw new AppError('NOT_FOUND', 'That agent was not found.');
  return { companyId: u.companyId, ownerUserId: u.id, notFound: 'That agent was not found.' };
}

/** Only the person themselves (a self-assessment is not something anyone else fills in). */
async function selfScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  return { ...(await agentScope(req, ctx)), ownerOnly: 'Only the agent can fill in their own self-assessment.' };
}

/**
 * The practice session that completes an assignment: the assigned agent's own, of the assigned scenario, started
 * after the assignment, finished, and passed (score at least the assignment's pass mark, every success criterion
 * met). Without `simulationId` the newest such session is taken. Throws VALIDATION_FAILED / CONFLICT saying what
 * is missing.
 */
async function completionEvidence(ctx: AppContext, assignmentId: string, simulationId: string | undefined): Promise<string> {
  const a = await ctx.repos.assignments.byId(assignmentId);
  if (!a) throw new AppError('NOT_FOUND', 'Assignment was not found.');
  const passed = async (simId: string) => {
    const r = await ctx.repos.reports.bySimulation(simId);
    return !!r && assignmentPassed({ overallScore: r.overallScore, criteria: (r.report as { criteria?: { passed: boolean }[] }).criteria }, a.passMark);
  };
  if (simulationId) {
    const sim = await ctx.repos.simulations.byId(simulationId);
    const fits = sim && sim.agentUserId === a.agentUserId && sim.scenarioId === a.scenarioId && sim.createdAt >= a.createdAt;
    if (!fits) throw new AppError('VALIDATION_FAILED', 'That practice session does not complete this assignment: it must be the assigned agent’s own session of this scenario, started after it was assigned.', { details: { fields: { simulationId: 'not a session of this assignment' } } });
    if (sim.status !== 'ended') throw new AppError('CONFLICT', 'That practice session has not finished yet; end the call first.');
    if (!(await passed(sim.id))) throw new AppError('CONFLICT', `That practice session did not pass (it needs a score of ${a.passMark} and every success criterion met); practise the scenario again to complete the assignment.`);
    return sim.id;
  }
  for (const sim of await ctx.repos.simulations.finishedOfScenario(a.agentUserId, a.scenarioId, a.createdAt)) {
    if (await passed(sim.id)) return sim.id;
  }
  throw new AppError('CONFLICT', `No passing practice session of this scenario yet (it needs a score of ${a.passMark} and every success criterion met): practise it to complete the assignment.`);
}

const companyParams = z.object({ companyId: uuid });
const scenarioParams = z.object({ scenarioId: uuid });
const assignmentParams = z.object({ assignmentId: uuid });
const agentParams = z.object({ agentId: uuid });
const seed = z.number().int().min(0).max(2 ** 31 - 1);
/** A manager's focus: at most three skills, because a profile's `top` (what personas press on) holds at most three. */
export const MAX_FOCUS_SKILLS = 3;

/** A due date: YYYY-MM-DD (end of that day, Israel time) or a full ISO timestamp. */
const dueDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'must be a date (YYYY-MM-DD)' })
  .transform((s) => (s.length === 10 ? new Date(`${s}T23:59:59+02:00`) : new Date(s)));

export function scenarioRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/scenario-catalogue',
    access: { roles: ANY_ROLE },
    handler: () => scenarioCatalogueView(),
  });

  // ---- company scenarios ---------------------------------------------------------------------------
  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/scenarios',
    access: { roles: ANY_ROLE, scope: companyParamScope },
    params: companyParams,
    query: z.object({ includeArchived: z.enum(['true', 'false']).optional() }),
    handler: async ({ ctx, params, query, user }) => ({
      // archived scenarios are a manager's business
      scenarios: await ctx.personas.listScenarios(params.companyId, { includeArchived: query.includeArchived === 'true' && user.role !== 'agent' }),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/companies/:companyId/scenarios',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    body: scenarioDraftSchema,
    handler: async ({ ctx, params, body, user, reply }) => {
      const scenario = await ctx.personas.createScenario(user, params.companyId, body);
      reply.status(201);
      return { scenario };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/scenarios/:scenarioId',
    access: { roles: ANY_ROLE, scope: scenarioScope },
    params: scenarioParams,
    query: z.object({ version: z.coerce.number().int().min(1).optional() }),
    handler: async ({ ctx, params, query }) => ({ scenario: await ctx.personas.getScenario(params.scenarioId, query.version) }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/scenarios/:scenarioId',
    access: { roles: COMPANY_MANAGERS, scope: scenarioScope },
    params: scenarioParams,
    body: scenarioDraftSchema.extend({ version: z.number().int().min(1) }),
    handler: async ({ ctx, params, body, user }) => {
      const { version, ...draft } = body;
      return { scenario: await ctx.personas.updateScenario(user, params.scenarioId, version, draft) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/scenarios/:scenarioId/versions',
    access: { roles: COMPANY_MANAGERS, scope: scenarioScope },
    params: scenarioParams,
    handler: async ({ ctx, params }) => ({ versions: await ctx.personas.scenarioVersions(params.scenarioId) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/scenarios/:scenarioId/archive',
    access: { roles: COMPANY_MANAGERS, scope: scenarioScope },
    params: scenarioParams,
    body: z.object({ archived: z.boolean().default(true) }),
    handler: async ({ ctx, params, body }) => ({ scenario: await ctx.personas.setArchived(params.scenarioId, body.archived) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/companies/:companyId/persona-preview',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    body: z.object({ scenarioId: uuid.optional(), version: z.number().int().min(1).optional(), draft: scenarioDraftSchema.optional(), agentUserId: uuid.optional(), seed: seed.optional() }),
    handler: async ({ ctx, params, body }) => ({ preview: await ctx.personas.preview(params.companyId, body) }),
  });

  // ---- assignments -----------------------------------------------------------------------------------
  defineRoute(app, {
    method: 'POST',
    url: '/api/companies/:companyId/assignments',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    body: z.object({
      scenarioId: uuid,
      agentUserIds: z.array(uuid).max(500).optional(),
      teamId: uuid.optional(),
      dueAt: dueDate.nullable().optional(),
      note: z.string().trim().max(500).optional(),
      /** Score a call needs (with every success criterion met) to complete it; default the scenario's. */
      passMark: z.number({ message: 'must be a number from 0 to 100' }).int('must be a whole number').min(0, 'must be from 0 to 100').max(100, 'must be from 0 to 100').optional(),
    }),
    handler: async ({ ctx, params, body, user, reply }) => {
      const assignments = await ctx.personas.assign(user, params.companyId, body);
      reply.status(201);
      return { assignments };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/assignments',
    access: { roles: ANY_ROLE },
    query: z.object({ companyId: uuid.optional(), agentUserId: uuid.optional(), status: z.enum(['open', 'completed', 'cancelled']).optional() }),
    handler: async ({ ctx, query, user }) => {
      // every assignment comes with its attempts (score and a link to the session; scores inside the privacy window stay hidden)
      if (user.role === 'agent') return { assignments: await ctx.practice.withAttempts(user, await ctx.personas.listAssignments({ agentUserId: user.id, status: query.status })) };
      if (!isStaff(user.role) && query.companyId && query.companyId !== user.companyId) throw new AppError('FORBIDDEN', 'This belongs to another company.');
      const companyId = isStaff(user.role) ? query.companyId : user.companyId!;
      return { assignments: await ctx.practice.withAttempts(user, await ctx.personas.listAssignments({ companyId, agentUserId: query.agentUserId, status: query.status })) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/assignments/:assignmentId/complete',
    access: { roles: ANY_ROLE, scope: assignmentScope },
    params: assignmentParams,
    body: z.object({ simulationId: uuid.optional() }),
    handler: async ({ ctx, params, body }) => {
      const evidence = await completionEvidence(ctx, params.assignmentId, body.simulationId);
      return { assignment: await ctx.personas.completeAssignment(params.assignmentId, evidence) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/assignments/:assignmentId/cancel',
    access: { roles: COMPANY_MANAGERS, scope: assignmentScope },
    params: assignmentParams,
    handler: async ({ ctx, params }) => ({ assignment: await ctx.personas.cancelAssignment(params.assignmentId) }),
  });

  // ---- one agent ---------------------------------------------------------------------------------------
  defineRoute(app, {
    method: 'GET',
    url: '/api/agents/:agentId/profile',
    access: { roles: ANY_ROLE, scope: agentScope },
    params: agentParams,
    handler: async ({ ctx, params, user }) => ({
      // a manager does not read quotes from practice still inside the privacy window
      profile: await ctx.practice.visibleProfile(user, params.agentId, await ctx.personas.weaknessProfile(params.agentId)),
      focus: await ctx.personas.focusOf(params.agentId),
      focusLimit: MAX_FOCUS_SKILLS,
    }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/agents/:agentId/practice-next',
    access: { roles: ANY_ROLE, scope: agentScope },
    params: agentParams,
    handler: async ({ ctx, params, user }) => {
      const next = await ctx.personas.practiseNext(params.agentId);
      // a manager must not read quotes from practice still inside the privacy window (same rule as /profile)
      return { ...next, profile: await ctx.practice.visibleProfile(user, params.agentId, next.profile) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/agents/:agentId/self-assessment',
    access: { roles: ANY_ROLE, scope: selfScope },
    params: agentParams,
    body: z.object({
      ratings: z
        .object(Object.fromEntries(SKILL_IDS.map((s) => [s, z.number().int().min(1, 'rate from 1 to 5').max(5, 'rate from 1 to 5').optional()])) as Record<(typeof SKILL_IDS)[number], z.ZodOptional<z.ZodNumber>>)
        .refine((r) => Object.values(r).some((v) => v !== undefined), 'rate at least one skill'),
    }),
    handler: async ({ ctx, params, body, user }) => ({ profile: await ctx.personas.selfAssess(user.companyId!, params.agentId, body.ratings) }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/agents/:agentId/focus',
    access: { roles: COMPANY_MANAGERS, scope: agentScope },
    params: agentParams,
    body: z.object({ skills: z.array(z.enum(SKILL_IDS)).max(MAX_FOCUS_SKILLS, `choose at most ${MAX_FOCUS_SKILLS} skills`).refine((xs) => new Set(xs).size === xs.length, 'choose each skill once') }),
    handler: async ({ ctx, params, body, user }) => {
      const agent = (await ctx.repos.users.byId(params.agentId))!;
      const profile = await ctx.personas.setFocus(user, agent.companyId!, params.agentId, body.skills);
      return { profile: await ctx.practice.visibleProfile(user, params.agentId, profile), focus: body.skills };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/agents/:agentId/personas',
    access: { roles: ANY_ROLE, scope: agentScope },
    params: agentParams,
    handler: async ({ ctx, params }) => ({ personas: await ctx.personas.listPersonas(params.agentId) }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/personas/:personaId',
    access: { roles: ANY_ROLE, scope: personaScope },
    params: z.object({ personaId: uuid }),
    handler: async ({ ctx, params }) => ({ persona: await ctx.personas.getPersona(params.personaId) }),
  });
}
