/**
 * The held-out walk of issue 16: every page of every role, in Hebrew, in Debian Chromium. The pages come from
 * `routes.tsx` (a new page is walked without touching this file; a page with a new `:param` fails until a
 * resolver below names the demo record it opens). On each page the visible text must hold no Latin word outside
 * the allow-list (product names, units, file names, emails) and no raw id. Every page is also captured in
 * Hebrew and English, on a 1280 px desktop and a 390 px phone, into test-artifacts/screenshots/walk/, and the
 * phone layout must not scroll sideways.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveTools } from '../../testing/tools.ts';
import { routes } from '../routes.tsx';
import type { Role } from '../types.ts';
import { SCREENSHOTS, startE2E, type E2E } from './server.ts';
import { latinLeftovers, rawEnums, rawIds } from '../../testing/hebrew-text.ts';

const WALK_SHOTS = path.join(SCREENSHOTS, 'walk');
const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 100 });

const ACCOUNTS: Record<Role, string> = {
  super_admin: 'owner@demo.salesgym.dev',
  admin: 'admin@demo.salesgym.dev',
  manager: 'manager@demo.salesgym.dev',
  agent: 'agent1@demo.salesgym.dev',
};
const ROLES = Object.keys(ACCOUNTS) as Role[];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Finding {
  role: Role;
  lang: 'he' | 'en';
  url: string;
  kind: 'latin' | 'raw-id' | 'raw-enum' | 'overflow' | 'error' | 'no-heading';
  detail: string;
}

/** The page has finished loading: the shell is up, no spinner is left and the network is quiet. */
async function settled(page: Page): Promise<void> {
  await page.locator('nav.sidenav').waitFor();
  await page.waitForLoadState('networkidle');
  await poll(() => page.locator('main .loading, main [aria-busy="true"]').count()).toBe(0);
  await page.waitForLoadState('networkidle');
}

/** Everything a reader sees: the rendered text plus placeholders and tooltips. */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const extra: string[] = [];
    for (const el of Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]'))) extra.push((el as HTMLInputElement).placeholder);
    for (const el of Array.from(document.querySelectorAll('[title]'))) extra.push(el.getAttribute('title') ?? '');
    // commands and code (`npx salesgym models pull small`) are typed as written, and a run marked as another
    // language (`lang="en"`: "English" in the language switch) is meant so: both are left out of the reading
    const other = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? 'he') !== 'he';
    // a select's options are read one by one (its own text would include options marked as another language)
    for (const sel of Array.from(document.querySelectorAll('select'))) for (const o of Array.from(sel.options)) if (!other(o)) extra.push(o.text);
    const apart = Array.from(document.querySelectorAll('select, code, kbd, samp, body [lang]:not([lang="he"])')) as HTMLElement[];
    const display = apart.map((el) => el.style.display);
    for (const el of apart) el.style.display = 'none';
    const body = document.body.innerText;
    apart.forEach((el, i) => (el.style.display = display[i] ?? ''));
    return `${body}\n${extra.join('\n')}`;
  });

async function shoot(page: Page, name: string, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.waitForTimeout(50); // one layout pass after the resize (not a measurement)
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 6000) });
  await page.screenshot({ path: path.join(WALK_SHOTS, `${name}.png`) });
  await page.setViewportSize(viewport);
}

describe.skipIf(!haveTools(['chromium'], 'Hebrew walk e2e'))('every page of every role, in Hebrew (and captured in English), in Chromium', () => {
  let e: E2E;
  const ids: Record<string, Partial<Record<Role, string>>> = {};
  const findings: Finding[] = [];
  const visited: string[] = [];

  beforeAll(async () => {
    mkdirSync(WALK_SHOTS, { recursive: true });
    e = await startE2E();
    const agent = (await e.ctx.repos.users.byEmail(ACCOUNTS.agent))!;
    // the walkers said how Hebrew should address them (the profile's gender): the screens resolve "מנהל/ת" and "את/ה"
    for (const [role, gender] of [['agent', 'male'], ['manager', 'female'], ['admin', 'male'], ['super_admin', 'female']] as const) {
      await e.ctx.repos.users.update((await e.ctx.repos.users.byEmail(ACCOUNTS[role]))!.id, { gender });
    }
    const companyId = agent.companyId!;
    const calls = await e.ctx.repos.calls.doneByAgent(agent.id, 1);
    const scenarios = await e.ctx.repos.scenarios.list(companyId);
    expect(calls.length, 'the demo seeds analysed calls for agent1').toBeGreaterThan(0);
    expect(scenarios.length, 'the demo seeds scenarios').toBeGreaterThan(0);

    ids.callId = { agent: calls[0]!.id, manager: calls[0]!.id, admin: calls[0]!.id, super_admin: calls[0]!.id };
    ids.agentId = { manager: agent.id };
    ids.companyId = { admin: companyId, super_admin: companyId };
    ids.scenarioId = { manager: scenarios[0]!.scenario.id };
  }, 240_000);

  afterAll(async () => {
    if (findings.length || visited.length) writeFileSync(path.join(WALK_SHOTS, 'findings.json'), JSON.stringify({ visited, findings }, null, 2));
    await e?.close();
  });

  it('practises a typed call as the agent (its live page and scored report are walked below)', async () => {
    const page = await e.newPage();
    await e.signIn(page, ACCOUNTS.agent);
    await page.goto('/training');
    await page.getByTestId('start-next').waitFor();
    await page.getByRole('button', { name: 'תרגול בהקלדה' }).click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    const simulationId = page.url().split('/').pop()!;
    await page.getByTestId('start-call').click();
    await poll(() => page.getByTestId('connection').innerText()).toBe('מחובר');
    const lines = [
      'שלום, מדבר יוסי ממגן ביטוחים. יש לך דקה?',
      'ספר לי, מה הכי חשוב לך בביטוח של הרכב?',
      'אני שומע שהמחיר מטריד אותך. מה הייתה הפרמיה שלך עד היום?',
      'בוא נקבע מחר בעשר שיחה קצרה ואשלח לך הצעה מסודרת.',
    ];
    for (const [i, line] of lines.entries()) {
      await page.locator('input[name="agentText"]').fill(line);
      await page.keyboard.press('Enter');
      const replies = page.locator('[data-testid="live-transcript"] [data-speaker="customer"][data-final="true"]');
      await poll(() => replies.count(), 30_000).toBeGreaterThan(i);
      if (await page.getByText('השיחה הסתיימה').count()) break; // the customer may hang up first
    }
    if ((await page.getByTestId('end-call').count()) > 0) await page.getByTestId('end-call').click();
    await poll(() => page.getByText('השיחה הסתיימה').count()).toBe(1);
    await poll(async () => (await e.ctx.repos.reports.bySimulation(simulationId)) !== undefined, 60_000).toBe(true);
    await page.context().close();

    ids.simulationId = { agent: simulationId, manager: simulationId };
  }, 240_000);

  /** The pages a role may open, with every `:param` replaced by a demo record of that role. */
  function pagesOf(role: Role): { path: string; url: string }[] {
    return routes
      .filter((r) => r.roles.includes(role))
      .map((r) => {
        const url =
          '/' +
          r.path.replace(/:(\w+)/g, (_, name: string) => {
            const id = ids[name]?.[role];
            if (!id) throw new Error(`the walk has no demo record for :${name} (role ${role}, page ${r.path}); add one in beforeAll`);
            return id;
          });
        return { path: r.path, url };
      });
  }

  for (const role of ROLES) {
    it(`walks every page of the ${role} in Hebrew and English`, async () => {
      const user = (await e.ctx.repos.users.byEmail(ACCOUNTS[role]))!;
      for (const lang of ['he', 'en'] as const) {
        await e.ctx.repos.users.update(user.id, { locale: lang });
        const page = await e.newPage();
        const errors: string[] = [];
        page.on('pageerror', (err) => errors.push(err.message));
        try {
          await page.setViewportSize(DESKTOP);
          await e.signIn(page, ACCOUNTS[role]);
          await poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
          for (const p of pagesOf(role)) {
            const found = (kind: Finding['kind'], detail: string) => findings.push({ role, lang, url: p.path, kind, detail });
            await page.goto(p.url);
            await settled(page);
            if (lang === 'he') visited.push(`${role} ${p.path}`);
            // a page that redirects (staff home → Companies) gets its heading a moment later: wait for it, then judge
            await page.locator('main h1').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
            if ((await page.locator('main h1').count()) === 0) found('no-heading', 'the page has no h1');
            const text = await visibleText(page);
            if (lang === 'he') for (const w of latinLeftovers(text)) found('latin', w);
            for (const id of rawIds(text)) found('raw-id', id);
            for (const x of rawEnums(text)) found('raw-enum', x);
            const name = `${role}-${p.path.replace(/[/:]+/g, '_') || 'home'}-${lang}`;
            await shoot(page, `${name}-desktop`, DESKTOP);
            await shoot(page, `${name}-phone`, PHONE);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            if (overflow > 1) found('overflow', `the phone layout scrolls sideways by ${overflow}px`);
            await page.setViewportSize(DESKTOP);
          }
          for (const m of errors) findings.push({ role, lang, url: '(page error)', kind: 'error', detail: m });
        } finally {
          await page.context().close();
          await e.ctx.repos.users.update(user.id, { locale: 'he' });
        }
      }
      const mine = findings.filter((f) => f.role === role).map((f) => `${f.lang} /${f.url}: ${f.kind} ${f.detail}`);
      expect(mine).toEqual([]);
    }, 600_000);
  }
});
