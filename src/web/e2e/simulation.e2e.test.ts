import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { haveTools, toolPath } from '../../testing/tools.ts';
import { startFakeOpenAI, type FakeOpenAI, type TranscriptionReply } from '../../testing/fake-openai-http.ts';
import { startSimulationApp, type SimulationApp } from '../../testing/simulation-app.ts';
import { decodeWav, encodeWav, PLAYBACK_REPORTS, WIRE_AUDIO } from '../../voice/index.ts';
import { SCREENSHOTS, ensureClientBuilt } from './server.ts';

/** Each call language: the agent's opening line (spoken by espeak-ng, returned by the fake transcription), the text direction and script of the transcript. */
const CALLS = {
  he: {
    opening: 'שלום, מדבר יוסי מסוכנות מגן ביטוחים. רציתי לשאול אותך כמה שאלות על הביטוח שלך.', heard: 'מדבר יוסי', dir: 'rtl', script: /[\u0590-\u05FF]/,
    cutIn: 'רגע, סליחה שאני קוטע אותך, רק שאלה אחת קטנה לפני שנמשיך.',
  },
  en: {
    opening: 'Hello, this is Yossi from Magen Insurance Agency. I wanted to ask you a few questions about your insurance.', heard: 'this is Yossi', dir: 'ltr', script: /^[^\u0590-\u05FF]*[A-Za-z][^\u0590-\u05FF]*$/,
    cutIn: 'Sorry, wait, one quick question first.',
  },
} as const;
type CallLanguage = keyof typeof CALLS;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout, interval: 200 });

function speak(dir: string, lang: CallLanguage, text: string, name: string) {
  const raw = path.join(dir, `${name}-${lang}-raw.wav`);
  execFileSync('espeak-ng', ['-v', lang, '-s', '150', '-w', raw, text]);
  return decodeWav(new Uint8Array(readFileSync(raw)));
}

/** Agent lines with silence after each (seconds), as one WAV: Chromium loops the file as the microphone. */
function agentWav(dir: string, lang: CallLanguage, parts: { text: string; thenSilenceSec: number }[], name: string): string {
  const spoken = parts.map((p, i) => ({ wav: speak(dir, lang, p.text, `${name}${i}`), silence: p.thenSilenceSec }));
  const rate = spoken[0].wav.sampleRate;
  const out = new Int16Array(spoken.reduce((n, p) => n + p.wav.samples.length + Math.round(rate * p.silence), 0));
  let at = 0;
  for (const p of spoken) {
    out.set(p.wav.samples, at);
    at += p.wav.samples.length + Math.round(rate * p.silence);
  }
  const file = path.join(dir, `${name}-${lang}.wav`);
  writeFileSync(file, encodeWav(out, rate));
  return file;
}

/** Signs in as the demo agent. */
async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="email"]').fill('agent1@demo.salesgym.dev');
  await page.locator('input[name="password"]').fill('salesgym-demo');
  await page.keyboard.press('Enter');
  await page.locator('nav.sidenav').waitFor();
}

/** Signs in as the demo agent and prepares a spoken discovery call in `lang`; returns the simulation's id. */
async function prepareVoiceCall(page: Page, lang: CallLanguage): Promise<string> {
  await signIn(page);
  await page.getByRole('link', { name: 'תרגול שיחה' }).click();
  await page.locator('select[name="scenarioType"]').selectOption('discovery');
  await page.locator('select[name="language"]').selectOption(lang);
  await page.getByRole('button', { name: 'הכנה לשיחה' }).click();
  await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

/** Seconds of audio in a transcription request's WAV. */
const wavSeconds = (bytes: Buffer | undefined) => {
  if (!bytes) return 0;
  const w = decodeWav(new Uint8Array(bytes));
  return w.samples.length / w.sampleRate;
};

describe.skipIf(!haveTools(['chromium', 'espeak-ng'], 'simulation browser e2e'))('a spoken practice call in Chromium (cascade engine, offline brain, espeak-ng voice)', () => {
  let dir: string;
  let stt: FakeOpenAI;
  let t: SimulationApp;
  // the fake microphone file is a browser-wide flag, so one Chromium per microphone script
  const browsers = new Map<string, Promise<Browser>>();
  const browserFor = (lang: CallLanguage, script: 'opening' | 'cut-in' = 'opening'): Promise<Browser> => {
    const key = `${script}-${lang}`;
    if (!browsers.has(key)) {
      const mic =
        script === 'opening'
          ? agentWav(dir, lang, [{ text: CALLS[lang].opening, thenSilenceSec: 4 }], 'opening')
          : // the opening, then the agent talks again 1.8 s after it: the customer (whose window is about 1 s) is
            // answering by then, with a reply of two sentences
            agentWav(dir, lang, [{ text: CALLS[lang].opening, thenSilenceSec: 1.8 }, { text: CALLS[lang].cutIn, thenSilenceSec: 12 }], 'cut-in');
      browsers.set(key, chromium.launch({
        executablePath: toolPath('chromium') ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
          '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${mic}`, '--autoplay-policy=no-user-gesture-required',
        ],
      }));
    }
    return browsers.get(key)!;
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ensureClientBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'sg-e2e-sim-'));
    // the real OpenAI-compatible transcription adapter, talking to the fake server: it answers in the language the adapter asked for
    stt = await startFakeOpenAI({
      transcription: (req): TranscriptionReply => {
        const lang = req.fields.language;
        if (lang !== 'he' && lang !== 'en') return { text: '', status: 400, error: { message: `unexpected transcription language ${String(lang)}` } };
        // the opening is 6–7 s of speech, the cut-in line under 4 s
        const text = wavSeconds(req.file?.bytes) < 4.5 ? CALLS[lang].cutIn : CALLS[lang].opening;
        return { text, language: lang === 'he' ? 'hebrew' : 'english' };
      },
    });
    t = await startSimulationApp({ config: { TRANSCRIBE_BASE_URL: stt.url, TRANSCRIBE_API_KEY: 'sk-local' }, serveWeb: true });
  });
  afterAll(async () => {
    for (const b of browsers.values()) await (await b.catch(() => null))?.close();
    await t?.close();
    await stt?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['he', 'en'] as const) {
    const call = CALLS[lang];
    it(`[${lang}] hears the agent, answers with audio that plays in the page, shows both sides, ends, and stores the turns`, async () => {
      const context = await (await browserFor(lang)).newContext({ viewport: { width: 1360, height: 900 }, baseURL: t.base, permissions: ['microphone'] });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      const sttBefore = stt.requestsTo('/v1/audio/transcriptions').length;
      const simulationId = await prepareVoiceCall(page, lang);
      expect((await t.ctx.repos.simulations.byId(simulationId))?.language).toBe(lang);
      await poll(() => page.getByTestId('engine-name').innerText()).toBe('מנוע מקומי');
      await shot(page, `simulation-${lang}-before-start`);

      await page.getByTestId('start-call').click();
      await poll(() => page.getByTestId('connection').innerText()).toBe('מחובר');
      // the agent's spoken line (microphone → Silero VAD → transcription adapter) appears, then the customer's answer
      const agentLine = page.locator('[data-testid="live-transcript"] [data-speaker="agent"][data-final="true"]').first();
      await poll(() => agentLine.innerText(), 60_000).toContain(call.heard);
      const customerLine = page.locator('[data-testid="live-transcript"] [data-speaker="customer"][data-final="true"]').first();
      await poll(async () => (await customerLine.count()) > 0 && (await customerLine.innerText()).length > 10, 60_000).toBe(true);
      expect(await customerLine.innerText()).toMatch(call.script);
      // the customer's audio reached the page and played
      await poll(async () => Number(await page.getByTestId('frames-played').innerText()), 30_000).toBeGreaterThan(5);
      expect(await page.getByTestId('live-transcript').getAttribute('dir')).toBe(call.dir);
      expect(await page.getByTestId('live-transcript').getAttribute('lang')).toBe(lang);
      await poll(() => page.getByTestId('latency-timeline').count(), 20_000).toBeGreaterThan(0);
      // the customer's mood in Hebrew on the Hebrew page (whatever the call's language), never the engine's English value
      await poll(() => page.getByTestId('customer-mood-label').innerText()).toMatch(/^[\u0590-\u05FF/ ]+$/);
      await shot(page, `simulation-${lang}-live`);

      await page.getByTestId('end-call').click();
      await poll(() => page.getByText('השיחה הסתיימה').count()).toBe(1);
      await page.getByRole('button', { name: 'לסיכום השיחה' }).click();
      await poll(() => page.getByTestId('session-transcript').count()).toBe(1);
      // the scored report's card fills in on the summary without a reload (the report is built as the call ends)
      await poll(() => page.getByTestId('report-link').count(), 30_000).toBe(1);
      await shot(page, `simulation-${lang}-summary`);

      const row = await t.ctx.repos.simulations.byId(simulationId);
      expect(row).toMatchObject({ status: 'ended', endReason: 'agent_ended', engine: 'cascade', language: lang });
      const turns = await t.ctx.repos.simulations.turns(simulationId);
      expect(turns.filter((x) => x.speaker === 'agent').map((x) => x.text)).toContain(call.opening);
      const customer = turns.find((x) => x.speaker === 'customer')!;
      expect(customer.text.length).toBeGreaterThan(10);
      expect(customer.text).toMatch(call.script);
      const latency = customer.latency as { agentSpeechEndMs: number; firstCustomerAudioSentMs: number; firstAudioPlayedMs: number | null };
      expect(latency.firstCustomerAudioSentMs).toBeGreaterThan(latency.agentSpeechEndMs);
      expect(latency.firstAudioPlayedMs).not.toBeNull();
      // every transcription request of this call asked for the call's language
      const sttCalls = stt.requestsTo('/v1/audio/transcriptions').slice(sttBefore);
      expect(sttCalls.length).toBeGreaterThan(0);
      expect(sttCalls.map((r) => (r.body as { fields: Record<string, unknown> }).fields.language)).toEqual(sttCalls.map(() => lang));
      expect(consoleErrors).toEqual([]);
      await context.close();
    }, 240_000);

    it(`[${lang}] the agent talks over the customer: playback stops, the customer's turn is cut where it was heard and saved as interrupted`, async () => {
      const context = await (await browserFor(lang, 'cut-in')).newContext({ viewport: { width: 1360, height: 900 }, baseURL: t.base, permissions: ['microphone'] });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      const sent: { type: string; itemId?: string; playedMs?: number }[] = [];
      page.on('websocket', (ws) => ws.on('framesent', (f) => typeof f.payload === 'string' && sent.push(JSON.parse(f.payload))));
      const simulationId = await prepareVoiceCall(page, lang);
      await page.getByTestId('start-call').click();
      await poll(() => page.getByTestId('connection').innerText()).toBe('מחובר');

      // the server tells the page to stop the customer's audio; the page stops and says how much was heard
      await poll(() => sent.filter((m) => m.type === 'interrupt').length, 60_000).toBeGreaterThan(0);
      const interrupt = sent.find((m) => m.type === 'interrupt')!;
      expect(interrupt.playedMs).toBeGreaterThan(0);
      // the cut customer line is marked in the live transcript, and the agent's cut-in line follows it
      const cut = page.locator('[data-testid="live-transcript"] [data-speaker="customer"] .bubble-cut');
      await poll(() => cut.count(), 30_000).toBeGreaterThan(0);
      // the agent's line that cut in follows the cut customer line. Which of the looping microphone's lines it is
      // depends on how long the customer's replies run (the cut-in line, or the opening of the next loop): wait for
      // the first final agent line after the first cut customer line, whichever it is
      const agentAfterCut = () =>
        page.evaluate(() => {
          const bubbles = [...document.querySelectorAll('[data-testid="live-transcript"] .bubble')];
          const at = bubbles.findIndex((b) => b.getAttribute('data-speaker') === 'customer' && b.querySelector('.bubble-cut'));
          const next = bubbles.slice(at + 1).find((b) => b.getAttribute('data-speaker') === 'agent');
          return at >= 0 && next?.getAttribute('data-final') === 'true' ? next.textContent ?? '' : null;
        });
      await poll(agentAfterCut, 30_000).toMatch(new RegExp(`${call.cutIn.slice(0, 12)}|${call.opening.slice(0, 12)}`));
      await shot(page, `simulation-${lang}-barge-in`);
      await page.getByTestId('end-call').click();
      await poll(() => page.getByText('השיחה הסתיימה').count()).toBe(1);

      const turns = await t.ctx.repos.simulations.turns(simulationId);
      const cutTurn = turns.find((x) => x.speaker === 'customer' && x.interrupted);
      expect(cutTurn).toBeTruthy();
      expect(cutTurn!.text).toMatch(call.script);
      // cut where it was heard, on the session's clock: the stored turn lasts what the page reported playing. The
      // server sends audio in frames of outboundFrameMs and, should the page's word come late, estimates from the last
      // position report: one frame plus one report interval is the most the two may differ by.
      const tolerance = WIRE_AUDIO.outboundFrameMs + PLAYBACK_REPORTS.positionEveryMs;
      console.info(`[barge-in ${lang}] page played ${interrupt.playedMs} ms; stored turn ${cutTurn!.endMs - cutTurn!.startMs} ms`);
      expect(Math.abs(cutTurn!.endMs - cutTurn!.startMs - interrupt.playedMs!)).toBeLessThanOrEqual(tolerance);
      const after = turns.filter((x) => x.seq > cutTurn!.seq && x.speaker === 'agent').map((x) => x.text);
      expect([call.cutIn, call.opening]).toContain(after[0]);
      expect((await t.ctx.repos.simulations.events(simulationId, ['barge_in'])).length).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
      await context.close();
    }, 240_000);
  }

  it('shows the pass criteria before Start, keeps developer timings out of the transcript, and a call that does not pass leaves the assignment open with the attempt listed', async () => {
    const agent = (await t.ctx.repos.users.byEmail('agent1@demo.salesgym.dev'))!;
    const [assignment] = await t.ctx.personas.listAssignments({ agentUserId: agent.id, status: 'open' });
    expect(assignment).toBeTruthy(); // the demo manager assigned agent1 a scenario aimed at their weakest skill
    const context = await (await browserFor('he')).newContext({ viewport: { width: 1360, height: 900 }, baseURL: t.base });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await signIn(page);
    await page.getByRole('link', { name: 'מה לתרגל' }).click();
    await page.getByTestId('start-next').waitFor();
    // what it takes to pass, before anything starts: the pass mark and the scenario's criteria
    const criteria = page.locator('#practise-next').getByTestId('pass-criteria');
    await poll(() => criteria.count()).toBe(1);
    expect(await criteria.getByTestId('pass-mark').getAttribute('data-mark')).toBe(String(assignment.passMark));
    expect(await criteria.locator('li').count()).toBeGreaterThan(0);
    await shot(page, 'practise-criteria-he');
    await page.getByRole('button', { name: 'תרגול בהקלדה' }).click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    const simulationId = page.url().split('/').pop()!;
    const row = (await t.ctx.repos.simulations.byId(simulationId))!;
    expect(row).toMatchObject({ scenarioId: assignment.scenarioId, scenarioVersion: assignment.scenarioVersion, mode: 'text' });
    expect(row.personaId).not.toBeNull();
    // the call page shows them too, before Start
    await page.getByTestId('start-call').waitFor();
    await poll(() => page.getByTestId('pass-criteria').count()).toBe(1);
    expect(await page.getByTestId('pass-mark').getAttribute('data-mark')).toBe(String(assignment.passMark));
    await shot(page, 'simulation-before-start-he');

    await page.getByTestId('start-call').click();
    await poll(() => page.getByTestId('connection').innerText()).toBe('מחובר');
    expect(await page.getByTestId('pass-criteria').count()).toBe(0);
    const customerLines = page.locator('[data-testid="live-transcript"] [data-speaker="customer"][data-final="true"]');
    for (const [i, line] of ['שלום, מדבר יוסי מסוכנות מגן ביטוחים. יש לך דקה?', 'מה הכי חשוב לך בביטוח שלך היום?', 'ואיך היה השירות בפעם האחרונה שהייתה לך תביעה?'].entries()) {
      await page.locator('input[name="agentText"]').fill(line);
      await page.keyboard.press('Enter');
      await poll(async () => (await customerLines.count()) > i && (await customerLines.nth(i).innerText()).length > 5, 30_000).toBe(true);
    }
    // a typed call: questions counted, talk share from the words, no voice confidence or pace
    await poll(async () => Number((await page.getByTestId('coach-questions').innerText()).match(/\d+/)?.[0] ?? 0)).toBeGreaterThanOrEqual(2);
    await poll(() => page.getByTestId('talk-ratio').getAttribute('data-value')).not.toMatch(/^(none|0)$/);
    expect(await page.getByTestId('confidence').innerText()).not.toMatch(/%/);
    // developer timings are only under the collapsed technical section, never in the transcript
    expect(await page.getByTestId('live-transcript').getByTestId('latency-timeline').count()).toBe(0);
    expect(await page.getByTestId('live-transcript').innerText()).not.toMatch(/מ״ש|\bms\b/);
    expect(await page.getByTestId('technical').getAttribute('open')).toBeNull();
    await shot(page, 'simulation-typed-live-he');
    await page.getByTestId('end-call').click();
    await poll(() => page.getByText('השיחה הסתיימה').count()).toBe(1);
    await page.getByRole('button', { name: 'לסיכום השיחה' }).click();
    await poll(() => page.getByTestId('session-transcript').count()).toBe(1);
    expect(await page.getByTestId('session-transcript').getByTestId('latency-timeline').count()).toBe(0);
    expect(await page.getByTestId('session-transcript').innerText()).not.toMatch(/מ״ש|\bms\b/);
    await shot(page, 'simulation-typed-summary-he');

    // three lines are far from the pass mark: the assignment stays open, the call is listed as an attempt
    await poll(async () => !!(await t.ctx.repos.reports.bySimulation(simulationId)), 30_000).toBe(true);
    expect((await t.ctx.personas.getAssignment(assignment.id)).status).toBe('open');
    await page.goto('/training');
    const attempt = page.getByTestId('my-assignments').getByTestId('attempt');
    await poll(() => attempt.count()).toBeGreaterThan(0);
    expect(await attempt.first().getAttribute('data-passed')).toBe('false');
    expect(await attempt.first().locator('a').getAttribute('href')).toBe(`/practice/${simulationId}/report`);
    await shot(page, 'practise-attempts-he');
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
