/**
 * Security suite (issue 15) in the browser: the built app runs under the server's Content-Security-Policy without a
 * single violation (no inline script: the language bootstrap is /locale.js), keeps the chosen language before the
 * first paint, and a page on another origin cannot use the signed-in user's cookie to change anything.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveTools } from '../../testing/tools.ts';
import { startE2E, type E2E } from './server.ts';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 100 });

describe.skipIf(!haveTools(['chromium'], 'browser e2e'))('security in Chromium', () => {
  let e: E2E;
  let attacker: Server;
  let attackerBase = '';
  beforeAll(async () => {
    e = await startE2E();
    // "another port of the same host": the probe's attacking page
    attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>attacker</title>'));
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', () => r()));
    attackerBase = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await e?.close();
    await new Promise((r) => attacker?.close(r));
  });

  const violations = (page: Page) => {
    const seen: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
    });
    return seen;
  };

  it('runs the app under its CSP without violations, in the language chosen before', async () => {
    const page = await e.newPage();
    const seen = violations(page);
    // the language bootstrap (now /locale.js, not inline) still runs before the app: English, left to right
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('salesgym.locale', 'en'));
    await page.goto('/');
    await poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.evaluate(() => localStorage.removeItem('salesgym.locale'));
    await e.signIn(page, 'manager@demo.salesgym.dev');
    for (const p of ['/team', '/practice', '/calls', '/billing']) {
      await page.goto(p);
      await page.locator('nav.sidenav').waitFor();
    }
    const csp = await page.evaluate(async () => (await fetch('/api/health')).headers.get('content-security-policy'));
    expect(csp).toMatch(/script-src 'self'/);
    expect(seen).toEqual([]);
    await page.context().close();
  });

  it('a page on another port of the same host cannot pay, upload or open the practice socket with the user’s cookie', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    const [pkg] = await e.ctx.repos.billing.listPackages();
    const company = (await e.ctx.repos.companies.findDemo())!;
    const order = await e.ctx.billing.createOrder(company.id, pkg.id, undefined, null);
    // the user's own practice call, which the attacking page will try to open
    const simulationId = await page.evaluate(async () => {
      const r = await fetch('/api/simulations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'text' }) });
      return (await r.json()).simulation.id as string;
    });
    const openSocket = (p: Page, base: string) =>
      p.evaluate(
        ({ base, id }) =>
          new Promise<string>((resolve) => {
            const s = new WebSocket(`${base.replace('http', 'ws')}/api/simulations/${id}/socket`);
            s.onopen = () => (s.close(), resolve('open'));
            s.onerror = () => resolve('refused');
          }),
        { base, id: simulationId },
      );
    expect(await openSocket(page, e.base)).toBe('open'); // from the app itself it opens
    await page.goto(attackerBase);
    const target = new URL(page.url()).origin === attackerBase ? e.base : '';
    const result = await page.evaluate(
      async ({ base, orderId }) => {
        const out: string[] = [];
        await fetch(`${base}/api/orders/${orderId}/pay-test`, { method: 'POST', mode: 'no-cors', credentials: 'include' }).catch(() => out.push('fetch-error'));
        const form = new FormData();
        form.append('file', new Blob(['Agent: hi\nCustomer: hi'], { type: 'text/plain' }), 'x.txt');
        await fetch(`${base}/api/calls`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: form }).catch(() => out.push('upload-error'));
        return out;
      },
      { base: target, orderId: order.id },
    );
    // the requests went out (the answers are opaque or blocked by Cross-Origin-Resource-Policy): nothing changed
    expect(result.length).toBeLessThanOrEqual(2);
    expect(await openSocket(page, target)).toBe('refused');
    expect((await e.ctx.repos.billing.orderById(order.id))!.status).toBe('pending');
    expect((await e.ctx.repos.calls.list({ companyId: company.id, limit: 200 })).rows.every((c) => c.title !== 'x.txt')).toBe(true);
    await page.context().close();
  });
});
