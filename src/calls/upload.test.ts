import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { multipartBody } from '../testing/multipart.ts';
import { renderCall, encodeWav } from '../audio/index.ts';
import { listFiles } from './storage.ts';
import type { CallReport } from './pipeline.ts';

const SAMPLE = readFileSync(path.resolve('samples/calls/he-phone-sale-good.txt'), 'utf8');

describe.skipIf(!haveTools(['ffmpeg', 'ffprobe', 'espeak-ng'], 'call upload'))('POST /api/calls and the call pages API', () => {
  let t: TestApp;
  let dataDir = '';
  let stereoWav: Buffer;
  let agent1 = '';
  let agent2 = '';
  let manager = '';

  const upload = (cookie: string, fields: Record<string, string>, files: Parameters<typeof multipartBody>[1]) => {
    const { payload, headers } = multipartBody(fields, files);
    return t.app.inject({ method: 'POST', url: '/api/calls', payload, headers: { ...headers, cookie } });
  };
  const leftovers = async () => [...(await listFiles(path.join(dataDir, 'tmp'))), ...(await listFiles(path.join(dataDir, 'calls')))];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'sg-calls-'));
    const r = await renderCall(
      [
        { speaker: 'agent', text: 'שלום, מדברת נועה ממגן ביטוחים. יש לך שתי דקות?' },
        { speaker: 'customer', text: 'כן, מה רצית?' },
        { speaker: 'agent', text: 'מה הכי חשוב לך שיהיה מכוסה בביטוח הבריאות?' },
        { speaker: 'customer', text: 'קודם כל ניתוחים ותרופות.' },
      ],
      { language: 'he', out: path.join(dataDir, 'render.wav') },
    );
    stereoWav = readFileSync(r.path);
    rmSync(r.path);
    t = await startTestApp({ config: { DATA_DIR: dataDir, UPLOAD_MAX_MB: 2 } });
    await t.ctx.jobs.start({ pollMs: 50 });
    agent1 = await t.login('agent1@demo.salesgym.dev');
    agent2 = await t.login('agent2@demo.salesgym.dev');
    manager = await t.login('manager@demo.salesgym.dev');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a stereo recording, processes it as a job and gives an audio-only report without a transcriber', async () => {
    const r = await upload(agent1, { language: 'he', callType: 'phone_sale' }, [{ field: 'file', filename: 'call.wav', content: stereoWav }]);
    expect(r.statusCode, r.body).toBe(202);
    const { call } = r.json();
    expect(call).toMatchObject({ status: 'queued', source: 'audio', originalFormat: 'wav', channels: 2 });
    await t.ctx.jobs.idle();
    const d = (await t.app.inject({ method: 'GET', url: `/api/calls/${call.id}`, headers: { cookie: agent1 } })).json();
    expect(d.call).toMatchObject({ status: 'done', progress: 1, reportKind: 'audio_only', overallScore: null });
    const rep = d.report as CallReport;
    expect(rep.audio?.separation).toBe('stereo');
    expect(rep.audio?.talk?.talkRatioAgent).toBeGreaterThan(0.4);
    expect(rep.analysis.notices.join(' ')).toMatch(/תמליל/);
    expect(rep.analysis.tone.map((x) => x.speaker).sort()).toEqual(['agent', 'customer']);
    expect(d.audioUrl).toBe(`/api/calls/${call.id}/audio`);
    // an audio-only report does not use up an analysis
    expect(await t.ctx.repos.usage.get(t.demoCompanyId, 'company', 'analyses')).toBe(1); // an audio-only analysis counts too (issue 15)

    // the player can seek: byte ranges
    const whole = await t.app.inject({ method: 'GET', url: d.audioUrl, headers: { cookie: agent1 } });
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.headers['content-type']).toBe('audio/mpeg');
    const size = whole.rawPayload.length;
    expect(size).toBeGreaterThan(1000);
    const part = await t.app.inject({ method: 'GET', url: d.audioUrl, headers: { cookie: agent1, range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${size}`);
    expect(part.rawPayload.equals(whole.rawPayload.subarray(100, 200))).toBe(true);
    const tail = await t.app.inject({ method: 'GET', url: d.audioUrl, headers: { cookie: agent1, range: 'bytes=-50' } });
    expect(tail.rawPayload.equals(whole.rawPayload.subarray(size - 50))).toBe(true);
    const bad = await t.app.inject({ method: 'GET', url: d.audioUrl, headers: { cookie: agent1, range: `bytes=${size + 10}-` } });
    expect(bad.statusCode).toBe(416);
  }, 60_000);

  it('analyses a recording uploaded with its transcript and takes one analysis from the quota', async () => {
    const r = await upload(agent1, { agentName: 'נציגה' }, [
      { field: 'file', filename: 'call.wav', content: stereoWav },
      { field: 'transcript', filename: 'call.txt', content: SAMPLE, type: 'text/plain' },
    ]);
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json().call.source).toBe('audio+transcript');
    await t.ctx.jobs.idle();
    const d = (await t.app.inject({ method: 'GET', url: `/api/calls/${r.json().call.id}`, headers: { cookie: agent1 } })).json();
    expect(d.call.reportKind).toBe('full');
    expect(d.call.overallScore).toBeGreaterThan(0);
    expect(d.report.analysis.skills.length).toBeGreaterThan(0);
    expect(d.transcript.segments.length).toBeGreaterThan(10);
    expect(await t.ctx.repos.usage.get(t.demoCompanyId, 'company', 'analyses')).toBe(2);
    // processing it again (e.g. a retried job) does not take the quota twice
    await t.ctx.repos.calls.update(d.call.id, { status: 'analysing' });
    await t.ctx.jobs.enqueue('call.analyse', { callId: d.call.id });
    await t.ctx.jobs.idle();
    expect(await t.ctx.repos.usage.get(t.demoCompanyId, 'company', 'analyses')).toBe(2);
  }, 60_000);

  it('analyses a transcript uploaded alone', async () => {
    const r = await upload(agent2, {}, [{ field: 'file', filename: 'he-phone-sale-good.txt', content: SAMPLE, type: 'text/plain' }]);
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json().call).toMatchObject({ source: 'transcript', language: 'he' });
    await t.ctx.jobs.idle();
    const s = (await t.app.inject({ method: 'GET', url: `/api/calls/${r.json().call.id}/status`, headers: { cookie: agent2 } })).json();
    expect(s).toMatchObject({ status: 'done', reportKind: 'full' });
  }, 60_000);

  describe('bad uploads get a 4xx with a clear message and leave no files', () => {
    const cases: [string, () => Parameters<typeof multipartBody>[1], number, RegExp][] = [
      ['an empty file', () => [{ field: 'file', filename: 'call.mp3', content: Buffer.alloc(0) }], 422, /empty/],
      ['binary that is not audio', () => [{ field: 'file', filename: 'call.mp3', content: Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7919 + 13) % 256)) }], 422, /not an audio recording|could not be decoded/],
      ['a truncated recording', () => [{ field: 'file', filename: 'call.wav', content: stereoWav.subarray(0, Math.floor(stereoWav.length / 2)) }], 422, /cut off/],
      ['a silent recording', () => [{ field: 'file', filename: 'call.wav', content: encodeWav(new Int16Array(16_000 * 2), 16_000) }], 422, /silent/],
      ['a file over the size limit', () => [{ field: 'file', filename: 'big.wav', content: Buffer.concat([stereoWav, Buffer.alloc(3 * 1024 * 1024)]) }], 413, /larger than the 2 MB limit/],
      ['a text file without speakers', () => [{ field: 'file', filename: 'notes.txt', content: 'just some notes about nothing in particular' }], 422, /speaker labels/],
      ['no file at all', () => [], 400, /No file was uploaded/],
    ];
    for (const [name, files, status, msg] of cases) {
      it(name, async () => {
        const before = (await t.ctx.repos.calls.list({})).total;
        const filesBefore = (await leftovers()).length;
        const r = await upload(agent1, {}, files());
        expect(r.statusCode, r.body).toBe(status);
        expect(r.json().error.message).toMatch(msg);
        expect(await listFiles(path.join(dataDir, 'tmp'))).toEqual([]);
        expect((await leftovers()).length).toBe(filesBefore);
        expect((await t.ctx.repos.calls.list({})).total).toBe(before);
      });
    }
    it('a non-multipart request', async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/calls', payload: { file: 'x' }, headers: { cookie: agent1 } });
      expect(r.statusCode).toBe(415);
    });
  });

  it('an agent cannot read, play or delete another agent’s call; the manager can read it', async () => {
    const { calls } = (await t.app.inject({ method: 'GET', url: '/api/calls', headers: { cookie: agent1 } })).json();
    const mine = calls[0];
    expect(mine.agentUserId).toBeTruthy();
    for (const url of [`/api/calls/${mine.id}`, `/api/calls/${mine.id}/audio`, `/api/calls/${mine.id}/status`]) {
      const r = await t.app.inject({ method: 'GET', url, headers: { cookie: agent2 } });
      expect(r.statusCode, url).toBe(404); // not yours: answered as missing
    }
    expect((await t.app.inject({ method: 'DELETE', url: `/api/calls/${mine.id}`, headers: { cookie: agent2 } })).statusCode).toBe(404); // not yours: answered as missing
    expect((await t.app.inject({ method: 'GET', url: `/api/calls/${mine.id}`, headers: { cookie: manager } })).statusCode).toBe(200);
    // lists: each agent sees only their own, the manager sees the team's
    const list2 = (await t.app.inject({ method: 'GET', url: '/api/calls', headers: { cookie: agent2 } })).json();
    expect(list2.calls.every((c: { agentUserId: string }) => c.agentUserId !== mine.agentUserId)).toBe(true);
    const all = (await t.app.inject({ method: 'GET', url: '/api/calls', headers: { cookie: manager } })).json();
    const ids = new Set(all.calls.map((c: { id: string }) => c.id));
    expect([...calls, ...list2.calls].every((c: { id: string }) => ids.has(c.id))).toBe(true);
    expect(new Set(all.calls.map((c: { agentUserId: string }) => c.agentUserId)).size).toBeGreaterThanOrEqual(3);
    expect((await t.app.inject({ method: 'GET', url: '/api/calls/not-an-id', headers: { cookie: agent1 } })).statusCode).toBe(400); // a malformed id is refused before any lookup
  });

  it('filters the list by score, type and date', async () => {
    const q = async (qs: string) => (await t.app.inject({ method: 'GET', url: `/api/calls?${qs}`, headers: { cookie: manager } })).json();
    const all = await q('limit=200');
    const scored = await q('minScore=60');
    expect(scored.total).toBe(all.calls.filter((c: { overallScore: number | null }) => c.overallScore != null && c.overallScore >= 60).length);
    expect(scored.total).toBeGreaterThan(0);
    expect(scored.total).toBeLessThan(all.total);
    const service = await q('callType=customer_service');
    expect(service.calls.every((c: { callType: string }) => c.callType === 'customer_service')).toBe(true);
    const agent = all.calls[0].agentUserId;
    expect((await q(`agentUserId=${agent}`)).calls.every((c: { agentUserId: string }) => c.agentUserId === agent)).toBe(true);
    expect((await q('from=2000-01-01&to=2000-12-31')).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const todays = all.calls.filter((c: { createdAt: string }) => c.createdAt.slice(0, 10) === today).length;
    expect(todays).toBeGreaterThan(0);
    expect((await q(`from=${today}&to=${today}`)).total).toBe(todays);
    // the demo calls are dated in the past weeks
    expect((await q(`to=${today}`)).total).toBe(all.total);
    expect((await t.app.inject({ method: 'GET', url: '/api/calls?minScore=abc', headers: { cookie: manager } })).statusCode).toBe(400);
  });

  it('deleting a call removes its files', async () => {
    const r = await upload(agent1, {}, [{ field: 'file', filename: 'call.wav', content: stereoWav }]);
    const id = r.json().call.id;
    await t.ctx.jobs.idle();
    expect((await leftovers()).some((f) => f.includes(id))).toBe(true);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/calls/${id}`, headers: { cookie: agent1 } })).statusCode).toBe(200);
    expect((await leftovers()).some((f) => f.includes(id))).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: `/api/calls/${id}`, headers: { cookie: agent1 } })).statusCode).toBe(404);
  }, 60_000);
});
