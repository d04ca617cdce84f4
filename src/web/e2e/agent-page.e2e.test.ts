import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveTools } from '../../testing/tools.ts';
import { newId } from '../../core/index.ts';
import { buildSessionReport, scenarioFacts } from '../../coaching/index.ts';
import { GOOD_HE, POOR_HE, timed } from '../../coaching/testdata/scripts.ts';
import { sessionPassed, sessionToCallAnalysis } from '../../analytics/index.ts';
import { defaultScenario } from '../../scenarios/index.ts';
import { SCREENSHOTS, startE2E, type E2E } from './server.ts';

/** The whole page in one viewport (a full-page capture would paint the sticky bars mid-page). */
async function shot(page: Page, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1360, height: Math.min(height, 4000) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize({ width: 1360, height: 900 });
}
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });
/** Visible text without the Unicode direction isolates the client puts around interpolated values. */
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');
const DAY = 86_400_000;

/** A finished practice session with its scored report, made `daysAgo` days ago. */
async function practised(e: E2E, agentId: string, good: boolean, daysAgo: number): Promise<string> {
  const companyId = (await e.ctx.repos.users.byId(agentId))!.companyId!;
  const scenario = defaultScenario('discovery', 'intermediate', 'he');
  const id = newId();
  await e.ctx.repos.simulations.insert({
    id, companyId, agentUserId: agentId, scenarioType: 'discovery', level: 'intermediate', scenarioSnapshot: scenario, personaSnapshot: {},
    engine: 'text', mode: 'text', language: 'he', status: 'ended', outcome: 'no_outcome', seed: 1, secondsUsed: 60,
  });
  const r = buildSessionReport({ language: 'he', turns: timed(good ? GOOD_HE : POOR_HE), scenario: scenarioFacts(scenario) });
  await e.ctx.repos.reports.upsert({
    simulationId: id, companyId, agentUserId: agentId, scenarioType: 'discovery', level: 'intermediate', language: 'he',
    overallScore: r.overallScore, outcome: r.outcome, passed: sessionPassed(r), report: r, analysis: sessionToCallAnalysis(r),
    createdAt: new Date(Date.now() - daysAgo * DAY),
  });
  return id;
}

describe.skipIf(!haveTools(['chromium'], 'manager agent page e2e'))("the manager's page for one agent, in Chromium", () => {
  let e: E2E;
  let agentId: string;
  let sessions: string[];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    e = await startE2E();
    agentId = (await e.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!.id;
    await e.ctx.repos.companies.update((await e.ctx.repos.users.byId(agentId))!.companyId!, { practicePrivacyHours: 24 });
    // four weeks of practice, poor at first and better later, and one session still inside the privacy window
    sessions = [await practised(e, agentId, false, 24), await practised(e, agentId, false, 17), await practised(e, agentId, true, 10), await practised(e, agentId, true, 3)];
    await practised(e, agentId, false, 0);
  }, 120_000);
  afterAll(async () => e?.close());

  it('opens an agent from the Team page: skill curves over weeks, practice sessions, analysed calls, weaknesses', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await page.goto('/team');
    await poll(() => page.getByTestId('agent-link').count()).toBe(3); // the demo's three agents, not the manager
    await shot(page, 'team-members-links-he');
    await page.getByTestId('agent-link').filter({ hasText: 'יוסי כהן' }).click();
    await poll(() => page.url()).toMatch(new RegExp(`/team/${agentId}$`));
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('יוסי כהן');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    // practice curves: one line per skill, four weekly points each
    await poll(() => page.getByTestId('skill-curves').locator('.recharts-line').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('skill-curves').locator('.recharts-line-dots').first().locator('.recharts-line-dot').count()).toBe(4);
    // the session inside the privacy window is counted, not shown
    expect(await page.getByTestId('agent-simulations').innerText()).toBe('4');
    expect(plain(await page.getByTestId('privacy-note').innerText())).toMatch(/24 שעות\. תרגול אחד עדיין פרטי לנציג/);
    const rows = page.getByTestId('practice-sessions').locator('tbody tr');
    expect(await rows.count()).toBe(4);
    const reportLinks = await page.getByTestId('practice-sessions').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(reportLinks.sort()).toEqual(sessions.map((s) => `/practice/${s}/report`).sort());
    // the demo's analysed calls, each linking to its report
    await poll(() => page.getByTestId('agent-calls').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('agent-calls').locator('a').first().getAttribute('href')).toMatch(/^\/calls\/[0-9a-f-]{36}$/);
    // the real-call curve is one click away
    await page.getByRole('group', { name: 'מקור הנתונים' }).getByRole('button', { name: 'שיחות אמיתיות' }).click();
    await poll(() => page.getByTestId('skill-curves').locator('.recharts-line').count()).toBeGreaterThan(2);
    await page.getByRole('group', { name: 'מקור הנתונים' }).getByRole('button', { name: 'תרגולים' }).click();
    await poll(() => page.getByTestId('weakness-list').locator('li').count()).toBeGreaterThan(0);
    await poll(() => page.getByTestId('agent-assignments').locator('li').count()).toBeGreaterThan(0);
    await shot(page, 'team-agent-he');

    // a session's report opens from the list
    await rows.first().getByRole('link').click();
    await poll(() => page.getByTestId('overall-score').count()).toBe(1);
    await page.context().close();
  });

  it('shows the real-call curves for an agent who has not practised yet', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    const agent3 = (await e.ctx.repos.users.byEmail('agent3@demo.salesgym.dev'))!.id;
    await page.goto(`/team/${agent3}`);
    await poll(() => page.getByRole('button', { name: 'שיחות אמיתיות' }).getAttribute('aria-pressed')).toBe('true');
    await poll(() => page.getByTestId('skill-curves').locator('.recharts-line').count()).toBeGreaterThan(2);
    expect(await page.getByTestId('agent-simulations').innerText()).toBe('0');
    await page.getByRole('button', { name: 'תרגולים', exact: true }).click();
    await poll(() => page.getByTestId('skill-curves').count()).toBe(0);
    expect(await page.getByText('אין עדיין ציונים לתקופה הזו ממקור זה.').count()).toBe(1);
    await shot(page, 'team-agent-no-practice-he');
    await page.context().close();
  });

  it('sets focus skills (at most three, in order), shows the updated weaknesses, and keeps them after a reload', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await page.goto(`/team/${agentId}`);
    const chip = (s: string) => page.getByTestId(`focus-${s}`).locator('input');
    await poll(() => page.getByTestId('focus-saved').innerText()).toContain('אין מיקוד שמור');
    await chip('closing').check();
    await chip('rapport').check();
    await chip('opening').check();
    expect(plain(await page.getByTestId('focus-count').innerText())).toContain('נבחרו 3 מתוך 3');
    expect(await chip('listening').isDisabled()).toBe(true);
    await chip('opening').uncheck(); // changed my mind: two skills
    expect(await chip('listening').isDisabled()).toBe(false);
    await page.getByTestId('focus-save').click();
    await poll(() => page.getByTestId('focus-notice').count()).toBe(1);
    expect(plain(await page.getByTestId('focus-notice').innerText())).toContain('סגירה וצעדים הבאים');
    // the weakness profile now leads with the manager's first choice, and says it includes the focus
    await poll(() => page.getByTestId('weakness-list').locator('li').first().getAttribute('data-skill')).toBe('closing');
    expect(await page.getByTestId('profile-basis').innerText()).toContain('מיומנויות המיקוד שבחרת');
    await shot(page, 'team-agent-focus-he');

    await page.reload();
    await poll(async () => plain(await page.getByTestId('focus-saved').innerText())).toContain('1. סגירה וצעדים הבאים · 2. יצירת קשר ואמון');
    expect(await chip('closing').isChecked()).toBe(true);
    expect(await page.getByTestId('focus-closing').locator('.focus-rank').innerText()).toBe('1');
    expect(await page.getByTestId('focus-rapport').locator('.focus-rank').innerText()).toBe('2');
    expect(await page.getByTestId('weakness-list').locator('li').first().getAttribute('data-skill')).toBe('closing');
    await page.context().close();
  });

  it("shows the server's refusal in Hebrew and keeps the saved focus", async () => {
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await page.goto(`/team/${agentId}`);
    // the browser's request is rewritten on its way to the real server into one it must refuse (four skills)
    await page.route('**/api/agents/*/focus', (route) => route.continue({ postData: JSON.stringify({ skills: ['closing', 'rapport', 'opening', 'listening'] }) }));
    const chip = (s: string) => page.getByTestId(`focus-${s}`).locator('input');
    await poll(() => chip('closing').isChecked()).toBe(true);
    await chip('discovery').check();
    await page.getByTestId('focus-save').click();
    await poll(() => page.locator('[data-testid="focus-form"] .alert-error').count()).toBe(1);
    expect(await page.locator('[data-testid="focus-form"] .alert-error').innerText()).toContain('אפשר לבחור לכל היותר 3 מיומנויות');
    expect(await page.getByTestId('focus-notice').count()).toBe(0);
    await shot(page, 'team-agent-focus-error-he');
    await page.unroute('**/api/agents/*/focus');
    await page.reload();
    await poll(async () => plain(await page.getByTestId('focus-saved').innerText())).toContain('1. סגירה וצעדים הבאים · 2. יצירת קשר ואמון');
    await page.context().close();
  });

  it("keeps an agent off another agent's page", async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent2@demo.salesgym.dev');
    await page.goto(`/team/${agentId}`);
    await poll(() => page.locator('.empty-title').first().innerText()).not.toBe('');
    expect(await page.getByTestId('skill-curves').count()).toBe(0);
    expect(await page.getByTestId('focus-form').count()).toBe(0);
    const api = await page.evaluate(async (id) => (await fetch(`/api/agents/${id}/progress`)).status, agentId);
    expect(api).toBe(404); // not yours: answered as missing
    await page.context().close();
  });

  it('renders the page in English, left to right', async () => {
    const manager = (await e.ctx.repos.users.byEmail('manager@demo.salesgym.dev'))!;
    await e.ctx.repos.users.update(manager.id, { locale: 'en' });
    try {
      const page = await e.newPage();
      await e.signIn(page, 'manager@demo.salesgym.dev');
      await page.goto(`/team/${agentId}`);
      await poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
      await poll(() => page.getByRole('heading', { name: 'Focus skills' }).count()).toBe(1);
      await poll(() => page.getByTestId('skill-curves').locator('.recharts-line').count()).toBeGreaterThan(2);
      await shot(page, 'team-agent-en');
      await page.context().close();
    } finally {
      await e.ctx.repos.users.update(manager.id, { locale: 'he' });
    }
  });
});
