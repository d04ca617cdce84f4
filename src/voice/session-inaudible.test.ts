/**
 * Never a deaf customer: speech the VAD heard but no recogniser turned into words is stored as an inaudible agent
 * turn, the customer answers each one as on a bad line (call language, persona manner), and the agent is told why
 * once per reason. Real Silero VAD, real espeak-ng speech in and out, the offline brain; no model, no key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { speakPcm24k } from '../testing/espeak.ts';
import { haveTools } from '../testing/tools.ts';
import { pcm16Bytes } from './audio.ts';
import { CascadeEngine } from './cascade-engine.ts';
import { demoCustomer } from './demo-customer.ts';
import { decodeServerMessage, type ServerMessage } from './protocol.ts';
import { SimulationSession, type TurnRecord } from './session.ts';
import { EspeakSynthesizer, OpenAiTranscriber, type SpeechTranscriber } from './speech.ts';
import { TRANSCRIPT_NOTICES } from './inaudible.ts';

const silence = (ms: number) => new Int16Array(ms * 24);

function call(lang: 'he' | 'en', stt: SpeechTranscriber | null, mood?: string) {
  const c = demoCustomer({ scenarioType: 'discovery', language: lang, seed: 3 });
  const persona = { ...c.voice, card: { ...c.voice.card, ...(mood ? { mood } : {}) }, customerSpeaksFirst: false, turnTaking: { ...c.voice.turnTaking, silenceMs: 500 } };
  const t0 = performance.now();
  const clock = () => performance.now() - t0;
  const engine = new CascadeEngine({ persona, brain: c.brain(), clock, tts: new EspeakSynthesizer(), stt, browserTranscriptWaitMs: 1500 });
  const out: ServerMessage[] = [];
  const turns: TurnRecord[] = [];
  // customer audio "plays" in real time from its first frame: the agent speaks again only after it has been heard
  let playsUntil = 0;
  const sendAudio = (pcm: Int16Array) => {
    playsUntil = Math.max(playsUntil, Date.now()) + pcm.length / 24;
  };
  const session = new SimulationSession({
    engine,
    persona,
    clock,
    transport: { sendJson: (m) => out.push(decodeServerMessage(JSON.stringify(m))!), sendAudio, close: () => undefined },
    taps: [{ onTurn: (t) => turns.push(t) }],
    limits: { audioMsPerSec: 100_000, audioBurstMs: 100_000 },
  });
  const voice = lang === 'he' ? 'he' : 'en-us';
  /** The agent says `text` into the microphone (20 ms frames, 4× real time), then is silent. */
  const say = async (text: string) => {
    while (Date.now() < playsUntil) await new Promise((r) => setTimeout(r, 50));
    const clip = new Int16Array([...speakPcm24k(text, voice), ...silence(900)]);
    for (let i = 0; i + 480 <= clip.length; i += 480) {
      session.handleBinary(pcm16Bytes(clip.slice(i, i + 480)));
      await new Promise((r) => setTimeout(r, 5));
    }
    await engine.drained();
  };
  const waitFor = async (pred: () => boolean, what: string, timeoutMs = 20_000) => {
    const t = Date.now();
    while (!pred()) {
      if (Date.now() - t > timeoutMs) throw new Error(`timed out waiting for ${what}; turns: ${JSON.stringify(turns.map((x) => [x.speaker, x.text, x.inaudible]))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { session, engine, out, turns, say, waitFor, start: () => session.handleText(JSON.stringify({ type: 'start', v: 1, mode: 'voice', agentTranscripts: stt ? 'server' : 'browser' })) };
}

const customerTurns = (turns: TurnRecord[]) => turns.filter((t) => t.speaker === 'customer' && t.text.trim());
const notices = (out: ServerMessage[]) => out.filter((m): m is Extract<ServerMessage, { type: 'transcription_notice' }> => m.type === 'transcription_notice');

describe.skipIf(!haveTools(['espeak-ng'], 'inaudible turns (espeak-ng)'))('speech without a transcript: the inaudible path', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ transcription: () => ({ text: '' }) });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('no recogniser anywhere (browser recognition unavailable): every utterance is stored inaudible and the customer answers each, in Hebrew', async () => {
    const c = call('he', null);
    c.start();
    await c.waitFor(() => c.out.some((m) => m.type === 'ready'), 'ready');
    c.session.handleText(JSON.stringify({ type: 'recognition', status: 'unavailable' }));
    const lines = ['שלום, מדבר יוסי מחברת הביטוח, יש לך דקה?', 'רציתי לשאול איך אתם מבוטחים היום', 'מה הכי חשוב לך בפוליסה?'];
    for (const [i, line] of lines.entries()) {
      await c.say(line);
      await c.waitFor(() => customerTurns(c.turns).length >= i + 1, `customer reply ${i + 1}`);
    }
    const agent = c.turns.filter((t) => t.speaker === 'agent');
    expect(agent).toHaveLength(3);
    expect(agent.every((t) => t.inaudible === true && t.text === '')).toBe(true);
    const replies = customerTurns(c.turns);
    expect(replies).toHaveLength(3);
    for (const r of replies) expect(r.text).toMatch(/[\u0590-\u05FF]/); // Hebrew, not English
    expect(new Set(replies.map((r) => r.text)).size).toBe(3); // never the same line twice
    // the third in a row says the line is still dead
    expect(replies[2].text).toMatch(/עדיין/);
    const finals = c.out.filter((m) => m.type === 'agent_transcript_final');
    expect(finals.every((m) => m.type === 'agent_transcript_final' && m.inaudible === true)).toBe(true);
    // nothing reopens an inaudible line as a partial (the page would lose its mark)
    expect(c.out.filter((m) => m.type === 'agent_transcript_partial')).toEqual([]);
    const n = notices(c.out);
    expect(n).toHaveLength(1); // once, not per utterance
    expect(n[0].reason).toBe('no_recognition');
    expect(n[0].text).toBe(TRANSCRIPT_NOTICES.no_recognition.he);
    await c.session.end();
  }, 90_000);

  it('browser recognition that never delivers: the customer still answers, after the wait for a transcript', async () => {
    const c = call('en', null);
    c.start();
    await c.waitFor(() => c.out.some((m) => m.type === 'ready'), 'ready');
    await c.say('Hi, this is Sam from Magen Insurance, do you have a minute?');
    await c.waitFor(() => customerTurns(c.turns).length >= 1, 'customer reply');
    expect(c.turns[0]).toMatchObject({ speaker: 'agent', inaudible: true, text: '' });
    expect(customerTurns(c.turns)[0].text).toMatch(/[a-z]/i);
    expect(notices(c.out).map((m) => m.reason)).toEqual(['no_recognition']);
    await c.session.end();
  }, 60_000);

  it('a late browser transcript after an inaudible turn still gets a normal answer', async () => {
    const c = call('en', null);
    c.start();
    await c.waitFor(() => c.out.some((m) => m.type === 'ready'), 'ready');
    await c.say('Hi, this is Sam from Magen Insurance.');
    await c.waitFor(() => customerTurns(c.turns).length >= 1, 'bad-line reply');
    c.session.handleText(JSON.stringify({ type: 'agent_transcript', text: 'Hi, this is Sam from Magen Insurance.', final: true }));
    await c.waitFor(() => customerTurns(c.turns).length >= 2, 'answer to the words');
    const agent = c.turns.filter((t) => t.speaker === 'agent');
    expect(agent.map((t) => Boolean(t.inaudible))).toEqual([true, false]);
    expect(agent[1].text).toBe('Hi, this is Sam from Magen Insurance.');
    await c.session.end();
  }, 60_000);

  it('a server recogniser that fails (endpoint down): inaudible turn, reason engine_error with its words, customer answers', async () => {
    const down = new OpenAiTranscriber({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-test', model: 'whisper-1' });
    const c = call('en', down, 'annoyed');
    c.start();
    await c.waitFor(() => c.out.some((m) => m.type === 'ready'), 'ready');
    await c.say('Good morning, I am calling about your insurance policy.');
    await c.waitFor(() => customerTurns(c.turns).length >= 1, 'customer reply', 30_000);
    expect(c.turns[0]).toMatchObject({ speaker: 'agent', inaudible: true });
    const n = notices(c.out);
    expect(n.map((m) => m.reason)).toEqual(['engine_error']);
    expect(n[0].text).toContain(TRANSCRIPT_NOTICES.engine_error.en);
    expect(n[0].text).toMatch(/Speech-to-text failed/);
    // an annoyed persona is curt on a bad line
    expect(['What? I can\'t hear you. Again.', "Hello? You're breaking up. Repeat that.", "I didn't get a word of that."]).toContain(customerTurns(c.turns)[0].text);
    await c.session.end();
  }, 60_000);

  it('a server recogniser that returns no words: inaudible turn, reason empty', async () => {
    const empty = new OpenAiTranscriber({ baseURL: fake.url, apiKey: 'sk-test', model: 'whisper-1' });
    const c = call('he', empty);
    c.start();
    await c.waitFor(() => c.out.some((m) => m.type === 'ready'), 'ready');
    await c.say('שלום, אני מתקשרת לגבי הביטוח שלך');
    await c.waitFor(() => customerTurns(c.turns).length >= 1, 'customer reply');
    expect(c.turns[0]).toMatchObject({ speaker: 'agent', inaudible: true, text: '' });
    expect(notices(c.out).map((m) => m.reason)).toEqual(['empty']);
    await c.session.end();
  }, 60_000);
});
