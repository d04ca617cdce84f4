import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { AppError, parseOrThrow } from '../core/index.ts';
import { canAccess, type Principal, type ResourceScope, type Role } from '../auth/index.ts';
import type { AppContext } from '../app/index.ts';

/**
 * Who may call a route. `public`: anyone. Otherwise the roles allowed, and — for a route that touches
 * one tenant's data — how to find the resource's owner; the guard below compares it with the caller.
 * This is the one place tenant isolation is enforced.
 */
export type Access =
  | { public: true }
  | {
      roles: readonly Role[];
      /** Resolves the owner of the resource addressed by the request; throw NOT_FOUND if it does not exist. */
      scope?: (req: FastifyRequest, ctx: AppContext) => Promise<ResourceScope> | ResourceScope;
    };

export interface RouteTableEntry {
  method: string;
  url: string;
  access: Access;
}

export interface Handled<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The signed-in user; non-null on every non-public route. */
  user: Principal;
  ctx: AppContext;
  req: FastifyRequest;
  reply: FastifyReply;
}

interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> {
  method: HTTPMethods;
  url: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Max body size in bytes for this route (default: the app's 1 MiB). */
  bodyLimit?: number;
  handler: (h: Handled<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown> | unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    routeTable: RouteTableEntry[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const ANY_ROLE: readonly Role[] = ['super_admin', 'admin', 'manager', 'agent'];
export const STAFF: readonly Role[] = ['super_admin', 'admin'];
export const COMPANY_MANAGERS: readonly Role[] = ['super_admin', 'admin', 'manager'];

/** Scope from a `:companyId` path parameter. */
export const companyParamScope = (req: FastifyRequest): ResourceScope => ({
  companyId: (req.params as { companyId?: string }).companyId ?? null,
});

/** Registers a route whose params, query and body are validated with zod and whose access is checked first. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  app: FastifyInstance,
  def: RouteDef<P, Q, B>,
): void {
  app.routeTable.push({ method: def.method as string, url: def.url, access: def.access });
  app.route({
    method: def.method,
    url: def.url,
    bodyLimit: def.bodyLimit,
    handler: async (req, reply) => {
      const ctx = app.ctx;
      const access = def.access;
      if (!('public' in access)) {
        const user = req.principal;
        if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
        if (!access.roles.includes(user.role)) throw new AppError('FORBIDDEN', 'Your role does not allow this action.');
        if (access.scope) {
          const scope = await access.scope(req, ctx);
          if (!canAccess(user, scope)) throw new AppError('FORBIDDEN', 'This belongs to another company or user.');
        }
      }
      const params = def.params ? parseOrThrow(def.params, req.params, 'path parameters') : req.params;
      const query = def.query ? parseOrThrow(def.query, req.query ?? {}, 'query') : req.query;
      const body = def.body ? parseOrThrow(def.body, req.body ?? {}, 'request body') : req.body;
      const result = await def.handler({ params, query, body, user: req.principal as Principal, ctx, req, reply } as Handled<
        z.output<P>,
        z.output<Q>,
        z.output<B>
      >);
      if (reply.sent) return reply;
      return result ?? { ok: true };
    },
  });
}
