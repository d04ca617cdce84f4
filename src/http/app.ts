import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import type { AppContext } from '../app/index.ts';
import { SESSION_COOKIE } from '../auth/index.ts';
import { AppError } from '../core/index.ts';
import { sql } from '../db/index.ts';
import { nodeIdOf } from '../voice/index.ts';
import { installErrorHandling, toErrorBody } from './errors.ts';
import { defineRoute } from './route.ts';
import { authRoutes } from './routes/auth.ts';
import { orgRoutes } from './routes/org.ts';
import { billingRoutes } from './routes/billing.ts';
import { routeModules } from './routes/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(ROOT, 'dist/web');
export const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

export interface BuildOptions {
  ctx: AppContext;
  /** Serve the built web client from dist/web (default: when it exists). */
  serveWeb?: boolean;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole HTTP + WebSocket app around a context. Tests call it and use `inject()`. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { ctx } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: ctx.config.LOG_LEVEL },
    bodyLimit: 1024 * 1024,
    // the client's address comes from X-Forwarded-For only when TRUST_PROXY names the proxy in front
    trustProxy: (ctx.config.TRUST_PROXY ?? false) as string | boolean, // a number (hops) works too; the types omit it
  });
  app.decorate('ctx', ctx);
  app.decorate('routeTable', []);
  app.decorateRequest('principal', null);

  // Every /api route must declare who may call it (see route.ts); a route registered any other way fails start-up.
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    const methods = (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD');
    for (const m of methods) {
      if (!app.routeTable.some((e) => e.url === r.url && e.method === m)) {
        throw new Error(`Route ${m} ${r.url} was registered without an access declaration; use defineRoute().`);
      }
    }
  });

  installErrorHandling(app);
  // bodies are JSON (multipart only where a file is uploaded): a text/plain "simple request" from a foreign page
  // is refused with 415 instead of reaching a route that takes no body
  app.removeContentTypeParser('text/plain');
  await app.register(helmet, { contentSecurityPolicy: { directives: CSP }, crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'same-origin' } });
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 1024 * 1024 } });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.principal = await ctx.auth.authenticate(token);
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/health',
    access: { public: true },
    handler: async () => {
      await ctx.database.rows(sqlPing);
      return {
        status: 'ok',
        version: VERSION,
        database: ctx.database.kind,
        node: nodeIdOf(ctx.config),
        ai: ctx.config.OPENAI_API_KEY ? 'openai' : ctx.config.OPENAI_BASE_URL ? 'openai-compatible' : 'offline',
        limits: { uploadMaxMb: ctx.config.UPLOAD_MAX_MB, callMaxMinutes: ctx.config.CALL_MAX_MINUTES, paymentsMode: ctx.config.PAYMENTS_MODE },
        uptimeSec: Math.round(process.uptime()),
      };
    },
  });
  authRoutes(app);
  orgRoutes(app);
  billingRoutes(app);
  for (const register of routeModules) await register(app);

  const serveWeb = opts.serveWeb ?? existsSync(path.join(WEB_DIST, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !serveWeb) {
      const { status, body } = toErrorBody(new AppError('ROUTE_NOT_FOUND', `There is no ${req.method} ${req.url.split('?')[0]}.`));
      return reply.status(status).send(body);
    }
    // the SPA's client-side routes
    return reply.type('text/html').sendFile('index.html');
  });
  app.addHook('onClose', async () => {
    for (const fn of [...ctx.onClose].reverse()) await fn();
  });
  return app;
}

const sqlPing = sql`SELECT 1 AS ok`;

/**
 * Content-Security-Policy for the SPA and the API: scripts only from this origin (no inline script: the built
 * index.html has none); blob: for the microphone's AudioWorklet module; WebSockets to this origin; no framing.
 */
export const CSP = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};
