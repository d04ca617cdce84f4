/**
 * The whole app listening on 127.0.0.1:0 with the demo company, for simulation tests and the voice benchmark:
 * real HTTP, real WebSocket, PGlite (or a given database), recordings in a temporary DATA_DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { testConfig, type Config } from '../config/index.ts';
import { createContext, seedDemo, type AppContext } from '../app/index.ts';
import { buildApp } from '../http/index.ts';
import type { Database } from '../db/index.ts';
import { createSimulationService, WireClient, type SimulationServiceWiring } from '../voice/index.ts';
import { liveObservation } from '../live/index.ts';
import { openTestDatabase } from './db.ts';
import { cookieOf } from './app.ts';

export interface SimulationApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  demoCompanyId: string;
  /** http://127.0.0.1:PORT */
  base: string;
  dataDir: string;
  login(email?: string): Promise<string>;
  /** POST /api/simulations; throws with the body when it is not 201. */
  create(cookie: string, body?: Record<string, unknown>): Promise<{ simulation: { id: string; engine: string; scenarioId: string | null }; persona: { name: string }; engine: { name: string; serverTranscripts: boolean }; assignmentId: string | null; socketUrl: string }>;
  connect(simulationId: string, cookie?: string): Promise<WireClient>;
  close(): Promise<void>;
}

export async function startSimulationApp(
  opts: { config?: Partial<Config>; service?: Partial<Omit<SimulationServiceWiring, 'config' | 'repos' | 'quotas' | 'personas'>>; database?: Database; seed?: boolean; logger?: boolean; serveWeb?: boolean } = {},
): Promise<SimulationApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-sim-'));
  const database = opts.database ?? (await openTestDatabase());
  const config = testConfig({ DATA_DIR: dataDir, ...opts.config });
  const ctx = await createContext(config, database);
  if (opts.service) {
    await ctx.simulations.close();
    ctx.simulations = createSimulationService({ config, repos: ctx.repos, quotas: ctx.quotas, personas: ctx.personas, exclusive: true, ...opts.service });
    await ctx.simulations.recover();
    ctx.simulations.observeLive(liveObservation(ctx.live)); // managers may observe the replaced service's calls too
    ctx.onClose.push(() => ctx.simulations.close());
  }
  const demoCompanyId = opts.seed === false ? '' : await seedDemo(ctx);
  const app = await buildApp({ ctx, serveWeb: opts.serveWeb ?? false, logger: opts.logger ?? false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    ctx,
    database,
    demoCompanyId,
    base,
    dataDir,
    async login(email = 'agent1@demo.salesgym.dev') {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'salesgym-demo' } });
      if (r.statusCode !== 200) throw new Error(`login ${email} failed: ${r.statusCode} ${r.body}`);
      return cookieOf(r);
    },
    async create(cookie, body = {}) {
      const r = await app.inject({ method: 'POST', url: '/api/simulations', headers: { cookie }, payload: body });
      if (r.statusCode !== 201) throw new Error(`POST /api/simulations: ${r.statusCode} ${r.body}`);
      return r.json();
    },
    connect(simulationId, cookie) {
      return WireClient.connect(`${base.replace('http', 'ws')}/api/simulations/${simulationId}/socket`, cookie);
    },
    async close() {
      await app.close();
      if (!opts.database) await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
