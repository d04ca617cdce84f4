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
      await checkAccess(req, def.access, ctx);
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

/** The guard: role, then tenant scope. Throws UNAUTHENTICATED or FORBIDDEN. */
export async function checkAccess(req: FastifyRequest, access: Access, ctx: AppContext): Promise<void> {
  if ('public' in access) return;
  const user = req.principal;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
  if (!access.roles.includes(user.role)) throw new AppError('FORBIDDEN', 'Your role does not allow this action.');
  if (access.scope) {
    const scope = await access.scope(req, ctx);
    if (!canAccess(user, scope)) throw new AppError('FORBIDDEN', 'This belongs to another company or user.');
  }
}

/**
 * Registers a WebSocket route (GET + upgrade) with the same access declaration as HTTP routes: the guard
 * runs before the upgrade, so an unauthorised client gets a plain 401/403 and no socket.
 */
export function defineSocketRoute<P extends z.ZodType>(
  app: FastifyInstance,
  def: {
    url: string;
    access: Access;
    params?: P;
    handler: (socket: import('ws').WebSocket, h: { params: z.output<P>; user: Principal; ctx: AppContext; req: FastifyRequest }) => void | Promise<void>;
  },
): void {
  app.routeTable.push({ method: 'GET', url: def.url, access: def.access });
  app.route({
    method: 'GET',
    url: def.url,
    preValidation: async (req) => {
      await checkAccess(req, def.access, app.ctx);
      if (def.params) parseOrThrow(def.params, req.params, 'path parameters');
    },
    handler: (async () => {
      throw new AppError('VALIDATION_FAILED', 'This address takes a WebSocket connection (Upgrade: websocket).');
    }) as never,
    wsHandler: (socket, req) => {
      const params = (def.params ? def.params.parse(req.params) : req.params) as z.output<P>;
      void def.handler(socket, { params, user: req.principal as Principal, ctx: app.ctx, req });
    },
  });
}
