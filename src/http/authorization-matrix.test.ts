import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { testDbKinds } from '../testing/db.ts';
import { MATRIX, type Allow } from './authz/matrix.ts';
import { PARAM_FIXTURES, type Tenant } from './authz/fixtures.ts';
import { newId } from '../core/index.ts';

const ROLES = ['super_admin', 'admin', 'manager', 'agent'] as const;

const allowed = (a: Allow, side: 'own' | 'other') => (Array.isArray(a) ? a[side === 'own' ? 0 : 1] : a);

for (const kind of testDbKinds()) {
  describe(`authorization matrix on ${kind}`, () => {
    let t: TestApp;
    const cookies: Record<string, string> = {};
    const tenants = {} as Record<'own' | 'other', Tenant>;

    beforeAll(async () => {
      t = await startTestApp({ kind, config: { PAYMENTS_MODE: 'test' } });
      const { ctx } = t;
      const users = await ctx.repos.users.listByCompany(t.demoCompanyId);
      const manager = users.find((u) => u.role === 'manager')!;
      const agent = users.find((u) => u.email === 'agent1@demo.salesgym.dev')!;
      const target = users.find((u) => u.email === 'agent3@demo.salesgym.dev')!;
      tenants.own = { companyId: t.demoCompanyId, managerId: manager.id, agentId: agent.id, targetUserId: target.id };
      const { company, manager: m2 } = await ctx.org.createCompany({
        name: 'Other Co',
        seatLimit: 10,
        manager: { email: 'm@other.dev', name: 'Other Manager', password: 'other-password-1' },
      });
      const a2 = await ctx.org.addMember(company.id, { email: 'a@other.dev', name: 'Other Agent', password: 'other-password-1', role: 'agent' });
      const a3 = await ctx.org.addMember(company.id, { email: 'b@other.dev', name: 'Other Target', password: 'other-password-1', role: 'agent' });
      tenants.other = { companyId: company.id, managerId: m2!.id, agentId: a2.id, targetUserId: a3.id };
      cookies.super_admin = await t.login('owner@demo.salesgym.dev');
      cookies.admin = await t.login('admin@demo.salesgym.dev');
      cookies.manager = await t.login('manager@demo.salesgym.dev');
      cookies.agent = await t.login('agent1@demo.salesgym.dev');
    });
    afterAll(async () => t?.close());

    it('has an entry for every registered API route, and no stale entries', () => {
      const registered = t.app.routeTable.map((r) => `${r.method} ${r.url}`);
      const missing = registered.filter((k) => !(k in MATRIX));
      expect(missing, 'routes without an authorization-matrix entry (src/http/authz/matrix.ts)').toEqual([]);
      const stale = Object.keys(MATRIX).filter((k) => !registered.includes(k));
      expect(stale, 'matrix entries for routes that no longer exist').toEqual([]);
    });

    it('allows and denies every route × role × own/other company as the matrix says', async () => {
      const failures: string[] = [];
      for (const entry of t.app.routeTable) {
        const key = `${entry.method} ${entry.url}`;
        const exp = MATRIX[key];
        if (!exp || 'public' in entry.access) continue;
        const params = [...entry.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
        for (const side of ['own', 'other'] as const) {
          const url = async () => {
            let u = entry.url;
            for (const p of params) {
              const fx = PARAM_FIXTURES[p];
              if (!fx) throw new Error(`no fixture for path parameter :${p} (add one in src/http/authz/fixtures.ts)`);
              u = u.replace(`:${p}`, await fx(t.ctx, tenants[side]));
            }
            return u;
          };
          const send = async (cookie?: string) =>
            t.app.inject({
              method: entry.method as 'GET',
              url: await url(),
              headers: cookie ? { cookie } : {},
              ...(entry.method === 'GET' || entry.method === 'DELETE' ? {} : { payload: {} }),
            });
          // the same request for ids that exist nowhere: a resource that is not yours must get exactly this answer
          const sendMissing = (cookie?: string) =>
            t.app.inject({
              method: entry.method as 'GET',
              url: params.reduce((u, p) => u.replace(`:${p}`, newId()), entry.url),
              headers: cookie ? { cookie } : {},
              ...(entry.method === 'GET' || entry.method === 'DELETE' ? {} : { payload: {} }),
            });
          /** Allowed = neither refused (401/403) nor answered as if the resource did not exist. */
          const allowedBy = async (r: Awaited<ReturnType<typeof send>>, cookie?: string) => {
            if (r.statusCode === 401 || r.statusCode === 403) return false;
            if (r.statusCode !== 404 || params.length === 0) return true;
            const missing = await sendMissing(cookie);
            return !(missing.statusCode === 404 && missing.body === r.body);
          };
          const anon = await send();
          if (exp.anon !== (await allowedBy(anon))) failures.push(`${key} anon ${side}: ${anon.statusCode}`);
          for (const role of ROLES) {
            const r = await send(cookies[role]);
            const got = await allowedBy(r, cookies[role]);
            if (r.statusCode === 404 && !got && r.json().error?.code !== 'NOT_FOUND') failures.push(`${key} as ${role} on ${side}: 404 without NOT_FOUND`);
            const want = allowed(exp[role], side);
            if (got !== want) failures.push(`${key} as ${role} on ${side} company: expected ${want ? 'allow' : 'deny'}, got ${r.statusCode} ${r.body.slice(0, 120)}`);
            if (r.statusCode >= 500) failures.push(`${key} as ${role} on ${side}: server error ${r.statusCode} ${r.body.slice(0, 200)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  });
}
