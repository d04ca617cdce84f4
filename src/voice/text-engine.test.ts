import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { ChatBrain } from './chat-brain.ts';
import { demoCustomer } from './demo-customer.ts';
import { engineConformance, recorder, type EngineHarness } from './engine-conformance.ts';
import type { EngineEvent } from './engine.ts';
import { TextEngine } from './text-engine.ts';

const NO_AUDIO = { audio: 'the text engine produces no audio', bargeIn: 'typed turns have no audio to talk over', backchannel: 'typed turns have no audio backchannels' };
const OFFLINE_BRAIN = 'the offline brain plays from compiled parameters, not from instructions';
const OPENING_HE = 'שלום, מדברת מיכל ממגן ביטוחים, אני מתקשרת בקשר לבדיקת התיק הביטוחי. הפוליסה עולה 2,400 שקל לשנה.';

function offlineHarness(lang: 'he' | 'en' = 'he', type = 'objection_handling'): EngineHarness & { engine: TextEngine } {
  const c = demoCustomer({ scenarioType: type, language: lang, seed: 1 });
  const t0 = performance.now();
  const engine = new TextEngine({ persona: c.voice, brain: c.brain(), clock: () => performance.now() - t0 });
  return { engine, agentSays: async (t) => engine.pushAgentText(t), close: () => engine.stop() };
}

engineConformance('Text (offline brain)', async () => offlineHarness(), { openingLine: OPENING_HE, skip: { ...NO_AUDIO, instructions: OFFLINE_BRAIN } });

describe('TextEngine with the OpenAI-compatible chat brain (fake server)', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ chat: () => ({ content: 'זה נשמע לי יקר. כמה זה יוצא בחודש, בערך?', chunks: ['זה נשמע ', 'לי יקר. ', 'כמה זה יוצא ', 'בחודש, בערך?'] }) });
  });
  afterAll(() => fake.close());
  const customer = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 1 });
  engineConformance(
    'Text (chat brain)',
    async () => {
      const t0 = performance.now();
      const since = fake.requestsTo('/v1/chat/completions').length;
      const brain = new ChatBrain({ baseURL: fake.url, apiKey: 'sk-test', model: 'gpt-4o-mini', persona: customer.voice });
      const engine = new TextEngine({ persona: customer.voice, brain, clock: () => performance.now() - t0 });
      return {
        engine,
        agentSays: async (t) => engine.pushAgentText(t),
        upstreamInstructions: () => fake.requestsTo('/v1/chat/completions').slice(since).map((r) => (r.body as { messages: Array<{ role: string; content: string }> }).messages[0].content),
        close: () => engine.stop(),
      };
    },
    { openingLine: OPENING_HE, skip: NO_AUDIO, persona: customer.voice },
  );
});

describe('TextEngine with the offline brain', () => {
  const samples = path.resolve(import.meta.dirname, '../../samples/scripts');
  const lines = (f: string) => readFileSync(path.join(samples, f), 'utf8').split('\n').filter(Boolean);

  async function play(lang: 'he' | 'en', file: string) {
    const h = offlineHarness(lang);
    const { events, waitFor } = recorder(h.engine);
    await h.engine.start();
    for (const line of lines(file)) {
      const done = events.filter((e) => e.type === 'customer_turn_done').length;
      await h.agentSays(line);
      await waitFor(() => events.filter((e) => e.type === 'customer_turn_done').length > done, 'the customer reply');
      if (events.some((e) => e.type === 'hangup')) break;
    }
    await h.close();
    return events;
  }

  it.each(['he', 'en'] as const)('plays a whole call: state after every turn, and the good agent ends with an agreement (%s)', async (lang) => {
    const events = await play(lang, `good-${lang}.txt`);
    const hangup = events.find((e): e is Extract<EngineEvent, { type: 'hangup' }> => e.type === 'hangup');
    expect(hangup?.outcome).toMatch(/^(next_step|purchase)$/);
    const states = events.filter((e) => e.type === 'customer_state');
    expect(states.length).toBe(events.filter((e) => e.type === 'agent_turn_committed').length);
    // the hang-up comes after the customer's last words
    expect(events.findIndex((e) => e.type === 'hangup')).toBeGreaterThan(events.findLastIndex((e) => e.type === 'customer_turn_done'));
  });

  it('a poor agent is hung up on', async () => {
    const events = await play('he', 'poor-he.txt');
    expect(events.find((e) => e.type === 'hangup')).toMatchObject({ outcome: 'hung_up' });
  });
});
