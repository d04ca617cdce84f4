import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { normalizeAudio } from './ffmpeg.ts';
import { analyzeAudio } from './analyze.ts';
import { renderCall, type RenderLine } from './render.ts';
import { toneConfidence, ToneTracker } from './tone.ts';
import { readWavSamples } from './wav.ts';

const dialogue = (agentStyle: RenderLine['style']): RenderLine[] => [
  { speaker: 'agent', style: agentStyle, text: 'שלום, מדבר יוסי ממגן ביטוחים, אני מתקשר לגבי הביטוח של הרכב שלך, יש לך דקה?' },
  { speaker: 'customer', text: 'כן, אבל רק דקה. מה רצית?' },
  { speaker: 'agent', style: agentStyle, text: 'רציתי לשאול, מתי מתחדשת הפוליסה שלך, וכמה אתה משלם היום?' },
  { speaker: 'customer', text: 'בעוד חודש בערך. אני משלם משהו כמו שלושת אלפים בשנה.' },
  { speaker: 'agent', style: agentStyle, text: 'אני חושב שאנחנו יכולים, אולי, להציע לך משהו, טוב יותר במחיר דומה.' },
];

describe.skipIf(!haveTools(['ffmpeg', 'espeak-ng'], 'tone from audio'))('tone and talk time from audio', () => {
  let dir = '';
  beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'sg-tone-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds who spoke when on a stereo call, within a tenth of a second', async () => {
    const r = await renderCall(dialogue('neutral'), { language: 'he', out: path.join(dir, 'stereo.wav') });
    const norm = await normalizeAudio(r.path, mkdtempSync(path.join(dir, 'n-')));
    const a = await analyzeAudio({ monoPath: norm.monoPath, channelPaths: norm.channelPaths });
    expect(a.separation).toBe('stereo');
    const agent = a.speakers.find((s) => s.speaker === 'agent')!;
    const truth = r.segments.filter((s) => s.speaker === 'agent');
    // every rendered agent line starts and ends where a detected agent segment does
    for (const t of truth) {
      expect(agent.segments.some((s) => Math.abs(s.startSec - t.startSec) < 0.1)).toBe(true);
      expect(agent.segments.some((s) => Math.abs(s.endSec - t.endSec) < 0.4)).toBe(true);
    }
    const agentTrue = truth.reduce((x, s) => x + s.endSec - s.startSec, 0);
    const custTrue = r.segments.filter((s) => s.speaker === 'customer').reduce((x, s) => x + s.endSec - s.startSec, 0);
    expect(a.talk!.talkRatioAgent).toBeCloseTo(agentTrue / (agentTrue + custTrue), 1);
    expect(a.talk!.interactivityPerMin).toBeGreaterThan(0);
    expect(a.talk!.patienceSec).toBeGreaterThan(0.3);
    expect(a.talk!.patienceSec).toBeLessThan(1.2);
  }, 60_000);

  it('a hesitant agent gets a lower confidence than a confident one', async () => {
    const est = async (style: RenderLine['style']) => {
      const r = await renderCall(dialogue(style), { language: 'he', out: path.join(dir, `${style}.wav`) });
      const norm = await normalizeAudio(r.path, mkdtempSync(path.join(dir, 'n-')));
      const a = await analyzeAudio({ monoPath: norm.monoPath, channelPaths: norm.channelPaths });
      return a.speakers.find((s) => s.speaker === 'agent')!.tone;
    };
    const confident = await est('confident');
    const hesitant = await est('hesitant');
    expect(hesitant.pauseRatio).toBeGreaterThan(confident.pauseRatio);
    expect(hesitant.hesitationsPerMin).toBeGreaterThan(confident.hesitationsPerMin);
    expect(hesitant.confidence).toBeLessThan(confident.confidence - 0.15);
    expect(confident.pitchMedianHz).toBeGreaterThan(60);
    expect(confident.syllablesPerSec).toBeGreaterThan(2);
  }, 60_000);

  it('mono audio with a transcript splits tone and talk time by the transcript timing', async () => {
    const r = await renderCall(dialogue('neutral'), { language: 'he', out: path.join(dir, 'mono.wav'), stereo: false });
    const norm = await normalizeAudio(r.path, mkdtempSync(path.join(dir, 'n-')));
    expect(norm.channelPaths).toBeNull();
    const plain = await analyzeAudio({ monoPath: norm.monoPath });
    expect(plain.separation).toBe('mono');
    expect(plain.talk).toBeNull();
    expect(plain.voiceActivity.segments).toBeGreaterThanOrEqual(5);
    const withTurns = await analyzeAudio({ monoPath: norm.monoPath, turns: r.segments });
    expect(withTurns.separation).toBe('transcript');
    const he = withTurns.speakers.find((s) => s.speaker === 'customer')!;
    const ag = withTurns.speakers.find((s) => s.speaker === 'agent')!;
    // the female customer voice is higher than the male agent voice
    expect(he.tone.pitchMedianHz).toBeGreaterThan(ag.tone.pitchMedianHz);
    expect(withTurns.talk!.talkRatioAgent).toBeGreaterThan(0.5);
  }, 60_000);

  it('the live tracker gives the same estimate when fed in small chunks as in one piece', async () => {
    const r = await renderCall(dialogue('neutral').slice(0, 1), { language: 'he', out: path.join(dir, 'one.wav'), stereo: false });
    const norm = await normalizeAudio(r.path, mkdtempSync(path.join(dir, 'n-')));
    const { samples } = await readWavSamples(norm.monoPath);
    const whole = new ToneTracker();
    whole.push(samples);
    const chunked = new ToneTracker();
    for (let i = 0; i < samples.length; i += 333) chunked.push(samples.subarray(i, i + 333));
    expect(chunked.snapshot()).toEqual(whole.snapshot());
    expect(whole.segments().length).toBeGreaterThan(0);
  }, 60_000);
});

describe('toneConfidence', () => {
  const steady = { speechSec: 60, syllablesPerSec: 4.5, pauseRatio: 0.05, energyVariabilityDb: 6, pitchMedianHz: 120, pitchVariabilitySt: 3, hesitationsPerMin: 1 };
  it('is 1 for a steady, engaged speaker and falls with hesitations and pauses', () => {
    expect(toneConfidence(steady).confidence).toBe(1);
    expect(toneConfidence({ ...steady, hesitationsPerMin: 12 }).confidence).toBeCloseTo(0.75, 5);
    expect(toneConfidence({ ...steady, pauseRatio: 0.4, hesitationsPerMin: 12 }).confidence).toBeCloseTo(0.5, 5);
  });
  it('marks estimates from under 3 s of speech as unreliable', () => {
    expect(toneConfidence({ ...steady, speechSec: 2 }).reliable).toBe(false);
  });
});
