import { describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { ONSET_LOOKBACK_MS, speechOnset, TurnDetector, type TurnDetectorOptions, type Utterance } from './turn-detector.ts';
import { speakPcm24k } from '../testing/espeak.ts';

const speak = (text: string, voice = 'he') => speakPcm24k(text, voice); // the tests place silence themselves
const silence = (ms: number) => new Int16Array(ms * 24);
const concat = (...parts: Int16Array[]) => {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
};

/** Feed audio in 20 ms frames on an audio-time clock (1 ms of audio = 1 ms of clock). */
async function run(audio: Int16Array, silenceMs: number, longSpeechMs = 600, extra: Partial<TurnDetectorOptions> = {}) {
  let clockMs = 0;
  const got: { starts: number[]; long: number[]; utterances: Utterance[] } = { starts: [], long: [], utterances: [] };
  const d = new TurnDetector({ clock: () => clockMs, silenceMs, longSpeechMs, ...extra }, {
    speechStart: (at) => got.starts.push(at),
    longSpeech: (at) => got.long.push(at),
    utterance: (u) => got.utterances.push(u),
  });
  await d.init();
  for (let i = 0; i < audio.length; i += 480) {
    d.push(audio.slice(i, i + 480));
    clockMs += 20;
    await d.drained();
  }
  return got;
}

/** Where espeak's speech really ends (last sample above a small level), in ms. */
function speechEndMs(s: Int16Array): number {
  let i = s.length - 1;
  while (i > 0 && Math.abs(s[i]) < 300) i--;
  return (i / 24_000) * 1000;
}

describe.skipIf(!haveTools(['espeak-ng'], 'turn detector'))('TurnDetector (Silero VAD + silence window)', () => {
  it('ends the utterance after the silence window and dates the end to when speech stopped', async () => {
    const sentence = speak('שלום דנה, אני מתקשר מחברת הביטוח לגבי הפוליסה שלך');
    const got = await run(concat(silence(300), sentence, silence(1500)), 700);
    expect(got.utterances).toHaveLength(1);
    const u = got.utterances[0];
    const realEnd = 300 + speechEndMs(sentence);
    expect(realEnd).toBeGreaterThan(1500);
    expect(Math.abs(u.speechEndMs - realEnd)).toBeLessThan(150);
    expect(u.speechStartMs).toBeGreaterThan(200);
    expect(u.speechStartMs).toBeLessThan(500);
    expect(u.audio.length / 24).toBeGreaterThan(u.durationMs); // includes pre-roll
    expect(got.long).toHaveLength(1);
  });

  it('keeps a thinking pause shorter than the window inside one turn; a shorter window splits it', async () => {
    const a = speak('אני חושב שזה');
    const b = speak('יכול להתאים לך מאוד');
    const audio = concat(a, silence(450), b, silence(1500));
    expect((await run(audio, 800)).utterances).toHaveLength(1);
    expect((await run(audio, 250)).utterances).toHaveLength(2);
  });

  it('reports a short "כן" as speech but not as long speech (a backchannel)', async () => {
    const got = await run(concat(silence(200), speak('כן'), silence(1000)), 500, 600);
    expect(got.utterances).toHaveLength(1);
    expect(got.utterances[0].durationMs).toBeLessThan(600);
    expect(got.long).toHaveLength(0);
  });

  it('keeps no audio when nobody will transcribe it (browser transcripts)', async () => {
    const audio = concat(silence(200), speak('שלום דנה, מה שלומך היום'), silence(1000));
    const kept = await run(audio, 500);
    const none = await run(audio, 500, 600, { keepAudio: false });
    expect(kept.utterances[0].audio.length).toBeGreaterThan(24_000);
    expect(none.utterances).toHaveLength(1);
    expect(none.utterances[0].audio.length).toBe(0);
    expect(none.utterances[0].speechEndMs).toBe(kept.utterances[0].speechEndMs);
  });

  it('ends speech that goes on past maxUtteranceMs (a monologue, or noise heard as speech), keeping memory bounded', async () => {
    const long = speak('אני רוצה להסביר לך בפירוט את כל היתרונות של הפוליסה החדשה שלנו, כולל הכיסוי לניתוחים בחו"ל והשירות המהיר');
    expect(long.length / 24).toBeGreaterThan(3000);
    const got = await run(concat(long, silence(1000)), 700, 600, { maxUtteranceMs: 1500 });
    expect(got.utterances.length).toBeGreaterThanOrEqual(2);
    for (const u of got.utterances) expect(u.audio.length / 24).toBeLessThan(1500 + 300 + 400); // cap + pre-roll + slack
  });

  it('stays quiet on silence and low noise', async () => {
    const noise = new Int16Array(24_000 * 2);
    let x = 7;
    for (let i = 0; i < noise.length; i++) noise[i] = ((x = (x * 1103515245 + 12345) >>> 0) % 400) - 200;
    const got = await run(noise, 500);
    expect(got.starts).toHaveLength(0);
  });
});

describe('speechOnset (where confirmed speech most likely began)', () => {
  const w = (atMs: number, p: number) => ({ atMs, p });
  it('goes back over wavering windows to the first one above the threshold', () => {
    const recent = [w(2400, 0.02), w(2432, 0.4), w(2464, 0.2), w(2496, 0.3), w(2528, 0.45), w(2560, 0.6), w(2592, 0.7), w(2624, 0.8)];
    expect(speechOnset(recent, 2528, 0.35)).toBe(2400);
  });
  it('stops at a run of clear silence', () => {
    const recent = [w(2368, 0.4), w(2400, 0.05), w(2432, 0.05), w(2464, 0.05), w(2496, 0.05), w(2528, 0.05), w(2560, 0.4), w(2592, 0.7)];
    expect(speechOnset(recent, 2570, 0.35)).toBe(2528);
  });
  it('never looks back further than ONSET_LOOKBACK_MS, and is the confirmation time with nothing earlier', () => {
    expect(speechOnset([w(1000, 0.9), w(2000, 0.9)], 2000 + ONSET_LOOKBACK_MS + 100, 0.35)).toBe(2000 + ONSET_LOOKBACK_MS + 100);
    expect(speechOnset([], 3000, 0.35)).toBe(3000);
  });
});
