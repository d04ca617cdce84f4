/**
 * The multi-node test harness (issue 17): a throw-away PostgreSQL, redis-server, N app nodes (child processes
 * running the real `bin/salesgym.mjs start`, as `npm start` does) and HAProxy with deploy/haproxy.cfg, all on
 * free loopback ports. Nodes can be killed with SIGKILL and started again. Every process and directory is
 * removed by `stop()`. Needs the Debian packages postgresql, redis-server and haproxy (`clusterTools`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolPath, type Tool } from './tools.ts';
import { WireClient } from '../voice/wire-client.ts';
import type { ClientMessageInput, ServerMessage } from '../voice/protocol.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HAPROXY_CFG = path.join(REPO_ROOT, 'deploy/haproxy.cfg');
/** The system tools a cluster needs. */
export const clusterTools: Tool[] = ['postgres', 'redis-server', 'haproxy'];

/** A free TCP port on 127.0.0.1 (the kernel's choice; released before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, proc?: ChildProcess, logs?: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode} before it was ready:\n${logs?.() ?? ''}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what} was not ready within ${timeoutMs / 1000} s:\n${logs?.() ?? ''}`);
    await sleep(100);
  }
}

/** Keeps the last `max` characters a child wrote (for error messages). */
function tail(proc: ChildProcess, max = 8000): () => string {
  let buf = '';
  const add = (d: Buffer) => {
    buf = (buf + d.toString()).slice(-max);
  };
  proc.stdout?.on('data', add);
  proc.stderr?.on('data', add);
  return () => buf;
}

function stopChild(p: ChildProcess | null, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
  if (!p || p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => p.kill('SIGKILL'), graceMs);
    p.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    p.kill(signal);
  });
}

// ── PostgreSQL ──────────────────────────────────────────────────────────────

export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

/** A throw-away PostgreSQL cluster (scripts/pg-start.sh: initdb + pg_ctl as the postgres user). */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-cluster-pg-'));
  const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts/pg-start.sh'), dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PostgreSQL did not start: ${r.stderr || r.stdout}`);
  const url = r.stdout.trim().split('\n').at(-1)!;
  const bin = path.dirname(toolPath('postgres')!);
  return {
    url,
    async stop() {
      spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', path.join(dir, 'data'), '-m', 'immediate', 'stop'], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ── Redis ───────────────────────────────────────────────────────────────────

export interface RedisServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** redis-server on a free loopback port, nothing persisted. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const proc = spawn(toolPath('redis-server')!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = tail(proc);
  await waitFor('redis-server', () => tcpOpen(port), 10_000, proc, logs);
  return { url: `redis://127.0.0.1:${port}`, port, process: proc, stop: () => stopChild(proc) };
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

// ── app nodes ───────────────────────────────────────────────────────────────

export interface AppNode {
  id: string;
  port: number;
  url: string;
  dataDir: string;
  readonly process: ChildProcess | null;
  /** What the node printed (last 8 KB). */
  logs(): string;
  start(): Promise<void>;
  /** kill -9. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface NodeOptions {
  id: string;
  env: Record<string, string>;
  /** How long start() waits for /api/health (default 90 s: migrations and the demo seed on a loaded machine). */
  startTimeoutMs?: number;
  /** DATA_DIR shared with other nodes (uploads, recordings), kept by stop(); default: a directory of its own. */
  dataDir?: string;
  /** Serve the built web client (dist/web must exist); default false (`--no-web`). */
  web?: boolean;
}

/** One app node: `node --max-semi-space-size=8 bin/salesgym.mjs start --no-web`, as `npm start` runs it. */
export async function appNode(o: NodeOptions): Promise<AppNode> {
  const port = await freePort();
  const dataDir = o.dataDir ?? mkdtempSync(path.join(os.tmpdir(), `sg-cluster-${o.id}-`));
  let proc: ChildProcess | null = null;
  let logs: () => string = () => '';
  const url = `http://127.0.0.1:${port}`;
  const node: AppNode = {
    id: o.id,
    port,
    url,
    dataDir,
    get process() {
      return proc;
    },
    logs: () => logs(),
    async start() {
      const env = { ...process.env, LOG_LEVEL: 'warn', SALESGYM_DEMO_AUDIO: 'false', ...o.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ID: o.id, NODE_URL: url };
      proc = spawn(process.execPath, ['--max-semi-space-size=8', path.join(REPO_ROOT, 'bin/salesgym.mjs'), 'start', ...(o.web ? [] : ['--no-web'])], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      logs = tail(proc);
      const p = proc;
      await waitFor(`node ${o.id}`, async () => (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok, o.startTimeoutMs ?? 90_000, p, logs);
    },
    async kill() {
      await stopChild(proc, 'SIGKILL');
    },
    async stop() {
      await stopChild(proc);
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return node;
}

// ── HAProxy ─────────────────────────────────────────────────────────────────

export interface Haproxy {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** HAProxy with deploy/haproxy.cfg in front of `nodes` (SG_NODE1, SG_NODE2…). */
export async function startHaproxy(nodes: Array<{ port: number }>): Promise<Haproxy> {
  const port = await freePort();
  const env: Record<string, string> = { ...process.env, SG_LISTEN: `127.0.0.1:${port}` } as Record<string, string>;
  nodes.forEach((n, i) => (env[`SG_NODE${i + 1}`] = `127.0.0.1:${n.port}`));
  const proc = spawn(toolPath('haproxy')!, ['-db', '-f', HAPROXY_CFG], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = tail(proc);
  await waitFor('haproxy', () => tcpOpen(port), 10_000, proc, logs);
  return { url: `http://127.0.0.1:${port}`, port, stop: () => stopChild(proc) };
}

// ── the whole cluster ───────────────────────────────────────────────────────

export interface Cluster {
  postgres: PostgresServer;
  redis: RedisServer;
  nodes: AppNode[];
  haproxy: Haproxy;
  /** The address clients use (HAProxy). */
  url: string;
  node(id: string): AppNode;
  stop(): Promise<void>;
}

/**
 * PostgreSQL + Redis + `nodes` app nodes + HAProxy. The nodes start at the same time (their migrations meet
 * under the advisory lock); the first seeds the demo company (`SALESGYM_DEMO` on it only).
 */
export async function startCluster(o: { nodes?: number; env?: Record<string, string>; web?: boolean } = {}): Promise<Cluster> {
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    const postgres = await startPostgres();
    started.push(postgres);
    const redis = await startRedis();
    started.push(redis);
    // one DATA_DIR for all nodes, as deploy/compose.yaml mounts one volume: any node's worker reads any upload,
    // and a call taken over goes on in the recording its first node began
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-cluster-data-'));
    started.push({ stop: async () => rmSync(dataDir, { recursive: true, force: true }) });
    const nodes: AppNode[] = [];
    for (let i = 0; i < (o.nodes ?? 2); i++) {
      const id = `node-${String.fromCharCode(97 + i)}`;
      const n = await appNode({ id, dataDir, web: o.web, env: { DATABASE_URL: postgres.url, REDIS_URL: redis.url, SALESGYM_DEMO: i === 0 ? 'true' : 'false', ...o.env } });
      nodes.push(n);
      started.push(n);
    }
    await Promise.all(nodes.map((n) => n.start()));
    const haproxy = await startHaproxy(nodes);
    started.push(haproxy);
    // HAProxy's health checks mark every node up before the first request
    await waitFor('haproxy backends', async () => (await fetch(`${haproxy.url}/api/health`)).ok, 10_000);
    return {
      postgres,
      redis,
      nodes,
      haproxy,
      url: haproxy.url,
      node: (id) => nodes.find((n) => n.id === id)!,
      stop: () => stopAll(started),
    };
  } catch (e) {
    await stopAll(started);
    throw e;
  }
}

async function stopAll(list: Array<{ stop(): Promise<void> }>): Promise<void> {
  for (const s of [...list].reverse()) await s.stop().catch(() => undefined);
}

// ── a page's socket that comes back by itself ───────────────────────────────


/**
 * What the practice page's LiveCall does with its socket, in Node: on an abnormal close (the node died, 4409
 * "runs on another node") it reconnects every `retryMs` through the same address until `giveUpMs`; messages of
 * every socket are kept in order. Closes 1000 (ended) and 4404 (gone) are final.
 */
export class ReconnectingClient {
  readonly messages: Array<{ at: number; socket: number; m: ServerMessage }> = [];
  /** Every close seen: when, its code, and when the next socket opened. */
  readonly closes: Array<{ at: number; code: number; reopenedAt: number | null }> = [];
  private client: WireClient | null = null;
  private sockets = 0;
  private stopped = false;

  private constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly o: { retryMs: number; giveUpMs: number },
  ) {}

  static async open(url: string, cookie: string, o: { retryMs?: number; giveUpMs?: number } = {}): Promise<ReconnectingClient> {
    const c = new ReconnectingClient(url, cookie, { retryMs: o.retryMs ?? 250, giveUpMs: o.giveUpMs ?? 30_000 });
    await c.connect();
    return c;
  }

  private async connect(): Promise<void> {
    const client = await WireClient.connect(this.url, this.cookie);
    const socket = ++this.sockets;
    this.client = client;
    client.onMessage((m) => this.messages.push({ at: performance.now(), socket, m }));
    void client.closed.then(({ code }) => {
      if (this.client !== client) return;
      const close = { at: performance.now(), code, reopenedAt: null as number | null };
      this.closes.push(close);
      if (this.stopped || code === 1000 || code === 4404) return;
      void this.retry(close);
    });
  }

  private async retry(close: { at: number; reopenedAt: number | null }): Promise<void> {
    while (!this.stopped && performance.now() - close.at < this.o.giveUpMs) {
      await sleep(this.o.retryMs);
      try {
        await this.connect();
        close.reopenedAt = performance.now();
        return;
      } catch {
        /* the balancer has no live node yet */
      }
    }
  }

  send(m: ClientMessageInput): void {
    this.client?.send(m);
  }

  of<T extends ServerMessage['type']>(type: T): Array<Extract<ServerMessage, { type: T }>> {
    return this.messages.filter((x) => x.m.type === type).map((x) => x.m as Extract<ServerMessage, { type: T }>);
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.client?.close();
  }
}
