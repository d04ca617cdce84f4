/**
 * Dashboards and "practise this weakness": the agent's own dashboard, one agent's dashboard as their manager
 * sees it (the drill-down), the company's (or one team's) dashboard with who needs attention, and a practice
 * session aimed at one weakness of an analysed call. Agents see their own; managers their company's; staff all;
 * another company's ids answer exactly as missing ones.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SKILL_IDS } from '../../analysis/index.ts';
import { DASHBOARD_WEEKS, analysisOfStoredReport, practiceTargetForWeakness } from '../../analytics/index.ts';
import { AppError } from '../../core/index.ts';
import type { AppContext } from '../../app/index.ts';
import { defineRoute, companyParamScope, ANY_ROLE, COMPANY_MANAGERS, type GuardedScope } from '../route.ts';
import { agentScope } from './scenarios.ts';

const uuid = z.string().uuid('must be an id');
const weeks = z.coerce.number().int('must be a whole number of weeks').min(1, 'at least 1 week').max(DASHBOARD_WEEKS.max, `at most ${DASHBOARD_WEEKS.max} weeks`).optional();
const PRACTISERS = ['manager', 'agent'] as const;
const CALL_NOT_FOUND = 'Call was not found.';

/** The call addressed by `:callId`, owned by its agent: only they practise its weaknesses. */
async function callOwnerScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  const id = (req.params as { callId?: string }).callId ?? '';
  const s = uuid.safeParse(id).success ? await ctx.repos.calls.scope(id) : undefined;
  if (!s) throw new AppError('NOT_FOUND', CALL_NOT_FOUND);
  return { companyId: s.companyId, ownerUserId: s.agentUserId, notFound: CALL_NOT_FOUND, ownerOnly: 'Only the agent of this call can practise its weaknesses.' };
}

export function dashboardRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard/me',
    access: { roles: PRACTISERS },
    query: z.object({ weeks }).strict(),
    handler: ({ ctx, user, query }) => ctx.dashboards.agentDashboard(user, user.id, { weeks: query.weeks }),
  });

  // the drill-down: staff, the agent's managers, and the agent themselves (a colleague gets the "not found" answer)
  defineRoute(app, {
    method: 'GET',
    url: '/api/agents/:agentId/dashboard',
    access: { roles: ANY_ROLE, scope: agentScope },
    params: z.object({ agentId: uuid }),
    query: z.object({ weeks }).strict(),
    handler: ({ ctx, user, params, query }) => ctx.dashboards.agentDashboard(user, params.agentId, { weeks: query.weeks }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/dashboard',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: z.object({ companyId: uuid }),
    query: z.object({ weeks, teamId: uuid.optional() }).strict(),
    handler: async ({ ctx, user, params, query }) => {
      if (query.teamId && (await ctx.repos.teams.byId(query.teamId))?.companyId !== params.companyId) {
        throw new AppError('NOT_FOUND', 'Team was not found.');
      }
      return ctx.dashboards.teamDashboard(user, params.companyId, { weeks: query.weeks, teamId: query.teamId });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/calls/:callId/practice',
    access: { roles: PRACTISERS, scope: callOwnerScope },
    params: z.object({ callId: uuid }),
    body: z.object({ skill: z.enum(SKILL_IDS, { message: `must be one of: ${SKILL_IDS.join(', ')}` }), mode: z.enum(['voice', 'text']).default('voice') }).strict(),
    handler: async ({ ctx, user, params, body, reply }) => {
      const call = await ctx.repos.calls.byId(params.callId);
      if (!call || call.status !== 'done') throw new AppError('CONFLICT', 'This call has no finished report yet; practise its weaknesses once the analysis is done.');
      const target = practiceTargetForWeakness(analysisOfStoredReport(call.report), body.skill);
      const created = await ctx.simulations.create(user, { scenarioType: target.scenarioType, level: target.level, language: target.language, mode: body.mode });
      reply.status(201);
      return { ...created, target: { ...target, callId: params.callId } };
    },
  });
}
