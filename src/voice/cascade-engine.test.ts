import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { haveTools } from '../testing/tools.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { demoCustomer } from './demo-customer.ts';
import { engineConformance, recorder, type EngineHarness } from './engine-conformance.ts';
import { EspeakSynthesizer, OpenAiSpeechSynthesizer, OpenAiTranscriber, type SpeechSynthesizer, type SpeechTranscriber } from './speech.ts';
import { speakPcm24k } from '../testing/espeak.ts';

const speak = speakPcm24k;
const silence = (ms: number) => new Int16Array(ms * 24);

/** Push audio in 20 ms frames, `pace` times faster than real time. */
async function pushPaced(engine: CascadeEngine, clip: Int16Array, pace: number) {
  for (let i = 0; i < clip.length; i += 480) {
    engine.pushAudio(clip.slice(i, i + 480));
    await new Promise((r) => setTimeout(r, 20 / pace));
  }
  await engine.drained();
}

interface Setup {
  lang: 'he' | 'en';
  tts: SpeechSynthesizer;
  /** Server speech-to-text; null = the browser sends transcripts. */
  stt: SpeechTranscriber | null;
  /** Called with the agent's words before their audio is sent (the fake STT queues them). */
  willSay?: (text: string) => void;
}

function cascadeHarness(s: Setup): EngineHarness & { engine: CascadeEngine } {
  const c = demoCustomer({ scenarioType: 'objection_handling', language: s.lang, seed: 1 });
  const persona = { ...c.voice, turnTaking: { ...c.voice.turnTaking, silenceMs: 500, bargeInMinMs: 600 } };
  const t0 = performance.now();
  const engine = new CascadeEngine({ persona, brain: c.brain(), clock: () => performance.now() - t0, tts: s.tts, stt: s.stt, browserTranscriptWaitMs: 1500 });
  const voice = s.lang === 'he' ? 'he' : 'en-us';
  const browserSays = (text: string) => {
    if (!s.stt) engine.pushAgentTranscript(text, true); // Web Speech API final result, after the audio
  };
  return {
    engine,
    agentSays: async (text) => {
      s.willSay?.(text);
      await pushPaced(engine, speak(text, voice), 4);
      await pushPaced(engine, silence(800), 4);
      browserSays(text);
    },
    agentBackchannel: async () => {
      const word = s.lang === 'he' ? 'כן' : 'yeah';
      s.willSay?.(word);
      // fast: the detector counts audio, not wall time, and the customer's reply must still be playing (by the
      // wall clock) when the word ends, however busy the machine is
      const clip = speak(word, voice).slice(0, 24 * 300);
      await pushPaced(engine, clip, 4);
      await pushPaced(engine, silence(700), 4);
      browserSays(word);
      await new Promise((r) => setTimeout(r, 1000)); // a wrongly committed turn would show up by now
    },
    agentTalksOver: async () => {
      const words = s.lang === 'he' ? 'רגע אני רוצה להסביר משהו חשוב מאוד על המחיר הזה' : 'wait wait, let me explain something important about this price';
      s.willSay?.(words);
      await pushPaced(engine, speak(words, voice).slice(0, 24 * 1500), 1);
    },
    close: () => engine.stop(),
  };
}

const OPENING = {
  he: 'שלום, מדברת מיכל ממגן ביטוחים, אני מתקשרת בקשר לבדיקת התיק הביטוחי. הפוליסה עולה 2,400 שקל לשנה.',
  en: 'Hi, this is Michelle from Magen Insurance, calling about your insurance review. The policy costs 2,400 shekels a year.',
};

describe.skipIf(!haveTools(['espeak-ng'], 'cascade engine (espeak-ng)'))('CascadeEngine, offline: Silero + browser transcripts + offline brain + espeak-ng', () => {
  engineConformance('Cascade (offline, Hebrew)', async () => cascadeHarness({ lang: 'he', tts: new EspeakSynthesizer(), stt: null }), { openingLine: OPENING.he });

  it('commits the turn when the browser transcript arrives after our VAD ended the utterance, dated to the speech end', async () => {
    const h = cascadeHarness({ lang: 'he', tts: new EspeakSynthesizer(), stt: null });
    const { events, waitFor } = recorder(h.engine);
    try {
      await h.engine.start();
      await h.agentSays(OPENING.he);
      const committed = (await waitFor((e) => e.type === 'agent_turn_committed', 'commit')) as { text: string; speechEndMs: number | null; atMs: number };
      expect(committed.text).toBe(OPENING.he);
      const stopped = events.find((e) => e.type === 'agent_speech_stopped') as { atMs: number };
      expect(committed.speechEndMs).toBe(stopped.atMs);
      expect(committed.atMs).toBeGreaterThanOrEqual(committed.speechEndMs!);
    } finally {
      await h.close();
    }
  });
});

describe.skipIf(!haveTools(['espeak-ng'], 'cascade backchannel'))('CascadeEngine backchannels', () => {
  it('hears a short Hebrew "כן" over the customer as a backchannel: no barge-in, no turn, the reply plays on', async () => {
    const h = cascadeHarness({ lang: 'he', tts: new EspeakSynthesizer(), stt: null });
    const { events, waitFor } = recorder(h.engine);
    try {
      await h.engine.start();
      await h.agentSays(OPENING.he);
      const audio = (await waitFor((e) => e.type === 'customer_audio', 'customer audio')) as { itemId: string };
      await h.agentBackchannel!();
      expect(h.engine.backchannels).toBe(1);
      expect(events.filter((e) => e.type === 'agent_speech_started')).toHaveLength(2); // the VAD did hear it
      expect(events.some((e) => e.type === 'barge_in')).toBe(false);
      expect(events.filter((e) => e.type === 'agent_turn_committed')).toHaveLength(1);
      expect(events.some((e) => e.type === 'customer_turn_done' && e.itemId === audio.itemId && e.interrupted)).toBe(false);
    } finally {
      await h.close();
    }
  });
});

describe.skipIf(!haveTools(['espeak-ng'], 'cascade engine (OpenAI-compatible speech)'))('CascadeEngine with OpenAI-compatible speech-to-text and text-to-speech (fake server)', () => {
  let fake: FakeOpenAI;
  const heard: string[] = [];
  beforeAll(async () => {
    // The fake transcribes whatever the agent said last, as a real Whisper server would (also when the engine
    // transcribes a pause early, to prepare the reply before the silence window ends).
    fake = await startFakeOpenAI({ transcription: () => ({ text: heard.at(-1) ?? '' }) });
  });
  afterAll(() => fake.close());
  const setup = (): Setup => ({
    lang: 'en',
    tts: new OpenAiSpeechSynthesizer({ baseURL: fake.url, apiKey: 'sk-test', model: 'gpt-4o-mini-tts' }),
    stt: new OpenAiTranscriber({ baseURL: fake.url, apiKey: 'sk-test', model: 'gpt-4o-transcribe' }),
    willSay: (t) => void heard.push(t),
  });

  engineConformance('Cascade (OpenAI-compatible STT/TTS, English)', async () => cascadeHarness(setup()), { openingLine: OPENING.en });

  it('sends the agent turn as WAV with the language set, and never transcribes a backchannel', async () => {
    heard.length = 0;
    const before = fake.requestsTo('/v1/audio/transcriptions').length;
    const h = cascadeHarness(setup());
    const { events, waitFor } = recorder(h.engine);
    try {
      await h.engine.start();
      await h.agentSays(OPENING.en);
      await waitFor((e) => e.type === 'customer_audio', 'customer audio');
      const forTurn = fake.requestsTo('/v1/audio/transcriptions').length - before;
      // one, or one more per pause mid-utterance that was transcribed early and then dropped when speech resumed
      expect(forTurn).toBeGreaterThanOrEqual(1);
      expect(forTurn).toBeLessThanOrEqual(1 + h.engine.preparedAhead.dropped);
      await h.agentBackchannel!();
      const stt = fake.requestsTo('/v1/audio/transcriptions').slice(before);
      expect(stt).toHaveLength(forTurn);
      expect(JSON.stringify(stt[0].body)).toMatch(/"language":"en"|language[^a-z]+en/);
      expect(events.filter((e) => e.type === 'agent_turn_committed')).toHaveLength(1);
      expect(h.engine.backchannels).toBe(1);
      const speech = fake.requestsTo('/v1/audio/speech');
      expect(speech.length).toBeGreaterThan(0);
      expect(speech.at(-1)!.body).toMatchObject({ response_format: 'pcm', model: 'gpt-4o-mini-tts' });
    } finally {
      await h.close();
    }
  });
});
