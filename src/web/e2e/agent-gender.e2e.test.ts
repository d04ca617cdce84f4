import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../../testing/tools.ts';
import { SCREENSHOTS, startE2E, type E2E } from './server.ts';

const poll = <T>(fn: () => Promise<T> | T, timeout = 15_000) => expect.poll(fn, { timeout, interval: 100 });
/** Masculine second person aimed at the agent (what a woman must not hear from the customer). */
const MASCULINE_YOU = /(^|[\s,.!?"'(—-])(אתה|שאתה|ואתה|כשאתה|תגיד|תקשיב|תסביר|תחזור|תמשיך|תבין|תענה|שומע אותי)(?=$|[\s,.!?])/;

describe.skipIf(!haveTools(['chromium'], 'agent gender e2e'))('the gender card, in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    e = await startE2E();
  }, 180_000);
  afterAll(async () => e?.close());

  it('asks once on the practice page, saves the answer, and the practice call speaks to her in the feminine', async () => {
    const page = await e.newPage();
    const errors: string[] = [];
    page.on('pageerror', (x) => errors.push(x.message));
    await e.signIn(page, 'agent2@demo.salesgym.dev');
    await page.getByRole('link', { name: 'תרגול שיחה' }).click();
    const card = page.getByTestId('address-card');
    await card.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'gender-card-asked-he.png') });
    await card.getByRole('button', { name: /בלשון נקבה/ }).click();
    // answered: the card leaves the practice page and the profile keeps it
    await poll(() => page.getByTestId('address-card').count()).toBe(0);
    await poll(async () => (await e.ctx.repos.users.byEmail('agent2@demo.salesgym.dev'))!.gender).toBe('female');
    await page.reload();
    await page.getByTestId('practice-form').waitFor();
    expect(await page.getByTestId('address-card').count()).toBe(0);

    // a typed Hebrew call: the card shows what the customer will say, the transcript calls her "את", the customer too
    await page.locator('select[name="scenarioType"]').selectOption('discovery');
    await page.locator('select[name="language"]').selectOption('he');
    await page.locator('select[name="mode"]').selectOption('text');
    await page.getByRole('button', { name: 'הכנה לשיחה' }).click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId('persona-facts').locator('li').count()).toBeGreaterThanOrEqual(2);
    await page.getByTestId('start-call').click();
    await poll(() => page.getByTestId('connection').innerText()).toBe('מחובר');
    const lines = [
      'שלום, מדברת נועה ממגן ביטוחים. השארת פרטים לבדיקת תיק ביטוחי, יש לך דקה?',
      'תודה. באיזו חברה אתה מבוטח היום, וכמה אתה משלם בערך בחודש?',
      'אז נקבע פגישה כבר מחר בשמונה בבוקר?',
    ];
    const customer = page.locator('[data-testid="live-transcript"] [data-speaker="customer"][data-final="true"]');
    for (const [i, line] of lines.entries()) {
      await page.locator('input[name="agentText"]').fill(line);
      await page.keyboard.press('Enter');
      await poll(() => customer.count(), 30_000).toBeGreaterThan(i);
    }
    const agentWho = await page.locator('[data-testid="live-transcript"] [data-speaker="agent"] .bubble-who').first().innerText();
    expect(agentWho).toBe('את');
    const said = await customer.allInnerTexts();
    expect(said.filter((t) => MASCULINE_YOU.test(t.replace(/^\S+ \S+\s*/, '')))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'gender-call-female-he.png') });
    await page.getByTestId('end-call').click();

    // changeable on the account page, where the current answer is pressed
    await page.goto('/account');
    const account = page.getByTestId('address-card');
    await account.waitFor();
    expect(await account.getByRole('button', { name: /בלשון נקבה/ }).getAttribute('aria-pressed')).toBe('true');
    await account.getByRole('button', { name: /בלשון זכר/ }).click();
    await poll(async () => (await e.ctx.repos.users.byEmail('agent2@demo.salesgym.dev'))!.gender).toBe('male');
    await poll(() => account.getByRole('button', { name: /בלשון זכר/ }).getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  }, 180_000);
});
