/**
 * Multi-node mode (issue 17). A node is in a cluster when REDIS_URL is set: it then needs PostgreSQL
 * (DATABASE_URL) and a reachable Redis, and registers in `cluster_nodes` (migration 0012) with the address the
 * other nodes reach it at (NODE_URL). Refused at start, with the reason:
 *   - REDIS_URL without DATABASE_URL (PGlite belongs to one process);
 *   - a second process on the same embedded database (DATA_DIR/pgdata);
 *   - a node without REDIS_URL while another node is live on the same PostgreSQL, or a multi-node node while a
 *     single-node one is (live events would not cross);
 *   - a NODE_ID that a running node already answers to;
 *   - Redis not answering.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import type { ClusterRepo } from '../db/index.ts';
import { redact } from './redis-bus.ts';

/** Start-up refused: the message says what to change. */
export class ClusterRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterRefusal';
  }
}

/** A node not seen for this long is not running (nodes touch their row every 5 s). */
export const NODE_LIVE_MS = 15_000;
const GUIDE = 'see deploy/README.md';

export const isMultiNode = (c: Pick<Config, 'REDIS_URL'>): boolean => Boolean(c.REDIS_URL);

/** Where other nodes reach this one. */
export function nodeUrlOf(c: Pick<Config, 'NODE_URL' | 'PORT'>): string {
  return c.NODE_URL ?? `http://${os.hostname()}:${c.PORT}`;
}

/** Configuration that cannot run several nodes; null when fine. */
export function clusterConfigProblem(c: Pick<Config, 'REDIS_URL' | 'DATABASE_URL'>): string | null {
  if (c.REDIS_URL && !c.DATABASE_URL)
    return `REDIS_URL is set, so this node would join several others, but DATABASE_URL is not: the embedded database (PGlite) belongs to one process. Set DATABASE_URL to the PostgreSQL all nodes share, or unset REDIS_URL for a single node (${GUIDE}).`;
  return null;
}

/**
 * The embedded database is one process's: a second `salesgym start` on the same DATA_DIR is refused. Returns a
 * function that frees the lock (a lock left by a killed process is taken over).
 */
export function lockEmbeddedDatabase(dataDir: string, pid = process.pid): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'pgdata.pid');
  let other: number | null = null;
  try {
    other = Number(readFileSync(file, 'utf8').trim()) || null;
  } catch {
    /* no lock */
  }
  if (other && other !== pid && running(other))
    throw new ClusterRefusal(
      `Another SalesGym node (process ${other}) already runs on the embedded database in ${path.resolve(dataDir, 'pgdata')}. PGlite belongs to one process: several nodes need DATABASE_URL (PostgreSQL) and REDIS_URL (${GUIDE}).`,
    );
  writeFileSync(file, String(pid));
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(pid)) rmSync(file);
    } catch {
      /* already gone */
    }
  };
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface JoinOptions {
  repo: Pick<ClusterRepo, 'registerNode' | 'liveNodes' | 'node' | 'removeNode' | 'pruneNodes'>;
  nodeId: string;
  url: string;
  multiNode: boolean;
  redisUrl?: string;
  /** Does the node at url answer as nodeId (default: GET url/api/health). */
  probe: (url: string, nodeId: string) => Promise<boolean>;
}

/** Registers this node, after checking it may run beside the others. Returns a function that deregisters it. */
export async function joinCluster(o: JoinOptions): Promise<() => Promise<void>> {
  const same = await o.repo.node(o.nodeId);
  if (same && Date.now() - same.seenAt.getTime() < NODE_LIVE_MS && (await o.probe(same.url, o.nodeId)))
    throw new ClusterRefusal(`NODE_ID ${o.nodeId} is already used by a running node at ${same.url}; give each node its own NODE_ID (${GUIDE}).`);
  const others = (await o.repo.liveNodes({ except: o.nodeId, withinMs: NODE_LIVE_MS })).filter((n) => n.id !== o.nodeId);
  if (!o.multiNode && others.length > 0) {
    const n = others[0];
    throw new ClusterRefusal(
      `Another SalesGym node (${n.id} at ${n.url}) is running on this database. Several nodes need REDIS_URL on every node, so live calls and the manager's live view cross nodes (${GUIDE}).`,
    );
  }
  const single = others.find((n) => !n.multiNode);
  if (o.multiNode && single)
    throw new ClusterRefusal(`Node ${single.id} (${single.url}) runs on this database without REDIS_URL; set REDIS_URL on every node, then start them again (${GUIDE}).`);
  if (o.multiNode && o.redisUrl) await pingRedis(o.redisUrl);
  await o.repo.pruneNodes(24 * 3_600_000);
  await o.repo.registerNode({ id: o.nodeId, url: o.url, multiNode: o.multiNode });
  return () => o.repo.removeNode(o.nodeId).catch(() => undefined);
}

/** Redis answers PING within `timeoutMs`, or ClusterRefusal. */
export async function pingRedis(url: string, timeoutMs = 5000): Promise<void> {
  const r = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    throw new ClusterRefusal(`Redis at ${redact(url)} (REDIS_URL) does not answer: ${(e as Error).message}. Several nodes need it for live calls (${GUIDE}).`);
  } finally {
    r.disconnect();
  }
}
