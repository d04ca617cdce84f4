/**
 * Browser-test harness: the real app (demo data, in-memory PGlite, built client) on a free port, and Debian
 * Chromium driven by playwright-core. Feature e2e suites reuse it: `const h = await startE2E()`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createContext, seedDemo, type AppContext } from '../../app/index.ts';
import { testConfig, type Config } from '../../config/index.ts';
import { buildApp, WEB_DIST } from '../../http/index.ts';
import { openTestDatabase } from '../../testing/db.ts';
import { toolPath } from '../../testing/tools.ts';

const WEB_SRC = path.resolve(WEB_DIST, '../../src/web');
export const SCREENSHOTS = path.resolve(WEB_DIST, '../../test-artifacts/screenshots');
export const DEMO_PASSWORD = 'salesgym-demo';

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'e2e' || e.name.endsWith('.test.ts')) continue;
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the client when dist/web is missing or older than any file in src/web. */
export function ensureClientBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(WEB_SRC)) return;
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: path.resolve(WEB_DIST, '../..'), stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed; see the output above');
}

export interface E2E {
  ctx: AppContext;
  base: string;
  browser: Browser;
  /** A fresh browser context (own cookies and localStorage) with one page, 1360×900. */
  newPage(): Promise<Page>;
  /** Opens the sign-in page, signs in with the keyboard (Enter submits), and waits for the app shell. */
  signIn(page: Page, email: string, password?: string): Promise<void>;
  close(): Promise<void>;
}

/** `config`: overrides of the test configuration (e.g. SALESGYM_DEMO_HISTORY for the dashboards' weeks of demo data). */
export async function startE2E(opts: { config?: Partial<Config> } = {}): Promise<E2E> {
  ensureClientBuilt();
  // the billing suite pays with the test-mode flow, which exists only with PAYMENTS_MODE=test (never by default)
  const ctx = await createContext(testConfig({ PAYMENTS_MODE: 'test', ...opts.config }), await openTestDatabase());
  await seedDemo(ctx);
  const app = await buildApp({ ctx, serveWeb: true, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: toolPath('chromium') ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    ctx,
    base,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: base, reducedMotion: 'reduce' });
      return context.newPage();
    },
    async signIn(page, email, password = DEMO_PASSWORD) {
      await page.goto('/');
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(password);
      await page.keyboard.press('Enter');
      await page.locator('nav.sidenav').waitFor();
    },
    async close() {
      await browser.close();
      await app.close();
      await ctx.database.close();
    },
  };
}
