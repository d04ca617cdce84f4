/**
 * The manager inside a live practice call, in Chromium (issue 17): the agent practises (typed, then spoken with
 * the fake microphone); the manager, in a second browser context, sees the call in the live list, opens it, sees
 * the transcript lines as they come and (spoken) both voices arrive, whispers; the agent's page shows the
 * listening indicator and the whisper, and the customer never gets it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { haveTools, toolPath } from '../../testing/tools.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../../testing/fake-openai-http.ts';
import { startSimulationApp, type SimulationApp } from '../../testing/simulation-app.ts';
import { decodeWav, encodeWav } from '../../voice/index.ts';
import { SCREENSHOTS, ensureClientBuilt } from './server.ts';

const OPENING = 'שלום, מדבר יוסי מסוכנות מגן ביטוחים. רציתי לשאול אותך כמה שאלות על הביטוח שלך.';
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout, interval: 200 });

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('salesgym-demo');
  await page.keyboard.press('Enter');
  await page.locator('nav.sidenav').waitFor();
}

/** The agent prepares a discovery call in Hebrew (`mode`) and starts it; returns the simulation's id. */
async function agentStarts(page: Page, mode: 'voice' | 'text'): Promise<string> {
  await signIn(page, 'agent1@demo.salesgym.dev');
  await page.getByRole('link', { name: 'תרגול שיחה' }).click();
  await page.locator('select[name="scenarioType"]').selectOption('discovery');
  await page.locator('select[name="language"]').selectOption('he');
  await page.locator('select[name="mode"]').selectOption(mode);
  await page.getByRole('button', { name: 'הכנה לשיחה' }).click();
  await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await page.getByTestId('start-call').click();
  await poll(() => page.getByTestId('connection').innerText()).toBe('מחובר');
  return id;
}

/** The manager opens Live calls and the agent's call. */
async function managerOpens(page: Page, simulationId: string, shotName?: string): Promise<void> {
  await signIn(page, 'manager@demo.salesgym.dev');
  await page.getByRole('link', { name: 'שיחות בזמן אמת' }).click();
  const row = page.locator(`[data-testid="live-calls"] tr[data-simulation="${simulationId}"]`);
  await poll(() => row.count()).toBe(1); // the list refreshes by itself
  if (shotName) await shot(page, shotName);
  await row.getByTestId('listen').click();
  await page.waitForURL(new RegExp(`/live/${simulationId}$`));
  await poll(() => page.getByTestId('observer-connection').innerText()).toBe('מחובר');
}

describe.skipIf(!haveTools(['chromium', 'espeak-ng'], 'live observation browser e2e'))('the manager inside a live call (Chromium)', () => {
  let dir: string;
  let stt: FakeOpenAI;
  let t: SimulationApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const page = async () => {
    const c = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: t.base, permissions: ['microphone'], reducedMotion: 'reduce' });
    contexts.push(c);
    const p = await c.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    return Object.assign(p, { errors });
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureClientBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'sg-e2e-live-'));
    // the agent's microphone: the opening line, then silence (Chromium loops the file)
    const raw = path.join(dir, 'opening-raw.wav');
    execFileSync('espeak-ng', ['-v', 'he', '-s', '150', '-w', raw, OPENING]);
    const w = decodeWav(new Uint8Array(readFileSync(raw)));
    const out = new Int16Array(w.samples.length + w.sampleRate * 8);
    out.set(w.samples);
    const mic = path.join(dir, 'opening.wav');
    writeFileSync(mic, encodeWav(out, w.sampleRate));
    stt = await startFakeOpenAI({ transcription: () => ({ text: OPENING, language: 'hebrew' }) });
    t = await startSimulationApp({ config: { TRANSCRIBE_BASE_URL: stt.url, TRANSCRIBE_API_KEY: 'sk-local' }, serveWeb: true });
    browser = await chromium.launch({
      executablePath: toolPath('chromium') ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${mic}`, '--autoplay-policy=no-user-gesture-required',
      ],
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
    await stt?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('typed call: the manager sees it listed, follows the transcript, whispers; the agent sees who listens and the whisper', async () => {
    const agent = await page();
    const simulationId = await agentStarts(agent, 'text');
    const manager = await page();
    await managerOpens(manager, simulationId, 'live-list-he');

    // the agent is told at once that someone listens
    await poll(() => agent.getByTestId('listening-indicator').innerText()).toContain('מאזינים לשיחה עכשיו');
    const managerName = (await t.ctx.repos.users.byEmail('manager@demo.salesgym.dev'))!.name;
    expect(await agent.getByTestId('listening-indicator').innerText()).toContain(managerName);

    // a line typed by the agent, and the customer's answer, appear on the manager's page as they come
    await agent.locator('input[name="agentText"]').fill('שלום, מדבר יוסי מהסוכנות. יש לך דקה?');
    await agent.keyboard.press('Enter');
    const observed = manager.getByTestId('observed-transcript');
    await poll(() => observed.locator('[data-speaker="agent"][data-final="true"]').allInnerTexts()).toContainEqual(expect.stringContaining('מדבר יוסי'));
    await poll(() => observed.locator('[data-speaker="customer"][data-final="true"]').count()).toBeGreaterThan(0);
    const customerText = await agent.locator('[data-testid="live-transcript"] [data-speaker="customer"][data-final="true"]').first().innerText();
    expect(await observed.locator('[data-speaker="customer"][data-final="true"]').first().innerText()).toContain(customerText.split('\n').pop()!.slice(0, 20));

    // the whisper: to the agent's page, not to the customer
    await manager.locator('input[name="whisper"]').fill('תשאל אותו על התקציב');
    await manager.keyboard.press('Enter');
    await poll(() => agent.getByTestId('whispers').innerText()).toContain('תשאל אותו על התקציב');
    await poll(() => manager.getByTestId('whispers-sent').innerText()).toContain('תשאל אותו על התקציב');
    await shot(manager, 'live-call-manager-he');
    await shot(agent, 'live-call-agent-whisper-he');

    await agent.getByTestId('end-call').click();
    await poll(() => manager.getByTestId('observed-ended').count()).toBe(1);
    const turns = await t.ctx.repos.simulations.turns(simulationId);
    expect(turns.some((x) => x.text.includes('התקציב'))).toBe(false);
    await poll(async () => (await t.ctx.repos.simulations.events(simulationId)).filter((e) => e.kind === 'whisper').length).toBe(1);
    expect(agent.errors).toEqual([]);
    expect(manager.errors).toEqual([]);
  }, 180_000);

  it('spoken call: both voices reach the manager’s page, the spoken transcript follows', async () => {
    const agent = await page();
    const simulationId = await agentStarts(agent, 'voice');
    const manager = await page();
    await managerOpens(manager, simulationId);
    await manager.getByTestId('start-audio').click(); // speakers need the manager's click
    await poll(() => agent.getByTestId('listening-indicator').count()).toBe(1);
    const observed = manager.getByTestId('observed-transcript');
    await poll(() => observed.locator('[data-speaker="agent"][data-final="true"]').allInnerTexts(), 90_000).toContainEqual(expect.stringContaining('מדבר יוסי'));
    await poll(() => observed.locator('[data-speaker="customer"][data-final="true"]').count(), 60_000).toBeGreaterThan(0);
    const frames = manager.getByTestId('audio-frames');
    await poll(async () => Number(await frames.getAttribute('data-agent')), 30_000).toBeGreaterThan(10);
    await poll(async () => Number(await frames.getAttribute('data-customer')), 60_000).toBeGreaterThan(5);
    await shot(manager, 'live-call-manager-voice-he');
    await agent.getByTestId('end-call').click();
    await poll(() => manager.getByTestId('observed-ended').count()).toBe(1);
    expect(agent.errors).toEqual([]);
    expect(manager.errors).toEqual([]);
  }, 240_000);
});
