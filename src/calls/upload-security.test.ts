/**
 * Security suite (issue 15), uploads: a longest call read from the container before decoding (a few KB of FLAC
 * can hold hours), ffmpeg's output bounded even when the header says nothing, audio-only analyses counted against
 * the quota, malformed multipart bodies answered with 400, and temp files of interrupted uploads swept.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { startTestApp, type TestApp } from '../testing/app.ts';
import { multipartBody } from '../testing/multipart.ts';
import { normalizeAudio, probeAudio } from '../audio/index.ts';
import { listFiles, sweepUploadTemp } from './storage.ts';

const tone = (file: string, seconds: number, channels = 1, rate = 8000) => {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}:sample_rate=${rate}`, '-ac', String(channels), file]);
  if (r.status !== 0) throw new Error(String(r.stderr));
  return file;
};

describe.skipIf(!haveTools(['ffmpeg', 'ffprobe'], 'upload limits'))('security: uploads', () => {
  let t: TestApp;
  let dataDir = '';
  let work = '';
  let agent = '';
  const upload = (fields: Record<string, string>, files: Parameters<typeof multipartBody>[1]) => {
    const { payload, headers } = multipartBody(fields, files);
    return t.app.inject({ method: 'POST', url: '/api/calls', payload, headers: { ...headers, cookie: agent } });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-upsec-'));
    work = mkdtempSync(path.join(os.tmpdir(), 'sg-upsec-work-'));
    t = await startTestApp({ config: { DATA_DIR: dataDir, CALL_MAX_MINUTES: 1 } });
    await t.ctx.jobs.start({ pollMs: 50 });
    agent = await t.login('agent1@demo.salesgym.dev');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses a call longer than CALL_MAX_MINUTES from its header, before decoding, and leaves nothing behind', async () => {
    const flac = tone(path.join(work, 'long.flac'), 150);
    const r = await upload({ language: 'he' }, [{ field: 'file', filename: 'long.flac', content: readFileSync(flac) }]);
    expect(r.statusCode, r.body).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'BAD_FILE', details: { maxDurationSec: 60 } });
    expect(r.json().error.message).toMatch(/longest call accepted is 1 min.*CALL_MAX_MINUTES/);
    expect(await listFiles(path.join(dataDir, 'tmp'))).toEqual([]);
    expect(await listFiles(path.join(dataDir, 'calls'))).toEqual([]);
  });

  it('bounds what ffmpeg writes even when the header claims no length', async () => {
    const file = tone(path.join(work, 'unknown-length.flac'), 150);
    const probe = { ...(await probeAudio(file)), durationSec: null }; // as for a stream that declares nothing
    const out = mkdtempSync(path.join(work, 'out-'));
    await expect(normalizeAudio(file, out, { probe, maxDurationSec: 60 })).rejects.toMatchObject({ code: 'BAD_FILE', details: { maxDurationSec: 60 } });
    expect(await listFiles(out)).toEqual([]);
    // within the limit it decodes as before
    const short = tone(path.join(work, 'short.flac'), 20);
    expect((await normalizeAudio(short, out, { maxDurationSec: 60 })).durationSec).toBeCloseTo(20, 0);
  });

  it('counts an audio-only analysis against the company’s monthly quota', async () => {
    const before = await t.ctx.repos.usage.get(t.demoCompanyId, 'company', 'analyses');
    const wav = tone(path.join(work, 'stereo.wav'), 8, 2, 16000);
    const r = await upload({ language: 'he' }, [{ field: 'file', filename: 'stereo.wav', content: readFileSync(wav) }]);
    expect(r.statusCode, r.body).toBe(202);
    await t.ctx.jobs.idle();
    const call = (await t.ctx.repos.calls.byId(r.json().call.id))!;
    expect(call.reportKind).toBe('audio_only');
    expect(await t.ctx.repos.usage.get(t.demoCompanyId, 'company', 'analyses')).toBe(before + 1);
  });

  it('answers malformed multipart bodies and control characters in names with 400, never 500', async () => {
    const noBoundary = await t.app.inject({ method: 'POST', url: '/api/calls', headers: { cookie: agent, 'content-type': 'multipart/form-data' }, payload: 'garbage' });
    expect(noBoundary.statusCode, noBoundary.body).toBe(400);
    const { payload, headers } = multipartBody({ language: 'he' }, [{ field: 'file', filename: 'a.txt', content: 'Agent: hello\nCustomer: hi\n'.repeat(50), type: 'text/plain' }]);
    const cut = await t.app.inject({ method: 'POST', url: '/api/calls', headers: { ...headers, 'content-length': String(payload.length - 60), cookie: agent }, payload: payload.subarray(0, payload.length - 60) });
    expect(cut.statusCode, cut.body).toBe(400);
    const nul = await upload({}, [{ field: 'file', filename: 'call\u0000.txt', content: 'Agent: hello\nCustomer: hi\n', type: 'text/plain' }]);
    expect(nul.statusCode, nul.body).toBe(400);
    expect(nul.json().error.message).toMatch(/control character/);
    const nulField = await upload({ title: 'A\u0000B' }, [{ field: 'file', filename: 'call.txt', content: 'Agent: hello\nCustomer: hi\n', type: 'text/plain' }]);
    expect(nulField.statusCode, nulField.body).toBe(400);
    expect(await listFiles(path.join(dataDir, 'tmp'))).toEqual([]);
  });

  it('removes temp files of uploads a dead process left (at start) and idle ones (sweep), never a live upload', async () => {
    const root = path.join(dataDir, 'tmp', 'uploads');
    const host = os.hostname().replace(/[^A-Za-z0-9_.]/g, '_');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!; // a process that has exited
    const orphan = path.join(root, `${dead}-${host}-orphan`);
    const stale = path.join(root, 'legacy-upload');
    const live = path.join(root, `${process.pid}-${host}-in-progress`);
    for (const d of [orphan, stale, live]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(path.join(d, 'file.upload'), Buffer.alloc(1024));
    }
    const old = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(path.join(stale, 'file.upload'), old, old);
    utimesSync(stale, old, old);
    const removed = await sweepUploadTemp(dataDir, 30 * 60_000);
    expect(removed.sort()).toEqual([orphan, stale].sort());
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true });

    // a restart after kill -9 mid-upload: the new process removes the dead one's files when it starts
    mkdirSync(orphan, { recursive: true });
    writeFileSync(path.join(orphan, 'file.upload'), Buffer.alloc(4096));
    const restarted = await startTestApp({ config: { DATA_DIR: dataDir }, seed: false });
    try {
      expect(existsSync(orphan)).toBe(false);
    } finally {
      await restarted.close();
    }
  });
});
