import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/index.ts';
import { SESSION_COOKIE } from '../../auth/index.ts';
import { publicUser, publicCompany } from '../../org/index.ts';
import { defineRoute, ANY_ROLE } from '../route.ts';

const loginBody = z.object({
  email: z.string({ message: 'email is required' }).trim().email('enter a valid email address').max(254),
  password: z.string({ message: 'password is required' }).min(1, 'password is required').max(200),
});

export const passwordRule = z.string().min(10, 'passwords need at least 10 characters').max(200);

export function authRoutes(app: FastifyInstance) {
  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    access: { public: true },
    body: loginBody,
    handler: async ({ body, ctx, req, reply }) => {
      const { token, expiresAt, principal } = await ctx.auth.login(body.email, body.password, {
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.COOKIE_SECURE,
        path: '/',
        expires: expiresAt,
      });
      const user = await ctx.repos.users.byId(principal.id);
      return { user: publicUser(user!) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    access: { public: true },
    handler: async ({ ctx, req, reply }) => {
      if (req.principal) await ctx.auth.logout(req.principal.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/me',
    access: { roles: ANY_ROLE },
    handler: async ({ ctx, user }) => {
      const row = await ctx.repos.users.byId(user.id);
      if (!row) throw new AppError('UNAUTHENTICATED', 'Please sign in again.');
      const company = row.companyId ? await ctx.repos.companies.byId(row.companyId) : undefined;
      return { user: publicUser(row), company: company ? publicCompany(company) : null };
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/me',
    access: { roles: ANY_ROLE },
    body: z.object({ locale: z.enum(['he', 'en']).optional(), name: z.string().trim().min(2).max(120).optional() }).strict(),
    handler: async ({ ctx, user, body }) => {
      const row = await ctx.repos.users.update(user.id, body);
      return { user: publicUser(row!) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/me/password',
    access: { roles: ANY_ROLE },
    body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordRule }),
    handler: async ({ ctx, user, body }) => {
      await ctx.auth.changePassword(user.id, body.currentPassword, body.newPassword, user.sessionId);
      return { ok: true };
    },
  });
}
