/**
 * Done-when of "never a deaf customer": a spoken Hebrew practice call in Debian Chromium with no key, no server
 * recogniser, no model and no working browser recognition. Every utterance the server hears is stored as
 * inaudible, the customer answers each one as on a bad line, the page says why once, and the call gets no score
 * and completes no assignment.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { haveTools, toolPath } from '../../testing/tools.ts';
import { startSimulationApp, type SimulationApp } from '../../testing/simulation-app.ts';
import { decodeWav, encodeWav } from '../../voice/index.ts';
import { SCREENSHOTS, ensureClientBuilt } from './server.ts';

const LINES = ['שלום, מדבר יוסי מסוכנות מגן ביטוחים, יש לך דקה?', 'רציתי לשאול איך אתם מבוטחים היום.', 'מה הכי חשוב לך בפוליסה חדשה?'];
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout, interval: 250 });

/** The three lines, each followed by `silenceSec` of silence (time for the customer's answer), as one WAV. */
function micWav(dir: string, silenceSec: number): string {
  const parts = LINES.map((text, i) => {
    const raw = path.join(dir, `line${i}.wav`);
    execFileSync('espeak-ng', ['-v', 'he', '-s', '150', '-w', raw, text]);
    return decodeWav(new Uint8Array(readFileSync(raw)));
  });
  const rate = parts[0].sampleRate;
  const gap = Math.round(rate * silenceSec);
  const out = new Int16Array(parts.reduce((n, p) => n + p.samples.length + gap, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p.samples, at);
    at += p.samples.length + gap;
  }
  const file = path.join(dir, 'mic.wav');
  writeFileSync(file, encodeWav(out, rate));
  return file;
}

describe.skipIf(!haveTools(['chromium', 'espeak-ng'], 'deaf-line browser e2e'))('a spoken Hebrew call with no speech recognition anywhere (Chromium)', () => {
  let dir: string;
  let t: SimulationApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureClientBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'sg-e2e-deaf-'));
    // no OPENAI_API_KEY, no TRANSCRIBE_BASE_URL, no model: the server has no recogniser
    t = await startSimulationApp({ serveWeb: true });
    browser = await chromium.launch({
      executablePath: toolPath('chromium') ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${micWav(dir, 5)}`, '--autoplay-policy=no-user-gesture-required',
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores every utterance as inaudible, the customer answers each, the page says why once, no score, the assignment stays open', async () => {
    const agent = (await t.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!;
    const [assignment] = await t.ctx.personas.listAssignments({ agentUserId: agent.id, status: 'open' });
    expect(assignment).toBeTruthy();
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: t.base, permissions: ['microphone'] });
    const page: Page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const sent: { type: string; status?: string; error?: string }[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => typeof f.payload === 'string' && sent.push(JSON.parse(f.payload))));

    await page.goto('/');
    await page.locator('input[name="email"]').fill('agent1@demo.salesgym.dev');
    await page.locator('input[name="password"]').fill('salesgym-demo');
    await page.keyboard.press('Enter');
    await page.locator('nav.sidenav').waitFor();
    // the assigned scenario, by voice
    await page.getByRole('link', { name: 'מה לתרגל' }).click();
    await page.getByTestId('start-next').click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    const simulationId = page.url().split('/').pop()!;
    expect((await t.ctx.repos.simulations.byId(simulationId))).toMatchObject({ mode: 'voice', engine: 'cascade', scenarioId: assignment.scenarioId });

    // before Start the page says which recogniser this call will use: none on the server, so the browser's (or typing)
    await poll(() => page.getByTestId('transcription-step').getAttribute('data-step')).toMatch(/^(browser|typed)$/);
    await page.getByTestId('start-call').click();
    await poll(() => page.getByTestId('connection').innerText()).toBe('מחובר');
    // the page told the server how its recognition stands
    await poll(() => sent.some((m) => m.type === 'recognition')).toBe(true);

    // at least three utterances heard; each answered by the customer
    const inaudible = page.locator('[data-testid="live-transcript"] [data-speaker="agent"][data-inaudible="true"]');
    const answers = page.locator('[data-testid="live-transcript"] [data-speaker="customer"][data-final="true"]');
    await poll(async () => (await inaudible.count()) >= 3 && (await answers.count()) >= (await inaudible.count()), 150_000).toBe(true);
    await poll(() => page.getByTestId('transcription-notice').count()).toBe(1);
    expect(await page.getByTestId('transcription-notice').getAttribute('data-reason')).toBe('no_recognition');
    for (const text of await answers.allInnerTexts()) expect(text).toMatch(/[\u0590-\u05FF]{3}/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'deaf-line-live.png'), fullPage: true });

    await page.getByTestId('end-call').click();
    await poll(() => page.getByText('השיחה הסתיימה').count()).toBe(1);

    const turns = await t.ctx.repos.simulations.turns(simulationId);
    const agentTurns = turns.filter((x) => x.speaker === 'agent');
    const customerTurns = turns.filter((x) => x.speaker === 'customer' && x.text.trim());
    expect(agentTurns.length).toBeGreaterThanOrEqual(3);
    expect(agentTurns.every((x) => x.inaudible && x.text === '')).toBe(true);
    // every inaudible turn got an answer (the last one may have been cut by the end of the call)
    expect(customerTurns.length).toBeGreaterThanOrEqual(agentTurns.length - 1);
    for (const [i, a] of agentTurns.entries()) {
      if (i === agentTurns.length - 1) break;
      expect(customerTurns.some((c) => c.seq === a.seq + 1), `agent turn ${a.seq} is answered`).toBe(true);
    }

    // no score: the report is there, says why, counts nowhere; the assignment stays open
    await poll(async () => (await t.ctx.repos.reports.bySimulation(simulationId)) !== undefined, 30_000).toBe(true);
    const row = (await t.ctx.repos.reports.bySimulation(simulationId))!;
    expect(row.overallScore).toBeNull();
    expect(row.passed).toBe(false);
    expect((row.report as { noScoreReason?: string }).noScoreReason).toMatch(/אין ציון/);
    expect((await t.ctx.personas.getAssignment(assignment.id)).status).toBe('open');
    await page.getByRole('button', { name: 'לסיכום השיחה' }).click();
    await poll(() => page.locator('[data-testid="report-link"] [data-score="none"]').count(), 30_000).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'deaf-line-summary.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 300_000);
});
