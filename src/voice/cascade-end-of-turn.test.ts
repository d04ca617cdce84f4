/** The cascade engine takes the turn when the end-of-turn predictor says so (browser transcripts, the default). */
import { describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { speakPcm24k } from '../testing/espeak.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { demoCustomer } from './demo-customer.ts';
import type { EngineEvent, TurnTaking } from './engine.ts';

/** One agent line on an audio-time clock; returns the engine's events. */
async function agentLine(text: string, endOfTurn: TurnTaking['endOfTurn']) {
  const c = demoCustomer({ scenarioType: 'discovery', language: 'he', seed: 3 });
  const persona = { ...c.voice, customerSpeaksFirst: false, turnTaking: { ...c.voice.turnTaking, silenceMs: 700, endOfTurn } };
  let clockMs = 0;
  const engine = new CascadeEngine({ persona, brain: c.brain(), clock: () => clockMs, tts: null as never /* text only: the commit is what is measured */, stt: null, prepareAfterMs: null });
  const events: EngineEvent[] = [];
  engine.onEvent((e) => events.push(e));
  await engine.start();
  const audio = speakPcm24k(text, 'he');
  const frames = Math.ceil(audio.length / 480);
  const words = text.split(' ');
  try {
    for (let f = 0; f < frames + 150; f++) {
      engine.pushAudio(f < frames ? audio.subarray(f * 480, (f + 1) * 480) : new Int16Array(480));
      clockMs += 20;
      // the browser's interim result halfway, its final as the speech ends
      if (f === frames >> 1) engine.pushAgentTranscript(words.slice(0, words.length >> 1).join(' '), false);
      if (f === frames) engine.pushAgentTranscript(text, true);
      await engine.drained();
      if (events.some((e) => e.type === 'agent_turn_committed')) break;
    }
  } finally {
    await engine.stop();
  }
  return events;
}

const gap = (events: EngineEvent[]) => {
  const stopped = events.find((e) => e.type === 'agent_speech_stopped') as { atMs: number } | undefined;
  const committed = events.find((e) => e.type === 'agent_turn_committed') as { atMs: number } | undefined;
  return stopped && committed ? committed.atMs - stopped.atMs : null;
};

describe.skipIf(!haveTools(['espeak-ng'], 'cascade end of turn'))('CascadeEngine with the end-of-turn predictor', () => {
  it('commits a question sooner than the fixed window, by default', async () => {
    const line = 'כמה אתם משלמים היום על הביטוח?';
    const predicted = gap(await agentLine(line, undefined));
    const window = gap(await agentLine(line, 'window'));
    expect(predicted).not.toBeNull();
    expect(window).not.toBeNull();
    expect(predicted!).toBeLessThan(window!);
  });
});
