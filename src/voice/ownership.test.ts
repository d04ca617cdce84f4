/**
 * Leases of live calls (ownership.ts) and the live list built on them (src/live/directory.ts), with two nodes
 * sharing one database: on PGlite always, on PostgreSQL when DATABASE_URL is set. The owner's liveness check is
 * a seam here (the cluster suite kills real processes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/index.ts';
import { createRepositories, type Database, type Repositories, type SimulationRow } from '../db/index.ts';
import { createOrgService } from '../org/index.ts';
import { LeaseLiveDirectory } from '../live/directory.ts';
import { openTestDatabase, testDbKinds } from '../testing/db.ts';
import { loadResume, SessionElsewhereError, SessionOwnership } from './ownership.ts';

for (const kind of testDbKinds()) {
  describe(`session ownership on ${kind}`, () => {
    let database: Database;
    let repos: Repositories;
    let companyId: string;
    let agentId: string;
    const alive = new Set<string>();
    const probe = async (_url: string, nodeId: string) => alive.has(nodeId);
    const node = (id: string) => new SessionOwnership({ repo: repos.cluster, nodeId: id, probe, renewMs: 60_000 });

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      repos = createRepositories(database);
      const org = createOrgService(repos);
      const { company } = await org.createCompany({ name: 'Lease Co' });
      companyId = company.id;
      agentId = (await org.addMember(company.id, { email: `lease-${newId()}@x.dev`, name: 'Leaser', password: 'longpassword1', role: 'agent' })).id;
      for (const id of ['node-a', 'node-b', 'node-c']) await repos.cluster.registerNode({ id, url: `http://${id}.test`, multiNode: true });
    });
    afterAll(async () => database?.close());

    const simulation = async (status: 'connecting' | 'active' = 'connecting'): Promise<SimulationRow> =>
      repos.simulations.insert({
        id: newId(),
        companyId,
        agentUserId: agentId,
        scenarioType: 'objection_handling',
        scenarioSnapshot: {},
        personaSnapshot: {},
        engine: 'text',
        mode: 'text',
        language: 'he',
        status,
        seed: 1,
        secondsUsed: 0,
        nodeId: 'node-a',
        heartbeatAt: new Date(),
        ...(status === 'active' ? { startedAt: new Date(Date.now() - 30_000) } : {}),
      });

    it('gives a call to the first node, and to another only when the owner is gone', async () => {
      alive.clear();
      alive.add('node-a');
      alive.add('node-b');
      const row = await simulation();
      expect(await node('node-a').claim(row)).toEqual({ kind: 'owned', takenOverFrom: null });
      // the owner is alive: the other node refuses it (the page reconnects; the balancer routes by id)
      await expect(node('node-b').claim({ ...row, status: 'active' })).rejects.toBeInstanceOf(SessionElsewhereError);
      expect((await repos.cluster.lease(row.id))?.nodeId).toBe('node-a');
      // node-a died: node-b takes it over at once, without waiting for the lease to run out
      alive.delete('node-a');
      const b = node('node-b');
      expect(await b.claim({ ...row, status: 'active' })).toEqual({ kind: 'owned', takenOverFrom: 'node-a' });
      expect(await repos.cluster.lease(row.id)).toMatchObject({ nodeId: 'node-b', takeovers: 1 });
      expect(b.takeovers.map((t) => t.from)).toEqual(['node-a']);
      // the old owner (if it was only slow) learns at its next renewal that the call is no longer its own
      expect(await repos.cluster.renew([row.id], 'node-a', 15_000)).toEqual([]);
      expect(await repos.cluster.renew([row.id], 'node-b', 15_000)).toEqual([row.id]);
    });

    it('lets exactly one of several live nodes take over a dead owner’s call', async () => {
      alive.clear();
      alive.add('node-b');
      alive.add('node-c');
      const row = await simulation();
      await node('node-a').claim(row);
      const results = await Promise.allSettled(['node-b', 'node-c', 'node-b', 'node-c'].map((id) => node(id).claim({ ...row, status: 'active' })));
      const won = results.filter((r) => r.status === 'fulfilled');
      // the same node asking twice is fine (it holds the lease); two different nodes never both win
      const winners = new Set((await Promise.all(won.map(async () => (await repos.cluster.lease(row.id))!.nodeId))));
      expect(winners.size).toBe(1);
      const lease = (await repos.cluster.lease(row.id))!;
      expect(['node-b', 'node-c']).toContain(lease.nodeId);
      expect(lease.takeovers).toBe(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(SessionElsewhereError);
    });

    it('takes over a started call whose owner died before writing its lease', async () => {
      alive.clear();
      const row = await simulation('active');
      expect(await node('node-b').claim(row)).toEqual({ kind: 'owned', takenOverFrom: 'node-a' });
      alive.add('node-a');
      const other = await simulation('active');
      await expect(node('node-b').claim(other)).rejects.toBeInstanceOf(SessionElsewhereError);
    });

    it('rebuilds a call from the database: turns in order, their sequence, the difficulty in force, the clock', async () => {
      const row = await simulation('active');
      const turns = [
        { id: 't1', seq: 1, speaker: 'agent' as const, text: 'שלום', startMs: 1000, endMs: 2000, interrupted: false, engine: 'text' },
        { id: 'c1', seq: 2, speaker: 'customer' as const, text: 'מי זה?', startMs: 2500, endMs: 3500, interrupted: false, engine: 'text' },
        { id: 't2', seq: 3, speaker: 'agent' as const, text: '', startMs: 4000, endMs: 5000, interrupted: false, engine: 'text', inaudible: true },
      ];
      for (const t of turns) await repos.simulations.upsertTurn(row.id, t);
      await repos.simulations.appendEvent(row.id, 1500, 'difficulty', { level: 'challenging', reason: 'confident' });
      await repos.simulations.appendEvent(row.id, 4500, 'difficulty', { level: 'supportive', reason: 'struggling' });
      const r = await loadResume(repos, row, row.startedAt!.getTime() + 42_000);
      expect(r.turns.map((t) => [t.id, t.speaker, t.text, t.inaudible ?? false])).toEqual([
        ['t1', 'agent', 'שלום', false],
        ['c1', 'customer', 'מי זה?', false],
        ['t2', 'agent', '', true],
      ]);
      expect(r.history).toEqual([
        { role: 'agent', text: 'שלום' },
        { role: 'customer', text: 'מי זה?' },
      ]);
      expect(r.seqs).toEqual([
        ['t1', 1],
        ['c1', 2],
        ['t2', 3],
      ]);
      expect(r.directive).toEqual({ level: 'supportive' });
      expect(r.elapsedMs).toBe(42_000);
    });

    it('lists every node’s calls of a company from the leases; only the holder writes or removes its row', async () => {
      alive.clear();
      const a = new LeaseLiveDirectory(repos.cluster, 'node-a');
      const b = new LeaseLiveDirectory(repos.cluster, 'node-b');
      const onA = await simulation();
      const onB = await simulation();
      await node('node-a').claim(onA);
      await node('node-b').claim(onB);
      const base = { companyId, agentUserId: agentId, scenarioId: null, startedAt: new Date().toISOString(), mood: 'skeptical', scoreSoFar: null, observers: 0 };
      await a.register({ ...base, simulationId: onA.id, node: 'node-a', scenarioName: 'התנגדות מחיר', personaName: 'דנה', language: 'he', mode: 'text' });
      await b.register({ ...base, simulationId: onB.id, node: 'node-b' });
      await a.update(onA.id, { mood: 'interested', scoreSoFar: 64, observers: 1 });
      // node-b does not hold onA: its write changes nothing
      await b.update(onA.id, { mood: 'angry' });
      await b.unregister(onA.id);
      const listed = await b.list(companyId);
      const mine = listed.filter((s) => s.simulationId === onA.id || s.simulationId === onB.id);
      expect(mine.map((s) => [s.simulationId, s.node])).toEqual(
        expect.arrayContaining([
          [onA.id, 'node-a'],
          [onB.id, 'node-b'],
        ]),
      );
      expect(await b.get(onA.id)).toMatchObject({ node: 'node-a', mood: 'interested', scoreSoFar: 64, observers: 1, scenarioName: 'התנגדות מחיר', personaName: 'דנה', language: 'he', mode: 'text' });
      expect(await a.list(newId())).toEqual([]);
      await a.unregister(onA.id);
      expect(await b.get(onA.id)).toBeNull();
      // an ended call leaves the list even before its lease is released
      await repos.simulations.finish(onB.id, { status: 'ended', outcome: 'no_outcome', endReason: 'agent_ended', durationMs: 1000 });
      expect((await a.list(companyId)).some((s) => s.simulationId === onB.id)).toBe(false);
    });
  });
}
