/**
 * Security suite (issue 15), sign-in: throttling that slows guessing and spraying without letting a stranger lock
 * a user out, the client address only from a trusted proxy, sessions ended by a password change, Secure cookies
 * behind https.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestApp, cookieOf, type TestApp } from '../testing/app.ts';
import { testDbKinds } from '../testing/db.ts';
import { loadConfig } from '../config/index.ts';
import { clientKey } from './service.ts';

const PASSWORD = 'salesgym-demo';

// the throttle's SQL runs on both databases
for (const kind of testDbKinds()) {
  describe(`security: sign-in throttling on ${kind}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ kind, config: { LOGIN_MAX_FAILURES: 3, LOGIN_CLIENT_MAX_FAILURES: 8 } });
    });
    afterAll(async () => t?.close());

    const login = (email: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { email, password } });

    it('slows the guessing client only: the user signs in from elsewhere, an admin reset lifts it', async () => {
      const email = 'agent2@demo.salesgym.dev';
      for (let i = 0; i < 3; i++) expect((await login(email, 'wrong-guess', '203.0.113.7')).statusCode).toBe(401);
      const blocked = await login(email, PASSWORD, '203.0.113.7');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // the real user, from their own address, is not locked out by the stranger
      expect((await login(email, PASSWORD, '198.51.100.20')).statusCode).toBe(200);
      // an admin's reset clears the throttle for everyone
      const admin = cookieOf(await login('admin@demo.salesgym.dev', PASSWORD, '198.51.100.1'));
      const user = (await t.ctx.repos.users.byEmail(email))!;
      const reset = await t.app.inject({ method: 'POST', url: `/api/users/${user.id}/password-reset`, headers: { cookie: admin }, payload: { password: 'fresh-password-1' } });
      expect(reset.statusCode).toBe(200);
      expect((await login(email, 'fresh-password-1', '203.0.113.7')).statusCode).toBe(200);
    });

    it('slows password spraying: many accounts from one client hit the per-client budget', async () => {
      const users = (await t.ctx.repos.users.listByCompany(t.demoCompanyId)).map((u) => u.email);
      const sprayer = '192.0.2.50';
      let limited = 0;
      for (let i = 0; i < 12; i++) {
        const r = await login(users[i % users.length], `spring2026-${i}`, sprayer);
        if (r.statusCode === 429) limited++;
        else expect(r.statusCode).toBe(401);
      }
      expect(limited).toBe(4); // 8 guesses went through, every later one waits
      // even the right password waits at that client; another client is unaffected
      expect((await login(users[0], PASSWORD, sprayer)).statusCode).toBe(429);
      expect((await login(users[0], PASSWORD, '192.0.2.51')).statusCode).toBe(200);
    });

    it('does not believe X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
      const email = 'agent3@demo.salesgym.dev';
      for (let i = 0; i < 3; i++) {
        // rotating a forged header must not give the guesser a fresh budget
        expect((await login(email, 'nope', '203.0.113.99', { 'x-forwarded-for': `10.9.9.${i}` })).statusCode).toBe(401);
      }
      expect((await login(email, PASSWORD, '203.0.113.99', { 'x-forwarded-for': '10.9.9.200' })).statusCode).toBe(429);
    });

    it('keys an IPv6 client by its /64', () => {
      expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:0db8:0001:0002:ffff:1:2:3'));
      expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
      expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    });
  });
}

describe('security: trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { LOGIN_MAX_FAILURES: 2, TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => t?.close());

  it('takes the client address from X-Forwarded-For sent by the named proxy', async () => {
    const viaProxy = (xff: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': xff }, payload: { email: 'agent1@demo.salesgym.dev', password } });
    for (let i = 0; i < 2; i++) expect((await viaProxy('203.0.113.5', 'wrong')).statusCode).toBe(401);
    expect((await viaProxy('203.0.113.5', PASSWORD)).statusCode).toBe(429);
    expect((await viaProxy('198.51.100.5', PASSWORD)).statusCode).toBe(200);
  });

  it('refuses TRUST_PROXY=true, which would believe any client', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
  });
});

describe('security: passwords and cookies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('a password change ends every other session of the user', async () => {
    const here = await t.login('agent1@demo.salesgym.dev');
    const laptop = await t.login('agent1@demo.salesgym.dev');
    const r = await t.app.inject({ method: 'POST', url: '/api/me/password', headers: { cookie: here }, payload: { currentPassword: PASSWORD, newPassword: 'a-new-password-1' } });
    expect(r.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: laptop } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: here } })).statusCode).toBe(200);
  });

  it('makes the cookie Secure by default when PUBLIC_URL is https', async () => {
    expect(loadConfig({ PUBLIC_URL: 'https://gym.example.com' }).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://gym.example.com', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).COOKIE_SECURE).toBe(false);
    expect(loadConfig({}).COOKIE_SECURE).toBe(false);
    const s = await startTestApp({ config: { PUBLIC_URL: 'https://gym.example.com' } });
    try {
      const r = await s.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://gym.example.com' }, payload: { email: 'agent1@demo.salesgym.dev', password: PASSWORD } });
      expect(r.cookies.find((c) => c.name === 'sg_session')!.secure).toBe(true);
    } finally {
      await s.close();
    }
  });
});
