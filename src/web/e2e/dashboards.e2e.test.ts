/**
 * The dashboards in Chromium on the demo company with its weeks of history (older calls, practice calls played
 * through the real pipeline): the agent's home chart and open weaknesses, the manager's team trend and who needs
 * attention, the drill-down's four sections, "practise this weakness" from a call report to the practice page of
 * a scenario aimed at it, and the practice report's mood and stress/hesitation timelines. Screenshots in Hebrew
 * and English, desktop and a 390 px phone.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveTools } from '../../testing/tools.ts';
import { SCENARIO_CATALOGUE } from '../../scenarios/index.ts';
import { newId } from '../../core/index.ts';
import { SCREENSHOTS, startE2E, type E2E } from './server.ts';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

/** The whole page at `width` (a full-page capture would paint the sticky bars mid-page). */
async function shot(page: Page, name: string, width = 1360) {
  await page.setViewportSize({ width, height: 900 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.min(height, 6000) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize({ width: 1360, height: 900 });
}
/** Desktop and 390 px phone captures of the page as it is now. */
async function shots(page: Page, name: string) {
  await shot(page, `${name}-desktop`);
  await shot(page, `${name}-phone`, 390);
  // nothing of the page's content may stick out sideways on the phone (the charts re-measure a moment after the
  // resize); the app shell's top bar is the shell's business
  await page.setViewportSize({ width: 390, height: 844 });
  const outside = () =>
    page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      return [...document.querySelectorAll('main *')]
        .filter((el) => !el.closest('.table-wrap, .recharts-wrapper, svg') && el.getClientRects().length > 0)
        .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > w + 1 || r.left < -1); })
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}[${(el.textContent ?? '').trim().slice(0, 30)}]`)
        .slice(0, 5);
    });
  await expect.poll(outside, { timeout: 10_000, message: `${name}: these stick out of a 390 px phone` }).toEqual([]);
  await page.setViewportSize({ width: 1360, height: 900 });
}
/** A recharts line chart under `testId` drew at least `lines` lines, each a real path. */
async function drewLines(page: Page, testId: string, lines: number) {
  await poll(() => page.getByTestId(testId).locator('path.recharts-line-curve').count()).toBeGreaterThanOrEqual(lines);
  const d = await page.getByTestId(testId).locator('path.recharts-line-curve').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
  expect(d.every((x) => x.length > 10)).toBe(true);
}

describe.skipIf(!haveTools(['chromium'], 'dashboards e2e'))('dashboards in Chromium, on the demo company with weeks of history', () => {
  let e: E2E;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    e = await startE2E({ config: { SALESGYM_DEMO_HISTORY: true } });
    for (const k of ['agent1', 'agent2', 'agent3', 'manager']) id[k] = (await e.ctx.repos.users.byEmail(`${k}@demo.salesgym.dev`))!.id;
  }, 240_000);
  afterAll(async () => e?.close());

  it("shows the agent's weeks on the home page: real-call and practice averages as a chart, calls that met the bar, open weaknesses", async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    await poll(() => page.getByTestId('agent-weekly-chart').count()).toBe(1);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await drewLines(page, 'agent-weekly-chart', 2);
    expect(Number(await page.getByTestId('agent-weekly-chart').getAttribute('data-points'))).toBeGreaterThanOrEqual(5);
    expect(plain(await page.getByTestId('dash-met-bar').innerText())).toMatch(/\d+ מתוך 4/);
    const discovery = page.getByTestId('weakness-trends').locator('li[data-skill="discovery"]');
    await poll(() => discovery.count()).toBe(1);
    expect(plain(await discovery.innerText())).toMatch(/בירור צרכים[\s\S]*(משתפרת|מחמירה|יציבה)[\s\S]*מתוך 4 האחרונות/);
    expect(await discovery.getByRole('link').getAttribute('href')).toMatch(/^\/calls\/[0-9a-f-]{36}$/);
    await shots(page, 'dashboard-agent-home-he');
    await page.context().close();
  });

  it('shows the manager the team trend and who needs attention, with the rules', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await drewLines(page, 'team-weekly-chart', 2);
    await poll(() => page.getByTestId('team-agents').locator('tbody tr').count()).toBe(3);
    const attention = page.getByTestId('attention-list');
    await poll(() => attention.locator(':scope > li').count()).toBe(3);
    const daniel = attention.locator(`li[data-agent="${id.agent3}"]`);
    expect(await daniel.locator('li[data-rule]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-rule')).sort())).toEqual(['no_practice', 'overdue_assignment', 'persistent_weakness']);
    expect(plain(await daniel.innerText())).toMatch(/טיפול בהתנגדויות חוזרת: ב־4 מתוך 4 השיחות האחרונות/);
    expect(await attention.locator(`li[data-agent="${id.agent2}"] li[data-rule="falling_scores"]`).count()).toBe(1);
    await page.getByTestId('attention-rules').locator('summary').click();
    expect(plain(await page.getByTestId('attention-rules').innerText())).toMatch(/לא היה תרגול ב־10 הימים האחרונים/);
    await shots(page, 'dashboard-manager-home-he');
    // the drill-down: one agent's weeks, real calls, practice sessions, weaknesses and assignments, each with links
    await daniel.getByRole('link').first().click();
    await poll(() => page.url()).toMatch(new RegExp(`/team/${id.agent3}$`));
    await drewLines(page, 'agent-weekly-chart', 2);
    await poll(() => page.getByTestId('agent-attention').locator('li').count()).toBe(3);
    await poll(() => page.getByTestId('agent-calls').locator('tbody tr').count()).toBe(4);
    expect(await page.getByTestId('agent-calls').locator('a').first().getAttribute('href')).toMatch(/^\/calls\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('practice-sessions').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('practice-sessions').locator('a').first().getAttribute('href')).toMatch(/^\/practice\/[0-9a-f-]{36}\/report$/);
    await poll(() => page.getByTestId('weakness-trends').locator('li[data-skill="objection_handling"]').count()).toBe(1);
    await poll(() => page.getByTestId('weakness-list').locator('li').count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('agent-assignments').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('agent-assignments').locator('a').first().getAttribute('href')).toMatch(/^\/scenarios\/[0-9a-f-]{36}$/);
    await shots(page, 'dashboard-drilldown-he');

    // with a second team the manager narrows the home page to it: the trend and the attention list follow
    const team = await e.ctx.repos.teams.insert({ id: newId(), companyId: (await e.ctx.repos.users.byId(id.agent3))!.companyId!, name: 'צוות שימור' });
    const firstTeam = (await e.ctx.repos.users.byId(id.agent3))!.teamId;
    await e.ctx.repos.users.update(id.agent3, { teamId: team.id });
    try {
      await page.goto('/');
      await poll(() => page.getByTestId('dashboard-team').count()).toBe(1);
      await page.getByTestId('dashboard-team').selectOption(team.id);
      await poll(() => page.getByTestId('team-agents').locator('tbody tr').count()).toBe(1);
      await poll(() => page.getByTestId('attention-list').locator(':scope > li').count()).toBe(1);
      expect(await page.getByTestId('attention-list').locator(':scope > li').getAttribute('data-agent')).toBe(id.agent3);
      expect(page.url()).toContain(`team=${team.id}`);
    } finally {
      await e.ctx.repos.users.update(id.agent3, { teamId: firstTeam });
    }
    await page.context().close();
  });

  it('"practise this weakness" on a call report lands the agent on the practice page of a scenario aimed at it', async () => {
    const calls = await e.ctx.repos.reports.callScores({ agentUserId: id.agent1 });
    const call = calls.find((c) => c.weaknesses.includes('discovery'))!;
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    await page.goto(`/calls/${call.id}`);
    const button = page.getByTestId('practise-discovery-typed');
    await poll(() => button.count()).toBe(1);
    await shots(page, 'dashboard-call-report-practise-he');
    await button.click();
    await poll(() => page.url()).toMatch(/\/practice\/[0-9a-f-]{36}$/);
    const simulationId = page.url().split('/').pop()!;
    await poll(() => page.locator('.page-header .subtitle').innerText()).toContain(SCENARIO_CATALOGUE.discovery.label.he);
    const sim = (await e.ctx.repos.simulations.byId(simulationId))!;
    expect(sim).toMatchObject({ agentUserId: id.agent1, scenarioType: 'discovery', mode: 'text' });
    const persona = (await e.ctx.repos.personas.byId(sim.personaId!))!.persona as { targets: { skill: string }[] };
    expect(persona.targets.map((x) => x.skill)).toContain('discovery');
    await shot(page, 'dashboard-practise-landing-he-desktop');
    // the manager reads the same report without the button (practice is the agent's)
    const m = await e.newPage();
    await e.signIn(m, 'manager@demo.salesgym.dev');
    await m.goto(`/calls/${call.id}`);
    await poll(() => m.getByRole('heading', { level: 1 }).count()).toBe(1);
    await poll(() => m.locator('.findings').count()).toBeGreaterThan(0);
    expect(await m.getByTestId('practise-discovery').count()).toBe(0);
    await m.context().close();
    await page.context().close();
  });

  it("shows the customer's mood timeline and the agent's stress and hesitation over a typed practice call, saying why voice measures are absent", async () => {
    // the agent's session with the most stored measurements that show some hesitation (a call the customer ended
    // in seconds has one measurement; the demo's hesitant lines carry fillers and hedges)
    const { rows } = await e.ctx.repos.reports.list({ agentUserId: id.agent2 });
    const measured = await Promise.all(
      rows.map(async (r) => {
        const m = (await e.ctx.repos.simulations.events(r.simulationId)).filter((x) => x.kind === 'metrics').map((x) => (x.data as { values: Record<string, number> }).values);
        return { id: r.simulationId, n: m.length, hesitant: m.some((v) => (v.agentHesitation ?? 0) > 0) };
      }),
    );
    const best = measured.filter((x) => x.hesitant).sort((a, b) => b.n - a.n)[0];
    expect(best?.n).toBeGreaterThanOrEqual(2);
    const page = await e.newPage();
    await e.signIn(page, 'agent2@demo.salesgym.dev');
    await page.goto(`/practice/${best.id}/report`);
    await drewLines(page, 'mood-timeline', 1);
    await drewLines(page, 'agent-state-timeline', 2);
    expect(Number(await page.getByTestId('agent-state-timeline').getAttribute('data-points'))).toBe(best.n);
    expect(Number(await page.getByTestId('agent-state-timeline').getAttribute('data-max'))).toBeGreaterThan(0);
    expect(await page.getByTestId('agent-state-timeline').locator('path.recharts-line-curve').count()).toBe(2); // no voice line on a typed call
    expect(plain(await page.getByTestId('agent-state-note').innerText())).toMatch(/שיחה בהקלדה.*נמדדים רק בשיחה קולית/);
    await shots(page, 'dashboard-practice-report-timelines-he');
    await page.context().close();
  });

  it('renders the dashboards in English, left to right', async () => {
    for (const who of ['agent1', 'manager'] as const) await e.ctx.repos.users.update(id[who], { locale: 'en' });
    try {
      const page = await e.newPage();
      await e.signIn(page, 'agent1@demo.salesgym.dev');
      await poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
      await drewLines(page, 'agent-weekly-chart', 2);
      expect(await page.getByText('Calls that met the bar').count()).toBe(1);
      await shots(page, 'dashboard-agent-home-en');
      await page.context().close();
      const m = await e.newPage();
      await e.signIn(m, 'manager@demo.salesgym.dev');
      await drewLines(m, 'team-weekly-chart', 2);
      await poll(() => m.getByText('Who needs attention').count()).toBe(1);
      expect(plain(await m.getByTestId('attention-list').innerText())).toMatch(/Objection handling keeps coming back: 4 of the last 4 calls/);
      await shots(m, 'dashboard-manager-home-en');
      await m.context().close();
    } finally {
      for (const who of ['agent1', 'manager'] as const) await e.ctx.repos.users.update(id[who], { locale: 'he' });
    }
  });
});
