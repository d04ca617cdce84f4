/**
 * Replies prepared during the agent's pause: the transcript, the brain and the first audio are produced while the
 * rest of the silence window runs, on a fork of the brain; adopted when the window ends, dropped when the agent
 * goes on. Nothing of a prepared reply reaches the session before the turn is committed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { haveTools } from '../testing/tools.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { ChatBrain } from './chat-brain.ts';
import { CustomerTurnRunner } from './customer-turn.ts';
import { demoCustomer } from './demo-customer.ts';
import type { EngineEvent } from './engine.ts';
import { OpenAiSpeechSynthesizer, OpenAiTranscriber } from './speech.ts';
import { speakPcm24k } from '../testing/espeak.ts';

const collect = async (it: AsyncIterable<{ type: string; delta?: string }>) => {
  let text = '';
  for await (const c of it) if (c.type === 'text') text += c.delta;
  return text;
};
const never = new AbortController().signal;

describe('OfflineCustomerBrain.fork', () => {
  it('answers exactly as the original would, and leaves the original untouched', async () => {
    const brain = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 7 }).brain({ seed: 3 });
    await collect(brain.respond({ agentText: null }, never));
    await collect(brain.respond({ agentText: 'שלום, מדברת מיכל ממגן ביטוחים. יש לך דקה?' }, never));
    const before = JSON.stringify(brain.state);
    const line = 'מה הכי חשוב לך בביטוח הבריאות של המשפחה?';
    const fork = brain.fork();
    const forked = await collect(fork.respond({ agentText: line }, never));
    expect(JSON.stringify(brain.state)).toBe(before);
    expect(JSON.stringify(fork.state)).not.toBe(before);
    expect(await collect(brain.respond({ agentText: line }, never))).toBe(forked);
    expect(JSON.stringify(brain.state)).toBe(JSON.stringify(fork.state));
  });
});

describe('CustomerTurnRunner.prepare', () => {
  const customer = () => demoCustomer({ scenarioType: 'discovery', language: 'en', seed: 2 });

  it('holds everything until adopted, then sends it stamped with the time it really leaves', async () => {
    const c = customer();
    let now = 1000;
    const events: EngineEvent[] = [];
    const runner = new CustomerTurnRunner({ brain: c.brain(), tts: null, persona: c.voice, clock: () => now, emit: (e) => events.push(e) });
    await runner.run(null);
    events.length = 0;
    const prepared = runner.prepare('Hi, what matters most to you in a policy?')!;
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([]);
    now = 1700;
    const done = runner.adopt(prepared);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(['customer_turn_started', 'customer_state', 'customer_text_delta']);
    expect(events.filter((e) => 'atMs' in e).every((e) => (e as { atMs: number }).atMs === 1700)).toBe(true);
    await done;
    expect(events.at(-1)).toMatchObject({ type: 'customer_turn_done', interrupted: false });
    expect(runner.brain).toBe(prepared.brain); // the fork is the customer's mind from now on
  });

  it('a dropped reply leaves no trace: the brain answers later as if it had never been asked', async () => {
    const line = 'How much do you pay today for your insurance?';
    const a = customer();
    const events: EngineEvent[] = [];
    const runner = new CustomerTurnRunner({ brain: a.brain(), tts: null, persona: a.voice, clock: () => 0, emit: (e) => events.push(e) });
    await runner.run(null);
    const dropped = runner.prepare('Hello, can I tell you about our savings plan?')!;
    await new Promise((r) => setTimeout(r, 20));
    dropped.discard();
    expect(() => runner.adopt(dropped)).toThrow(/discarded/);
    events.length = 0;
    await runner.run(line);

    const b = customer();
    const clean: EngineEvent[] = [];
    const control = new CustomerTurnRunner({ brain: b.brain(), tts: null, persona: b.voice, clock: () => 0, emit: (e) => clean.push(e) });
    await control.run(null);
    clean.length = 0;
    await control.run(line);
    const text = (xs: EngineEvent[]) => xs.find((e) => e.type === 'customer_turn_done') as { text: string };
    expect(text(events).text).toBe(text(clean).text);
  });
});

const speak = (text: string) => speakPcm24k(text, 'en-us');
/** Every fake endpoint answers after this long (ms): the yardstick for "prepared ahead". */

describe.skipIf(!haveTools(['espeak-ng'], 'replies prepared during the pause'))('CascadeEngine: the reply is prepared during the silence window', () => {
  let fake: FakeOpenAI;
  let heard = '';
  beforeAll(async () => {
    // every endpoint answers asynchronously (after 20 ms): a reply started only at the commit cannot go out with it
    fake = await startFakeOpenAI({ delayMs: 20, chat: (req) => `You said: ${String(req.body.messages.at(-1)?.content)}`, transcription: () => ({ text: heard }) });
  });
  afterAll(() => fake.close());

  /** Real-time pace (20 ms frames): the silence window runs in wall-clock time as in a call. */
  async function push(engine: CascadeEngine, pcm: Int16Array) {
    let next = performance.now();
    for (let i = 0; i < pcm.length; i += 480) {
      engine.pushAudio(pcm.slice(i, i + 480));
      next += 20;
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
  }

  function harness(opts: { serverStt: boolean; prepareAfterMs?: number | null }) {
    const c = demoCustomer({ scenarioType: 'discovery', language: 'en', seed: 4 });
    const persona = { ...c.voice, customerSpeaksFirst: false, turnTaking: { ...c.voice.turnTaking, silenceMs: 900, bargeInMinMs: 600, endOfTurn: 'window' as const } }; // the window's pause → commit order (the predictor: end-of-turn.test.ts)
    const t0 = performance.now();
    const ep = { baseURL: fake.url, apiKey: 'sk-test' };
    const engine = new CascadeEngine({
      persona,
      brain: new ChatBrain({ ...ep, model: 'gpt-4o-mini', persona }),
      clock: () => performance.now() - t0,
      tts: new OpenAiSpeechSynthesizer({ ...ep, model: 'gpt-4o-mini-tts' }),
      stt: opts.serverStt ? new OpenAiTranscriber({ ...ep, model: 'gpt-4o-transcribe' }) : null,
      prepareAfterMs: opts.prepareAfterMs,
    });
    const events: EngineEvent[] = [];
    let chatsAtCommit = -1;
    let speechAtCommit = -1;
    /** Events out by the end of the commit's own task: what a prepared reply sends at once. */
    let withCommit = -1;
    engine.onEvent((e) => {
      if (e.type === 'agent_turn_committed') {
        chatsAtCommit = fake.requestsTo('/v1/chat/completions').length;
        speechAtCommit = fake.requestsTo('/v1/audio/speech').length;
        queueMicrotask(() => (withCommit = events.length));
      }
      events.push(e);
    });
    const firstAudio = async () => {
      const t = performance.now();
      while (!events.some((e) => e.type === 'customer_audio') && performance.now() - t < 8000) await new Promise((r) => setTimeout(r, 10));
      const committed = events.find((e) => e.type === 'agent_turn_committed') as { atMs: number; text: string };
      const audioIdx = events.findIndex((e) => e.type === 'customer_audio');
      const audio = audioIdx < 0 ? undefined : (events[audioIdx] as { atMs: number });
      // the first audio left together with the commit (held, ready) rather than after a request made at the commit
      return { committed, audio, chatsAtCommit, speechAtCommit, audioWithCommit: audioIdx >= 0 && audioIdx < withCommit };
    };
    /** Silence past the pause; once the reply's speech was requested, the rest of the window (the order does not rest on timing). */
    const pauseThenWindow = async (requests: number) => {
      await push(engine, new Int16Array(24 * 400));
      await expect.poll(() => fake.requestsTo('/v1/audio/speech').length, { timeout: 20_000, interval: 10 }).toBeGreaterThanOrEqual(requests);
      await push(engine, new Int16Array(24 * 900));
    };
    return { engine, events, firstAudio, pauseThenWindow };
  }

  const LINE = 'Hello, this is Dana from Magen Insurance, do you have a minute';

  it('browser transcripts: brain and speech run during the pause; at the commit the audio goes out at once', async () => {
    const before = { chat: fake.requestsTo('/v1/chat/completions').length, speech: fake.requestsTo('/v1/audio/speech').length };
    const h = harness({ serverStt: false });
    try {
      await h.engine.start();
      await push(h.engine, speak(LINE));
      h.engine.pushAgentTranscript(LINE, true); // the browser's final, as the agent stops
      await h.pauseThenWindow(before.speech + 1);
      const r = await h.firstAudio();
      expect(r.committed.text).toBe(LINE);
      expect(r.chatsAtCommit - before.chat).toBe(1); // asked during the pause, not after
      expect(r.speechAtCommit - before.speech).toBe(1);
      expect(r.audio).toBeDefined();
      const commitIdx = h.events.findIndex((e) => e.type === 'agent_turn_committed');
      expect(h.events.findIndex((e) => e.type === 'customer_turn_started')).toBeGreaterThan(commitIdx); // nothing leaked early
      expect(h.engine.preparedAhead).toEqual({ adopted: 1, dropped: 0 });
      expect(r.audioWithCommit).toBe(true);
    } finally {
      await h.engine.stop();
    }
  });

  it('server speech-to-text: the pause is transcribed early and that transcript is the turn (one request)', async () => {
    heard = LINE;
    const before = fake.requestsTo('/v1/audio/transcriptions').length;
    const speechBefore = fake.requestsTo('/v1/audio/speech').length;
    const h = harness({ serverStt: true });
    try {
      await h.engine.start();
      await push(h.engine, speak(LINE));
      await h.pauseThenWindow(speechBefore + 1);
      const r = await h.firstAudio();
      expect(r.committed.text).toBe(LINE);
      expect(fake.requestsTo('/v1/audio/transcriptions').length - before).toBe(1 + h.engine.preparedAhead.dropped);
      expect(h.engine.preparedAhead.adopted).toBe(1);
      expect(r.audioWithCommit).toBe(true);
    } finally {
      await h.engine.stop();
    }
  });

  it('the agent goes on after a pause: the prepared reply is dropped unheard and the customer answers the whole turn', async () => {
    const first = 'Hello, this is Dana from Magen Insurance';
    const second = 'I am calling about your policy renewal';
    const h = harness({ serverStt: false });
    const chatBefore = fake.requestsTo('/v1/chat/completions').length;
    try {
      await h.engine.start();
      await push(h.engine, speak(first));
      h.engine.pushAgentTranscript(first, true);
      await push(h.engine, new Int16Array(24 * 600)); // longer than the pause (315 ms), shorter than the window
      await push(h.engine, speak(second));
      h.engine.pushAgentTranscript(second, true);
      await push(h.engine, new Int16Array(24 * 1300));
      const r = await h.firstAudio();
      expect(r.committed.text).toBe(`${first} ${second}`);
      expect(h.engine.preparedAhead).toEqual({ adopted: 1, dropped: 1 });
      const chats = fake.requestsTo('/v1/chat/completions').slice(chatBefore).map((q) => (q.body as { messages: { content: string }[] }).messages.at(-1)!.content);
      expect(chats).toEqual([first, `${first} ${second}`]);
      const said = h.events.filter((e) => e.type === 'customer_text_delta').map((e) => (e as { delta: string }).delta).join('');
      expect(said).toBe(`You said: ${first} ${second}`); // nothing of the dropped reply was sent
      await new Promise((r) => setTimeout(r, 300));
      const done = h.events.filter((e) => e.type === 'customer_turn_done');
      expect(done).toHaveLength(1);
    } finally {
      await h.engine.stop();
    }
  });

  it('prepareAfterMs: null turns it off: the brain is asked only after the commit', async () => {
    const before = fake.requestsTo('/v1/chat/completions').length;
    const h = harness({ serverStt: false, prepareAfterMs: null });
    try {
      await h.engine.start();
      await push(h.engine, speak(LINE));
      h.engine.pushAgentTranscript(LINE, true);
      await push(h.engine, new Int16Array(24 * 1300));
      const r = await h.firstAudio();
      expect(r.chatsAtCommit - before).toBe(0);
      expect(h.engine.preparedAhead).toEqual({ adopted: 0, dropped: 0 });
      expect(r.audio).toBeDefined();
      expect(r.audioWithCommit).toBe(false); // asked for at the commit, it comes after
    } finally {
      await h.engine.stop();
    }
  });
});
