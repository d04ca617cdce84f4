import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import type { BrainChunk } from './brain.ts';
import { ChatBrain } from './chat-brain.ts';
import { demoVoicePersona } from './test-personas.ts';

async function collect(brain: ChatBrain, agentText: string | null, signal = new AbortController().signal) {
  const chunks: BrainChunk[] = [];
  for await (const c of brain.respond({ agentText }, signal)) chunks.push(c);
  return { chunks, text: chunks.filter((c) => c.type === 'text').map((c) => (c as { delta: string }).delta).join('') };
}

describe('ChatBrain over an OpenAI-compatible streaming chat endpoint (fake server)', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => (fake = await startFakeOpenAI({ apiKey: 'sk-test' })));
  afterAll(() => fake.close());
  beforeEach(() => fake.requests.splice(0));

  const brain = (lang: 'he' | 'en' = 'he') => new ChatBrain({ baseURL: fake.url, apiKey: 'sk-test', model: 'gpt-4.1-mini', persona: demoVoicePersona(lang), maxHistory: 6 });

  it('streams the reply as several deltas and sends the persona instructions, the history and stream:true', async () => {
    fake.enqueueChat({ content: 'יש לי כבר ביטוח דרך העבודה. למה שאחליף?', chunks: ['יש לי כבר ', 'ביטוח דרך העבודה. ', 'למה שאחליף?'] });
    const b = brain();
    const r = await collect(b, 'שלום דנה, מדבר יוסי ממגן ביטוחים');
    expect(r.text).toBe('יש לי כבר ביטוח דרך העבודה. למה שאחליף?');
    expect(r.chunks.filter((c) => c.type === 'text').length).toBeGreaterThanOrEqual(3);
    const body = fake.requestsTo('/v1/chat/completions')[0].body as { stream: boolean; model: string; messages: { role: string; content: string }[] };
    expect(body).toMatchObject({ stream: true, model: 'gpt-4.1-mini' });
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[0].content).toContain('דנה כהן');
    expect(body.messages[0].content).toContain('<<END:');
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'שלום דנה, מדבר יוסי ממגן ביטוחים' });

    fake.enqueueChat('כמה זה עולה?');
    await collect(b, 'רציתי להציע בדיקת תיק חינם');
    const second = fake.requestsTo('/v1/chat/completions')[1].body as { messages: { role: string; content: string }[] };
    expect(second.messages.slice(1).map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(second.messages[2].content).toBe('יש לי כבר ביטוח דרך העבודה. למה שאחליף?');
  });

  it('turns an end marker split across chunks into end_call, and never leaks it into the text', async () => {
    fake.enqueueChat({ content: 'טוב, אין לי זמן לזה. ביי.<<END:hung_up>>', chunks: ['טוב, אין לי זמן לזה. ', 'ביי.<', '<EN', 'D:hung', '_up>>'] });
    const r = await collect(brain(), 'אז אני רושם אותך עכשיו');
    expect(r.text).toBe('טוב, אין לי זמן לזה. ביי.');
    expect(r.chunks.at(-1)).toEqual({ type: 'end_call', outcome: 'hung_up', reason: 'the customer ended the call' });
  });

  it('keeps a lone "<" that is not a marker', async () => {
    fake.enqueueChat({ content: 'It is < 100 a month? Then fine.', chunks: ['It is <', ' 100 a month?', ' Then fine.'] });
    const r = await collect(brain('en'), 'It costs 90 a month.');
    expect(r.text).toBe('It is < 100 a month? Then fine.');
    expect(r.chunks.some((c) => c.type === 'end_call')).toBe(false);
  });

  it('rewrites its last reply to what the agent heard, and passes difficulty directives to the next request', async () => {
    fake.enqueueChat('אני לא בטוחה שאני צריכה את זה בכלל, יש לי כבר ביטוח ואני משלמת עליו הרבה.');
    const b = brain();
    await collect(b, 'שלום דנה');
    b.interrupted('אני לא בטוחה');
    b.adjust({ level: 'challenging' });
    fake.enqueueChat('נו?');
    await collect(b, 'רגע, אפשר לשאול משהו?');
    const msgs = (fake.requestsTo('/v1/chat/completions')[1].body as { messages: { role: string; content: string }[] }).messages;
    expect(msgs[2]).toEqual({ role: 'assistant', content: 'אני לא בטוחה… (נקטע / cut off)' });
    // the directive is a layer of the one system message, on top of the persona's instructions
    expect(msgs.filter((m) => m.role === 'system')).toHaveLength(1);
    expect(msgs[0].content).toContain(demoVoicePersona('he').instructions);
    expect(msgs[0].content).toMatch(/התנגדות|לחץ זמן/);
    b.adjust({ level: 'supportive' });
    fake.enqueueChat('טוב.');
    await collect(b, 'אני מבין אותך');
    const next = (fake.requestsTo('/v1/chat/completions')[2].body as { messages: { role: string; content: string }[] }).messages;
    expect(next.filter((m) => m.role === 'system')).toHaveLength(1);
    expect(next[0].content).toContain(demoVoicePersona('he').instructions);
    expect(next[0].content).toMatch(/סבלנית/);
    expect(next[0].content).not.toMatch(/לחץ זמן/); // the earlier directive was replaced, not kept
  });

  it('fails loudly on an upstream error (the engine reports it as a recoverable error) and stops when aborted', async () => {
    fake.failNext('/v1/chat/completions', 500, 'The server had an error', 2);
    await expect(collect(brain(), 'שלום')).rejects.toThrow();
    fake.enqueueChat({ content: 'אחת שתיים שלוש ארבע חמש', chunks: ['אחת ', 'שתיים ', 'שלוש ', 'ארבע ', 'חמש'], delayMs: 0 });
    const ac = new AbortController();
    const seen: string[] = [];
    // Aborting (barge-in) ends the stream — by an abort error or by ending the iteration — with no more text.
    await (async () => {
      for await (const c of brain().respond({ agentText: 'שלום' }, ac.signal)) {
        if (c.type === 'text') seen.push(c.delta);
        ac.abort();
      }
    })().catch((e: Error) => expect(e.name).toMatch(/Abort/));
    expect(seen).toHaveLength(1);
  });
});
