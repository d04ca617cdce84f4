import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, cookieOf, type TestApp } from '../testing/app.ts';
import { testConfig } from '../config/index.ts';
import { createContext, seedDemoIfEmpty } from '../app/index.ts';
import { buildApp } from './index.ts';
import { DEMO_QUESTIONNAIRE } from '../org/index.ts';

describe('platform HTTP API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { LOGIN_MAX_FAILURES: 3, PAYMENTS_MODE: 'test' } });
  });
  afterAll(async () => t?.close());

  it('reports health with the database kind', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ok', database: 'pglite', version: expect.any(String), limits: { uploadMaxMb: 100 } });
  });

  it('signs in with an httpOnly SameSite cookie and returns the user with role and company', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'Agent2@demo.salesgym.dev', password: 'salesgym-demo' } });
    expect(r.statusCode).toBe(200);
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/sg_session=/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(r.body).not.toMatch(/password_?hash/i);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(r) } });
    expect(me.json().user).toMatchObject({ role: 'agent', email: 'agent2@demo.salesgym.dev' });
    expect(me.json().company.name).toBe('מגן ביטוחים');
  });

  it('logs out: the cookie no longer works', async () => {
    const cookie = await t.login('agent2@demo.salesgym.dev');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('rate-limits repeated failed sign-ins for an email', async () => {
    const bad = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'agent3@demo.salesgym.dev', password: 'wrong-password' } });
    for (let i = 0; i < 3; i++) expect((await bad()).statusCode).toBe(401);
    const r = await bad();
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('RATE_LIMITED');
    expect(r.headers['retry-after']).toBeDefined();
    // even the right password waits out the window
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'agent3@demo.salesgym.dev', password: 'salesgym-demo' } });
    expect(right.statusCode).toBe(429);
  });

  it('answers bad input with typed 4xx errors and no stack traces', async () => {
    const cases = [
      { req: { method: 'POST', url: '/api/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } }, status: 400, code: 'MALFORMED_JSON' },
      { req: { method: 'POST', url: '/api/auth/login', payload: { email: 42, password: [] } }, status: 400, code: 'VALIDATION_FAILED' },
      { req: { method: 'POST', url: '/api/auth/login', payload: JSON.stringify({ email: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { req: { method: 'POST', url: '/api/auth/login', payload: 'email=a', headers: { 'content-type': 'text/csv' } }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { req: { method: 'GET', url: '/api/does-not-exist' }, status: 404, code: 'ROUTE_NOT_FOUND' },
    ] as const;
    for (const c of cases) {
      const r = await t.app.inject(c.req as never);
      expect(r.statusCode, c.code).toBe(c.status);
      const body = r.json();
      expect(body.error.code).toBe(c.code);
      expect(body.error.message).toMatch(/\w{3,}/);
      expect(r.body).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
    }
  });

  it('names each invalid questionnaire field', async () => {
    const cookie = await t.login('manager@demo.salesgym.dev');
    const r = await t.app.inject({
      method: 'PUT',
      url: `/api/companies/${t.demoCompanyId}/questionnaire`,
      headers: { cookie },
      payload: { ...DEMO_QUESTIONNAIRE, benefits: ['רק אחת'], averageDealSize: -5, sector: 'space' },
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.details.fields;
    expect(Object.keys(fields).sort()).toEqual(['averageDealSize', 'benefits', 'sector']);
    expect(fields.benefits).toMatch(/three/);
  });

  it('versions questionnaire edits and keeps the history', async () => {
    const cookie = await t.login('manager@demo.salesgym.dev');
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/companies/${t.demoCompanyId}/questionnaire`,
      headers: { cookie },
      payload: { ...DEMO_QUESTIONNAIRE, averageDealSize: 2600 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().questionnaire.version).toBe(2);
    const get = await t.app.inject({ method: 'GET', url: `/api/companies/${t.demoCompanyId}/questionnaire?version=1`, headers: { cookie } });
    expect(get.json().questionnaire.data.averageDealSize).toBe(2400);
    expect(get.json().history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
  });

  it('refuses an agent past the seat quota with the way to add seats, then adds one after a paid order', async () => {
    const cookie = await t.login('manager@demo.salesgym.dev');
    const add = (i: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/companies/${t.demoCompanyId}/agents`,
        headers: { cookie },
        payload: { email: `new${i}@demo.salesgym.dev`, name: `סוכן ${i}`, password: 'a-long-password' },
      });
    const first = await add(1);
    expect(first.statusCode).toBe(201);
    const second = await add(2);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('SEAT_QUOTA_EXCEEDED');
    expect(second.json().error.message).toMatch(/seat package/);

    const pkgs = (await t.app.inject({ method: 'GET', url: '/api/packages', headers: { cookie } })).json().packages;
    const quote = await t.app.inject({ method: 'POST', url: '/api/quote', headers: { cookie }, payload: { packageId: pkgs[0].id, discountCode: 'welcome10' } });
    expect(quote.json().total.cents).toBe(Math.round(pkgs[0].priceCents * 0.9));
    const order = await t.app.inject({ method: 'POST', url: `/api/companies/${t.demoCompanyId}/orders`, headers: { cookie }, payload: { packageId: pkgs[0].id, discountCode: 'WELCOME10' } });
    expect(order.statusCode).toBe(201);
    const paid = await t.app.inject({ method: 'POST', url: `/api/orders/${order.json().order.id}/pay-test`, headers: { cookie } });
    expect(paid.json().order.status).toBe('paid');
    expect((await add(3)).statusCode).toBe(201);
  });

  it('lets an admin reset a password: old sessions end and the temporary password works', async () => {
    const admin = await t.login('admin@demo.salesgym.dev');
    const agentCookie = await t.login('agent2@demo.salesgym.dev');
    const agent = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: agentCookie } })).json().user;
    const r = await t.app.inject({ method: 'POST', url: `/api/users/${agent.id}/password-reset`, headers: { cookie: admin }, payload: {} });
    const temp = r.json().temporaryPassword;
    expect(temp.length).toBeGreaterThanOrEqual(10);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: agentCookie } })).statusCode).toBe(401);
    const again = await t.login('agent2@demo.salesgym.dev', temp);
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: again } })).json().user;
    expect(me.mustChangePassword).toBe(true);
  });
});

describe('persistence', () => {
  it('keeps data and sessions across a restart on the same PGlite data directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-restart-'));
    try {
      const config = testConfig({ DATA_DIR: dir });
      const ctx1 = await createContext(config);
      expect(await seedDemoIfEmpty(ctx1)).toBe(true);
      const app1 = await buildApp({ ctx: ctx1, serveWeb: false, logger: false });
      const login = await app1.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'manager@demo.salesgym.dev', password: 'salesgym-demo' } });
      const cookie = cookieOf(login);
      await app1.close();
      await ctx1.database.close();

      const ctx2 = await createContext(config);
      expect(await seedDemoIfEmpty(ctx2)).toBe(false);
      const app2 = await buildApp({ ctx: ctx2, serveWeb: false, logger: false });
      const me = await app2.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.email).toBe('manager@demo.salesgym.dev');
      await app2.close();
      await ctx2.database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reactivating a user', () => {
  it('needs a free seat and takes it back', async () => {
    const t = await startTestApp();
    try {
      const cookie = await t.login('manager@demo.salesgym.dev');
      const users = (await t.app.inject({ method: 'GET', url: `/api/companies/${t.demoCompanyId}/users`, headers: { cookie } })).json().users;
      const agent = users.find((u: { email: string }) => u.email === 'agent3@demo.salesgym.dev');
      const patch = (active: boolean) => t.app.inject({ method: 'PATCH', url: `/api/users/${agent.id}`, headers: { cookie }, payload: { active } });
      expect((await patch(false)).json().user.active).toBe(false);
      // fill the freed seat plus the spare one
      for (const i of [1, 2]) {
        const r = await t.app.inject({ method: 'POST', url: `/api/companies/${t.demoCompanyId}/agents`, headers: { cookie }, payload: { email: `fill${i}@x.dev`, name: `Fill ${i}`, password: 'a-long-password' } });
        expect(r.statusCode).toBe(201);
      }
      const refused = await patch(true);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('SEAT_QUOTA_EXCEEDED');
      await t.ctx.repos.companies.update(t.demoCompanyId, { seatLimit: 6 });
      const back = await patch(true);
      expect(back.json().user.active).toBe(true);
      expect((await t.ctx.repos.companies.byId(t.demoCompanyId))!.seatsUsed).toBe(6);
    } finally {
      await t.close();
    }
  });
});
