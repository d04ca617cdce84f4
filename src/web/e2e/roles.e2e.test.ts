import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveTools } from '../../testing/tools.ts';
import { SCREENSHOTS, startE2E, type E2E } from './server.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
/** Waits for a value (up to 10 s: the machine may be busy), then asserts on it. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 100 });
/** Visible text without the Unicode direction isolates the client puts around interpolated values. */
const plain = (s: string) => s.replace(/[\u2066-\u2069]/g, '');
const navLinks = (page: Page) => page.locator('nav.sidenav .nav-link').allInnerTexts();

describe.skipIf(!haveTools(['chromium'], 'browser e2e'))('web app in Chromium, per role', () => {
  let e: E2E;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('serves the sign-in page in Hebrew, right to left, and refuses a wrong password with a Hebrew message', async () => {
    const page = await e.newPage();
    await page.goto('/');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('he');
    await poll(() => page.getByRole('heading', { name: 'כניסה ל־SalesGym' }).count()).toBe(1);
    await page.getByLabel('אימייל').fill('manager@demo.salesgym.dev');
    await page.getByLabel('סיסמה').fill('not-the-password');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.alert-error').innerText()).toContain('האימייל או הסיסמה שגויים');
    await shot(page, 'login-error');
    await page.context().close();
  });

  it('lands the super admin on Companies, with the demo company and the staff page in the navigation', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'owner@demo.salesgym.dev');
    await poll(() => h1(page).innerText()).toBe('חברות');
    expect(page.url()).toMatch(/\/companies$/);
    await poll(() => page.getByTestId('companies-table').innerText()).toContain('מגן ביטוחים');
    expect(await navLinks(page)).toEqual(['חברות', 'חבילות והנחות', 'הזמנות', 'סטטיסטיקת מערכת', 'צוות המערכת', 'החשבון שלי']);
    expect(await page.getByTestId('user-role').innerText()).toBe('מנהל־על');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await shot(page, 'super_admin');
    await page.context().close();
  });

  it('lands the admin on Companies without the staff page', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'admin@demo.salesgym.dev');
    await poll(() => h1(page).innerText()).toBe('חברות');
    expect(await navLinks(page)).not.toContain('צוות המערכת');
    expect(await navLinks(page)).toContain('חבילות והנחות');
    // a page for another role is refused in the client too
    await page.goto('/staff');
    await poll(() => page.locator('main').innerText()).toContain('אין לך הרשאה');
    await page.goto('/');
    await poll(() => h1(page).innerText()).toBe('חברות');
    await shot(page, 'admin');
    await page.context().close();
  });

  it('lands the manager on a home with quota bars coloured by level, team and questionnaire cards', async () => {
    const demo = (await e.ctx.repos.companies.findDemo())!;
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await poll(() => h1(page).innerText()).toContain('מיכל לוי');
    const bars = page.getByTestId('quota-bars');
    await bars.waitFor();
    const seats = bars.locator('.quota').first();
    const level = demo.seatsUsed >= demo.seatLimit ? 'full' : demo.seatsUsed / demo.seatLimit >= 0.8 ? 'warning' : 'ok';
    expect(await seats.getAttribute('data-level')).toBe(level);
    expect(plain(await seats.innerText())).toContain(`${demo.seatsUsed} מתוך ${demo.seatLimit}`);
    expect(await bars.locator('.quota').count()).toBe(3);
    await poll(() => page.locator('main').innerText()).toContain('שאלון החברה');
    expectNav(await navLinks(page), ['בית', 'הצוות', 'מכסות ושימוש', 'שאלון החברה', 'רכישת מושבים', 'הגדרות', 'החשבון שלי'], ['חברות', 'סטטיסטיקת מערכת']);
    await shot(page, 'manager');
    await page.context().close();
  });

  it('lands the agent on a personal home without any management pages', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    await poll(() => h1(page).innerText()).toContain('יוסי כהן');
    await poll(() => page.locator('.page-header .subtitle').innerText()).toContain('צוות מכירות טלפוניות');
    expectNav(await navLinks(page), ['בית', 'החשבון שלי'], ['הצוות', 'מכסות ושימוש', 'שאלון החברה', 'רכישת מושבים', 'הגדרות', 'חברות']);
    await page.goto('/team');
    await poll(() => page.locator('main').innerText()).toContain('אין לך הרשאה');
    await page.goto('/');
    await poll(() => h1(page).innerText()).toContain('יוסי כהן');
    await shot(page, 'agent');
    await page.context().close();
  });

  it('switches to English left to right, saves the choice on the account, and brings it back on the next sign-in', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent2@demo.salesgym.dev');
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await poll(() => h1(page).innerText()).toContain('Hello');
    expectNav(await navLinks(page), ['Home', 'My account'], ['Team', 'Companies']);
    await poll(async () => (await e.ctx.repos.users.byEmail('agent2@demo.salesgym.dev'))?.locale).toBe('en');
    await shot(page, 'agent-en');
    await page.context().close();

    const fresh = await e.newPage(); // new browser profile: nothing in localStorage
    await fresh.goto('/');
    expect(await fresh.locator('html').getAttribute('dir')).toBe('rtl');
    await e.signIn(fresh, 'agent2@demo.salesgym.dev');
    await poll(() => fresh.locator('html').getAttribute('dir')).toBe('ltr');
    await poll(() => h1(fresh).innerText()).toContain('Hello');
    await fresh.getByRole('button', { name: 'עברית' }).click();
    await poll(() => fresh.locator('html').getAttribute('dir')).toBe('rtl');
    await fresh.context().close();
  });

  it('lets the manager add an agent in one dialog, then shows the seat-quota message with a way to buy seats', async () => {
    const demo = (await e.ctx.repos.companies.findDemo())!;
    // leave exactly one free seat, so the first add succeeds and the second hits the limit
    for (let i = 0; demo.seatsUsed + i < demo.seatLimit - 1; i++) {
      await e.ctx.org.addMember(demo.id, { email: `filler${i}@demo.test`, name: `Filler ${i}`, password: 'filler-password-1', role: 'agent' });
    }
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await page.getByRole('link', { name: 'הצוות', exact: true }).click();
    await page.getByTestId('members-table').waitFor();

    await page.getByRole('button', { name: 'הוספת נציג' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('שם מלא').fill('רונית שלום');
    await dialog.getByLabel('אימייל').fill('ronit@demo.salesgym.dev');
    await dialog.getByLabel('אימייל').press('Enter'); // Enter submits; the generated password is already filled in
    await poll(() => page.getByTestId('members-table').innerText()).toContain('רונית שלום');
    const added = await e.ctx.repos.users.byEmail('ronit@demo.salesgym.dev');
    expect(added?.role).toBe('agent');
    expect(added?.companyId).toBe(demo.id);
    await poll(() => page.locator('.quota').first().getAttribute('data-level')).toBe('full');

    await page.getByRole('button', { name: 'הוספת נציג' }).click();
    await dialog.getByLabel('שם מלא').fill('אבי נוסף');
    await dialog.getByLabel('אימייל').fill('avi@demo.salesgym.dev');
    await dialog.getByRole('button', { name: 'הוספת נציג' }).click();
    const alert = dialog.locator('.alert-error');
    await poll(() => alert.innerText()).toContain('אין מושב פנוי');
    expect(await alert.innerText()).toContain(`כל ${demo.seatLimit} המושבים של החברה תפוסים`);
    expect(await e.ctx.repos.users.byEmail('avi@demo.salesgym.dev')).toBeUndefined();
    await shot(page, 'manager-seat-limit');
    await alert.getByRole('link', { name: 'לרכישת מושבים' }).click();
    await poll(() => h1(page).innerText()).toBe('רכישת מושבים');
    expect(page.url()).toMatch(/\/billing$/);
    await page.context().close();
  });

  it('shows the questionnaire server errors next to their fields and keeps the version history', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await page.goto('/questionnaire');
    const history = page.getByTestId('questionnaire-history');
    await history.waitFor();
    const versionsBefore = await history.locator('li').count();
    const details = page.getByLabel('פרטי המוצר או השירות');
    await details.fill('קצר מדי');
    await page.getByLabel('תועלת 2').fill('');
    await page.getByRole('button', { name: 'שמירת גרסה חדשה' }).click();
    const detailsField = page.locator('.field', { has: details });
    await poll(() => detailsField.locator('.field-error').innerText()).toBe('נדרשים לפחות 20 תווים');
    expect(await page.locator('.field', { has: page.getByLabel('תועלת 2') }).locator('.field-error').innerText()).toBe('נדרשים לפחות 3 תווים');
    expect(await details.getAttribute('aria-invalid')).toBe('true');
    expect(await history.locator('li').count()).toBe(versionsBefore);

    await details.fill('סוכנות ביטוח שמשווה בין חברות ומלווה את הלקוח גם בתביעות.');
    await page.getByLabel('תועלת 2').fill('כיסוי מותאם למשפחה');
    await page.getByRole('button', { name: 'שמירת גרסה חדשה' }).click();
    await poll(() => history.locator('li').count()).toBe(versionsBefore + 1);
    await poll(() => page.locator('.alert-success').innerText()).toContain(`גרסה ${versionsBefore + 1}`);
    const demo = (await e.ctx.repos.companies.findDemo())!;
    const latest = await e.ctx.org.questionnaire(demo.id);
    expect(latest?.data.benefits[1]).toBe('כיסוי מותאם למשפחה');
    await page.context().close();
  });

  it('lets the manager buy seats: package and discount code, quote, order, test-mode payment raises the seat quota', async () => {
    const before = (await e.ctx.repos.companies.findDemo())!;
    const page = await e.newPage();
    await e.signIn(page, 'manager@demo.salesgym.dev');
    await page.goto('/billing');
    await page.getByRole('radio', { name: /חבילת 5 מושבים/ }).check();
    await page.getByLabel('קוד הנחה').fill('WELCOME10');
    await page.getByLabel('קוד הנחה').press('Enter');
    const quote = page.getByTestId('quote');
    await poll(() => quote.innerText().then(plain)).toMatch(/1,341\.00/); // 1,490 less 10 %
    await page.getByRole('button', { name: 'ביצוע הזמנה' }).click();
    const orders = page.getByTestId('orders-table');
    await poll(() => orders.innerText()).toContain('ממתינה לתשלום');
    await orders.getByRole('button', { name: 'תשלום (מצב בדיקה)' }).click();
    await poll(() => page.locator('.alert-success').innerText().then(plain)).toContain('נוספו 5 מושבים');
    expect(await orders.innerText()).toContain('שולמה');
    const after = (await e.ctx.repos.companies.findDemo())!;
    expect(after.seatLimit).toBe(before.seatLimit + 5);
    await shot(page, 'manager-billing');
    await page.context().close();
  });

  it('lets an admin reset a password; the user signs in with the temporary one and is asked to change it', async () => {
    const demo = (await e.ctx.repos.companies.findDemo())!;
    const page = await e.newPage();
    await e.signIn(page, 'admin@demo.salesgym.dev');
    await page.goto(`/companies/${demo.id}`);
    const row = page.getByTestId('members-table').getByRole('row', { name: /agent3@demo\.salesgym\.dev/ });
    await row.getByRole('button', { name: 'איפוס סיסמה' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'איפוס' }).click();
    const temp = (await page.getByTestId('temp-password').innerText()).trim();
    expect(temp.length).toBeGreaterThanOrEqual(10);
    await page.context().close();

    const agent = await e.newPage();
    await e.signIn(agent, 'agent3@demo.salesgym.dev', temp);
    await poll(() => agent.locator('.alert-warning').innerText()).toContain('הסיסמה שלך אופסה');
    await agent.context().close();
  });
});

/** The links appear in this order (feature pages may sit between them), and none of the forbidden ones. */
function expectNav(links: string[], inOrder: string[], absent: string[]) {
  const positions = inOrder.map((l) => links.indexOf(l));
  expect(positions.every((p) => p >= 0), `nav ${JSON.stringify(links)} lacks one of ${JSON.stringify(inOrder)}`).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(links.filter((l) => absent.includes(l))).toEqual([]);
}
