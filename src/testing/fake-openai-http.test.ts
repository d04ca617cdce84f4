import { afterEach, describe, expect, it } from 'vitest';
import OpenAI, { toFile } from 'openai';
import { startFakeOpenAI, wavDurationSec, wavFile, type FakeOpenAI } from './fake-openai-http.ts';
import { haveTools } from './tools.ts';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const client = (f: FakeOpenAI, apiKey = 'sk-test') => new OpenAI({ baseURL: f.url, apiKey, maxRetries: 0 });

describe('fake OpenAI-compatible server driven by the official SDK', () => {
  it('answers chat completions from a scripted queue and records the request', async () => {
    fake = await startFakeOpenAI({ chat: ['שלום! איך אפשר לעזור?', { content: '{"ok":true}' }] });
    const c = client(fake);
    const r1 = await c.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'היי' }] });
    expect(r1.choices[0].message.content).toBe('שלום! איך אפשר לעזור?');
    expect(r1.choices[0].finish_reason).toBe('stop');
    const r2 = await c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } });
    expect(JSON.parse(r2.choices[0].message.content!)).toEqual({ ok: true });
    const reqs = fake.requestsTo('/v1/chat/completions');
    expect(reqs).toHaveLength(2);
    expect((reqs[1].body as { response_format: unknown }).response_format).toEqual({ type: 'json_object' });
    expect(reqs[0].headers.authorization).toBe('Bearer sk-test');
  });

  it('streams SSE chunks that the SDK reassembles, with usage when asked', async () => {
    fake = await startFakeOpenAI({ chat: () => ({ content: 'זה נשמע יקר לי, מה כלול במחיר?' }) });
    const stream = await client(fake).chat.completions.create({
      model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true, stream_options: { include_usage: true },
    });
    let text = '';
    let deltas = 0;
    let usage: unknown;
    for await (const chunk of stream) {
      const d = chunk.choices[0]?.delta?.content;
      if (d) {
        text += d;
        deltas++;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('זה נשמע יקר לי, מה כלול במחיר?');
    expect(deltas).toBeGreaterThan(1);
    expect(usage).toMatchObject({ prompt_tokens: 10 });
  });

  it('injects HTTP errors the SDK surfaces as typed errors, and delays', async () => {
    fake = await startFakeOpenAI({ chat: [{ status: 429, error: { message: 'slow down' } }, { content: 'late', delayMs: 150 }] });
    const c = client(fake);
    await expect(c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 429 });
    const t0 = Date.now();
    const r = await c.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(r.choices[0].message.content).toBe('late');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    fake.failNext('/v1/models', 503, 'maintenance');
    await expect(c.models.list()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
  });

  it('rejects a wrong API key when one is required', async () => {
    fake = await startFakeOpenAI({ apiKey: 'sk-right', chat: ['hi'] });
    await expect(client(fake, 'sk-wrong').chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }))
      .rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('lists models', async () => {
    fake = await startFakeOpenAI({ models: ['a-model', 'b-model'] });
    const ids: string[] = [];
    for await (const m of client(fake).models.list()) ids.push(m.id);
    expect(ids).toEqual(['a-model', 'b-model']);
  });

  it('transcribes a multipart upload as verbose_json with segments and words', async () => {
    fake = await startFakeOpenAI({ transcription: [{ text: 'שלום, מדברת נועה. יש לך שתי דקות?', language: 'hebrew' }] });
    const wav = wavFile(Buffer.alloc(24_000 * 2 * 3), 24_000); // 3 s of silence
    const r = await client(fake).audio.transcriptions.create({
      file: await toFile(wav, 'call.wav', { type: 'audio/wav' }),
      model: 'whisper-1',
      language: 'he',
      response_format: 'verbose_json',
      timestamp_granularities: ['word', 'segment'],
    });
    expect(r.text).toBe('שלום, מדברת נועה. יש לך שתי דקות?');
    expect(r.duration).toBe(3);
    expect(r.segments?.map((s) => s.text.trim())).toEqual(['שלום, מדברת נועה.', 'יש לך שתי דקות?']);
    expect(r.segments?.[1].end).toBeCloseTo(3, 3);
    expect(r.words?.length).toBe(7);
    const body = fake.requestsTo('/v1/audio/transcriptions')[0].body as { fields: Record<string, unknown>; file: { filename: string; size: number } };
    expect(body.fields.language).toBe('he');
    expect(body.file).toEqual({ filename: 'call.wav', size: wav.length });
  });

  it('returns plain text and SRT transcriptions when asked', async () => {
    fake = await startFakeOpenAI({ transcription: () => ({ text: 'Hello there. Bye.', duration: 4 }) });
    const c = client(fake);
    const file = await toFile(Buffer.from('not really audio'), 'a.mp3');
    const txt = await c.audio.transcriptions.create({ file, model: 'whisper-1', response_format: 'text' });
    expect(txt).toBe('Hello there. Bye.');
    const srt = await c.audio.transcriptions.create({ file, model: 'whisper-1', response_format: 'srt' });
    expect(srt).toContain('00:00:00,000 --> 00:00:02,667\nHello there.');
  });

  it('speaks WAV and PCM of a plausible duration for the text', async () => {
    fake = await startFakeOpenAI();
    const c = client(fake);
    const text = 'one two three four five six seven eight nine ten'; // 10 words → 4 s
    const wav = Buffer.from(await (await c.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: text, response_format: 'wav' })).arrayBuffer());
    expect(wavDurationSec(wav)).toBeCloseTo(4, 2);
    const pcm = Buffer.from(await (await c.audio.speech.create({ model: 'm', voice: 'alloy', input: text, response_format: 'pcm', speed: 2 })).arrayBuffer());
    expect(pcm.length).toBe(24_000 * 2 * 2); // 2 s at 24 kHz, 16-bit
    let peak = 0;
    for (let i = 0; i < pcm.length; i += 2) peak = Math.max(peak, Math.abs(pcm.readInt16LE(i)));
    expect(peak).toBeGreaterThan(4000);
  });

  it.skipIf(!haveTools(['ffmpeg'], 'fake speech mp3'))('encodes mp3 speech through ffmpeg', async () => {
    fake = await startFakeOpenAI({ speechAudio: 'silence' });
    const res = await client(fake).audio.speech.create({ model: 'm', voice: 'alloy', input: 'hello world' });
    const mp3 = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(mp3.length).toBeGreaterThan(100);
    expect(mp3[0] === 0xff || mp3.toString('ascii', 0, 3) === 'ID3').toBe(true);
  });
});
