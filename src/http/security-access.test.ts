/**
 * Security suite (issue 15), access rules: the role hierarchy, test payments, malformed ids, control characters,
 * and one answer for "missing" and "not yours". Each case reproduces a hole the probe found.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { testDbKinds } from '../testing/db.ts';
import { newId } from '../core/index.ts';

for (const kind of testDbKinds()) {
  describe(`security: access rules on ${kind}`, () => {
    let t: TestApp;
    let owner: string, admin: string, manager: string, agent: string;
    let ownerId: string, adminId: string, managerId: string;
    const req = (method: string, url: string, cookie: string, payload?: unknown) =>
      t.app.inject({ method: method as 'POST', url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

    beforeAll(async () => {
      t = await startTestApp({ kind });
      [owner, admin, manager, agent] = await Promise.all(
        ['owner', 'admin', 'manager', 'agent1'].map((n) => t.login(`${n}@demo.salesgym.dev`)),
      );
      ownerId = (await t.ctx.repos.users.byEmail('owner@demo.salesgym.dev'))!.id;
      adminId = (await t.ctx.repos.users.byEmail('admin@demo.salesgym.dev'))!.id;
      managerId = (await t.ctx.repos.users.byEmail('manager@demo.salesgym.dev'))!.id;
    });
    afterAll(async () => t?.close());

    it('an admin can neither reset the super admin’s password nor deactivate them', async () => {
      const reset = await req('POST', `/api/users/${ownerId}/password-reset`, admin, { password: 'taken-over-123' });
      expect(reset.statusCode).toBe(403);
      const off = await req('PATCH', `/api/users/${ownerId}`, admin, { active: false });
      expect(off.statusCode).toBe(403);
      expect(off.json().error.message).toMatch(/role is below yours/);
      // the owner's session still works and the old password still signs in
      expect((await req('GET', '/api/me', owner)).statusCode).toBe(200);
      await t.login('owner@demo.salesgym.dev');
    });

    it('nobody acts on a user of an equal role; the super admin acts on anyone', async () => {
      const admin2 = await t.ctx.org.createStaff({ email: `admin2-${newId()}@x.dev`, name: 'Second Admin', password: 'second-admin-1', role: 'admin' });
      expect((await req('POST', `/api/users/${admin2.id}/password-reset`, admin, {})).statusCode).toBe(403);
      expect((await req('PATCH', `/api/users/${admin2.id}`, admin, { name: 'Renamed' })).statusCode).toBe(403);
      const m2 = await t.ctx.org.addMember(t.demoCompanyId, { email: `m2-${newId()}@x.dev`, name: 'Second Manager', password: 'second-manager-1', role: 'manager' });
      expect((await req('PATCH', `/api/users/${m2.id}`, manager, { active: false })).statusCode).toBe(403);
      expect((await req('PATCH', `/api/users/${managerId}`, manager, { name: 'Me, renamed' })).statusCode).toBe(200);
      // down the hierarchy it works: admin → manager, super admin → admin
      expect((await req('PATCH', `/api/users/${m2.id}`, admin, { active: false })).statusCode).toBe(200);
      expect((await req('POST', `/api/users/${admin2.id}/password-reset`, owner, {})).statusCode).toBe(200);
      expect((await req('PATCH', `/api/users/${adminId}`, owner, { name: 'Admin, renamed by the owner' })).statusCode).toBe(200);
    });

    it('a super admin is deactivated only by another super admin, and the last one never', async () => {
      const pw = 'second-owner-123';
      const created = await req('POST', '/api/admin/staff', owner, { email: `owner2-${newId()}@x.dev`, name: 'Second Owner', password: pw, role: 'super_admin' });
      expect(created.statusCode).toBe(201);
      const owner2 = created.json().user;
      expect((await req('PATCH', `/api/users/${owner2.id}`, admin, { active: false })).statusCode).toBe(403);
      expect((await req('PATCH', `/api/users/${owner2.id}`, owner, { active: false })).statusCode).toBe(200);
      // owner2 is inactive now: the owner is the last active super admin and cannot be switched off
      expect(await t.ctx.repos.users.deactivate(ownerId)).toBeUndefined();
      expect((await t.ctx.repos.users.byId(ownerId))!.active).toBe(true);
    });

    it('two super admins deactivating each other at once leave one active', async () => {
      const a = await t.ctx.org.createStaff({ email: `sa-a-${newId()}@x.dev`, name: 'Super A', password: 'super-a-pass-1', role: 'super_admin' });
      const b = await t.ctx.org.createStaff({ email: `sa-b-${newId()}@x.dev`, name: 'Super B', password: 'super-b-pass-1', role: 'super_admin' });
      // with the owner inactive for the moment, a and b are the only active super admins
      await t.ctx.repos.users.update(ownerId, { active: false });
      try {
        const results = await Promise.all([t.ctx.repos.users.deactivate(a.id), t.ctx.repos.users.deactivate(b.id)]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const active = await Promise.all([a.id, b.id].map(async (id) => (await t.ctx.repos.users.byId(id))!.active));
        expect(active.filter(Boolean)).toHaveLength(1);
      } finally {
        await t.ctx.repos.users.update(ownerId, { active: true });
      }
    });

    it('test payments are off unless PAYMENTS_MODE=test; a manager cannot mark an order paid', async () => {
      const [pkg] = await t.ctx.repos.billing.listPackages();
      const before = (await t.ctx.repos.companies.byId(t.demoCompanyId))!.seatLimit;
      const order = (await req('POST', `/api/companies/${t.demoCompanyId}/orders`, manager, { packageId: pkg.id })).json().order;
      const pay = await req('POST', `/api/orders/${order.id}/pay-test`, manager);
      expect(pay.statusCode).toBe(403);
      expect(pay.json().error.message).toMatch(/Test payments are turned off/);
      expect((await req('POST', `/api/orders/${order.id}/mark-paid`, manager, {})).statusCode).toBe(403);
      expect((await t.ctx.repos.billing.orderById(order.id))!.status).toBe('pending');
      expect((await t.ctx.repos.companies.byId(t.demoCompanyId))!.seatLimit).toBe(before);
      // staff mark it paid
      expect((await req('POST', `/api/orders/${order.id}/mark-paid`, admin, { reference: 'bank 42' })).statusCode).toBe(200);
    });

    it('a malformed id is a 400 before any lookup, never a server error', async () => {
      for (const [method, url, cookie] of [
        ['PATCH', '/api/users/not-a-uuid', admin],
        ['POST', '/api/orders/abc/pay-test', manager],
        ['POST', '/api/orders/abc/mark-paid', admin],
        ['POST', "/api/users/1'%20OR%201=1/password-reset", owner],
        ['GET', '/api/calls/xyz', agent],
        ['GET', '/api/simulations/1/report', agent],
        ['DELETE', `/api/companies/${t.demoCompanyId}/teams/nope`, manager],
      ] as const) {
        const r = await req(method, url, cookie, method === 'GET' || method === 'DELETE' ? undefined : {});
        expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(400);
        expect(r.json().error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('refuses NUL and other control characters in text fields with a 400', async () => {
      for (const [method, url, cookie, payload] of [
        ['PATCH', '/api/me', agent, { name: 'Dana\u0000Levi' }],
        ['POST', `/api/companies/${t.demoCompanyId}/teams`, manager, { name: 'Team\u0007' }],
        ['POST', `/api/companies/${t.demoCompanyId}/agents`, manager, { email: 'nul@x.dev', name: 'A\u001bB', password: 'a-long-password' }],
        ['POST', '/api/companies', admin, { name: 'Co\u0000', manager: { email: 'x@y.dev', name: 'Mgr', password: 'a-long-password' } }],
        ['PUT', `/api/companies/${t.demoCompanyId}/questionnaire`, manager, { companyName: 'Demo\u0000' }],
      ] as const) {
        const r = await req(method, url, cookie, payload);
        expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(400);
        expect(r.json().error.message).toMatch(/control character/);
      }
      // tabs and new lines are text
      expect((await req('PATCH', '/api/me', agent, { name: 'Dana\tLevi' })).statusCode).toBe(200);
    });

    it('answers an id of another company exactly as an id that exists nowhere', async () => {
      const { company, manager: m2 } = await t.ctx.org.createCompany({ name: 'Foreign Co', seatLimit: 5, manager: { email: `fm-${newId()}@x.dev`, name: 'Foreign Manager', password: 'foreign-pass-1' } });
      const [pkg] = await t.ctx.repos.billing.listPackages();
      const foreignOrder = await t.ctx.billing.createOrder(company.id, pkg.id, undefined, m2!.id);
      const pairs: [string, string][] = [
        [`/api/companies/${company.id}/users`, `/api/companies/${newId()}/users`],
        [`/api/orders/${foreignOrder.id}/cancel`, `/api/orders/${newId()}/cancel`],
        [`/api/users/${m2!.id}`, `/api/users/${newId()}`],
      ];
      for (const [foreign, missing] of pairs) {
        const method = foreign.endsWith('/cancel') ? 'POST' : foreign.startsWith('/api/users/') ? 'PATCH' : 'GET';
        const payload = method === 'GET' ? undefined : method === 'PATCH' ? { name: 'Probe' } : {};
        const a = await req(method, foreign, manager, payload);
        const b = await req(method, missing, manager, payload);
        expect(a.statusCode, foreign).toBe(404);
        expect(a.body).toBe(b.body);
      }
    });
  });
}
