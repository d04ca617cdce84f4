/**
 * The practice page's check before Start: which step of the transcription chain the call uses (engine info), and
 * a sentence said into the microphone written by the server's own recogniser — an OpenAI-compatible endpoint
 * (the fake server) or the embedded recogniser (the real binding with the tests' generated model).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../../testing/fake-openai-http.ts';
import { startSimulationApp, type SimulationApp } from '../../testing/simulation-app.ts';
import { writeTinyWhisperModel } from '../../testing/whisper-model.ts';

const speech = () => {
  // 2 s of a voiced tone at 24 kHz, as the page's microphone frames arrive
  const pcm = new Int16Array(48_000);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(6000 * Math.sin((2 * Math.PI * 180 * i) / 24_000) * (0.6 + 0.4 * Math.sin(i / 900)));
  return Buffer.from(pcm.buffer).toString('base64');
};

describe('transcription chain before Start', () => {
  const apps: SimulationApp[] = [];
  let fake: FakeOpenAI | null = null;
  let dir = '';
  afterAll(async () => {
    for (const a of apps) await a.close();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('no recogniser on the server: the call is marked for the browser (then typing), and the check says so', async () => {
    const t = await startSimulationApp();
    apps.push(t);
    const agent = await t.login();
    const created = await t.create(agent, { scenarioType: 'discovery', language: 'he' });
    expect(created.engine).toMatchObject({ name: 'cascade', serverTranscripts: false, transcription: { source: 'browser' } });
    const r = await t.app.inject({ method: 'POST', url: `/api/simulations/${created.simulation.id}/transcription-check`, headers: { cookie: agent }, payload: { pcm: speech(), sampleRate: 24_000 } });
    expect(r.statusCode).toBe(503); // NOT_CONFIGURED
    expect(r.json().error.message).toMatch(/no speech recogniser/);
  });

  it('an endpoint: the sentence comes back written, in the call language', async () => {
    fake = await startFakeOpenAI({ transcription: (req) => ({ text: req.fields.language === 'he' ? 'שלום, זו בדיקה' : 'wrong language' }) });
    const t = await startSimulationApp({ config: { TRANSCRIBE_BASE_URL: fake.url, OPENAI_TRANSCRIBE_MODEL: 'whisper-1' } });
    apps.push(t);
    const agent = await t.login();
    const created = await t.create(agent, { scenarioType: 'discovery', language: 'he' });
    expect(created.engine).toMatchObject({ serverTranscripts: true, transcription: { source: 'endpoint', detail: 'openai-compatible: whisper-1' } });
    const r = await t.app.inject({ method: 'POST', url: `/api/simulations/${created.simulation.id}/transcription-check`, headers: { cookie: agent }, payload: { pcm: speech(), sampleRate: 24_000 } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ text: 'שלום, זו בדיקה', recogniser: 'openai-transcription' });
    // only the person practising may run it
    const other = await t.login('agent2@demo.salesgym.dev');
    const denied = await t.app.inject({ method: 'POST', url: `/api/simulations/${created.simulation.id}/transcription-check`, headers: { cookie: other }, payload: { pcm: speech(), sampleRate: 24_000 } });
    expect([403, 404]).toContain(denied.statusCode); // refused (the security rules may hide that it exists)
  });

  it('a model in DATA_DIR/models: the embedded recogniser is the step of the call and runs the check', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sg-check-'));
    const model = path.join(dir, 'ggml-test-tiny.bin');
    writeTinyWhisperModel(model);
    const t = await startSimulationApp({ config: { TRANSCRIBE_MODEL_PATH: model } });
    apps.push(t);
    const agent = await t.login();
    const created = await t.create(agent, { scenarioType: 'discovery', language: 'he' });
    expect(created.engine).toMatchObject({ serverTranscripts: true, transcription: { source: 'embedded', detail: 'ggml-test-tiny.bin' } });
    const r = await t.app.inject({ method: 'POST', url: `/api/simulations/${created.simulation.id}/transcription-check`, headers: { cookie: agent }, payload: { pcm: speech(), sampleRate: 24_000 } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ recogniser: 'embedded-whisper' });
    expect(typeof r.json().text).toBe('string'); // the generated model's words are noise
  }, 120_000);
});
