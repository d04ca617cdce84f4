import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { multipartBody } from '../testing/multipart.ts';
import { cookieOf } from '../testing/app.ts';
import { testConfig } from '../config/index.ts';
import { openDatabase } from '../db/index.ts';
import { createContext, seedDemo, type AppContext } from '../app/index.ts';
import { buildApp } from '../http/index.ts';
import { renderCall } from '../audio/index.ts';

async function boot(dataDir: string, baseURL: string) {
  const config = testConfig({ DATA_DIR: dataDir, TRANSCRIBE_BASE_URL: baseURL, OPENAI_TRANSCRIBE_MODEL: 'whisper-1' });
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
  const ctx = await createContext(config, database);
  const app = await buildApp({ ctx, serveWeb: false, logger: false });
  await app.ready();
  return { ctx, app, database };
}

describe.skipIf(!haveTools(['ffmpeg', 'ffprobe', 'espeak-ng'], 'call job restart'))('a call job interrupted by a restart', () => {
  let dir = '';
  let fake: FakeOpenAI;
  let wav: Buffer;
  let hang = true;
  let release: () => void = () => {};
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-restart-'));
    const r = await renderCall(
      [
        { speaker: 'agent', text: 'שלום, מדברת נועה ממגן ביטוחים. יש לך שתי דקות?' },
        { speaker: 'customer', text: 'כן, מה רצית?' },
      ],
      { language: 'he', out: path.join(dir, 'r.wav') },
    );
    wav = readFileSync(r.path);
    fake = await startFakeOpenAI({
      transcription: async () => {
        if (hang) await new Promise<void>((r) => (release = r));
        return { text: 'שלום, מדברת נועה ממגן ביטוחים. יש לך שתי דקות?' };
      },
    });
  }, 60_000);
  afterAll(async () => {
    release();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes after the app comes back on the same database, taking the quota once', async () => {
    const dataDir = path.join(dir, 'data');
    let s = await boot(dataDir, fake.url);
    const companyId = await seedDemo(s.ctx);
    const login = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'agent1@demo.salesgym.dev', password: 'salesgym-demo' } });
    const { payload, headers } = multipartBody({}, [{ field: 'file', filename: 'call.wav', content: wav }]);
    const up = await s.app.inject({ method: 'POST', url: '/api/calls', payload, headers: { ...headers, cookie: cookieOf(login) } });
    expect(up.statusCode, up.body).toBe(202);
    const id = up.json().call.id as string;
    await s.ctx.jobs.start({ pollMs: 50 });
    // wait until the worker is inside the transcription request
    const until = async (ctx: AppContext, status: string) => {
      for (let i = 0; i < 400; i++) {
        if ((await ctx.repos.calls.byId(id))?.status === status) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`call never reached ${status}`);
    };
    await until(s.ctx, 'transcribing');
    for (let i = 0; i < 200 && fake.requestsTo('/v1/audio/transcriptions').length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(fake.requestsTo('/v1/audio/transcriptions').length).toBeGreaterThan(0);
    // the process dies: the worker has no chance to release its job (its lease stays, as after a crash)
    // the aborted handler gives up its transcription request and returns (not left hanging until the timeout)
    expect(await s.ctx.jobs.stop({ release: false, timeoutMs: 30_000 })).toEqual({ settled: true });
    await s.app.close();
    await s.database.close();
    hang = false;
    release();

    s = await boot(dataDir, fake.url);
    const job = (await s.ctx.repos.jobs.byPayload('call.analyse', 'callId', id))[0];
    expect(job.status).toBe('running');
    await s.ctx.jobs.start({ pollMs: 50 });
    await s.ctx.jobs.idle(30_000);
    const call = await s.ctx.repos.calls.byId(id);
    expect(call).toMatchObject({ status: 'done', reportKind: 'full', quotaConsumed: true });
    expect((await s.ctx.repos.jobs.byId(job.id))?.attempts).toBe(2);
    expect(await s.ctx.repos.usage.get(companyId, 'company', 'analyses')).toBe(1);
    await s.app.close();
    await s.database.close();
  }, 120_000);
});
