import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveTools } from '../../../testing/tools.ts';
import { newId } from '../../../core/index.ts';
import { sessionToCallAnalysis, sessionPassed } from '../../../analytics/index.ts';
import { runOfflineCall } from '../../../coaching/testdata/offline-call.ts';
import { goodAgent, poorAgent } from '../../../coaching/testdata/offline-agents.ts';
import { SCREENSHOTS, startE2E, type E2E } from '../../e2e/server.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const DAY = 86_400_000;

/** Stores a practice call played through the offline engine as if it ended `daysAgo` days ago. */
async function practised(e: E2E, agentId: string, o: { good: boolean; seed: number; daysAgo: number; lang?: 'he' | 'en' }) {
  const lang = o.lang ?? 'he';
  const call = await runOfflineCall({ language: lang, seed: o.seed, agent: o.good ? goodAgent(lang) : poorAgent(lang) });
  const companyId = (await e.ctx.repos.users.byId(agentId))!.companyId!;
  const id = newId();
  await e.ctx.repos.simulations.insert({
    id, companyId, agentUserId: agentId, scenarioType: 'discovery', level: 'intermediate', scenarioSnapshot: {}, personaSnapshot: {},
    engine: 'text', mode: 'text', language: lang, status: 'ended', outcome: 'no_outcome', seed: o.seed, secondsUsed: 60,
  });
  const r = call.report;
  await e.ctx.repos.reports.upsert({
    simulationId: id, companyId, agentUserId: agentId, scenarioType: 'discovery', level: 'intermediate', language: lang,
    overallScore: r.overallScore, outcome: r.outcome, passed: sessionPassed(r), report: r, analysis: sessionToCallAnalysis(r),
    createdAt: new Date(Date.now() - o.daysAgo * DAY),
  });
  return { id, report: r };
}

describe.skipIf(!haveTools(['chromium'], 'coaching pages e2e'))('coaching pages in Chromium', () => {
  let e: E2E;
  let agentId: string, agent2Id: string;
  let latest: { id: string; report: { overallScore: number | null } };
  let privateOne: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    e = await startE2E();
    agentId = (await e.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!.id;
    agent2Id = (await e.ctx.repos.users.byEmail('agent2@demo.salesgym.dev'))!.id;
    const company = (await e.ctx.repos.users.byId(agentId))!.companyId!;
    await e.ctx.repos.companies.update(company, { practicePrivacyHours: 24 });
    // four weeks of practice: poor at first, better later
    await practised(e, agentId, { good: false, seed: 1, daysAgo: 26 });
    await practised(e, agentId, { good: false, seed: 2, daysAgo: 19 });
    await practised(e, agentId, { good: true, seed: 4, daysAgo: 12 });
    latest = await practised(e, agentId, { good: true, seed: 5, daysAgo: 5 });
    privateOne = (await practised(e, agentId, { good: false, seed: 6, daysAgo: 0 })).id;
    await practised(e, agent2Id, { good: true, seed: 3, daysAgo: 3, lang: 'en' });
    await e.ctx.repos.users.update(agent2Id, { locale: 'en' });
  }, 120_000);
  afterAll(async () => e?.close());

  it('shows an agent their report with skills, criteria, three improvements and quotes (Hebrew, RTL)', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    await page.goto(`/practice/${latest.id}/report`);
    await poll(() => page.getByTestId('overall-score').innerText()).toBe(String(Math.round(latest.report.overallScore!)));
    expect(await page.getByTestId('improvements').locator('li').count()).toBe(3);
    await poll(() => page.getByTestId('skill-chart').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('quote').count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await shot(page, 'coaching-report-he');
    await page.context().close();
  });

  it('a poor call report: weaknesses say what was missing and quote the agent, the formula is Hebrew, timings stay under technical details', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    await page.goto(`/practice/${privateOne}/report`);
    const weaknesses = page.getByTestId('weaknesses');
    await poll(() => weaknesses.locator(':scope > li').count()).toBeGreaterThan(2);
    // the agent's own lines, never the customer's, under "to improve"
    const who = await weaknesses.getByTestId('quote').locator('.quote-meta').allInnerTexts();
    expect(who.length).toBeGreaterThan(0);
    expect(who.every((m) => !m.includes('הלקוח'))).toBe(true);
    // what was missing, not the positive checklist
    const text = await weaknesses.innerText();
    expect(text).not.toMatch(/שאל לפחות|הכיר בכל התנגדות לפני שענה|הביע הבנה או אמפתיה/);
    expect(text).toMatch(/\d\d:\d\d/);
    expect(await page.getByTestId('score-formula').innerText()).not.toMatch(/[A-Za-z]/);
    // response-time charts only inside the collapsed technical section
    expect(await page.getByTestId('technical').getAttribute('open')).toBeNull();
    expect(await page.getByTestId('latency-chart').isVisible().catch(() => false)).toBe(false);
    await shot(page, 'coaching-report-poor-he');
    await page.getByTestId('technical').locator('summary').click();
    await shot(page, 'coaching-report-technical-he');
    await page.context().close();
  });

  it("lets the agent share a private report, and the manager's team view counts it hidden until then", async () => {
    const manager = await e.newPage();
    await e.signIn(manager, 'manager@demo.salesgym.dev');
    await manager.goto('/team-practice');
    await poll(() => manager.getByTestId('privacy-note').innerText()).toMatch(/24/);
    expect(await manager.getByTestId('privacy-note').innerText()).toMatch(/תרגול אחד עדיין פרטי/);
    await poll(() => manager.getByTestId('practice-sessions').locator('tbody tr').count()).toBe(5);
    await shot(manager, 'coaching-team-he');

    const agent = await e.newPage();
    await e.signIn(agent, 'agent1@demo.salesgym.dev');
    await agent.goto(`/practice/${privateOne}/report`);
    await agent.getByTestId('share').click();
    await poll(() => agent.getByTestId('share-state').innerText()).toContain('משותף');
    await shot(agent, 'coaching-report-shared-he');

    await manager.reload();
    await poll(() => manager.getByTestId('practice-sessions').locator('tbody tr').count()).toBe(6);
    await manager.context().close();
    await agent.context().close();
  });

  it('shows progress curves, real calls beside practice and "practise next"', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    await page.goto('/progress');
    await poll(() => page.getByTestId('total-simulations').innerText()).toBe('5');
    await poll(() => page.getByTestId('skill-curves').locator('.recharts-line').count()).toBeGreaterThan(2);
    expect((await page.getByTestId('recommendation').innerText()).length).toBeGreaterThan(3);
    expect(await page.getByTestId('scenario-progress').locator('tbody tr').count()).toBe(1);
    await shot(page, 'coaching-progress-he');
    await page.context().close();
  });

  it('renders the report in English, left to right, for an English-speaking agent', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent2@demo.salesgym.dev');
    await page.goto('/progress');
    await poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('My progress');
    await page.getByRole('link', { name: 'Report' }).first().click();
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Practice report');
    await poll(() => page.getByTestId('improvements').locator('li').count()).toBe(3);
    await shot(page, 'coaching-report-en');
    await page.context().close();
  });

  it('shows the live coaching panel and hint toasts during a typed practice call', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    const created = await page.evaluate(async () => {
      const r = await fetch('/api/simulations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioType: 'discovery', mode: 'text', engine: 'text', language: 'he', seed: 7 }) });
      return { status: r.status, body: await r.json() };
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await page.goto(`/practice/${created.body.simulation.id}`);
    await page.getByTestId('start-call').click();
    await poll(() => page.getByTestId('coach-panel').count()).toBe(1);
    const answers = page.locator('[data-speaker="customer"][data-final="true"]');
    const say = async (text: string) => {
      const before = await answers.count();
      await page.getByRole('textbox').fill(text);
      await page.keyboard.press('Enter');
      await poll(() => answers.count()).toBeGreaterThan(before); // the customer answered this line
    };
    await say('היי, אז, אממ, יש לנו את הביטוח הכי טוב בארץ, והמחיר הוא רק 350 שקל בחודש לחבילה המלאה, אז כדאי לך לקחת את זה עכשיו.');
    await say('לא לא, זה לא נכון, אממ, אנחנו הכי זולים, כולם משלמים יותר, אז בעצם אין מה לחשוב.');
    // the coach's hint for price before needs shows as a toast, the customer's mood in the panel
    await poll(() => page.getByTestId('hint-toast').first().innerText()).toContain('מחיר');
    await poll(() => page.getByTestId('customer-mood').getAttribute('data-mood')).not.toBe('');
    // typed turns carry no speech timing: the gauge shows the share of the words (never a false 0 %), and no voice confidence
    await poll(() => page.getByTestId('talk-ratio').getAttribute('data-value')).not.toMatch(/^(none|0)$/);
    expect(await page.getByTestId('talk-ratio').innerText()).toContain('מהמילים');
    expect(await page.getByTestId('confidence').innerText()).toContain('בהקלדה');
    expect(Number((await page.getByTestId('coach-panel').locator('.coach-timer-value').first().innerText()).split(':')[1])).toBeGreaterThanOrEqual(0);
    await shot(page, 'coaching-live-panel-he');
    await page.context().close();
  }, 60_000);
});
