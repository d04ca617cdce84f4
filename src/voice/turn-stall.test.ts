/**
 * A microphone that stops sending (a scripted client after its last words, a muted or dropped microphone) must not
 * hold the agent's turn: the turn detector's wall-clock fallback ends it within the window plus a bounded extra,
 * with the end-of-turn predictor as with the fixed window.
 */
import { describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { speakPcm24k } from '../testing/espeak.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { demoCustomer } from './demo-customer.ts';
import { EndOfTurnPredictor } from './end-of-turn.ts';
import type { EngineEvent } from './engine.ts';
import { TurnDetector, type Utterance } from './turn-detector.ts';

const silence = (ms: number) => new Int16Array(Math.round(ms * 24));

describe.skipIf(!haveTools(['espeak-ng'], 'turn detector wall-clock fallback'))('turn detector: audio that stops arriving', () => {
  /** Feeds `audio` on an audio-time clock, then sends nothing more; returns the utterances (filled as they come). */
  async function feedThenStop(audio: Int16Array, o: { predictor?: EndOfTurnPredictor; transcript?: () => string | null; stallMs?: number | null }) {
    let clockMs = 0;
    const got: Utterance[] = [];
    const d = new TurnDetector(
      { clock: () => clockMs, silenceMs: 700, longSpeechMs: 600, keepAudio: false, endOfTurn: o.predictor, transcript: o.transcript, stallMs: o.stallMs },
      { speechStart: () => {}, longSpeech: () => {}, utterance: (u) => got.push(u) },
    );
    await d.init();
    for (let i = 0; i < audio.length; i += 480) {
      d.push(audio.subarray(i, i + 480));
      clockMs += 20;
      await d.drained();
    }
    return { got, d, end: () => clockMs };
  }

  const line = speakPcm24k('יש לנו מסלול משפחתי, אבל,', 'he'); // a continuation: the predictor would hold this turn long

  it('with the predictor, words that stay "… אבל" and a microphone that stops after 300 ms of silence: the turn still ends', async () => {
    const predictor = new EndOfTurnPredictor({ silenceMs: 700, language: 'he' });
    const r = await feedThenStop(new Int16Array([...silence(200), ...line, ...silence(300)]), { predictor, transcript: () => 'יש לנו מסלול משפחתי אבל' });
    try {
      expect(predictor.estimate({ prosody: null, transcript: 'יש לנו מסלול משפחתי אבל' }).waitMs).toBeGreaterThan(1100); // what it would wait on live audio
      expect(r.got).toHaveLength(0); // not yet: 300 ms of silence is no end
      await expect.poll(() => r.got.length, { timeout: 10_000, interval: 20 }).toBe(1);
      expect(r.d.stallEnds).toBe(1);
      // dated to the real end of speech, not to when the fallback ran
      expect(r.got[0].speechEndMs).toBeLessThan(r.end() - 200);
    } finally {
      r.d.close();
    }
  });

  it('with the predictor and a transcript source that never delivers words, the microphone stopping ends the turn', async () => {
    const predictor = new EndOfTurnPredictor({ silenceMs: 700, language: 'he' });
    const r = await feedThenStop(new Int16Array([...silence(200), ...line]), { predictor, transcript: () => null });
    try {
      await expect.poll(() => r.got.length, { timeout: 10_000, interval: 20 }).toBe(1);
    } finally {
      r.d.close();
    }
  });

  it('the fixed window too: speech cut off by a stopped microphone ends there', async () => {
    const r = await feedThenStop(new Int16Array([...silence(200), ...line]), {});
    try {
      await expect.poll(() => r.got.length, { timeout: 10_000, interval: 20 }).toBe(1);
    } finally {
      r.d.close();
    }
  });

  it('stallMs: null (an evaluation on an audio-time clock) never ends a turn on wall time', async () => {
    const r = await feedThenStop(new Int16Array([...silence(200), ...line, ...silence(300)]), { stallMs: null });
    try {
      await new Promise((res) => setTimeout(res, 1500));
      expect(r.got).toHaveLength(0);
    } finally {
      r.d.close();
    }
  });

  it('words not in yet never hold past the window plus the bounded extra, whatever the prosody says', () => {
    const p = new EndOfTurnPredictor({ silenceMs: 700, language: 'he', eagerness: 'low' });
    const heldFlat = { pitchDeltaSt: 0.1, energyFallDb: 0, finalVoicedMs: 400, finalRangeSt: 0.3 };
    expect(p.estimate({ prosody: heldFlat, transcript: null }).waitMs).toBeGreaterThan(1100);
    expect(p.estimate({ prosody: heldFlat, transcript: 'x', awaitingWords: true }).waitMs).toBeLessThanOrEqual(1100);
  });
});

describe.skipIf(!haveTools(['espeak-ng'], 'cascade with a stopped microphone'))('CascadeEngine: a scripted client that stops after the final', () => {
  for (const endOfTurn of ['predicted', 'window'] as const) {
    it(`commits the turn when the microphone stops and the browser's final comes after the silence (${endOfTurn})`, async () => {
      const c = demoCustomer({ scenarioType: 'discovery', language: 'he', seed: 3 });
      const persona = { ...c.voice, customerSpeaksFirst: false, turnTaking: { ...c.voice.turnTaking, silenceMs: 700, endOfTurn } };
      let clockMs = 0;
      const engine = new CascadeEngine({ persona, brain: c.brain(), clock: () => clockMs, tts: null as never, stt: null, prepareAfterMs: null });
      const events: EngineEvent[] = [];
      engine.onEvent((e) => events.push(e));
      await engine.start();
      try {
        const text = 'ויש לנו גם מסלול משפחתי, אממ,';
        const audio = new Int16Array([...silence(200), ...speakPcm24k(text, 'he'), ...silence(250)]);
        for (let i = 0; i < audio.length; i += 480) {
          engine.pushAudio(audio.subarray(i, i + 480));
          clockMs += 20;
          await engine.drained();
        }
        engine.pushAgentTranscript(text, true); // the final after the audio, and then nothing more
        await expect.poll(() => events.some((e) => e.type === 'agent_turn_committed'), { timeout: 10_000, interval: 20 }).toBe(true);
      } finally {
        await engine.stop();
      }
    });
  }
});
