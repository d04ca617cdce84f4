import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimeClientEvent, RealtimeConversationItemFunctionCallOutput, RealtimeSessionCreateRequest } from 'openai/resources/realtime/realtime';
import { startFakeRealtimeServer, type FakeReply, type FakeRealtimeServer } from '../testing/fake-realtime-server.ts';
import { recorder } from './engine-conformance.ts';
import { customerTools } from './customer-tools.ts';
import { demoCustomer } from './demo-customer.ts';
import type { DifficultyDirective, EngineEvent } from './engine.ts';
import { RealtimeEngine } from './realtime-engine.ts';
import { OPENAI_VOICES } from './voices.ts';

/** The calls the fake model makes, one per response, then a spoken line that quotes the last tool output. */
const CALLS: Array<{ name: string; arguments: Record<string, unknown> | string }> = [
  { name: 'company_objection_handler', arguments: { topic: 'המחיר של הפוליסה, 2,400 שקל לשנה' } },
  { name: 'customer_background_generator', arguments: { aspect: 'budget' } },
  { name: 'scenario_difficulty_adjuster', arguments: { observation: 'the agent pushes hard' } },
  { name: 'company_objection_handler', arguments: { topic: 42 } },
  { name: 'customer_background_generator', arguments: '{"aspect": "budget"' },
  { name: 'no_such_tool', arguments: {} },
];

describe('the Realtime customer\'s function tools, answered from company data through the fake Realtime server', () => {
  let server: FakeRealtimeServer;
  beforeAll(async () => {
    server = await startFakeRealtimeServer({
      reply: (ctx): FakeReply => {
        const n = ctx.responseIndex;
        if (n < CALLS.length) return { call: CALLS[n] };
        return { say: 'טוב, נראה.' };
      },
      msPerChar: 5,
      deltaIntervalMs: 1,
    });
  });
  afterAll(() => server.close());

  it('objection with its source, background facts and the difficulty decision come from the persona, questionnaire version and pack; bad calls get a useful error output', async () => {
    const c = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 3, questionnaireVersion: 7 });
    const snapshot = { customer: c.customer, offline: c.offline }; // as the session stores it
    expect(c.customer.objections.length).toBeGreaterThan(0);
    let directive: DifficultyDirective = { level: 'neutral' };
    const since = server.received.length;
    const t0 = performance.now();
    const engine = new RealtimeEngine({
      apiKey: 'sk-test',
      url: server.url,
      model: 'gpt-realtime',
      transcribeModel: 'gpt-4o-transcribe',
      persona: c.voice,
      clock: () => performance.now() - t0,
      tools: customerTools(c.voice, snapshot, () => directive),
      reconnectDelaysMs: [50],
    });
    const { events, waitFor } = recorder(engine);
    try {
      await engine.start();
      directive = { level: 'challenging', extraObjections: 1, timePressure: true };
      await engine.updateDirectives(directive);
      engine.pushAgentText('שלום, אני מתקשר לגבי הפוליסה. היא עולה 2,400 שקל לשנה.');
      await waitFor((e) => e.type === 'customer_turn_done', 'the spoken reply after the tool calls', 20_000);
      const calls = events.filter((e): e is Extract<EngineEvent, { type: 'tool_call' }> => e.type === 'tool_call');
      expect(calls.map((x) => x.name)).toEqual(CALLS.map((x) => x.name));

      // what went back on the wire: one function_call_output per call, parsed from JSON
      const outputs = server.received
        .slice(since)
        .map((r) => r.event as RealtimeClientEvent)
        .filter((e): e is Extract<RealtimeClientEvent, { type: 'conversation.item.create' }> => e.type === 'conversation.item.create' && e.item.type === 'function_call_output')
        .map((e) => JSON.parse((e.item as RealtimeConversationItemFunctionCallOutput).output) as Record<string, unknown>);
      expect(outputs).toHaveLength(CALLS.length);
      const [objection, background, difficulty, badType, badJson, unknown] = outputs;

      const priceObjection = c.customer.objections.find((o) => o.kind === 'price');
      const company = c.customer.objections.map((o) => o.text);
      expect(company).toContain(objection.objection);
      if (priceObjection) expect(objection).toMatchObject({ objection: priceObjection.text, kind: 'price', source: priceObjection.source });
      expect(['company', 'pack', 'call_history', 'manager']).toContain(objection.source);
      expect(objection.provenance).toEqual({ company: c.customer.provenance.companyName, questionnaireVersion: 7, pack: c.customer.provenance.packId });

      expect(background).toMatchObject({ name: c.customer.name, age: c.customer.age, budget: c.customer.decision.budget.text, answer: c.customer.decision.budget.text, timeline: c.customer.decision.timeline });
      expect(background.provenance).toMatchObject({ questionnaireVersion: 7 });

      expect(difficulty).toMatchObject({ level: 'challenging', extraObjections: 1, timePressure: true, observation: 'the agent pushes hard' });
      expect(String(difficulty.directive)).toMatch(/לחץ זמן|התנגדות/);

      expect(String(badType.error)).toMatch(/Invalid arguments for company_objection_handler.*topic/);
      expect(String(badType.error)).toMatch(/Call it again/);
      expect(String(badJson.error)).toMatch(/not valid JSON/);
      expect(String(unknown.error)).toMatch(/Unknown tool "no_such_tool"/);

      // the call lived on: no fatal error, and the customer spoke after the bad calls
      expect(events.some((e) => e.type === 'error' && !e.recoverable)).toBe(false);
      expect(events.filter((e) => e.type === 'customer_turn_done').length).toBeGreaterThan(0);
    } finally {
      await engine.stop();
    }
  });

  it('configures a voice the Realtime API accepts and reports usage from response.done', async () => {
    const c = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 4 });
    // a persona whose OpenAI voice is missing or is an espeak name still gets a voice the API accepts
    const persona = { ...c.voice, voice: { ...c.voice.voice, realtime: 'he' } };
    const t0 = performance.now();
    const engine = new RealtimeEngine({
      apiKey: 'sk-test', url: server.url, model: 'gpt-realtime', transcribeModel: 'gpt-4o-transcribe', persona, clock: () => performance.now() - t0,
      tools: customerTools(persona, { customer: c.customer }, () => ({ level: 'neutral' })),
    });
    const { events, waitFor } = recorder(engine);
    try {
      await engine.start();
      const s = server.latestSession() as RealtimeSessionCreateRequest;
      expect(OPENAI_VOICES as readonly string[]).toContain(s.audio?.output?.voice);
      engine.pushAgentText('שלום');
      await waitFor((e) => e.type === 'customer_turn_done', 'a reply');
      const usage = events.filter((e): e is Extract<EngineEvent, { type: 'usage' }> => e.type === 'usage').map((e) => e.usage);
      expect(usage.some((u) => u.kind === 'realtime' && u.outputAudioTokens > 0 && u.inputTextTokens > 0)).toBe(true);
    } finally {
      await engine.stop();
    }
  });

  it('logs an unknown server event once and ignores it', async () => {
    const logs: string[] = [];
    const c = demoCustomer({ scenarioType: 'objection_handling', language: 'he', seed: 5 });
    const t0 = performance.now();
    const engine = new RealtimeEngine({
      apiKey: 'sk-test', url: server.url, model: 'gpt-realtime', transcribeModel: 'gpt-4o-transcribe', persona: c.voice, clock: () => performance.now() - t0,
      tools: customerTools(c.voice, null, () => ({ level: 'neutral' })), log: (m) => logs.push(m),
    });
    try {
      await engine.start();
      server.injectRaw({ type: 'response.brand_new_event', event_id: 'event_x' });
      server.injectRaw({ type: 'response.brand_new_event', event_id: 'event_y' });
      server.injectRaw({ type: 'rate_limits.updated', event_id: 'event_z', rate_limits: [] });
      await new Promise((r) => setTimeout(r, 100));
      expect(logs.filter((l) => l.includes('response.brand_new_event'))).toHaveLength(1);
      expect(logs).toHaveLength(1);
    } finally {
      await engine.stop();
    }
  });
});
