import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testDbKinds, openTestDatabase } from '../testing/db.ts';
import { createRepositories, runMigrations, type Database } from './index.ts';
import { createOrgService, createQuotaService, createBillingService } from '../org/index.ts';
import { newId } from '../core/index.ts';
import { listMigrations } from './migrate.ts';
const listMigrationsCount = () => listMigrations().length;

// One repository suite, run on PGlite always and on real PostgreSQL when DATABASE_URL is set.
for (const kind of testDbKinds()) {
  describe(`repositories on ${kind}`, () => {
    let database: Database;
    let repos: ReturnType<typeof createRepositories>;
    let org: ReturnType<typeof createOrgService>;

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      repos = createRepositories(database);
      org = createOrgService(repos);
    });
    afterAll(async () => database?.close());

    it('applies migrations idempotently', async () => {
      const { listMigrations } = await import('./migrate.ts');
      const rows = await database.rows<{ name: string }>((await import('drizzle-orm')).sql`SELECT name FROM schema_migrations ORDER BY name`);
      expect(rows.map((r) => r.name)).toEqual(listMigrations().map((m) => m.name));
    });

    it('gives exactly one of 50 racing requests the last analysis unit', async () => {
      const { company } = await org.createCompany({ name: 'Race Co', analysesPerMonth: 10 });
      const agent = await org.addMember(company.id, { email: `race-${newId()}@x.dev`, name: 'Racer', password: 'longpassword1', role: 'agent' });
      const quotas = createQuotaService(repos);
      for (let i = 0; i < 9; i++) await quotas.consume(agent, 'analyses');
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => quotas.consume(agent, 'analyses')));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(49);
      expect(lost[0].reason.code).toBe('USAGE_QUOTA_EXCEEDED');
      expect(await repos.usage.get(company.id, 'company', 'analyses')).toBe(10);
    });

    it('enforces a per-agent cap below the company allowance, atomically', async () => {
      const { company } = await org.createCompany({ name: 'Cap Co', analysesPerMonth: 100 });
      const agent = await org.addMember(company.id, { email: `cap-${newId()}@x.dev`, name: 'Capped', password: 'longpassword1', role: 'agent' });
      await repos.users.update(agent.id, { analysesCap: 3 });
      const capped = (await repos.users.byId(agent.id))!;
      const quotas = createQuotaService(repos);
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => quotas.consume(capped, 'analyses')));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      // the company counter was rolled back for the denied requests
      expect(await repos.usage.get(company.id, 'company', 'analyses')).toBe(3);
      const denied = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(denied.reason.details.scope).toBe('user');
    });

    it('lets 20 racing adds take only the free seats', async () => {
      const { company } = await org.createCompany({ name: 'Seat Co', seatLimit: 3 });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => org.addMember(company.id, { email: `s${i}-${newId()}@x.dev`, name: `Agent ${i}`, password: 'longpassword1', role: 'agent' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason.code).toBe('SEAT_QUOTA_EXCEEDED');
      expect(refused.reason.message).toMatch(/seat package/i);
      expect((await repos.companies.byId(company.id))!.seatsUsed).toBe(3);
      expect(await repos.users.listByCompany(company.id)).toHaveLength(3);
    });

    it('frees a seat when a user is deactivated', async () => {
      const { company } = await org.createCompany({ name: 'Free Co', seatLimit: 1 });
      const a = await org.addMember(company.id, { email: `f-${newId()}@x.dev`, name: 'First', password: 'longpassword1', role: 'agent' });
      await expect(org.addMember(company.id, { email: `g-${newId()}@x.dev`, name: 'Second', password: 'longpassword1', role: 'agent' })).rejects.toMatchObject({ code: 'SEAT_QUOTA_EXCEEDED' });
      await repos.users.deactivate(a.id);
      await expect(org.addMember(company.id, { email: `h-${newId()}@x.dev`, name: 'Third', password: 'longpassword1', role: 'agent' })).resolves.toBeTruthy();
    });

    it('keeps every questionnaire version', async () => {
      const { company } = await org.createCompany({ name: 'Q Co' });
      const { DEMO_QUESTIONNAIRE } = await import('../org/index.ts');
      const v1 = await org.saveQuestionnaire(company.id, DEMO_QUESTIONNAIRE, null);
      const v2 = await org.saveQuestionnaire(company.id, { ...DEMO_QUESTIONNAIRE, averageDealSize: 3000 }, null);
      expect([v1.version, v2.version]).toEqual([1, 2]);
      expect((await org.questionnaire(company.id, 1))!.data.averageDealSize).toBe(2400);
      expect((await org.questionnaire(company.id))!.data.averageDealSize).toBe(3000);
      expect(await repos.questionnaires.history(company.id)).toHaveLength(2);
    });

    it('raises the seat limit once when an order is paid, and uses a limited code at most its uses', async () => {
      const billing = createBillingService(repos);
      const { company } = await org.createCompany({ name: 'Buy Co', seatLimit: 2 });
      const pkg = await repos.billing.insertPackage({ id: newId(), name: '5 seats', seats: 5, priceCents: 10_000, currency: 'ILS', active: true });
      const code = `TEN${Math.random().toString(36).slice(2, 8)}`;
      await repos.billing.insertCode({ id: newId(), code, kind: 'percent', value: 10, maxUses: 2, uses: 0, active: true });
      const orders = await Promise.allSettled(Array.from({ length: 6 }, () => billing.createOrder(company.id, pkg.id, code, null)));
      const ok = orders.filter((o) => o.status === 'fulfilled') as PromiseFulfilledResult<Awaited<ReturnType<typeof billing.createOrder>>>[];
      expect(ok).toHaveLength(2);
      expect(ok[0].value.totalCents).toBe(9_000);
      await billing.markPaid(ok[0].value.id, null, 'test');
      await expect(billing.markPaid(ok[0].value.id, null, 'test')).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await repos.companies.byId(company.id))!.seatLimit).toBe(7);
    });

    if (kind === 'postgres') it('serialises migrations of nodes starting together (advisory lock)', async () => {
      const { createEmptyPostgresDatabase } = await import('../testing/db.ts');
      const { openDatabase } = await import('./driver.ts');
      const empty = await createEmptyPostgresDatabase();
      try {
        const nodes = await Promise.all([0, 1, 2, 3].map(() => openDatabase({ url: empty.url, poolSize: 2 })));
        const rows = await nodes[0].rows<{ name: string; n: number }>(
          (await import('drizzle-orm')).sql`SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name`,
        );
        expect(rows.length).toBe(listMigrationsCount());
        expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
        await Promise.all(nodes.map((n) => n.close()));
      } finally {
        await empty.drop();
      }
    });
  });
}
