import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { haveTools } from '../testing/tools.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { demoCustomer } from './demo-customer.ts';
import { engineConformance, recorder, type EngineHarness } from './engine-conformance.ts';
import { EspeakSynthesizer, OpenAiSpeechSynthesizer, OpenAiTranscriber, type SpeechSynthesizer, type SpeechTranscriber } from './speech.ts';
import { speakPcm24k } from '../testing/espeak.ts';
import type { SpeechCreateParams } from 'openai/resources/audio/speech';
import type { Brain } from './brain.ts';
import { ChatBrain } from './chat-brain.ts';
import type { VoicePersona } from './engine.ts';
import { OPENAI_VOICES } from './voices.ts';

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
  /** The customer's brain (default: the demo customer's offline brain). */
  brain?: (persona: VoicePersona) => Brain;
  /** Instructions that reached the chat endpoint (LLM brain). */
  upstream?: () => string[];
}

function cascadeHarness(s: Setup): EngineHarness & { engine: CascadeEngine } {
  const c = demoCustomer({ scenarioType: 'objection_handling', language: s.lang, seed: 1 });
  const persona = { ...c.voice, turnTaking: { ...c.voice.turnTaking, silenceMs: 500, bargeInMinMs: 600 } };
  const t0 = performance.now();
  const engine = new CascadeEngine({ persona, brain: s.brain ? s.brain(persona) : c.brain(), clock: () => performance.now() - t0, tts: s.tts, stt: s.stt, browserTranscriptWaitMs: 1500 });
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
    ...(s.upstream ? { upstreamInstructions: s.upstream } : {}),
    close: () => engine.stop(),
  };
}

const LONG_CHAT_REPLY = "I'm not sure I need another policy. I already have insurance through work, and it costs me enough every month, so why would I switch to something new right now?";
const EN_PERSONA = { ...demoCustomer({ scenarioType: 'objection_handling', language: 'en', seed: 1 }).voice };
EN_PERSONA.turnTaking = { ...EN_PERSONA.turnTaking, silenceMs: 500, bargeInMinMs: 600 };

const OPENING = {
  he: 'שלום, מדברת מיכל ממגן ביטוחים, אני מתקשרת בקשר לבדיקת התיק הביטוחי. הפוליסה עולה 2,400 שקל לשנה.',
  en: 'Hi, this is Michelle from Magen Insurance, calling about your insurance review. The policy costs 2,400 shekels a year.',
};

describe.skipIf(!haveTools(['espeak-ng'], 'cascade engine (espeak-ng)'))('CascadeEngine, offline: Silero + browser transcripts + offline brain + espeak-ng', () => {
  engineConformance('Cascade (offline, Hebrew)', async () => cascadeHarness({ lang: 'he', tts: new EspeakSynthesizer(), stt: null }), { openingLine: OPENING.he, skip: { instructions: 'the offline brain plays from compiled parameters, not from instructions' } });

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
    fake = await startFakeOpenAI({ transcription: () => ({ text: heard.at(-1) ?? '' }), chat: () => ({ content: LONG_CHAT_REPLY }) });
  });
  afterAll(() => fake.close());
  const setup = (): Setup => {
    const since = fake.requestsTo('/v1/chat/completions').length;
    return {
      lang: 'en',
      tts: new OpenAiSpeechSynthesizer({ baseURL: fake.url, apiKey: 'sk-test', model: 'gpt-4o-mini-tts' }),
      stt: new OpenAiTranscriber({ baseURL: fake.url, apiKey: 'sk-test', model: 'gpt-4o-transcribe' }),
      willSay: (t) => void heard.push(t),
      brain: (persona) => new ChatBrain({ baseURL: fake.url, apiKey: 'sk-test', model: 'gpt-4.1-mini', persona }),
      upstream: () => fake.requestsTo('/v1/chat/completions').slice(since).map((r) => (r.body as { messages: Array<{ content: string }> }).messages[0].content),
    };
  };

  engineConformance('Cascade (OpenAI-compatible STT/chat/TTS, English)', async () => cascadeHarness(setup()), { openingLine: OPENING.en, persona: EN_PERSONA });

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
      // an OpenAI voice, never the persona's espeak variant; the whole body is a valid SpeechCreateParams
      for (const r of speech) expect(OPENAI_VOICES).toContain((r.body as SpeechCreateParams).voice);
    } finally {
      await h.close();
    }
  });
});
