/** Multi-node start-up rules (cluster.ts): what is refused, with a message that says what to change. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Database, type Repositories } from '../db/index.ts';
import { openTestDatabase } from '../testing/db.ts';
import { ClusterRefusal, clusterConfigProblem, joinCluster, lockEmbeddedDatabase, pingRedis } from './cluster.ts';

describe('multi-node start-up rules', () => {
  let database: Database;
  let repos: Repositories;
  const answering = new Set<string>();
  const probe = async (_url: string, id: string) => answering.has(id);
  const join = (id: string, multiNode: boolean) => joinCluster({ repo: repos.cluster, nodeId: id, url: `http://${id}.test:3000`, multiNode, probe });

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    repos = createRepositories(database);
  });
  afterAll(async () => database?.close());

  it('refuses REDIS_URL without PostgreSQL, and accepts one node on either database', () => {
    expect(clusterConfigProblem({ REDIS_URL: 'redis://r:6379' })).toMatch(/REDIS_URL is set, so this node would join several others, but DATABASE_URL is not/);
    expect(clusterConfigProblem({ REDIS_URL: 'redis://r:6379', DATABASE_URL: 'postgres://db/x' })).toBeNull();
    expect(clusterConfigProblem({})).toBeNull();
    expect(clusterConfigProblem({ DATABASE_URL: 'postgres://db/x' })).toBeNull();
  });

  it('refuses a second process on one embedded database, and takes over the lock a killed one left', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-lock-'));
    try {
      // another live process holds it
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
      try {
        const release = lockEmbeddedDatabase(dir, other.pid!);
        expect(() => lockEmbeddedDatabase(dir)).toThrow(/Another SalesGym node \(process \d+\) already runs on the embedded database/);
        expect(() => lockEmbeddedDatabase(dir)).toThrow(ClusterRefusal);
        release();
      } finally {
        other.kill('SIGKILL');
        await new Promise((r) => other.once('exit', r));
      }
      // its process is gone: the lock is stale and ours to take
      const release = lockEmbeddedDatabase(dir);
      expect(readFileSync(path.join(dir, 'pgdata.pid'), 'utf8')).toBe(String(process.pid));
      release();
      expect(() => readFileSync(path.join(dir, 'pgdata.pid'))).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a node without Redis beside a live node, a multi-node node beside a single one, and a NODE_ID in use', async () => {
    await join('solo', false);
    answering.add('solo');
    await expect(join('second', false)).rejects.toThrow(/Another SalesGym node \(solo at http:\/\/solo\.test:3000\) is running on this database\. Several nodes need REDIS_URL/);
    await expect(join('multi', true)).rejects.toThrow(/Node solo \(http:\/\/solo\.test:3000\) runs on this database without REDIS_URL/);
    await expect(join('solo', false)).rejects.toThrow(/NODE_ID solo is already used by a running node/);
    const leave = await join('solo-restarted-elsewhere', false).catch((e: Error) => e);
    expect(leave).toBeInstanceOf(ClusterRefusal);
    await repos.cluster.removeNode('solo');
    answering.clear();
    // several multi-node nodes live side by side; a restarted node (same id, nothing answers as it) comes back
    await join('a', true);
    answering.add('a');
    const leaveB = await join('b', true);
    answering.delete('a');
    await expect(join('a', true)).resolves.toBeTypeOf('function');
    expect((await repos.cluster.liveNodes({ except: 'none', withinMs: 60_000 })).map((n) => n.id).sort()).toEqual(['a', 'b']);
    await leaveB();
    expect((await repos.cluster.node('b'))).toBeUndefined();
  });

  it('refuses a Redis that does not answer, naming it without its password', async () => {
    await expect(pingRedis('redis://:secret@127.0.0.1:1', 2000)).rejects.toThrow(/Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 \(REDIS_URL\) does not answer/);
  });
});
