/**
 * Practice reports and progress: a simulation's scored report (its agent; managers only once the company's
 * practice privacy window has passed or the agent shared it), sharing it, the agent's own progress, one agent's
 * progress as their manager sees it, and the manager's view of the team's practice (sessions the window lets them see, and team totals).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/index.ts';
import type { AppContext } from '../../app/index.ts';
import { publicUser } from '../../org/index.ts';
import { defineRoute, companyParamScope, ANY_ROLE, COMPANY_MANAGERS, type GuardedScope } from '../route.ts';
import { agentScope } from './scenarios.ts';
import { auditPracticeRead } from '../audit.ts';

const uuid = z.string().uuid('must be an id');
const simParams = z.object({ simulationId: uuid });
const companyParams = z.object({ companyId: uuid });
const agentParams = z.object({ agentId: uuid });
const PRACTISERS = ['manager', 'agent'] as const;
/** A period as the dashboards choose it: the last N days (default: everything). */
const period = z.object({ days: z.coerce.number().int().min(1).max(3660).optional(), agentUserId: uuid.optional() });
const sinceOf = (days?: number) => (days ? new Date(Date.now() - days * 86_400_000) : undefined);

async function simulationOwner(req: FastifyRequest, ctx: AppContext) {
  const id = (req.params as { simulationId?: string }).simulationId ?? '';
  const row = uuid.safeParse(id).success ? await ctx.repos.simulations.scope(id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return row;
}
const NOT_FOUND_MESSAGE = 'This practice session was not found.';

/** The agent's own sessions; the company's managers (the privacy window is checked by the service); staff. */
async function reportScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  const row = await simulationOwner(req, ctx);
  return { companyId: row.companyId, ownerUserId: row.agentUserId, notFound: NOT_FOUND_MESSAGE };
}

/** Only the agent who practised decides about sharing. */
async function ownerScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  const row = await simulationOwner(req, ctx);
  return { companyId: row.companyId, ownerUserId: row.agentUserId, notFound: NOT_FOUND_MESSAGE, ownerOnly: 'Only the agent who practised can share this report.' };
}

export function coachingRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/simulations/:simulationId/report',
    access: { roles: ANY_ROLE, scope: reportScope },
    params: simParams,
    handler: async ({ ctx, user, params }) => {
      const report = await ctx.practice.report(user, params.simulationId);
      await auditPracticeRead(ctx, user, params.simulationId, 'report');
      return report;
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/simulations/:simulationId/report/share',
    access: { roles: PRACTISERS, scope: ownerScope },
    params: simParams,
    body: z.object({ shared: z.boolean().default(true) }).strict(),
    handler: async ({ ctx, user, params, body }) => ctx.practice.share(user, params.simulationId, body.shared),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/progress/me',
    access: { roles: PRACTISERS },
    query: period.pick({ days: true }),
    handler: async ({ ctx, user, query }) => ctx.practice.progress(user.id, { since: sinceOf(query.days) }),
  });

  // one agent's progress as a manager sees it (the agent may open their own; another agent never)
  defineRoute(app, {
    method: 'GET',
    url: '/api/agents/:agentId/progress',
    access: { roles: ANY_ROLE, scope: agentScope },
    params: agentParams,
    query: period.pick({ days: true }),
    handler: async ({ ctx, user, params, query }) => {
      const progress = await ctx.practice.agentProgress(user, params.agentId, { since: sinceOf(query.days) });
      return { agent: publicUser((await ctx.repos.users.byId(params.agentId))!), ...progress };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/practice',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    query: period,
    handler: async ({ ctx, user, params, query }) => {
      const t = await ctx.practice.team(user, params.companyId, { since: sinceOf(query.days), agentUserId: query.agentUserId });
      return { companyId: t.companyId, privacyHours: t.privacyHours, hidden: t.hidden, sessions: t.sessions };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/practice/summary',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    query: period,
    handler: async ({ ctx, user, params, query }) => {
      const t = await ctx.practice.team(user, params.companyId, { since: sinceOf(query.days), agentUserId: query.agentUserId });
      return { companyId: t.companyId, privacyHours: t.privacyHours, hidden: t.hidden, aggregates: t.aggregates };
    },
  });
}
