import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import { toInstructionUpdate } from '../../coaching/index.ts';
import { haveTools, toolPath } from '../../testing/tools.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../../testing/fake-openai-http.ts';
import { startFakeRealtimeServer, type FakeRealtimeServer } from '../../testing/fake-realtime-server.ts';
import { startSimulationApp, type SimulationApp } from '../../testing/simulation-app.ts';
import { decodeWav, encodeWav, type VoicePersona } from '../../voice/index.ts';
import { SCREENSHOTS, ensureClientBuilt } from './server.ts';

const OPENING = 'שלום, מדבר יוסי מסוכנות מגן ביטוחים. רציתי לשאול אותך כמה שאלות על הביטוח שלך.';
const REALTIME_REPLY = 'שלום יוסי. אני קצת עסוקה עכשיו, על מה מדובר בדיוק?';
const TYPED = 'כמה את משלמת היום על הביטוח של הבית?';
const CHAT_REPLY = 'בערך מאתיים שקל בחודש, ואני לא מתכוונת לשלם יותר מזה.';
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout, interval: 200 });

describe.skipIf(!haveTools(['chromium', 'espeak-ng'], 'OpenAI path browser e2e'))('a Hebrew call on the Realtime engine in Chromium (fake Realtime and OpenAI servers)', () => {
  let dir: string;
  let rt: FakeRealtimeServer;
  let http: FakeOpenAI;
  let t: SimulationApp;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureClientBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'sg-e2e-openai-'));
    // the microphone: the agent's opening, then a long silence (Chromium loops the file)
    const raw = path.join(dir, 'opening-raw.wav');
    execFileSync('espeak-ng', ['-v', 'he', '-s', '150', '-w', raw, OPENING]);
    const w = decodeWav(new Uint8Array(readFileSync(raw)));
    const mic = new Int16Array(w.samples.length + w.sampleRate * 40);
    mic.set(w.samples);
    writeFileSync(path.join(dir, 'mic.wav'), encodeWav(mic, w.sampleRate));
    rt = await startFakeRealtimeServer({ transcribe: () => OPENING, reply: () => ({ say: REALTIME_REPLY }), msPerChar: 40, deltaIntervalMs: 20 });
    http = await startFakeOpenAI({ chat: () => ({ content: CHAT_REPLY }), transcription: () => ({ text: OPENING }) });
    t = await startSimulationApp({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: http.url, OPENAI_REALTIME_URL: rt.url }, serveWeb: true });
    browser = await chromium.launch({
      executablePath: toolPath('chromium') ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${path.join(dir, 'mic.wav')}`, '--autoplay-policy=no-user-gesture-required',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await rt?.close();
    await http?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('survives a forced difficulty change (the persona holds) and a dead upstream (falls back, transcript intact)', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: t.base, permissions: ['microphone'] });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const received: Array<{ type: string; reason?: string }> = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && received.push(JSON.parse(f.payload))));

    await page.goto('/');
    await page.locator('input[name="email"]').fill('agent1@demo.salesgym.dev');
    await page.locator('input[name="password"]').fill('salesgym-demo');
    await page.keyboard.press('Enter');
    await page.locator('nav.sidenav').waitFor();
    await page.getByRole('link', { name: 'תרגול שיחה' }).click();
    await page.locator('select[name="scenarioType"]').selectOption('objection_handling');
    await page.locator('select[name="language"]').selectOption('he');
    await page.locator('select[name="engine"]').selectOption('realtime'); // this call's engine
    await page.getByRole('button', { name: 'הכנה לשיחה' }).click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const since = rt.received.length;
    await poll(() => page.getByTestId('engine-name').innerText()).toBe('OpenAI Realtime');

    await page.getByTestId('start-call').click();
    await poll(() => page.getByTestId('connection').innerText()).toBe('מחובר');
    // the spoken opening goes through the Realtime service; its transcript and the customer's answer appear
    const agentLines = page.locator('[data-testid="live-transcript"] [data-speaker="agent"][data-final="true"]');
    const customerLines = page.locator('[data-testid="live-transcript"] [data-speaker="customer"][data-final="true"]');
    await poll(() => agentLines.first().innerText().catch(() => ''), 60_000).toContain('מדבר יוסי');
    await poll(() => customerLines.first().innerText().catch(() => ''), 60_000).toContain('עסוקה');
    await poll(async () => Number(await page.getByTestId('frames-played').innerText()), 30_000).toBeGreaterThan(5);
    // the agent's line keeps its place before the reply, though the service's transcript of it came later
    const speakers = await page.locator('[data-testid="live-transcript"] [data-speaker]').evaluateAll((els) => els.map((e) => e.getAttribute('data-speaker')));
    expect(speakers.slice(0, 2)).toEqual(['agent', 'customer']);

    // a forced difficulty change, as the coach makes it: the persona's instructions stay whole
    const voice = ((await t.ctx.repos.simulations.byId(id))!.personaSnapshot as { voice: VoicePersona }).voice;
    const updates = () => rt.received.slice(since).flatMap((r) => (r.event.type === 'session.update' ? [r.event.session as RealtimeSessionCreateRequest] : []));
    const original = updates()[0].instructions!;
    const note = toInstructionUpdate({ mode: 'challenging', extraObjections: 1, timePressure: true, levelDelta: 1, difficulty: 0.8, supportive: false, hintsEnabled: false, reason: { he: 'שיחה בטוחה', en: 'confident call' } }, 'he', voice.gender);
    await t.ctx.simulations.applyDirective(id, { level: 'challenging', note }, 'שינוי כפוי', { level: 'challenging:מתקדם', reasons: { he: 'שינוי כפוי', en: 'forced change' } });
    await poll(() => updates().length).toBe(2);
    const after = updates()[1].instructions!;
    expect(after).toContain(voice.name);
    expect(after.length).toBeGreaterThanOrEqual(original.length * 0.8);
    expect(after.split(note).length - 1).toBe(1);
    await poll(() => received.filter((m) => m.type === 'difficulty' && m.reason === 'שינוי כפוי').length).toBe(1);

    // the upstream dies for good: the call goes on in the cascade, one plain notice, transcript kept
    rt.refuseNextConnections(503, 503, 503, 503, 503, 503);
    rt.dropAll();
    await poll(() => page.getByTestId('engine-changed').count(), 30_000).toBe(1);
    expect(await page.getByTestId('engine-changed').innerText()).toContain('התמליל נשמר');
    await poll(() => page.getByTestId('engine-name').innerText()).toBe('מנוע מקומי');
    expect(await customerLines.first().innerText()).toContain('עסוקה');
    await page.locator('input[name="agentText"]').fill(TYPED);
    await page.keyboard.press('Enter');
    await poll(() => customerLines.allInnerTexts(), 60_000).toContainEqual(expect.stringContaining('מאתיים'));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'openai-path-fallback-he.png'), fullPage: true });
    expect(received.filter((m) => m.type === 'engine_changed')).toHaveLength(1);
    expect(received.some((m) => m.type === 'ended')).toBe(false);

    await page.getByTestId('end-call').click();
    await poll(() => page.getByText('השיחה הסתיימה').count()).toBe(1);
    const turns = (await t.ctx.repos.simulations.turns(id)).map((x) => x.text);
    expect(turns.some((x) => x.includes('מדבר יוסי'))).toBe(true);
    expect(turns).toContain(REALTIME_REPLY);
    expect(turns).toContain(TYPED);
    expect(turns).toContain(CHAT_REPLY);
    expect(turns.indexOf(REALTIME_REPLY)).toBeLessThan(turns.indexOf(CHAT_REPLY));
    // the page hears 'ended' as the session ends; the row is written right after (an await later)
    await poll(async () => (await t.ctx.repos.simulations.byId(id))?.status).toBe('ended');
    const row = await t.ctx.repos.simulations.byId(id);
    expect(row).toMatchObject({ status: 'ended', engine: 'realtime', engineTier: 'cascade' });
    // every speech request the cascade made carried a voice the API accepts
    for (const r of http.requestsTo('/v1/audio/speech')) expect(['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar']).toContain((r.body as { voice: string }).voice);
    expect(pageErrors).toEqual([]);
    await context.close();

    // the company's manager sees what the call cost, per practice minute and per month
    await poll(async () => Number((await t.ctx.repos.simulations.byId(id))?.costMicros ?? 0)).toBeGreaterThan(0);
    const managerContext = await browser.newContext({ viewport: { width: 1360, height: 900 }, baseURL: t.base });
    const mp = await managerContext.newPage();
    await mp.goto('/');
    await mp.locator('input[name="email"]').fill('manager@demo.salesgym.dev');
    await mp.locator('input[name="password"]').fill('salesgym-demo');
    await mp.keyboard.press('Enter');
    await mp.locator('nav.sidenav').waitFor();
    await mp.goto('/usage');
    await poll(() => mp.getByTestId('ai-cost').count()).toBe(1);
    expect(await mp.getByTestId('ai-cost').innerText()).toMatch(/\$\d+\.\d{2,3}/);
    await mp.screenshot({ path: path.join(SCREENSHOTS, 'openai-path-usage-he.png'), fullPage: true });
    await managerContext.close();
  }, 240_000);
});
