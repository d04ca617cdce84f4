import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeWav } from './audio.ts';
import { SessionRecorder, readMixedWav, readTrackWav, trackPath } from './recorder.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'sg-rec-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tone = (ms: number, v = 1000) => new Int16Array(ms * 24).fill(v);
async function collect(g: AsyncGenerator<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const p of g) parts.push(p);
  return new Uint8Array(Buffer.concat(parts));
}

describe('SessionRecorder', () => {
  it('goes on in the files a node left when the call is taken over (same session clock), keeping what was recorded', async () => {
    const dir = tmp();
    const first = new SessionRecorder(dir, 'sim');
    first.onCustomerAudio(tone(500, 1000), 'a', 1000); // 1.0–1.5 s on the node that died
    await first.onEnd();
    const next = new SessionRecorder(dir, 'sim', { resume: true });
    next.onCustomerAudio(tone(500, 2000), 'b', 3000); // 3.0–3.5 s on the node that took the call over
    await next.onEnd();
    const w = decodeWav(new Uint8Array(readFileSync(trackPath(dir, 'sim', 'customer'))));
    expect(w.samples.length).toBe(3500 * 24);
    expect(w.samples[1200 * 24]).toBe(1000);
    expect(w.samples[2000 * 24]).toBe(0);
    expect(w.samples[3200 * 24]).toBe(2000);
  });

  it('places customer replies where their playback starts and cuts them back at a barge-in', async () => {
    const dir = tmp();
    const r = new SessionRecorder(dir, 'sim');
    r.onCustomerAudio(tone(200), 'a', 1000); // reply a starts at 1 s
    r.onCustomerAudio(tone(200), 'a', 1010);
    r.onCustomerAudio(tone(300, 2000), 'b', 1100); // b was sent while a still played: it follows a
    r.onEngineEvent({ type: 'barge_in', itemId: 'b', atMs: 1500 }); // the agent talked over b at 1.5 s
    await r.onEnd();
    const w = decodeWav(new Uint8Array(readFileSync(trackPath(dir, 'sim', 'customer'))));
    expect(w.samples.length).toBe(1500 * 24);
    expect(w.samples[999 * 24]).toBe(0);
    expect(w.samples[1000 * 24]).toBe(1000);
    expect(w.samples[1399 * 24]).toBe(1000);
    expect(w.samples[1400 * 24]).toBe(2000);
  });

  it('writes in the background and still cuts back audio that already reached the disk', async () => {
    const dir = tmp();
    const r = new SessionRecorder(dir, 'sim');
    for (let i = 0; i < 50; i++) r.onCustomerAudio(tone(40, 700), 'a', i * 40); // 2 s, flushed in ~0.7 s pieces
    await r.flush();
    r.onCustomerAudio(tone(40, 700), 'a', 2000);
    r.onEngineEvent({ type: 'barge_in', itemId: 'a', atMs: 500 }); // heard only the first half second
    r.onCustomerAudio(tone(100, 900), 'b', 2100); // the next reply follows the cut
    await r.onEnd();
    const w = decodeWav(new Uint8Array(readFileSync(trackPath(dir, 'sim', 'customer'))));
    expect(w.samples.length).toBe(2200 * 24);
    expect(w.samples[499 * 24]).toBe(700);
    expect(w.samples[500 * 24]).toBe(0);
    expect(w.samples[2150 * 24]).toBe(900);
  });

  it('appends agent audio as it arrives and fills a real gap with silence', async () => {
    const dir = tmp();
    const r = new SessionRecorder(dir, 'sim');
    r.onAgentAudio(tone(40), 40);
    r.onAgentAudio(tone(40), 95); // 15 ms of jitter: appended right after
    r.onAgentAudio(tone(40), 2000); // the microphone was off for ~2 s
    await r.onEnd();
    const w = decodeWav(new Uint8Array(readFileSync(trackPath(dir, 'sim', 'agent'))));
    expect(w.samples.length).toBe(2000 * 24);
    expect(w.samples[79 * 24]).toBe(1000);
    expect(w.samples[1000 * 24]).toBe(0);
  });

  it('serves a track left unfinished by a crash as a valid WAV, and mixes both sides', async () => {
    const dir = tmp();
    const r = new SessionRecorder(dir, 'sim');
    r.onAgentAudio(tone(100, 100), 100);
    r.onCustomerAudio(tone(50, 50), 'x', 0);
    await r.flush(); // a second later the audio is on disk; no onEnd: the header still says "unknown length"
    const agent = decodeWav(await collect(readTrackWav(trackPath(dir, 'sim', 'agent'))));
    expect(agent.samples.length).toBe(100 * 24);
    const mix = decodeWav(await collect(readMixedWav(trackPath(dir, 'sim', 'agent'), trackPath(dir, 'sim', 'customer'))));
    expect(mix.samples.length).toBe(100 * 24);
    expect(mix.samples[10]).toBe(150);
    expect(mix.samples[60 * 24]).toBe(100);
  });

  it('writes audio larger than a staging buffer in pieces and skips long silences without writing them', async () => {
    const dir = tmp();
    const r = new SessionRecorder(dir, 'sim');
    const ramp = new Int16Array(3 * 24_000).map((_, i) => (i % 20_000) - 10_000); // 3 s in one piece: 144 KB
    r.onCustomerAudio(ramp, 'a', 0);
    r.onCustomerAudio(tone(100, 321), 'b', 10 * 60_000); // ten minutes later
    await r.onEnd();
    const file = trackPath(dir, 'sim', 'customer');
    const w = decodeWav(new Uint8Array(readFileSync(file)));
    expect(w.samples.length).toBe(10 * 60 * 24_000 + 100 * 24);
    for (const i of [0, 1, 32_767, 32_768, 50_001, ramp.length - 1]) expect(w.samples[i]).toBe(ramp[i]);
    expect(w.samples[ramp.length]).toBe(0);
    expect(w.samples[5 * 60 * 24_000]).toBe(0);
    expect(w.samples[10 * 60 * 24_000]).toBe(321);
    // the ten minutes of silence (28 MB of zeros) were skipped, not written: the file is sparse where the file
    // system supports it (tmpfs, ext4, xfs)
    const st = statSync(file);
    if (st.blocks !== undefined && st.blocks > 0) expect(st.blocks * 512).toBeLessThan(4 * 1024 * 1024);
  });

  it('ends a track that finishes in silence at its full length', async () => {
    const dir = tmp();
    const r = new SessionRecorder(dir, 'sim');
    r.onAgentAudio(tone(40, 5), 40);
    r.customer.write(tone(40, 7), 3000);
    r.customer.truncateTo(2000); // cut back into the skipped silence
    await r.onEnd();
    const c = decodeWav(new Uint8Array(readFileSync(trackPath(dir, 'sim', 'customer'))));
    expect(c.samples.length).toBe(2000 * 24);
    expect(c.samples.every((v) => v === 0)).toBe(true);
  });
});
