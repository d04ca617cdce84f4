/** The cascade engine takes the turn when the end-of-turn predictor says so (personas whose scenario sets a turn rhythm). */
import { describe, expect, it } from 'vitest';
import { haveTools } from '../testing/tools.ts';
import { speakPcm24k } from '../testing/espeak.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { demoCustomer } from './demo-customer.ts';
import type { EngineEvent, TurnTaking } from './engine.ts';
import { EspeakSynthesizer } from './speech.ts';

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
  it('commits a question sooner than the fixed window, when the persona asks for the predictor', async () => {
    const line = 'כמה אתם משלמים היום על הביטוח?';
    const predicted = gap(await agentLine(line, 'predicted'));
    const window = gap(await agentLine(line, 'window'));
    expect(predicted).not.toBeNull();
    expect(window).not.toBeNull();
    expect(predicted!).toBeLessThan(window!);
  });
});

/** The agent asks, the customer starts answering; then `after` audio is pushed (audio-time clock). */
async function customerStartsThen(after: (push: (pcm: Int16Array) => Promise<void>, engine: CascadeEngine) => Promise<void>, bargeInMinMs = 600, endOfTurn: 'predicted' | 'window' = 'predicted') {
  const c = demoCustomer({ scenarioType: 'discovery', language: 'he', seed: 3 });
  const persona = { ...c.voice, customerSpeaksFirst: false, turnTaking: { ...c.voice.turnTaking, silenceMs: 700, bargeInMinMs, endOfTurn } };
  let clockMs = 0;
  // the default (trained) model: the agent's resumption is dated from the VAD's onset estimate, not its confirmation
  // (Silero wavers on the espeak onset of "ועוד" and confirms it ~600 ms in; see speechOnset in turn-detector.ts)
  const engine = new CascadeEngine({ persona, brain: c.brain(), clock: () => clockMs, tts: new EspeakSynthesizer(), stt: null, prepareAfterMs: null });
  const events: EngineEvent[] = [];
  engine.onEvent((e) => events.push(e));
  const push = async (pcm: Int16Array) => {
    for (let i = 0; i < pcm.length; i += 480) {
      engine.pushAudio(pcm.subarray(i, i + 480));
      clockMs += 20;
      await engine.drained();
    }
  };
  await engine.start();
  try {
    const line = 'כמה אתם משלמים היום על הביטוח?';
    const audio = speakPcm24k(line, 'he');
    await push(audio);
    engine.pushAgentTranscript(line, true);
    for (let i = 0; i < 150 && !events.some((e) => e.type === 'agent_turn_committed'); i++) await push(new Int16Array(480));
    // the customer's reply starts (wall time for espeak-ng; the session clock stands still meanwhile)
    await expect.poll(() => events.some((e) => e.type === 'customer_turn_started'), { timeout: 20_000, interval: 10 }).toBe(true);
    await after(push, engine);
    await push(new Int16Array(24 * 900));
    return { events, repairs: engine.repair.repairs, backchannels: engine.backchannels };
  } finally {
    await engine.stop();
  }
}

describe.skipIf(!haveTools(['espeak-ng'], 'cascade turn repair'))('CascadeEngine turn repair', () => {
  it('the agent goes on just as the customer starts: the customer stops, before an ordinary barge-in would, and it is counted', async () => {
    // a talk-over threshold longer than the agent's words: only the repair can stop the customer here
    const r = await customerStartsThen((push) => push(speakPcm24k('ועוד דבר חשוב לגבי המחיר', 'he')), 5000);
    expect(r.repairs).toBe(1);
    expect(r.backchannels).toBe(0); // the agent's words were their turn going on
    const barge = r.events.findIndex((e) => e.type === 'barge_in');
    expect(barge).toBeGreaterThan(r.events.findIndex((e) => e.type === 'customer_turn_started'));
  });

  it('after the repair the agent\'s going on is their turn, and the customer answers it once it ends', async () => {
    const more = 'ועוד דבר חשוב לגבי המחיר';
    const r = await customerStartsThen(async (push, engine) => {
      await push(speakPcm24k(more, 'he'));
      engine.pushAgentTranscript(more, true);
    }, 5000);
    expect(r.repairs).toBe(1);
    // the reply is settled as cut (only what the agent heard of it is kept; its production may have finished before)
    const first = (r.events.find((e) => e.type === 'customer_turn_started') as { itemId: string }).itemId;
    expect(r.events.some((e) => e.type === 'customer_turn_done' && e.itemId === first && e.interrupted)).toBe(true);
    const commits = r.events.filter((e) => e.type === 'agent_turn_committed') as Array<{ text: string }>;
    expect(commits.map((c) => c.text)).toEqual(['כמה אתם משלמים היום על הביטוח?', more]);
    const afterMore = r.events.slice(r.events.findIndex((e) => e.type === 'agent_turn_committed' && e.text === more));
    expect(afterMore.some((e) => e.type === 'customer_turn_started')).toBe(true);
  });

  it('the same with the fixed silence window instead of the predictor', async () => {
    const r = await customerStartsThen((push) => push(speakPcm24k('ועוד דבר חשוב לגבי המחיר', 'he')), 5000, 'window');
    expect(r.repairs).toBe(1);
    expect(r.backchannels).toBe(0);
  });

  it('a quick "כן" just as the customer starts is still a backchannel', async () => {
    const r = await customerStartsThen((push) => push(speakPcm24k('כן', 'he').slice(0, 24 * 300)));
    expect(r.repairs).toBe(0);
    expect(r.backchannels).toBe(1);
    expect(r.events.some((e) => e.type === 'barge_in')).toBe(false);
  });

  it('a "כן" well into the customer\'s answer is still a backchannel, not a repair', async () => {
    const r = await customerStartsThen(async (push) => {
      await push(new Int16Array(24 * 700));
      await push(speakPcm24k('כן', 'he').slice(0, 24 * 300));
    });
    expect(r.repairs).toBe(0);
    expect(r.backchannels).toBe(1);
    expect(r.events.some((e) => e.type === 'barge_in')).toBe(false);
  });
});
