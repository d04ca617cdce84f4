import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { syntheticSpeech } from './bench.ts';
import { ProsodyTracker, featuresOf } from './prosody.ts';
import { VoiceConfidence, confidenceFromFeatures } from './voice-confidence.ts';

function score(pcm: Int16Array) {
  const v = new VoiceConfidence();
  for (let i = 0; i < pcm.length; i += 480) v.push(pcm.subarray(i, i + 480)); // 20 ms frames, as on the wire
  return v.overall();
}

describe('voice confidence formula', () => {
  const base = { speakingSec: 10, pauseRatio: 0.05, syllablesPerSec: 5, hesitationsPerMin: 0, filledPauses: 0, longPauses: 0, pitchHz: 110, pitchSpreadSt: 2.5, energyDb: -25, energySpreadDb: 7 };

  it('gives no score on too little speech', () => {
    expect(confidenceFromFeatures({ ...base, speakingSec: 1 }).confidence).toBeNull();
  });

  it('falls as pauses, hesitations and dragging pace grow', () => {
    const fluent = confidenceFromFeatures(base).confidence!;
    expect(fluent).toBeGreaterThan(0.9);
    expect(confidenceFromFeatures({ ...base, pauseRatio: 0.35 }).confidence!).toBeLessThan(fluent - 0.2);
    expect(confidenceFromFeatures({ ...base, hesitationsPerMin: 8 }).confidence!).toBeLessThan(fluent - 0.2);
    expect(confidenceFromFeatures({ ...base, syllablesPerSec: 2 }).confidence!).toBeLessThan(fluent - 0.1);
    expect(confidenceFromFeatures({ ...base, pitchSpreadSt: 0.2 }).confidence!).toBeLessThan(fluent);
  });
});

describe('ProsodyTracker', () => {
  it('finds the pitch, the syllable rate and the phrase pauses of a synthetic voice', () => {
    const t = new ProsodyTracker();
    const pcm = syntheticSpeech(20);
    for (let i = 0; i < pcm.length; i += 480) t.push(pcm.subarray(i, i + 480));
    const f = featuresOf(t.totals());
    expect(f.pitchHz!).toBeGreaterThan(100);
    expect(f.pitchHz!).toBeLessThan(140);
    expect(f.syllablesPerSec).toBeGreaterThan(3.5);
    expect(f.syllablesPerSec).toBeLessThan(6.5);
    expect(f.pauseRatio).toBeGreaterThan(0.1); // 0.8 s pause every 4 s
    expect(f.longPauses).toBeGreaterThanOrEqual(4);
  });

  it('gives the same counts whatever the frame size', () => {
    const pcm = syntheticSpeech(6);
    const a = new ProsodyTracker();
    const b = new ProsodyTracker();
    for (let i = 0; i < pcm.length; i += 480) a.push(pcm.subarray(i, i + 480));
    for (let i = 0; i < pcm.length; i += 1234) b.push(pcm.subarray(i, i + 1234));
    expect(b.totals()).toEqual(a.totals());
  });
});

const SENTENCES = {
  en: {
    fluent: 'I can offer you full coverage for your car at a fair monthly price, and we can start next week.',
    hesitant: 'I can, um, offer you... uh... full coverage for your, um, car at a... uh... fair monthly price, and, um, we can start... uh... next week.',
  },
  he: {
    fluent: 'אני יכול להציע לך כיסוי מלא לרכב במחיר חודשי הוגן, ואפשר להתחיל כבר בשבוע הבא.',
    hesitant: 'אני יכול, אממ, להציע לך... אההה... כיסוי מלא לרכב, אממ, במחיר... אההה... חודשי הוגן, ואפשר, אממ, להתחיל כבר... אההה... בשבוע הבא.',
  },
};

describe.skipIf(!haveTools(['espeak-ng', 'ffmpeg'], 'voice confidence calibration'))('voice confidence calibration (espeak-ng)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'salesgym-conf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** espeak-ng → WAV → ffmpeg → raw PCM16 24 kHz mono. */
  function render(lang: 'he' | 'en', text: string, args: string[], name: string): Int16Array {
    const wav = path.join(dir, `${name}.wav`);
    const raw = path.join(dir, `${name}.pcm`);
    const e = spawnSync('espeak-ng', ['-v', lang, ...args, '-w', wav, text]);
    expect(e.status, String(e.stderr)).toBe(0);
    const f = spawnSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, '-ar', '24000', '-ac', '1', '-f', 's16le', raw]);
    expect(f.status, String(f.stderr)).toBe(0);
    const b = readFileSync(raw);
    return new Int16Array(b.buffer, b.byteOffset, b.byteLength / 2);
  }

  for (const lang of ['en', 'he'] as const) {
    it(`scores a fluent rendering clearly above a hesitant one (${lang})`, () => {
      const fluent = score(render(lang, SENTENCES[lang].fluent, ['-s', '165'], `${lang}-fluent`));
      // Hesitant: the same words with fillers, longer word gaps and a slower rate.
      const hesitant = score(render(lang, SENTENCES[lang].hesitant, ['-s', '120', '-g', '12'], `${lang}-hesitant`));
      expect(fluent.confidence).not.toBeNull();
      expect(hesitant.confidence).not.toBeNull();
      expect(fluent.confidence! - hesitant.confidence!).toBeGreaterThanOrEqual(0.2);
      expect(fluent.confidence!).toBeGreaterThan(0.8); // the spec's "confident" band
      expect(hesitant.confidence!).toBeLessThan(0.6);
      expect(hesitant.features.pauseRatio).toBeGreaterThan(fluent.features.pauseRatio);
      expect(hesitant.features.hesitationsPerMin).toBeGreaterThan(fluent.features.hesitationsPerMin);
    });
  }
});
