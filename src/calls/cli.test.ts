import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { testConfig } from '../config/index.ts';
import { isAppError } from '../core/index.ts';
import { renderCall, run } from '../audio/index.ts';
import { analyzeRecordingFile, describeAudio } from './cli.ts';
import { runAnalyze } from '../cli/analyze.ts';

describe.skipIf(!haveTools(['ffmpeg', 'ffprobe', 'espeak-ng'], 'analyze <audio> pipeline'))('analyzeRecordingFile (salesgym analyze <audio>)', () => {
  let dir = '';
  let mp3 = '';
  let fake: FakeOpenAI;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-cli-'));
    const r = await renderCall(
      [
        { speaker: 'agent', text: 'Hello, this is Dana from Magen insurance. Do you have two minutes?' },
        { speaker: 'customer', text: 'Sure, what is it about?' },
        { speaker: 'agent', text: 'What matters most to you in your health insurance?' },
      ],
      { language: 'en', out: path.join(dir, 'r.wav') },
    );
    mp3 = path.join(dir, 'call.mp3');
    await run('ffmpeg', ['-v', 'error', '-y', '-i', r.path, '-c:a', 'libmp3lame', '-b:a', '64k', mp3]);
    fake = await startFakeOpenAI({ transcription: () => ({ text: 'Hello, this is Dana from Magen insurance. Do you have two minutes?' }) });
  }, 60_000);
  afterAll(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without a transcription endpoint: conversion, tone and talk time, and a plain notice', async () => {
    const rep = await analyzeRecordingFile(mp3, testConfig(), { language: 'en' });
    expect(rep.kind).toBe('audio_only');
    expect(rep.analysis.overallScore).toBeNull();
    expect(rep.analysis.notices.join(' ')).toMatch(/needs a transcript/);
    expect(rep.audio!.talk!.talkRatioAgent).toBeGreaterThan(0.5);
    expect(describeAudio(rep.audio!, 'en').join('\n')).toMatch(/Agent talk share: \d+%/);
  }, 60_000);

  it('with a transcript alongside: the full content report', async () => {
    const tf = path.join(dir, 't.txt');
    writeFileSync(tf, 'Agent: Hello, this is Dana from Magen insurance. Do you have two minutes?\nCustomer: Sure, what is it about?\nAgent: What matters most to you in your health insurance?\n');
    const rep = await analyzeRecordingFile(mp3, testConfig(), { transcriptFile: tf });
    expect(rep.kind).toBe('full');
    expect(rep.analysis.overallScore).not.toBeNull();
  }, 60_000);

  it('with an OpenAI-compatible endpoint: transcribed, then analysed', async () => {
    const rep = await analyzeRecordingFile(mp3, testConfig({ TRANSCRIBE_BASE_URL: fake.url, OPENAI_TRANSCRIBE_MODEL: 'whisper-1' }), { language: 'en' });
    expect(rep.kind).toBe('full');
    expect(fake.requestsTo('/v1/audio/transcriptions').length).toBe(2); // one per channel
  }, 60_000);

  it('`salesgym analyze <audio> --json` prints one JSON document with the report and the audio figures', async () => {
    let out = '';
    let err = '';
    const code = await runAnalyze([mp3, '--json', '--lang', 'en'], { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: { LOG_LEVEL: 'silent' } });
    expect(code, err).toBe(0);
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({ language: 'en', overallScore: null });
    expect(doc.audio.talk.talkRatioAgent).toBeGreaterThan(0.5);
    expect(doc.tone.length).toBe(2);
    let err2 = '';
    const bad = path.join(dir, 'broken.wav');
    writeFileSync(bad, 'RIFF....WAVEnot really');
    expect(await runAnalyze([bad], { stdout: () => {}, stderr: (s) => void (err2 += s), env: {} })).toBe(1);
    expect(err2.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('a bad file fails with a one-line reason', async () => {
    const bad = path.join(dir, 'bad.mp3');
    writeFileSync(bad, Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31) % 256)));
    const e = await analyzeRecordingFile(bad, testConfig()).catch((x) => x);
    expect(isAppError(e) && e.code).toBe('BAD_FILE');
    expect(e.message).not.toMatch(/\n/);
  });
});
