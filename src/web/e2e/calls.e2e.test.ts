import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { haveTools } from '../../testing/tools.ts';
import { renderCall } from '../../audio/index.ts';
import { SCREENSHOTS, startE2E, type E2E } from './server.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 200 });

describe.skipIf(!haveTools(['chromium', 'ffmpeg', 'espeak-ng'], 'calls in the browser'))('calls: upload, progress, report, click-to-seek', () => {
  let e: E2E;
  let dir = '';
  let wav = '';
  let transcript = '';
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'sg-e2e-calls-'));
    const lines = [
      { speaker: 'agent' as const, text: 'שלום, מדברת נועה ממגן ביטוחים. יש לך שתי דקות?' },
      { speaker: 'customer' as const, text: 'כן, מה רצית?' },
      { speaker: 'agent' as const, text: 'מה הכי חשוב לך שיהיה מכוסה בביטוח הבריאות?' },
      { speaker: 'customer' as const, text: 'ניתוחים ותרופות. וזה יקר לי.' },
    ];
    const r = await renderCall(lines, { language: 'he', out: path.join(dir, 'call.wav') });
    wav = r.path;
    const fmt = (s: number) => `[00:${String(Math.floor(s)).padStart(2, '0')}]`;
    transcript = path.join(dir, 'call.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(transcript, r.segments.map((s) => `${fmt(s.startSec)} ${s.speaker === 'agent' ? 'נציגה' : 'לקוח'}: ${s.text}`).join('\n'));
    e = await startE2E();
    await e.ctx.jobs.start({ pollMs: 100 });
  }, 180_000);
  afterAll(async () => {
    await e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an agent uploads a recording with its transcript, watches it process, and a transcript line plays that moment', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'agent1@demo.salesgym.dev');
    await page.goto('/calls');
    await poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('שיחות');
    // the demo calls are listed
    await poll(() => page.locator('table.table tbody tr').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('link', { name: 'העלאת שיחה' }).first().click();
    await page.locator('input[type="file"]').first().setInputFiles(wav);
    await page.locator('input[type="file"]').nth(1).setInputFiles(transcript);
    await page.getByRole('button', { name: 'העלאה וניתוח' }).click();
    // processing progress, then the report
    await poll(() => page.url(), 60_000).toMatch(/\/calls\/[0-9a-f-]{36}$/);
    await poll(() => page.locator('.score-pill').count()).toBeGreaterThan(0);
    await poll(() => page.locator('audio').count()).toBe(1);
    await poll(() => page.locator('.transcript .seg').count()).toBe(4);
    // clicking the third line seeks the player there
    const audio = page.locator('audio');
    await audio.evaluate((a: HTMLAudioElement) => new Promise((r) => (a.readyState >= 1 ? r(null) : a.addEventListener('loadedmetadata', () => r(null), { once: true }))));
    await page.locator('.transcript .seg').nth(2).locator('.seg-time').click();
    const t = await audio.evaluate((a: HTMLAudioElement) => a.currentTime);
    const start = Number((await page.locator('.transcript .seg').nth(2).locator('.seg-time').innerText()).split(':')[1]);
    expect(Math.abs(t - start)).toBeLessThan(1.5);
    await shot(page, 'call-report');
    await page.context().close();
  }, 120_000);
});
