import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { testConfig, type Config } from '../config/index.ts';
import { createContext, seedDemo, type AppContext } from '../app/index.ts';
import { buildApp } from '../http/index.ts';
import { openTestDatabase } from './db.ts';
import type { DbKind } from '../db/index.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  demoCompanyId: string;
  /** Logs in and returns the session cookie header value. */
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The whole app on a fresh database with the demo company seeded; use `app.inject()`. */
export async function startTestApp(opts: { kind?: DbKind; config?: Partial<Config>; seed?: boolean } = {}): Promise<TestApp> {
  const database = await openTestDatabase(opts.kind ?? 'pglite');
  const ctx = await createContext(testConfig(opts.config), database);
  const demoCompanyId = opts.seed === false ? '' : await seedDemo(ctx);
  const app = await buildApp({ ctx, serveWeb: false, logger: false });
  await app.ready();
  return {
    app,
    ctx,
    demoCompanyId,
    async login(email, password = 'salesgym-demo') {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (r.statusCode !== 200) throw new Error(`login ${email} failed: ${r.statusCode} ${r.body}`);
      return cookieOf(r);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function cookieOf(r: LightMyRequestResponse): string {
  const c = r.cookies.find((c) => c.name === 'sg_session');
  if (!c) throw new Error('no session cookie');
  return `sg_session=${c.value}`;
}
