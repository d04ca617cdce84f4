import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { isAppError } from '../core/index.ts';
import { probeAudio, normalizeAudio, run, AUDIO_FORMATS } from './ffmpeg.ts';
import { renderCall } from './render.ts';
import { encodeWav } from './wav.ts';

const ENCODE: Record<string, string[]> = {
  wav: ['-c:a', 'pcm_s16le'],
  mp3: ['-c:a', 'libmp3lame', '-b:a', '64k'],
  m4a: ['-c:a', 'aac', '-b:a', '64k'],
  mp4: ['-c:a', 'aac', '-b:a', '64k', '-f', 'mp4'],
  aac: ['-c:a', 'aac', '-b:a', '64k', '-f', 'adts'],
  webm: ['-c:a', 'libopus', '-b:a', '32k'],
  ogg: ['-c:a', 'libvorbis', '-q:a', '3'],
  opus: ['-c:a', 'libopus', '-b:a', '32k'],
  flac: ['-c:a', 'flac'],
  wma: ['-c:a', 'wmav2', '-b:a', '64k'],
};

describe.skipIf(!haveTools(['ffmpeg', 'ffprobe', 'espeak-ng', 'sox'], 'audio format conversion'))('audio conversion', () => {
  let dir = '';
  let source = '';
  let sourceSec = 0;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-fmt-'));
    const r = await renderCall(
      [
        { speaker: 'agent', text: 'Hello, this is Dana from Magen insurance. Do you have a minute?' },
        { speaker: 'customer', text: 'Yes, but only a short one. What is this about?' },
      ],
      { language: 'en', out: path.join(dir, 'source.wav') },
    );
    source = r.path;
    sourceSec = r.durationSec;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts every listed format', () => {
    expect([...AUDIO_FORMATS].sort()).toEqual([...Object.keys(ENCODE), 'amr'].sort());
  });

  for (const fmt of Object.keys(ENCODE)) {
    it(`converts ${fmt} to 16 kHz mono analysis audio, keeping stereo channels apart`, async () => {
      const file = path.join(dir, `call.${fmt}`);
      const r = await run('ffmpeg', ['-v', 'error', '-y', '-i', source, ...ENCODE[fmt], file]);
      expect(r.code, r.stderr).toBe(0);
      const probe = await probeAudio(file);
      expect(probe.format).toBe(fmt === 'mp4' ? 'm4a' : fmt);
      expect(probe.channels).toBe(2);
      const out = mkdtempSync(path.join(dir, `${fmt}-`));
      const norm = await normalizeAudio(file, out, { probe });
      expect(norm.durationSec).toBeGreaterThan(sourceSec * 0.97);
      expect(norm.durationSec).toBeLessThan(sourceSec * 1.05 + 0.1);
      expect(norm.channelPaths).not.toBeNull();
      // left holds only the agent: its first half (agent speaking) is loud, the right channel is quiet then
      const left = readFileSync(norm.channelPaths![0]);
      const right = readFileSync(norm.channelPaths![1]);
      const energy = (b: Buffer, from: number, to: number) => {
        let e = 0;
        for (let i = 44 + from * 2; i < 44 + to * 2; i += 2) e += Math.abs(b.readInt16LE(i));
        return e;
      };
      const sr = 16_000;
      expect(energy(left, sr * 1, sr * 2)).toBeGreaterThan(10 * energy(right, sr * 1, sr * 2) + 1);
    }, 30_000);
  }

  it('converts amr (mono, narrow-band phone audio)', async () => {
    const file = path.join(dir, 'call.amr');
    const r = await run('sox', [source, '-r', '8000', '-c', '1', '-C', '7', '-t', 'amr-nb', file]);
    expect(r.code, r.stderr).toBe(0);
    const probe = await probeAudio(file);
    expect(probe.format).toBe('amr');
    const norm = await normalizeAudio(file, mkdtempSync(path.join(dir, 'amr-')), { probe });
    expect(norm.channelPaths).toBeNull();
    expect(norm.durationSec).toBeGreaterThan(sourceSec * 0.9);
  }, 30_000);

  describe('bad files are refused with a clear reason and leave nothing behind', () => {
    const expectBad = async (file: string, pattern: RegExp) => {
      const out = mkdtempSync(path.join(dir, 'bad-'));
      const err = await normalizeAudio(file, out).then(
        () => null,
        (e) => e,
      );
      expect(isAppError(err), String(err)).toBe(true);
      expect(err.code).toBe('BAD_FILE');
      expect(err.message).toMatch(pattern);
      expect(readdirSync(out)).toEqual([]);
    };
    const cut = (from: string, to: string, fraction = 0.5) => {
      const b = readFileSync(from);
      writeFileSync(to, b.subarray(0, Math.floor(b.length * fraction)));
      return to;
    };
    const encoded = async (fmt: string) => {
      const f = path.join(dir, `full.${fmt}`);
      await run('ffmpeg', ['-v', 'error', '-y', '-i', source, ...ENCODE[fmt], f]);
      return f;
    };

    it('an empty file', async () => {
      const f = path.join(dir, 'empty.mp3');
      writeFileSync(f, '');
      await expectBad(f, /empty/);
    });
    it('a text file named .mp3', async () => {
      const f = path.join(dir, 'notes.mp3');
      writeFileSync(f, 'Meeting notes: call the customer back on Sunday.\n'.repeat(50));
      await expectBad(f, /not an audio recording/);
    });
    it('random bytes named .wav', async () => {
      const f = path.join(dir, 'noise.wav');
      writeFileSync(f, Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 251)));
      await expectBad(f, /not an audio recording|could not be decoded/);
    });
    it('a video without an audio track', async () => {
      const f = path.join(dir, 'silent-video.mp4');
      await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=5', '-t', '2', '-an', f]);
      await expectBad(f, /no audio track/);
    });
    it('a truncated wav', async () => expectBad(cut(source, path.join(dir, 'cut.wav')), /cut off/));
    it('a truncated flac', async () => expectBad(cut(await encoded('flac'), path.join(dir, 'cut.flac')), /cut off/));
    it('a truncated webm', async () => expectBad(cut(await encoded('webm'), path.join(dir, 'cut.webm')), /cut off/));
    it('a truncated mp3 (its header knows the length)', async () => expectBad(cut(await encoded('mp3'), path.join(dir, 'cut.mp3')), /cut off/));
    it('a truncated m4a (index missing)', async () => expectBad(cut(await encoded('m4a'), path.join(dir, 'cut.m4a'), 0.6), /incomplete or damaged|not an audio/));
    it('a silent recording', async () => {
      const f = path.join(dir, 'silence.wav');
      writeFileSync(f, encodeWav(new Int16Array(16_000 * 3), 16_000));
      await expectBad(f, /silent/);
    });
    it('a recording too short to analyse', async () => {
      const f = path.join(dir, 'blip.wav');
      const s = new Int16Array(16_00).map((_, i) => Math.round(8000 * Math.sin(i / 5)));
      writeFileSync(f, encodeWav(s, 16_000));
      await expectBad(f, /too short/);
    });
  });
});
