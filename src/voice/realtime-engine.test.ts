import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRealtimeServer, synthSpeech, type FakeRealtimeServer } from '../testing/fake-realtime-server.ts';
import { engineConformance, recorder, type EngineHarness } from './engine-conformance.ts';
import { RealtimeEngine } from './realtime-engine.ts';
import { demoVoicePersona } from './test-personas.ts';

const LONG_REPLY = 'אני לא בטוחה שאני צריכה עוד ביטוח, יש לי כבר ביטוח דרך העבודה והוא עולה לי מספיק כסף כל חודש, אז למה שאחליף?';

function silence(ms: number) {
  return new Int16Array(Math.round(ms * 24));
}

async function pushPaced(engine: RealtimeEngine, clip: Int16Array, frameMs = 20, paceFactor = 4) {
  const n = frameMs * 24;
  for (let i = 0; i < clip.length; i += n) {
    engine.pushAudio(clip.slice(i, i + n));
    await new Promise((r) => setTimeout(r, frameMs / paceFactor));
  }
}

function harness(server: FakeRealtimeServer, extra: Partial<ConstructorParameters<typeof RealtimeEngine>[0]> = {}): EngineHarness & { engine: RealtimeEngine } {
  const t0 = performance.now();
  const engine = new RealtimeEngine({
    apiKey: 'sk-test',
    url: server.url,
    model: 'gpt-realtime',
    transcribeModel: 'gpt-4o-transcribe',
    persona: demoVoicePersona('he', { turnTaking: { silenceMs: 300, vad: 'server_vad', eagerness: 'auto', bargeInMinMs: 600 } }),
    clock: () => performance.now() - t0,
    tools: {
      company_objection_handler: () => ({ objection: 'זה יקר לי' }),
      customer_background_generator: () => ({ fact: 'מבוטחת דרך העבודה' }),
      scenario_difficulty_adjuster: () => ({ level: 'neutral' }),
    },
    reconnectDelaysMs: [50, 100, 200],
    ...extra,
  });
  return {
    engine,
    agentSays: async () => {
      await pushPaced(engine, synthSpeech(800));
      await pushPaced(engine, silence(400));
    },
    agentBackchannel: async () => {
      await pushPaced(engine, synthSpeech(250), 20, 1);
      await pushPaced(engine, silence(400), 20, 1);
    },
    agentTalksOver: async () => {
      await pushPaced(engine, synthSpeech(900), 20, 1);
    },
    close: () => engine.stop(),
  };
}

describe('RealtimeEngine against the fake Realtime server', () => {
  let server: FakeRealtimeServer;
  beforeAll(async () => {
    server = await startFakeRealtimeServer({
      transcribe: (n) => (n === 0 ? 'שלום דנה, מדבר יוסי מביטוח ישיר' : 'כן'),
      reply: () => ({ say: LONG_REPLY }),
      msPerChar: 40,
      deltaMs: 100,
      deltaIntervalMs: 60, // slower than real time here so a turn lasts long enough to talk over
    });
  });
  afterAll(() => server.close());

  engineConformance('realtime', async () => harness(server), { openingLine: 'שלום דנה, מדבר יוסי מביטוח ישיר' });

  it('configures the GA session: instructions, voice, Hebrew transcription, tuned VAD, tools; no beta header', async () => {
    const h = harness(server);
    await h.engine.start();
    const conn = server.connections.at(-1)!;
    expect(conn.headers.authorization).toBe('Bearer sk-test');
    expect(conn.headers['openai-beta']).toBeUndefined();
    expect(conn.headers['sec-websocket-extensions']).toBeUndefined(); // audio frames are not deflated
    expect(conn.url).toContain('model=gpt-realtime');
    const s = server.latestSession()!;
    expect(s.instructions).toContain('דנה כהן');
    expect(s.audio?.output?.voice).toBe('marin');
    expect(s.audio?.input?.transcription).toEqual({ model: 'gpt-4o-transcribe', language: 'he' });
    expect(s.audio?.input?.turn_detection).toMatchObject({ type: 'server_vad', silence_duration_ms: 300, create_response: false, interrupt_response: false });
    expect((s.tools ?? []).map((t) => (t as { name: string }).name)).toEqual(['company_objection_handler', 'customer_background_generator', 'scenario_difficulty_adjuster', 'end_call']);
    await h.engine.updateDirectives({ level: 'supportive' });
    await expect.poll(() => server.latestSession()!.instructions).toContain('סבלני');
    await h.close();
  });

  it('sends conversation.item.truncate with the playback position the client reported', async () => {
    const h = harness(server);
    const { waitFor } = recorder(h.engine);
    await h.engine.start();
    h.engine.pushAgentText('תגידי, כמה את משלמת היום?');
    const audio = (await waitFor((e) => e.type === 'customer_audio', 'audio')) as { itemId: string };
    await new Promise((r) => setTimeout(r, 150));
    h.engine.interrupt(audio.itemId, 120);
    await waitFor((e) => e.type === 'customer_turn_done' && e.interrupted, 'interrupted done');
    await expect.poll(() => server.truncations.at(-1)).toEqual({ itemId: audio.itemId, audioEndMs: 120 });
    expect(server.eventsOfType('response.cancel').length).toBeGreaterThan(0);
    await h.close();
  });
});

describe('RealtimeEngine tools and reconnects', () => {
  it('answers function tools from our callbacks and speaks the result', async () => {
    const server = await startFakeRealtimeServer({
      reply: (c) => (c.lastFunctionOutput ? { say: `טוב, ${JSON.parse(c.lastFunctionOutput).objection}` } : { call: { name: 'company_objection_handler', arguments: { topic: 'מחיר' } } }),
    });
    const h = harness(server);
    const { events, waitFor } = recorder(h.engine);
    await h.engine.start();
    h.engine.pushAgentText('המחיר הוא 200 שקל לחודש');
    const done = (await waitFor((e) => e.type === 'customer_turn_done', 'turn')) as { text: string };
    expect(done.text).toBe('טוב, זה יקר לי');
    expect(events.find((e) => e.type === 'tool_call')).toMatchObject({ name: 'company_objection_handler', args: { topic: 'מחיר' } });
    await h.close();
    await server.close();
  });

  it('ends the call when the model calls end_call', async () => {
    const server = await startFakeRealtimeServer({
      reply: (c) => (c.responseIndex === 0 ? { call: { name: 'end_call', arguments: { outcome: 'hung_up', reason: 'לא מעוניינת' } } } : { say: 'ביי' }),
    });
    const h = harness(server);
    const { waitFor } = recorder(h.engine);
    await h.engine.start();
    h.engine.pushAgentText('רק דקה אחת!');
    const hang = await waitFor((e) => e.type === 'hangup', 'hangup');
    expect(hang).toMatchObject({ outcome: 'hung_up', reason: 'לא מעוניינת' });
    await h.close();
    await server.close();
  });

  it('reconnects after a drop and replays the conversation', async () => {
    const server = await startFakeRealtimeServer({ reply: (c) => ({ say: `תשובה ${c.responseIndex + 1}` }) });
    const h = harness(server);
    const { events, waitFor } = recorder(h.engine);
    await h.engine.start();
    h.engine.pushAgentText('שאלה ראשונה');
    await waitFor((e) => e.type === 'customer_turn_done', 'first turn');
    server.dropAll();
    await waitFor((e) => e.type === 'status' && e.status === 'reconnecting', 'reconnecting');
    await waitFor((e) => e.type === 'status' && e.status === 'connected' && (e.detail ?? '').includes('replayed'), 'reconnected');
    await expect.poll(() => server.latestItems().length).toBe(2);
    const items = server.latestItems();
    expect(items.map((i) => (i.type === 'message' ? `${i.role}:${i.content.map((p) => (p as { text?: string; transcript?: string }).text ?? (p as { transcript?: string }).transcript).join('')}` : i.type))).toEqual(['user:שאלה ראשונה', 'assistant:תשובה 1']);
    expect(server.latestSession()!.instructions).toContain('דנה כהן');
    h.engine.pushAgentText('שאלה שנייה');
    await waitFor((e) => e.type === 'customer_turn_done' && e.text === 'תשובה 1', 'second turn after reconnect');
    expect(events.some((e) => e.type === 'error' && !e.recoverable)).toBe(false);
    await h.close();
    await server.close();
  });

  it('reconnects before the session cap without losing the conversation', async () => {
    const server = await startFakeRealtimeServer();
    const h = harness(server, { sessionCapMs: 150 });
    const { waitFor } = recorder(h.engine);
    await h.engine.start();
    h.engine.pushAgentText('היי');
    await waitFor((e) => e.type === 'customer_turn_done', 'turn');
    await waitFor((e) => e.type === 'status' && (e.detail ?? '').includes('replayed'), 'proactive reconnect');
    expect(server.connections.length).toBeGreaterThanOrEqual(2);
    await h.close();
    await server.close();
  });

  it('fails with a non-recoverable error when the service stays unreachable', async () => {
    const server = await startFakeRealtimeServer({ apiKey: 'sk-other' });
    const h = harness(server);
    await expect(h.engine.start()).rejects.toThrow(/401/);
    await server.close();
  });
});
