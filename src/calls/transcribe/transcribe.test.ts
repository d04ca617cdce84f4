import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../../testing/tools.ts';
import { startFakeOpenAI, wavDurationSec, type FakeOpenAI, type TranscriptionRequest } from '../../testing/fake-openai-http.ts';
import { testConfig } from '../../config/index.ts';
import { isAppError } from '../../core/index.ts';
import { analyzeAudio, normalizeAudio, renderCall, FrameAnalyzer, Vad, type AudioAnalysis, type NormalizedAudio, type RenderedSegment } from '../../audio/index.ts';
import { OpenAiTranscriber, transcriberFromConfig, responseModeFor } from './openai.ts';
import { transcribeCall } from './call.ts';
import { planChunks } from './chunks.ts';

const LINES = [
  { speaker: 'agent' as const, text: 'שלום, מדבר יוסי ממגן ביטוחים. אני מתקשר לגבי הביטוח של הרכב שלך, יש לך דקה?' },
  { speaker: 'customer' as const, text: 'כן, אבל רק דקה. מה רצית?' },
  { speaker: 'agent' as const, text: 'מתי מתחדשת הפוליסה שלך, וכמה אתה משלם היום בשנה?' },
  { speaker: 'customer' as const, text: 'בעוד חודש בערך. אני משלם שלושת אלפים בשנה, וזה יקר לי.' },
  { speaker: 'agent' as const, text: 'אני מבין. אם אראה לך איך לחסוך חמש מאות שקל בשנה, נקבע שיחה למחר?' },
  { speaker: 'customer' as const, text: 'בסדר, תתקשר מחר בעשר.' },
];

/** What the fake "hears" in an uploaded WAV: one segment per speech stretch, in the file's own time. */
function speechIn(bytes: Buffer): { start: number; end: number }[] {
  const dataAt = bytes.indexOf('data') + 8;
  const rate = bytes.readUInt32LE(24);
  const s = new Int16Array(bytes.buffer.slice(bytes.byteOffset + dataAt, bytes.byteOffset + bytes.length - ((bytes.length - dataAt) % 2)));
  const fa = new FrameAnalyzer(rate, false);
  const vad = new Vad({ hangoverMs: 500 });
  for (const f of fa.push(s)) vad.push(f);
  return vad.finish().map((x) => ({ start: x.startSec, end: x.endSec }));
}

describe.skipIf(!haveTools(['ffmpeg', 'espeak-ng'], 'transcription providers'))('transcription against an OpenAI-compatible server', () => {
  let dir = '';
  let fake: FakeOpenAI;
  let truth: RenderedSegment[];
  let stereo: NormalizedAudio;
  let stereoAudio: AudioAnalysis;
  let mono: NormalizedAudio;
  let monoAudio: AudioAnalysis;
  const seen: TranscriptionRequest[] = [];
  /** Which rendered line a local time range belongs to, for a whole-file (offset 0) request. */
  let textAt: (start: number) => string = () => 'מילים';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-stt-'));
    const r = await renderCall(LINES, { language: 'he', out: path.join(dir, 'call.wav') });
    truth = r.segments;
    stereo = await normalizeAudio(r.path, mkdtempSync(path.join(dir, 's-')));
    stereoAudio = await analyzeAudio({ monoPath: stereo.monoPath, channelPaths: stereo.channelPaths });
    const m = await renderCall(LINES, { language: 'he', out: path.join(dir, 'mono.wav'), stereo: false });
    mono = await normalizeAudio(m.path, mkdtempSync(path.join(dir, 'm-')));
    monoAudio = await analyzeAudio({ monoPath: mono.monoPath });
    fake = await startFakeOpenAI({
      transcription: (req) => {
        seen.push(req);
        const segs = speechIn(req.file!.bytes).map((s) => ({ ...s, text: textAt(s.start) }));
        return { text: segs.map((s) => s.text).join(' '), segments: segs };
      },
    });
  }, 120_000);
  afterAll(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks the response shape that carries timestamps for each model', () => {
    expect(responseModeFor('whisper-1')).toBe('verbose_json');
    expect(responseModeFor('Systran/faster-whisper-large-v3')).toBe('verbose_json');
    expect(responseModeFor('gpt-4o-transcribe')).toBe('json');
    expect(responseModeFor('gpt-4o-mini-transcribe')).toBe('json');
    expect(responseModeFor('gpt-4o-transcribe-diarize')).toBe('diarized_json');
  });

  it('splits long audio at silences into chunks under the limit and re-joins them with correct offsets (whisper-1)', async () => {
    seen.length = 0;
    const t = new OpenAiTranscriber({ name: 'openai', baseURL: fake.url, apiKey: 'k', model: 'whisper-1', maxChunkSec: 8 });
    const agentSpeech = stereoAudio.speakers.find((s) => s.speaker === 'agent')!.segments;
    const segs = await t.transcribe(stereo.channelPaths![0], { language: 'he', speech: agentSpeech });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const r of seen) {
      expect(wavDurationSec(r.file!.bytes)!).toBeLessThanOrEqual(8.01);
      expect(r.fields).toMatchObject({ model: 'whisper-1', language: 'he', response_format: 'verbose_json' });
    }
    const agentTruth = truth.filter((s) => s.speaker === 'agent');
    // every spoken agent line is found at its real time, whichever chunk it fell in
    for (const line of agentTruth) expect(segs.some((s) => Math.abs(s.startSec - line.startSec) < 0.15)).toBe(true);
    // a cut may fall in a pause inside a line, never inside speech: every segment lies within one line
    expect(segs.length).toBeGreaterThanOrEqual(agentTruth.length);
    for (const s of segs) expect(agentTruth.some((l) => s.startSec >= l.startSec - 0.15 && s.endSec <= l.endSec + 0.15)).toBe(true);
  }, 60_000);

  it('times a model without timestamps (gpt-4o-transcribe) by sending one utterance per request', async () => {
    seen.length = 0;
    const t = new OpenAiTranscriber({ name: 'openai', baseURL: fake.url, apiKey: 'k', model: 'gpt-4o-transcribe' });
    expect(t.capabilities.timestamps).toBe('none');
    const speech = stereoAudio.speakers.find((s) => s.speaker === 'customer')!.segments;
    const segs = await t.transcribe(stereo.channelPaths![1], { language: 'he', speech });
    expect(seen.every((r) => r.fields.response_format === 'json')).toBe(true);
    const custTruth = truth.filter((s) => s.speaker === 'customer');
    expect(segs.length).toBe(custTruth.length);
    segs.forEach((s, i) => expect(Math.abs(s.startSec - custTruth[i].startSec)).toBeLessThan(0.2));
  }, 60_000);

  it('transcribes a stereo call channel by channel and merges by time with roles from the channels', async () => {
    const t = new OpenAiTranscriber({ name: 'openai', baseURL: fake.url, apiKey: 'k', model: 'whisper-1' });
    const tr = await transcribeCall(t, { audio: stereo, analysis: stereoAudio, agentChannel: 0, language: 'he' });
    expect(tr.roles).toEqual({ method: 'channels', confidence: 1 });
    expect(tr.segments.map((s) => s.speaker)).toEqual(truth.map((s) => s.speaker));
    // agent on the right channel: roles swap
    const swapped = await transcribeCall(t, { audio: stereo, analysis: await analyzeAudio({ monoPath: stereo.monoPath, channelPaths: stereo.channelPaths, agentChannel: 1 }), agentChannel: 1, language: 'he' });
    expect(swapped.segments.map((s) => s.speaker)).toEqual(truth.map((s) => (s.speaker === 'agent' ? 'customer' : 'agent')));
  }, 60_000);

  it('tells the two voices of a mono call apart and finds the agent by what they say', async () => {
    textAt = (start) => truth.reduce((best, s) => (Math.abs(s.startSec - start) < Math.abs(best.startSec - start) ? s : best)).text;
    try {
      const t = new OpenAiTranscriber({ name: 'openai', baseURL: fake.url, apiKey: 'k', model: 'whisper-1' });
      const tr = await transcribeCall(t, { audio: mono, analysis: monoAudio, agentChannel: 0, language: 'he' });
      expect(tr.roles?.method).toBe('heuristic');
      expect(tr.roles!.confidence).toBeGreaterThan(0.3);
      expect(tr.segments.map((s) => s.speaker)).toEqual(truth.map((s) => s.speaker));
    } finally {
      textAt = () => 'מילים';
    }
  }, 60_000);

  it('reports a refused key as a configuration problem and a failing server as retryable', async () => {
    const strict = await startFakeOpenAI({ apiKey: 'right' });
    try {
      const bad = new OpenAiTranscriber({ name: 'openai', baseURL: strict.url, apiKey: 'wrong', model: 'whisper-1' });
      const e1 = await bad.transcribe(stereo.channelPaths![0], { language: 'he' }).catch((e) => e);
      expect(isAppError(e1) && e1.code).toBe('NOT_CONFIGURED');
      expect(e1.retryable).toBe(false);
      strict.failNext('/v1/audio/transcriptions', 503, 'overloaded', 5);
      const ok = new OpenAiTranscriber({ name: 'openai', baseURL: strict.url, apiKey: 'right', model: 'whisper-1' });
      const e2 = await ok.transcribe(stereo.channelPaths![0], { language: 'he' }).catch((e) => e);
      expect(isAppError(e2) && e2.code).toBe('UPSTREAM_FAILED');
      expect(e2.retryable).toBe(true);
    } finally {
      await strict.close();
    }
  }, 60_000);

  it('is chosen from configuration: a compatible server, OpenAI, or none', () => {
    expect(transcriberFromConfig(testConfig())).toBeNull();
    const own = transcriberFromConfig(testConfig({ TRANSCRIBE_BASE_URL: 'http://whisper.local:8000/v1', OPENAI_TRANSCRIBE_MODEL: 'whisper-1' }))!;
    expect(own.name).toBe('openai-compatible');
    expect(own.capabilities.timestamps).toBe('segments');
    const oa = transcriberFromConfig(testConfig({ OPENAI_API_KEY: 'sk-test' }))!;
    expect(oa.name).toBe('openai');
    expect(oa.model).toBe('gpt-4o-transcribe');
    expect(oa.capabilities.maxUploadBytes).toBe(25 * 1024 * 1024);
  });
});

describe('planChunks', () => {
  it('cuts inside the longest silence of each chunk’s last quarter and covers the whole audio', () => {
    const speech = [
      { startSec: 0, endSec: 7.2 },
      { startSec: 8.4, endSec: 15.5 },
      { startSec: 15.7, endSec: 25 },
    ];
    const c = planChunks(25, 10, speech);
    expect(c[0]).toEqual({ startSec: 0, endSec: 7.95 });
    expect(c.at(-1)!.endSec).toBe(25);
    for (let i = 1; i < c.length; i++) expect(c[i].startSec).toBe(c[i - 1].endSec);
    expect(c.every((x) => x.endSec - x.startSec <= 10)).toBe(true);
  });
  it('cuts hard at the limit when nobody pauses', () => {
    expect(planChunks(25, 10, [{ startSec: 0, endSec: 25 }])).toEqual([
      { startSec: 0, endSec: 10 },
      { startSec: 10, endSec: 20 },
      { startSec: 20, endSec: 25 },
    ]);
  });
});
