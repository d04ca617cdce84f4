import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { startFakeRealtimeServer, type FakeRealtimeServer } from '../testing/fake-realtime-server.ts';
import { formatDoctor, runDoctor, runDoctorChecks, type Check } from './doctor.ts';

const MODELS = ['gpt-4.1-mini', 'gpt-4o-transcribe', 'gpt-4o-mini-tts', 'gpt-realtime'];
const byName = (checks: Check[], area: string) => checks.find((c) => c.area === area && !c.skipped)!;

describe('salesgym doctor, against the fake OpenAI and Realtime servers', () => {
  let http: FakeOpenAI;
  let rt: FakeRealtimeServer;
  beforeAll(async () => {
    http = await startFakeOpenAI({ apiKey: 'sk-good-key-1234', models: MODELS, strictModels: true });
    rt = await startFakeRealtimeServer({ apiKey: 'sk-good-key-1234', models: ['gpt-realtime'] });
  });
  afterAll(async () => {
    await http.close();
    await rt.close();
  });

  const env = (over: Record<string, string> = {}) =>
    loadConfig({ OPENAI_API_KEY: 'sk-good-key-1234', OPENAI_BASE_URL: http.url, OPENAI_REALTIME_URL: rt.url, LOG_LEVEL: 'silent', ...over });

  it('all good: key accepted, models found, a Realtime round trip, one transcription, one speech request; prints the chain and the upload path', async () => {
    const lines: string[] = [];
    const code = await runDoctor([], { out: (s) => lines.push(s), err: (s) => lines.push(s) }, env());
    const text = lines.join('\n');
    expect(code).toBe(0);
    expect(text).toMatch(/✓ key accepted/);
    expect(text).toMatch(/✓ session round trip: .*session\.update answered in \d+ ms/);
    expect(text).toMatch(/✓ one transcription/);
    expect(text).toMatch(/✓ one speech request: .*voice marin/);
    expect(text).toMatch(/Calls: {3}realtime → cascade → offline/);
    expect(text).toMatch(/Uploads: transcription by .*gpt-4o-transcribe/);
    // the requests doctor made are the real API's shapes (the fakes validate voice, model, format)
    const speech = http.requestsTo('/v1/audio/speech').at(-1)!.body as { voice: string; response_format: string };
    expect(speech).toMatchObject({ voice: 'marin', response_format: 'pcm' });

    const json: string[] = [];
    expect(await runDoctor(['--json'], { out: (s) => json.push(s), err: () => undefined }, env())).toBe(0);
    const report = JSON.parse(json.join('\n'));
    expect(report.ok).toBe(true);
    expect(report.calls.chain).toEqual(['realtime', 'cascade', 'offline']);
  });

  it('a bad key: every remote check fails as bad_key with the fix', async () => {
    const r = await runDoctorChecks(env({ OPENAI_API_KEY: 'sk-wrong-key-0000' }));
    expect(r.ok).toBe(false);
    for (const area of ['endpoint', 'realtime', 'transcription', 'speech']) {
      const c = byName(r.checks, area);
      expect(c.ok, area).toBe(false);
      expect(c.failure, area).toBe('bad_key');
      expect(c.fix).toMatch(/OPENAI_API_KEY/);
    }
    expect(formatDoctor(r)).toMatch(/fix \(bad_key\)/);
  });

  it('unknown models: named, with the variable to set', async () => {
    const r = await runDoctorChecks(env({ OPENAI_CHAT_MODEL: 'gpt-9-turbo', OPENAI_REALTIME_MODEL: 'gpt-realtime-9', OPENAI_TTS_MODEL: 'tts-9' }));
    const chat = r.checks.find((c) => c.name === 'model gpt-9-turbo')!;
    expect(chat).toMatchObject({ ok: false, failure: 'unknown_model' });
    expect(chat.fix).toMatch(/OPENAI_CHAT_MODEL/);
    expect(byName(r.checks, 'realtime')).toMatchObject({ ok: false, failure: 'unknown_model' });
    expect(byName(r.checks, 'realtime').fix).toMatch(/OPENAI_REALTIME_MODEL/);
    expect(byName(r.checks, 'speech')).toMatchObject({ ok: false, failure: 'unknown_model' });
    expect(byName(r.checks, 'speech').fix).toMatch(/OPENAI_TTS_MODEL/);
  });

  it('no network: the endpoints cannot be reached', async () => {
    const r = await runDoctorChecks(env({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_REALTIME_URL: 'ws://127.0.0.1:9/v1' }), { httpTimeoutMs: 3000 });
    for (const area of ['endpoint', 'realtime', 'transcription', 'speech']) {
      expect(byName(r.checks, area), area).toMatchObject({ ok: false, failure: 'no_network' });
    }
    expect(byName(r.checks, 'endpoint').fix).toMatch(/cannot be reached/);
    expect(r.calls.note).toMatch(/will run on offline/);
  });

  it('quota exhausted gets its own fix; a Realtime URL written with /realtime (as the README once said) still works', async () => {
    http.failNext('/v1/audio/speech', 429, 'You exceeded your current quota, please check your plan and billing details.', 1, 'insufficient_quota');
    const r = await runDoctorChecks(env({ OPENAI_REALTIME_URL: `${rt.url}/realtime` }));
    expect(byName(r.checks, 'speech')).toMatchObject({ ok: false, failure: 'quota' });
    expect(byName(r.checks, 'speech').fix).toMatch(/billing/);
    expect(r.checks.find((c) => c.name === 'OPENAI_REALTIME_URL')!.detail).toContain(`${rt.url}/realtime?model=gpt-realtime`);
    expect(byName(r.checks, 'realtime').ok).toBe(true);
    expect(rt.connections.at(-1)!.url).toBe('/v1/realtime?model=gpt-realtime');
  });

  it('no key at all: nothing remote is checked, calls run offline', async () => {
    const r = await runDoctorChecks(loadConfig({ LOG_LEVEL: 'silent' }));
    expect(r.checks.filter((c) => ['endpoint', 'realtime', 'transcription', 'speech'].includes(c.area)).every((c) => c.skipped)).toBe(true);
    expect(r.calls.chain).toEqual(['offline']);
    expect(r.uploads.analysis).toMatch(/offline analyzer/);
  });
});
