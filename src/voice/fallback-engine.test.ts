import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { SpeechCreateParams } from 'openai/resources/audio/speech';
import { loadConfig } from '../config/index.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { startFakeRealtimeServer, type FakeRealtimeServer } from '../testing/fake-realtime-server.ts';
import { haveTools } from '../testing/tools.ts';
import { customerTools } from './customer-tools.ts';
import { directiveText } from './customer-instructions.ts';
import { demoCustomer } from './demo-customer.ts';
import { recorder } from './engine-conformance.ts';
import type { EngineEvent } from './engine.ts';
import { buildEngineChain, engineChain } from './engines.ts';
import type { UsageRecord } from './usage.ts';
import { OPENAI_VOICES } from './voices.ts';
import { speakPcm24k } from '../testing/espeak.ts';

const AGENT_1 = 'שלום, מדבר יוסי מביטוח ישיר, אני מתקשר לגבי הפוליסה שלך.';
const CUSTOMER_1 = 'כן, שלום. על מה בדיוק מדובר? אין לי הרבה זמן.';
const AGENT_2 = 'זה ייקח שתי דקות. כמה את משלמת היום על הביטוח?';

describe.skipIf(!haveTools(['espeak-ng'], 'fallback chain (espeak-ng for the offline tier)'))('the fallback chain: Realtime → cascade → offline', () => {
  let rt: FakeRealtimeServer;
  let http: FakeOpenAI;
  beforeAll(async () => {
    rt = await startFakeRealtimeServer({ reply: () => ({ say: CUSTOMER_1 }), msPerChar: 5, deltaIntervalMs: 1 });
    http = await startFakeOpenAI({ chat: () => ({ content: 'אני משלמת בערך מאתיים שקל בחודש, ולא בא לי לשלם יותר.' }) });
  });
  afterAll(async () => {
    await rt.close();
    await http.close();
  });

  const cfg = () =>
    loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: http.url, OPENAI_REALTIME_URL: rt.url, LOG_LEVEL: 'silent' });

  it('orders the chain from the choice down, skipping what is not configured, and refuses an unavailable choice with what to set', () => {
    const c = cfg();
    expect(engineChain(c, 'voice', 'auto', true)).toEqual(['realtime', 'cascade', 'offline']);
    expect(engineChain(c, 'voice', 'cascade', true)).toEqual(['cascade', 'offline']);
    expect(engineChain(c, 'text', 'auto', true)).toEqual(['cascade', 'offline']);
    // OPENAI_BASE_URL elsewhere (Ollama) without OPENAI_REALTIME_URL: no Realtime
    const ollama = loadConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', LOG_LEVEL: 'silent' });
    expect(engineChain(ollama, 'voice', 'auto', true)).toEqual(['cascade', 'offline']);
    expect(() => engineChain(ollama, 'voice', 'realtime', true)).toThrow(/OPENAI_API_KEY/);
    expect(engineChain(loadConfig({ LOG_LEVEL: 'silent' }), 'voice', 'auto', true)).toEqual(['offline']);
  });

  it('a dead Realtime upstream mid-call: the call goes on in the cascade with its transcript and directive, one switch announced', async () => {
    const c = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 2 });
    const usage: UsageRecord[] = [];
    const t0 = performance.now();
    const engine = buildEngineChain({
      chain: engineChain(cfg(), 'voice', 'auto', true),
      mode: 'voice',
      cfg: cfg(),
      persona: c.voice,
      clock: () => performance.now() - t0,
      tools: customerTools(c.voice, { customer: c.customer }, () => ({ level: 'neutral' })),
      offlineBrain: () => c.brain(),
      onUsage: (u) => usage.push(u),
      reconnectDelaysMs: [20, 40],
    });
    const { events, waitFor } = recorder(engine);
    try {
      await engine.start();
      expect(engine.tier).toBe('realtime');
      engine.pushAgentText(AGENT_1);
      await waitFor((e) => e.type === 'customer_turn_done', 'the Realtime customer');
      const directive = { level: 'challenging' as const };
      await engine.updateDirectives(directive);

      // the upstream dies for good: every reconnect is refused
      rt.refuseNextConnections(503, 503, 503, 503);
      const chatBefore = http.requestsTo('/v1/chat/completions').length;
      rt.dropAll();
      const sw = (await waitFor((e) => e.type === 'engine_switched', 'the switch', 20_000)) as Extract<EngineEvent, { type: 'engine_switched' }>;
      expect(sw).toMatchObject({ from: 'realtime', to: 'cascade', name: 'cascade' });
      expect(engine.tier).toBe('cascade');
      expect(events.some((e) => e.type === 'error' && !e.recoverable), 'the fatal error is absorbed by the switch').toBe(false);

      engine.pushAgentText(AGENT_2);
      await waitFor((e) => e.type === 'customer_turn_done' && e.text.includes('מאתיים'), 'the cascade customer', 20_000);
      expect(events.filter((e) => e.type === 'engine_switched')).toHaveLength(1);

      // the chat model got the conversation so far and the persona with the directive in force
      const req = http.requestsTo('/v1/chat/completions').slice(chatBefore)[0].body as ChatCompletionCreateParams;
      const msgs = req.messages.map((m) => ({ role: m.role, content: String(m.content) }));
      expect(msgs[0].role).toBe('system');
      expect(msgs[0].content).toContain(c.voice.instructions);
      expect(msgs[0].content.split(directiveText(directive, 'he', c.voice.gender)).length - 1).toBe(1);
      expect(msgs.slice(1)).toEqual([
        { role: 'user', content: AGENT_1 },
        { role: 'assistant', content: CUSTOMER_1 },
        { role: 'user', content: AGENT_2 },
      ]);
      // the cascade speaks with an OpenAI voice
      const speech = http.requestsTo('/v1/audio/speech');
      expect(speech.length).toBeGreaterThan(0);
      for (const r of speech) expect(OPENAI_VOICES as readonly string[]).toContain((r.body as SpeechCreateParams).voice);
      // usage came from both engines
      expect(usage.some((u) => u.kind === 'realtime')).toBe(true);
      expect(usage.some((u) => u.kind === 'speech' && u.seconds > 0)).toBe(true);
    } finally {
      await engine.stop();
    }
  });

  it('starts on the next engine when the first cannot connect at all (rate-limited or down), and says so once', async () => {
    const c = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 2 });
    const t0 = performance.now();
    rt.refuseNextConnections(429, 429, 429);
    const engine = buildEngineChain({
      chain: ['realtime', 'offline'],
      mode: 'voice',
      cfg: cfg(),
      persona: c.voice,
      clock: () => performance.now() - t0,
      tools: customerTools(c.voice, null, () => ({ level: 'neutral' })),
      offlineBrain: () => c.brain(),
      reconnectDelaysMs: [20, 40],
    });
    const { events } = recorder(engine);
    try {
      await engine.start();
      expect(engine.tier).toBe('offline');
      const sw = events.filter((e): e is Extract<EngineEvent, { type: 'engine_switched' }> => e.type === 'engine_switched');
      expect(sw).toHaveLength(1);
      expect(sw[0].reason).toMatch(/429/);
    } finally {
      await engine.stop();
    }
  });

  it('taking over an inbound call, the offline customer does not open it again and catches up on the agent\'s turns', async () => {
    const c = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 2 });
    const persona = { ...c.voice, customerSpeaksFirst: true };
    const t0 = performance.now();
    let replayed = 0;
    const engine = buildEngineChain({
      chain: ['realtime', 'offline'],
      mode: 'text',
      cfg: cfg(),
      persona,
      clock: () => performance.now() - t0,
      tools: customerTools(persona, null, () => ({ level: 'neutral' })),
      offlineBrain: () => {
        const b = c.brain();
        const respond = b.respond.bind(b);
        b.respond = (turn, signal) => {
          if (turn.agentText) replayed++;
          return respond(turn, signal);
        };
        return b;
      },
      reconnectDelaysMs: [20, 40],
    });
    const { events, waitFor } = recorder(engine);
    try {
      await engine.start();
      await waitFor((e) => e.type === 'customer_turn_done', 'the Realtime customer opening the call');
      engine.pushAgentText(AGENT_1);
      await waitFor((e) => e.type === 'customer_turn_done' && events.filter((x) => x.type === 'customer_turn_done').length === 2, 'the answer');
      rt.refuseNextConnections(503, 503, 503, 503);
      rt.dropAll();
      await waitFor((e) => e.type === 'engine_switched', 'the switch', 20_000);
      expect(replayed).toBe(1); // the agent's one turn, heard again silently
      const turnsAtSwitch = events.filter((e) => e.type === 'customer_turn_started').length;
      await new Promise((r) => setTimeout(r, 800));
      expect(events.filter((e) => e.type === 'customer_turn_started').length).toBe(turnsAtSwitch); // no second opening
      engine.pushAgentText(AGENT_2);
      await waitFor((e) => e.type === 'customer_turn_done' && events.filter((x) => x.type === 'customer_turn_done').length === 3, 'the offline customer', 20_000);
    } finally {
      await engine.stop();
    }
  });

  it('retries a 429 from the chat endpoint (backoff with jitter) before anything fails', async () => {
    const c = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 2 });
    const t0 = performance.now();
    const engine = buildEngineChain({
      chain: ['cascade', 'offline'],
      mode: 'text',
      cfg: cfg(),
      persona: c.voice,
      clock: () => performance.now() - t0,
      tools: customerTools(c.voice, null, () => ({ level: 'neutral' })),
      offlineBrain: () => c.brain(),
    });
    const { events, waitFor } = recorder(engine);
    try {
      await engine.start();
      http.failNext('/v1/chat/completions', 429, 'Rate limit reached', 1);
      engine.pushAgentText(AGENT_1);
      await waitFor((e) => e.type === 'customer_turn_done', 'the reply after a retry', 20_000);
      expect(events.some((e) => e.type === 'error')).toBe(false);
      expect(engine.tier).toBe('cascade');
    } finally {
      await engine.stop();
    }
  });
});

describe.skipIf(!haveTools(['espeak-ng'], 'fallback chain, browser recognition'))('the fallback chain passes on what the page says of its recognition', () => {
  it('an offline call whose page has no speech recognition stores what it heard as inaudible, not silence', async () => {
    const c = demoCustomer({ scenarioType: 'discovery', language: 'he', seed: 3 });
    const cfg = loadConfig({ LOG_LEVEL: 'silent' });
    const t0 = performance.now();
    const engine = buildEngineChain({
      chain: engineChain(cfg, 'voice', 'auto', true),
      mode: 'voice',
      cfg,
      persona: { ...c.voice, customerSpeaksFirst: false },
      clock: () => performance.now() - t0,
      tools: customerTools(c.voice, { customer: c.customer }, () => ({ level: 'neutral' })),
      offlineBrain: () => c.brain(),
    });
    const { events, waitFor } = recorder(engine);
    // events out by the end of the task that ended the agent's speech
    let withSpeechEnd = -1;
    engine.onEvent((e) => void (e.type === 'agent_speech_stopped' && queueMicrotask(() => (withSpeechEnd = events.length))));
    try {
      await engine.start();
      engine.browserRecognition!('unavailable');
      const speech = speakPcm24k(AGENT_1, 'he');
      const audio = new Int16Array(speech.length + 24 * 2500);
      audio.set(speech);
      for (let i = 0; i < audio.length; i += 480) engine.pushAudio(audio.slice(i, i + 480));
      const committed = (await waitFor((e) => e.type === 'agent_turn_committed', 'the inaudible turn', 20_000)) as Extract<EngineEvent, { type: 'agent_turn_committed' }>;
      expect(committed).toMatchObject({ text: '', inaudible: true });
      // told there is no recognition, the engine waits for no browser transcript: the turn is committed at once
      expect(events.indexOf(committed)).toBeLessThan(withSpeechEnd);
      await waitFor((e) => e.type === 'customer_turn_done', 'the customer asks again');
    } finally {
      await engine.stop();
    }
  });
});
