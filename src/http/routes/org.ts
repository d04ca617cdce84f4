import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/index.ts';
import { isStaff } from '../../auth/index.ts';
import type { AppContext } from '../../app/index.ts';
import { publicUser, publicCompany, SECTORS } from '../../org/index.ts';
import { defineRoute, ANY_ROLE, STAFF, COMPANY_MANAGERS, companyParamScope, type GuardedScope } from '../route.ts';
import { ENGINE_CHOICES } from '../../voice/index.ts';
import { passwordRule } from './auth.ts';

const uuid = z.string().uuid('must be an id');
const companyParams = z.object({ companyId: uuid });
const userParams = z.object({ userId: uuid });
const teamParams = z.object({ companyId: uuid, teamId: uuid });

const member = z.object({
  email: z.string().trim().email('enter a valid email address').max(254),
  name: z.string().trim().min(2, 'name needs at least 2 characters').max(120),
  password: passwordRule,
  teamId: uuid.nullable().optional(),
});

/** Scope of a user addressed by `:userId`: the user's company, and the user as the subject of the role hierarchy. */
async function userScope(req: FastifyRequest, ctx: AppContext): Promise<GuardedScope> {
  const u = await ctx.repos.users.byId((req.params as { userId: string }).userId);
  if (!u) throw new AppError('NOT_FOUND', 'User was not found.');
  return { companyId: u.companyId, subject: { id: u.id, role: u.role }, notFound: 'User was not found.' };
}

/** The AI cost the admin sees: per month, per practice minute, against the budget (US dollars). */
function aiCost(months: Array<{ month: string; costMicros: number; seconds: number; calls: number }>, budgetCents: number | null) {
  const now = new Date().toISOString().slice(0, 7);
  const rows = months.map((m) => ({
    month: m.month,
    calls: m.calls,
    minutes: Math.round((m.seconds / 60) * 10) / 10,
    costUsd: Math.round(m.costMicros / 100) / 10_000,
    costPerMinuteUsd: m.seconds > 0 ? Math.round((m.costMicros / (m.seconds / 60)) / 100) / 10_000 : null,
  }));
  const current = rows.find((r) => r.month === now) ?? { month: now, calls: 0, minutes: 0, costUsd: 0, costPerMinuteUsd: null };
  return { currency: 'USD', current, months: rows, budgetUsd: budgetCents === null ? null : budgetCents / 100, budgetLeftUsd: budgetCents === null ? null : Math.max(0, budgetCents / 100 - current.costUsd) };
}

export function orgRoutes(app: FastifyInstance) {
  // Companies (platform staff)
  defineRoute(app, {
    method: 'GET',
    url: '/api/companies',
    access: { roles: STAFF },
    handler: async ({ ctx }) => ({ companies: (await ctx.repos.companies.list()).map(publicCompany) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/companies',
    access: { roles: STAFF },
    body: z.object({
      name: z.string().trim().min(2, 'company name needs at least 2 characters').max(200),
      sector: z.enum(SECTORS).default('other'),
      seatLimit: z.number().int().min(1).max(100_000).default(5),
      analysesPerMonth: z.number().int().min(0).max(1_000_000).default(50),
      simMinutesPerMonth: z.number().int().min(0).max(10_000_000).default(300),
      manager: member.omit({ teamId: true }),
    }),
    handler: async ({ ctx, body, reply }) => {
      const { company, manager } = await ctx.org.createCompany(body);
      reply.status(201);
      return { company: publicCompany(company), manager: manager ? publicUser(manager) : null };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId',
    access: { roles: ANY_ROLE, scope: companyParamScope },
    params: companyParams,
    handler: async ({ ctx, params }) => {
      const c = await ctx.repos.companies.byId(params.companyId);
      if (!c) throw new AppError('NOT_FOUND', 'Company was not found.');
      return { company: publicCompany(c), quotas: await ctx.quotas.status(c) };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/companies/:companyId',
    access: { roles: STAFF, scope: companyParamScope },
    params: companyParams,
    body: z
      .object({
        name: z.string().trim().min(2).max(200),
        sector: z.enum(SECTORS),
        seatLimit: z.number().int().min(0).max(100_000),
        analysesPerMonth: z.number().int().min(0).max(1_000_000),
        simMinutesPerMonth: z.number().int().min(0).max(10_000_000),
      })
      .partial()
      .strict(),
    handler: async ({ ctx, params, body }) => {
      const c = await ctx.repos.companies.update(params.companyId, body);
      if (!c) throw new AppError('NOT_FOUND', 'Company was not found.');
      return { company: publicCompany(c) };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/companies/:companyId/settings',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    body: z
      .object({
        practicePrivacyHours: z.number().int().min(0).max(24 * 30).optional(),
        /** The engine tier the company's calls start from (later tiers are the fallbacks). */
        voiceEngine: z.enum(ENGINE_CHOICES).optional(),
        /** Monthly AI budget in US cents; null removes the money limit. */
        aiBudgetCentsPerMonth: z.number().int().min(0).max(100_000_000).nullable().optional(),
        /** Managers may listen to calls in progress and whisper (off in effect while a privacy window is set). */
        liveObservation: z.boolean().optional(),
      })
      .strict(),
    handler: async ({ ctx, params, body, user }) => {
      const current = await ctx.repos.companies.byId(params.companyId);
      if (!current) throw new AppError('NOT_FOUND', 'Company was not found.');
      // a shorter window would open sessions agents practised under the longer one: only platform staff shorten it
      if (body.practicePrivacyHours !== undefined && !isStaff(user.role) && body.practicePrivacyHours < current.practicePrivacyHours) {
        throw new AppError('FORBIDDEN', `The practice privacy window can be lengthened here but not shortened (now ${current.practicePrivacyHours} hours): agents practised trusting it. Ask platform staff to shorten it.`);
      }
      const c = await ctx.repos.companies.update(params.companyId, body);
      if (!c) throw new AppError('NOT_FOUND', 'Company was not found.');
      return { company: publicCompany(c) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/usage',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    handler: async ({ ctx, params }) => {
      const c = await ctx.repos.companies.byId(params.companyId);
      if (!c) throw new AppError('NOT_FOUND', 'Company was not found.');
      return { quotas: await ctx.quotas.status(c), ai: aiCost(await ctx.repos.simulations.costByMonth(c.id, 6), c.aiBudgetCentsPerMonth) };
    },
  });

  // Members
  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/users',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    handler: async ({ ctx, params }) => ({ users: (await ctx.repos.users.listByCompany(params.companyId)).map(publicUser) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/companies/:companyId/agents',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    body: member,
    handler: async ({ ctx, params, body, reply }) => {
      const u = await ctx.org.addMember(params.companyId, { ...body, role: 'agent' });
      reply.status(201);
      return { user: publicUser(u) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/companies/:companyId/managers',
    access: { roles: STAFF, scope: companyParamScope },
    params: companyParams,
    body: member,
    handler: async ({ ctx, params, body, reply }) => {
      const u = await ctx.org.addMember(params.companyId, { ...body, role: 'manager' });
      reply.status(201);
      return { user: publicUser(u) };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/users/:userId',
    access: { roles: COMPANY_MANAGERS, scope: userScope },
    params: userParams,
    body: z
      .object({
        name: z.string().trim().min(2).max(120),
        teamId: uuid.nullable(),
        analysesCap: z.number().int().min(0).max(1_000_000).nullable(),
        simMinutesCap: z.number().int().min(0).max(10_000_000).nullable(),
        active: z.boolean(),
      })
      .partial()
      .strict(),
    handler: async ({ ctx, params, body, user }) => {
      const target = await ctx.repos.users.byId(params.userId);
      if (!target) throw new AppError('NOT_FOUND', 'User was not found.');
      // who may act on whom (the role hierarchy) is checked by the guard in route.ts
      if (body.teamId) {
        const team = await ctx.repos.teams.byId(body.teamId);
        if (!team || team.companyId !== target.companyId) throw new AppError('VALIDATION_FAILED', 'The team does not belong to this company.');
      }
      const { active, ...patch } = body;
      let row = Object.keys(patch).length ? await ctx.repos.users.update(target.id, patch) : target;
      if (active === false) {
        if (target.id === user.id) throw new AppError('CONFLICT', 'You cannot deactivate yourself.');
        const off = await ctx.repos.users.deactivate(target.id);
        if (!off && target.active && target.role === 'super_admin') {
          throw new AppError('CONFLICT', 'This is the last active super admin; add another super admin before deactivating this one.');
        }
        row = off ?? row;
      } else if (active === true && !target.active) {
        const back = await ctx.repos.users.reactivate(target.id);
        if (!back) throw new AppError('SEAT_QUOTA_EXCEEDED', 'No seat is free to reactivate this user. Buy a seat package (Billing → Add seats) or deactivate someone else.', { details: { howToAddSeats: '/billing' } });
        row = back;
      }
      return { user: publicUser(row!) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/users/:userId/password-reset',
    access: { roles: STAFF, scope: userScope },
    params: userParams,
    body: z.object({ password: passwordRule.optional() }).strict(),
    handler: async ({ ctx, params, body }) => ({ temporaryPassword: await ctx.auth.resetPassword(params.userId, body.password) }),
  });

  // Teams
  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/teams',
    access: { roles: ANY_ROLE, scope: companyParamScope },
    params: companyParams,
    handler: async ({ ctx, params }) => ({ teams: await ctx.repos.teams.listByCompany(params.companyId) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/companies/:companyId/teams',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    body: z.object({ name: z.string().trim().min(2, 'team name needs at least 2 characters').max(120) }),
    handler: async ({ ctx, params, body, reply }) => {
      const existing = await ctx.repos.teams.listByCompany(params.companyId);
      if (existing.some((t) => t.name === body.name)) throw new AppError('CONFLICT', `A team named "${body.name}" already exists.`);
      reply.status(201);
      return { team: await ctx.repos.teams.insert({ id: crypto.randomUUID(), companyId: params.companyId, name: body.name }) };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/companies/:companyId/teams/:teamId',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: teamParams,
    handler: async ({ ctx, params }) => {
      const t = await ctx.repos.teams.byId(params.teamId);
      if (!t || t.companyId !== params.companyId) throw new AppError('NOT_FOUND', 'Team was not found.');
      await ctx.repos.teams.delete(t.id);
      return { ok: true };
    },
  });

  // Questionnaire (versioned)
  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/questionnaire',
    access: { roles: ANY_ROLE, scope: companyParamScope },
    params: companyParams,
    query: z.object({ version: z.coerce.number().int().positive().optional() }),
    handler: async ({ ctx, params, query }) => {
      const q = await ctx.org.questionnaire(params.companyId, query.version);
      if (!q && query.version) throw new AppError('NOT_FOUND', `Questionnaire version ${query.version} was not found.`);
      return { questionnaire: q, history: await ctx.repos.questionnaires.history(params.companyId) };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/companies/:companyId/questionnaire',
    access: { roles: COMPANY_MANAGERS, scope: companyParamScope },
    params: companyParams,
    handler: async ({ ctx, params, req, user }) => ({ questionnaire: await ctx.org.saveQuestionnaire(params.companyId, req.body, user.id) }),
  });

  // Audit log: who read practice that was private to an agent (staff only)
  defineRoute(app, {
    method: 'GET',
    url: '/api/companies/:companyId/audit',
    access: { roles: STAFF, scope: companyParamScope },
    params: companyParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
    handler: async ({ ctx, params, query }) => ({ entries: await ctx.repos.audit.forCompany(params.companyId, query.limit) }),
  });

  // Staff users and system statistics
  defineRoute(app, {
    method: 'GET',
    url: '/api/admin/stats',
    access: { roles: STAFF },
    handler: async ({ ctx }) => ({ ...(await ctx.repos.companies.stats()), database: ctx.database.kind }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/admin/staff',
    access: { roles: ['super_admin'] },
    handler: async ({ ctx }) => ({ users: (await ctx.repos.users.listStaff()).map(publicUser) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/admin/staff',
    access: { roles: ['super_admin'] },
    body: member.omit({ teamId: true }).extend({ role: z.enum(['admin', 'super_admin']) }),
    handler: async ({ ctx, body, reply }) => {
      reply.status(201);
      return { user: publicUser(await ctx.org.createStaff(body)) };
    },
  });
}
