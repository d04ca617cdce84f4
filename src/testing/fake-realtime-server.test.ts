import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { startFakeRealtimeServer, synthSpeech, type FakeRealtimeServer } from './fake-realtime-server.ts';

/**
 * The fake is checked by driving it with the official SDK client. The SDK always dials wss://, so the test
 * hands ws a plain-TCP createConnection to the fake's loopback port (the URL, headers and events are untouched).
 */
async function sdkClient(server: FakeRealtimeServer, key = 'sk-test') {
  const client = new OpenAI({ apiKey: key, baseURL: `http://127.0.0.1:${server.port}/v1` });
  const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: { createConnection: () => connect(server.port, '127.0.0.1') } as never }, client);
  const events: RealtimeServerEvent[] = [];
  rt.on('event', (e) => events.push(e));
  const errors: string[] = [];
  rt.on('error', (e) => errors.push(e.error?.code ?? e.message));
  await new Promise<void>((resolve, reject) => {
    rt.socket.once('open', () => resolve());
    rt.socket.once('error', reject);
    rt.socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const waitFor = async <T extends RealtimeServerEvent['type']>(type: T, n = 1, timeoutMs = 5000) => {
    const t0 = Date.now();
    while (events.filter((e) => e.type === type).length < n) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${type}; got ${[...new Set(events.map((e) => e.type))].join(', ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return events.filter((e) => e.type === type) as Array<Extract<RealtimeServerEvent, { type: T }>>;
  };
  return { rt, events, errors, waitFor };
}

const b64 = (s: Int16Array) => Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64');
const silence = (ms: number) => new Int16Array(Math.round((ms * 24000) / 1000));

function appendClip(rt: OpenAIRealtimeWS, clip: Int16Array) {
  for (let i = 0; i < clip.length; i += 480) rt.send({ type: 'input_audio_buffer.append', audio: b64(clip.subarray(i, i + 480)) });
}

describe('fake OpenAI Realtime server (driven by the official openai SDK)', () => {
  let server: FakeRealtimeServer;
  afterEach(async () => server?.close());

  it('greets with session.created and applies a GA session.update', async () => {
    server = await startFakeRealtimeServer();
    const { rt, waitFor } = await sdkClient(server);
    const [created] = await waitFor('session.created');
    expect(created.session.type).toBe('realtime');
    rt.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        instructions: 'את לקוחה ספקנית. דברי עברית.',
        audio: { input: { transcription: { model: 'gpt-4o-transcribe', language: 'he' }, turn_detection: { type: 'semantic_vad', eagerness: 'low' } }, output: { voice: 'marin' } },
      },
    });
    const [updated] = await waitFor('session.updated');
    const s = updated.session as { instructions?: string; audio?: { output?: { voice?: string }; input?: { turn_detection?: { type: string } } } };
    expect(s.instructions).toContain('ספקנית');
    expect(s.audio?.output?.voice).toBe('marin');
    expect(s.audio?.input?.turn_detection?.type).toBe('semantic_vad');
    expect(server.connections[0].headers.authorization).toBe('Bearer sk-test');
    expect(server.connections[0].headers['openai-beta']).toBeUndefined();
    rt.close();
  });

  it('refuses a wrong API key with HTTP 401', async () => {
    server = await startFakeRealtimeServer({ apiKey: 'sk-right' });
    await expect(sdkClient(server, 'sk-wrong')).rejects.toThrow(/401/);
  });

  it('detects speech by energy, commits, transcribes and answers with audio faster than real time', async () => {
    server = await startFakeRealtimeServer({ transcribe: () => 'שלום, אני מחברת הביטוח', reply: (c) => ({ say: `כן? ${c.lastUserText}` }), msPerChar: 40 });
    const { rt, waitFor, events } = await sdkClient(server);
    rt.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { transcription: { model: 'gpt-4o-transcribe', language: 'he' }, turn_detection: { type: 'server_vad', silence_duration_ms: 300 } } } } });
    await waitFor('session.updated');
    appendClip(rt, synthSpeech(600));
    appendClip(rt, silence(500));
    const [started] = await waitFor('input_audio_buffer.speech_started');
    const [stopped] = await waitFor('input_audio_buffer.speech_stopped');
    expect(started.audio_start_ms).toBe(0);
    expect(stopped.audio_end_ms).toBeGreaterThanOrEqual(590);
    expect(stopped.audio_end_ms).toBeLessThanOrEqual(640);
    await waitFor('input_audio_buffer.committed');
    const [tr] = await waitFor('conversation.item.input_audio_transcription.completed');
    expect(tr.transcript).toBe('שלום, אני מחברת הביטוח');
    const [done] = await waitFor('response.done');
    const deltaMs = events.filter((e) => e.type === 'response.output_audio.delta').map((e) => (Buffer.from((e as { delta: string }).delta, 'base64').length / 2 / 24000) * 1000);
    expect(deltaMs.reduce((a, x) => a + x, 0)).toBeGreaterThan(500);
    // faster than real time, as the service is: 100 ms of audio per delta, one delta every 5 ms (its pace is a
    // setting, not something this test times)
    expect(deltaMs.length).toBeGreaterThan(1);
    expect(deltaMs.slice(0, -1).every((ms) => Math.abs(ms - 100) < 0.1)).toBe(true);
    expect(done.response.status).toBe('completed');
    const [tdone] = await waitFor('response.output_audio_transcript.done');
    expect(tdone.transcript).toBe('כן? שלום, אני מחברת הביטוח');
    const deltas = events.filter((e) => e.type === 'response.output_audio_transcript.delta').map((e) => (e as { delta: string }).delta).join('');
    expect(deltas).toBe(tdone.transcript);
    // beta names never appear
    expect(events.some((e) => (e.type as string) === 'response.audio.delta' || (e.type as string) === 'conversation.item.created')).toBe(false);
    rt.close();
  });

  it('cancels a response on response.cancel and truncates the item to the audio heard', async () => {
    server = await startFakeRealtimeServer({ msPerChar: 200, deltaIntervalMs: 20 });
    const { rt, waitFor, errors } = await sdkClient(server);
    rt.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'היי' }] } });
    rt.send({ type: 'response.create' });
    const [delta] = await waitFor('response.output_audio.delta', 3);
    rt.send({ type: 'response.cancel' });
    const [done] = await waitFor('response.done');
    expect(done.response.status).toBe('cancelled');
    expect(done.response.status_details?.reason).toBe('client_cancelled');
    rt.send({ type: 'conversation.item.truncate', item_id: delta.item_id, content_index: 0, audio_end_ms: 150 });
    const [tr] = await waitFor('conversation.item.truncated');
    expect(tr.audio_end_ms).toBe(150);
    expect(server.truncations).toEqual([{ itemId: delta.item_id, audioEndMs: 150 }]);
    rt.send({ type: 'conversation.item.truncate', item_id: delta.item_id, content_index: 0, audio_end_ms: 999_999 });
    await waitFor('error');
    expect(errors).toContain('invalid_value');
    rt.send({ type: 'response.cancel' });
    await waitFor('error', 2);
    expect(errors).toContain('response_cancel_not_active');
    rt.close();
  });

  it('interrupts an answer when new speech starts (interrupt_response)', async () => {
    server = await startFakeRealtimeServer({ msPerChar: 300, deltaIntervalMs: 30 });
    const { rt, waitFor } = await sdkClient(server);
    rt.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'היי' }] } });
    rt.send({ type: 'response.create' });
    await waitFor('response.output_audio.delta', 2);
    appendClip(rt, synthSpeech(300));
    const [done] = await waitFor('response.done');
    expect(done.response.status).toBe('cancelled');
    expect(done.response.status_details?.reason).toBe('turn_detected');
    rt.close();
  });

  it('runs a function call round trip', async () => {
    server = await startFakeRealtimeServer({
      reply: (c) => (c.lastFunctionOutput ? { say: `הנה: ${JSON.parse(c.lastFunctionOutput).objection}` } : { call: { name: 'company_objection_handler', arguments: { stage: 'opening' } } }),
    });
    const { rt, waitFor } = await sdkClient(server);
    rt.send({ type: 'response.create' });
    const [call] = await waitFor('response.function_call_arguments.done');
    expect(call.name).toBe('company_objection_handler');
    expect(JSON.parse(call.arguments)).toEqual({ stage: 'opening' });
    rt.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: call.call_id, output: JSON.stringify({ objection: 'יקר לי' }) } });
    await waitFor('response.done');
    rt.send({ type: 'response.create' });
    const [t] = await waitFor('response.output_audio_transcript.done');
    expect(t.transcript).toBe('הנה: יקר לי');
    rt.close();
  });

  it('injects errors, expires sessions and drops connections', async () => {
    server = await startFakeRealtimeServer({ sessionMaxMs: 150 });
    const { rt, waitFor, errors } = await sdkClient(server);
    server.injectError({ type: 'server_error', message: 'boom' });
    await waitFor('error');
    expect(errors).toHaveLength(1);
    const closed = new Promise<number>((r) => rt.socket.once('close', (code) => r(code)));
    await waitFor('error', 2);
    expect(errors).toContain('session_expired');
    expect(await closed).toBe(1000);

    const second = await sdkClient(server);
    const dropped = new Promise<number>((r) => second.rt.socket.once('close', (code) => r(code)));
    server.dropAll();
    expect(await dropped).toBe(1006);
  });

  it('rejects the retired beta header', async () => {
    server = await startFakeRealtimeServer();
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `http://127.0.0.1:${server.port}/v1` });
    const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: { headers: { 'OpenAI-Beta': 'realtime=v1' }, createConnection: () => connect(server.port, '127.0.0.1') } as never }, client);
    const codes: string[] = [];
    rt.on('error', (e) => codes.push(e.error?.code ?? ''));
    await new Promise((r) => rt.socket.once('close', r));
    expect(codes).toEqual(['beta_api_retired']);
  });
});
