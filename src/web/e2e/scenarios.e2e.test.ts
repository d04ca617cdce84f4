import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveTools } from '../../testing/tools.ts';
import { SCREENSHOTS, startE2E, type E2E } from './server.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

describe.skipIf(!haveTools(['chromium'], 'browser e2e'))('ScenarioBuilder and the agent’s practice plan in Chromium', () => {
  let e: E2E;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('lets a manager build a scenario, preview the customer it makes for an agent, save it and assign it', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await page.locator('nav.sidenav').getByRole('link', { name: 'תרחישי אימון' }).click();
    await expect.poll(() => page.getByTestId('scenarios-table').innerText()).toContain('לקוח שקיבל הצעה מהמתחרה');
    await expect.poll(() => page.getByTestId('assignments-table').innerText()).toContain('יוסי כהן');
    await shot(page, 'scenarios-list');

    await page.getByRole('link', { name: 'תרחיש חדש' }).first().click();
    await page.locator('select[name="type"]').selectOption('closing');
    await page.getByRole('radiogroup', { name: 'רמה' }).getByRole('radio', { name: 'מתקדם' }).check();
    await page.locator('input[name="name"]').fill('סגירה מול לקוח מהסס — מתקדם');
    await page.locator('select[name="emotion"]').selectOption('skeptical');
    await page.locator('select[name="previewAgent"]').selectOption({ label: 'דניאל אברהם' });
    await page.getByTestId('preview-run').click();
    const card = page.getByTestId('persona-card');
    await card.waitFor();
    const targets = page.getByTestId('persona-targets');
    expect(await targets.locator('li[data-skill="closing"]').count()).toBe(1);
    const agent3 = (await e.ctx.repos.users.byEmail('agent3@demo.salesgym.dev'))!;
    const top = (await e.ctx.personas.weaknessProfile(agent3.id)).top[0];
    expect(await targets.locator(`li[data-skill="${top}"]`).count(), 'the preview targets the chosen agent’s top weakness').toBe(1);
    expect(await page.getByTestId('persona-objections').locator('li').count()).toBeGreaterThan(0);
    await shot(page, 'scenario-builder-preview');

    await page.getByTestId('save-scenario').click();
    await expect.poll(() => page.url()).toMatch(/\/scenarios\/[0-9a-f-]{36}$/);
    await expect.poll(async () => plain(await page.locator('main').innerText())).toContain('נשמר — גרסה 1');
    await page.getByRole('button', { name: 'הקצאה' }).click();
    const form = page.getByTestId('assign-form');
    await form.getByLabel('נועה מזרחי').check();
    await form.locator('input[name="due"]').fill('2099-12-31');
    await form.getByRole('button', { name: 'הקצאה' }).click();
    await expect.poll(() => page.url()).toMatch(/\/scenarios$/);
    await expect.poll(() => page.getByTestId('assignments-table').innerText()).toContain('סגירה מול לקוח מהסס — מתקדם');
    const agent2 = (await e.ctx.repos.users.byEmail('agent2@demo.salesgym.dev'))!;
    const rows = await e.ctx.repos.assignments.list({ agentUserId: agent2.id, status: 'open' });
    expect(rows.map((r) => r.scenarioName)).toContain('סגירה מול לקוח מהסס — מתקדם');
    await shot(page, 'scenarios-assigned');
    await page.context().close();
  });

  it('shows an agent what to practise next, the customer aimed at their weakness, and the quotes behind it', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    await page.locator('nav.sidenav').getByRole('link', { name: 'מה לתרגל' }).click();
    await expect.poll(() => page.getByTestId('next-reason').innerText()).toContain('המנהל');
    const agent1 = (await e.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!;
    const top = (await e.ctx.personas.weaknessProfile(agent1.id)).top[0];
    await page.getByTestId('persona-card').waitFor();
    expect(await page.getByTestId('persona-targets').locator(`li[data-skill="${top}"]`).count()).toBe(1);
    // the agent does not see the objection lines they must discover in the call
    expect(await page.getByTestId('persona-objections').count()).toBe(0);
    expect(await page.getByTestId('my-assignments').locator('li').count()).toBeGreaterThan(0);
    const weak = page.getByTestId('weakness-list').locator(`li[data-skill="${top}"]`);
    expect(await weak.getAttribute('data-top')).toBe('true');
    expect(await weak.locator('blockquote').count()).toBeGreaterThan(0);
    await shot(page, 'practise-agent-he');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('What to practise');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await shot(page, 'practise-agent-en');
    await page.context().close();
  });
});
