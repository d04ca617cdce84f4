import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { AppError, parseOrThrow } from '../core/index.ts';
import { canAccess, mayActOn, type Principal, type ResourceScope, type Role } from '../auth/index.ts';
import type { AppContext } from '../app/index.ts';
import { originOf, type Config } from '../config/index.ts';

/**
 * Who may call a route. `public`: anyone. Otherwise the roles allowed, and — for a route that touches
 * one tenant's data — how to find the resource's owner; the guard below compares it with the caller.
 * This is the one place tenant isolation is enforced.
 */
export type Access =
  | { public: true }
  | {
      roles: readonly Role[];
      /**
       * Resolves the owner of the resource addressed by the request; throw NOT_FOUND if it does not exist, and
       * return that same message as `notFound`: a caller who may not see the resource gets exactly that answer.
       */
      scope?: (req: FastifyRequest, ctx: AppContext) => Promise<GuardedScope> | GuardedScope;
    };

/** A resource's owner as a scope resolver returns it, with what the guard says to those who may not see it. */
export interface GuardedScope extends ResourceScope {
  /** The NOT_FOUND message of a missing resource of this kind (sent, word for word, for one that is not yours). */
  notFound?: string;
  /** Only the owning user may do this (others who can see it get FORBIDDEN with this message). */
  ownerOnly?: string;
}

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
export const companyParamScope = (req: FastifyRequest): GuardedScope => ({
  companyId: (req.params as { companyId?: string }).companyId ?? null,
  notFound: 'Company was not found.',
});

/** Registers a route whose params, query and body are validated with zod and whose access is checked first. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  app: FastifyInstance,
  def: RouteDef<P, Q, B>,
): void {
  app.routeTable.push({ method: def.method as string, url: def.url, access: def.access });
  const changesState = !['GET', 'HEAD', 'OPTIONS'].includes(String(def.method).toUpperCase());
  app.route({
    method: def.method,
    url: def.url,
    bodyLimit: def.bodyLimit,
    handler: async (req, reply) => {
      const ctx = app.ctx;
      if (changesState) checkOrigin(req, ctx.config);
      // ids are checked before any lookup: a malformed one is a 400, never a query (or a database error)
      const params = await checkAccess(req, def.access, ctx, def.params);
      refuseControlCharacters(req.query, 'query');
      refuseControlCharacters(req.body, 'request body');
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

/**
 * The guard: sign-in, role, well-formed path parameters, tenant scope, then the role hierarchy. Returns the parsed
 * parameters. A resource of another company or user answers exactly as a missing one does (NOT_FOUND with the
 * resolver's message), so ids cannot be probed for existence.
 */
export async function checkAccess(req: FastifyRequest, access: Access, ctx: AppContext, params?: z.ZodType): Promise<unknown> {
  const user = req.principal;
  if (!('public' in access)) {
    if (!user) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
    if (!access.roles.includes(user.role)) throw new AppError('FORBIDDEN', 'Your role does not allow this action.');
  }
  const parsed = params ? parseOrThrow(params, req.params, 'path parameters') : req.params;
  if ('public' in access || !access.scope || !user) return parsed;
  const scope = await access.scope(req, ctx);
  if (!canAccess(user, scope)) throw new AppError('NOT_FOUND', scope.notFound ?? (await missingMessage(req, access.scope, ctx)));
  if (scope.ownerOnly && user.id !== scope.ownerUserId) throw new AppError('FORBIDDEN', scope.ownerOnly);
  if (scope.subject && !mayActOn(user, scope.subject)) {
    throw new AppError('FORBIDDEN', 'You can change only users whose role is below yours; ask a super admin.');
  }
  return parsed;
}

/**
 * The NOT_FOUND message a resolver gives for ids that exist nowhere (for resolvers that do not declare
 * `notFound`): asked with fresh random ids, so "not yours" reads exactly like "missing".
 */
async function missingMessage(req: FastifyRequest, scope: NonNullable<Extract<Access, { roles: readonly Role[] }>['scope']>, ctx: AppContext): Promise<string> {
  const params = Object.fromEntries(Object.keys((req.params as object) ?? {}).map((k) => [k, crypto.randomUUID()]));
  try {
    await scope(Object.create(req, { params: { value: params } }) as FastifyRequest, ctx);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return e.message;
  }
  return 'This was not found.';
}

/**
 * Cross-site request forgery: a state-changing request or a WebSocket upgrade from a browser must come from the
 * app's own origin (PUBLIC_URL and ALLOWED_ORIGINS when set; otherwise the host the request was sent to). Browsers
 * send `Origin` on every cross-origin POST, form or WebSocket; `Sec-Fetch-Site` and `Referer` are checked when it
 * is missing. A request with none of them is not from a browser page (CLI, server-side tests) and passes.
 */
export function checkOrigin(req: FastifyRequest, config: Config): void {
  const origin = header(req, 'origin');
  const refuse = (what: string) =>
    new AppError('FORBIDDEN', `This request came from another site (${what}); it was refused to protect your account. Open SalesGym at its own address and try again.`, {
      details: { reason: 'cross_origin' },
    });
  if (origin !== undefined) {
    if (!isAllowedOrigin(origin, req, config)) throw refuse(origin.slice(0, 100));
    return;
  }
  const site = header(req, 'sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw refuse(site);
  const referer = header(req, 'referer');
  if (referer !== undefined && !isAllowedOrigin(originOf(referer) ?? 'null', req, config)) throw refuse('referer');
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Whether `origin` is one this app accepts state-changing requests from. */
export function isAllowedOrigin(origin: string, req: FastifyRequest, config: Config): boolean {
  const configured = [config.PUBLIC_URL ? originOf(config.PUBLIC_URL) : null, ...(config.ALLOWED_ORIGINS ?? [])].filter((o): o is string => Boolean(o));
  const o = originOf(origin);
  if (!o) return false; // "null" (sandboxed frames, file: pages) and garbage
  if (configured.length > 0) return configured.includes(o);
  // not configured: the page must have been served by the host this request was sent to (same host and port)
  return new URL(o).host === hostOf(req);
}

/** The host:port the request was sent to (X-Forwarded-Host only from a trusted proxy, as Fastify's req.host). */
function hostOf(req: FastifyRequest): string {
  try {
    return new URL(`${req.protocol}://${req.host}`).host;
  } catch {
    return '';
  }
}

// C0 controls except tab, newline and carriage return, and DEL: never part of a name, a note or a transcript.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Refuses (VALIDATION_FAILED) a NUL or other control character anywhere in a parsed body or query. */
export function refuseControlCharacters(value: unknown, what: string): void {
  const walk = (v: unknown, path: string, depth: number): void => {
    if (typeof v === 'string') {
      if (CONTROL.test(v)) {
        throw new AppError('VALIDATION_FAILED', `Invalid ${what}: ${path || 'a value'} contains a control character (such as NUL); remove it and try again.`, {
          details: { fields: { [path || '_']: 'contains a control character' } },
        });
      }
    } else if (v && typeof v === 'object' && depth < 32) {
      for (const [k, x] of Object.entries(v)) {
        if (CONTROL.test(k)) throw new AppError('VALIDATION_FAILED', `Invalid ${what}: a field name contains a control character.`);
        walk(x, path ? `${path}.${k}` : k, depth + 1);
      }
    }
  };
  walk(value, '', 0);
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
      checkOrigin(req, app.ctx.config); // a WebSocket carries the victim's cookie like any request: same-origin only
      await checkAccess(req, def.access, app.ctx, def.params);
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
