import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadConfig, ConfigError, type Config } from '../config/index.ts';
import { createContext, seedDemoIfEmpty, demoBanner } from '../app/index.ts';
import { buildApp, WEB_DIST } from '../http/index.ts';
import { startBackground } from './background.ts';
import { ClusterRefusal, clusterConfigProblem, isMultiNode, joinCluster, lockEmbeddedDatabase, nodeUrlOf } from '../live/index.ts';
import { nodeIdOf, probeNode } from '../voice/index.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Reads the configuration or prints which variable is wrong. */
export function configOrExit(io: Io): Config | null {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return null;
    }
    throw e;
  }
}

/** Builds the web client when dist/web is missing. */
export function ensureWebBuilt(io: Io): boolean {
  if (existsSync(path.join(WEB_DIST, 'index.html'))) return true;
  io.out('Building the web client (first start only)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  return r.status === 0;
}

/** `salesgym start [--no-web]`: the whole app on one port. */
export async function runStart(argv: string[], io: Io): Promise<number> {
  const config = configOrExit(io);
  if (!config) return 1;
  const serveWeb = !argv.includes('--no-web');
  if (serveWeb && !ensureWebBuilt(io)) {
    io.err('Building the web client failed (see above).');
    return 1;
  }
  // multi-node mode (REDIS_URL): PostgreSQL and Redis required, one process per embedded database (src/live/cluster.ts)
  const problem = clusterConfigProblem(config);
  if (problem) {
    io.err(problem);
    return 1;
  }
  let unlock = () => {};
  let leave = async () => {};
  try {
    if (!config.DATABASE_URL) unlock = lockEmbeddedDatabase(config.DATA_DIR);
  } catch (e) {
    if (!(e instanceof ClusterRefusal)) throw e;
    io.err(e.message);
    return 1;
  }
  const ctx = await createContext(config);
  if (ctx.database.kind === 'postgres') {
    try {
      leave = await joinCluster({ repo: ctx.repos.cluster, nodeId: nodeIdOf(config), url: nodeUrlOf(config), multiNode: isMultiNode(config), redisUrl: config.REDIS_URL, probe: probeNode });
    } catch (e) {
      if (!(e instanceof ClusterRefusal)) throw e;
      io.err(e.message);
      await ctx.database.close();
      return 1;
    }
  }
  const seeded = config.SALESGYM_DEMO ? await seedDemoIfEmpty(ctx) : false;
  const app = await buildApp({ ctx, serveWeb });
  await startBackground(ctx);
  await app.listen({ port: config.PORT, host: config.HOST });
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${path.resolve(config.DATA_DIR, 'pgdata')}`;
  io.out(`\nSalesGym is running at http://localhost:${config.PORT}  (database: ${where}${isMultiNode(config) ? `; node ${nodeIdOf(config)} of several, live events over Redis` : ''})`);
  if (seeded) io.out('Seeded the demo company.');
  if (config.SALESGYM_DEMO && (await ctx.repos.companies.findDemo())) io.out(demoBanner());
  const stop = async () => {
    await app.close();
    await leave();
    await ctx.database.close();
    unlock();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return await new Promise<number>(() => {});
}
