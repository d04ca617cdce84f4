import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompanyContext } from './company-context.ts';
import { enrichPersona } from './enrich.ts';
import { generatePersona } from './persona-generator.ts';
import { demoQuestionnaire } from './test-fixtures.ts';
import { profileFromManagerChoice } from './weakness-profile.ts';

/** A minimal OpenAI-compatible chat-completions server whose next answer the test sets. */
let reply: { status: number; content: string } = { status: 200, content: '{}' };
let lastBody: { model?: string; response_format?: unknown; messages?: { content: string }[] } = {};
let server: Server;
let baseURL = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      lastBody = JSON.parse(body || '{}');
      if (req.url !== '/v1/chat/completions') return res.writeHead(404).end();
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      if (reply.status !== 200) return res.end(JSON.stringify({ error: { message: 'boom', type: 'server_error' } }));
      res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 0, model: lastBody.model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const ctx = buildCompanyContext({ version: 1, data: demoQuestionnaire() });
const persona = generatePersona(profileFromManagerChoice(['objection_handling']), ctx, [], 'intermediate', { seed: 3 });
const client = () => new OpenAI({ apiKey: 'test', baseURL, maxRetries: 0 });

describe('enrichPersona', () => {
  it('merges a valid Hebrew enrichment and records the model', async () => {
    reply = { status: 200, content: JSON.stringify({
      background: 'עובד כבר עשרים שנה באותו מפעל בקריית גת, גר עם המשפחה בבית פרטי ומנהל את ההוצאות בקפדנות.',
      personalitySummary: 'ספקן אבל הוגן, מעריך מי שמדבר איתו בגובה העיניים.',
      objectionPhrasings: [{ id: persona.objections[0].id, lines: ['תשמע, זה פשוט יותר ממה שתכננתי להוציא'] }],
      needReveals: [{ id: persona.hiddenNeeds[0].id, line: 'בינינו, זה מה שמדיר שינה מעיניי' }],
    }) };
    const out = await enrichPersona(persona, ctx, { client: client(), model: 'fake-model' });
    expect(out.provenance).toMatchObject({ generator: 'llm_enriched', model: 'fake-model' });
    expect(out.background).toContain('קריית גת');
    expect(out.objections[0].phrasings).toContain('תשמע, זה פשוט יותר ממה שתכננתי להוציא');
    expect(out.hiddenNeeds[0].reveal).toContain('בינינו, זה מה שמדיר שינה מעיניי');
    // Structure stays deterministic.
    expect(out.objections.map((o) => o.text)).toEqual(persona.objections.map((o) => o.text));
    expect(out.targets).toEqual(persona.targets);
    expect(lastBody.response_format).toEqual({ type: 'json_object' });
  });

  it('repairs slightly broken JSON', async () => {
    reply = { status: 200, content: "{background: 'עובד כבר עשרים שנה באותו מפעל בקריית גת ומנהל את ההוצאות בקפדנות', personalitySummary: 'ספקן אבל הוגן ונעים לדבר איתו',}" };
    const out = await enrichPersona(persona, ctx, { client: client(), model: 'fake-model' });
    expect(out.provenance.generator).toBe('llm_enriched');
  });

  it('falls back with the reason when the answer is in the wrong language', async () => {
    reply = { status: 200, content: JSON.stringify({ background: 'Works at a factory for twenty years and watches every shekel.', personalitySummary: 'Skeptical but fair.' }) };
    const out = await enrichPersona(persona, ctx, { client: client() });
    expect(out.provenance.generator).toBe('deterministic');
    expect(out.provenance.fallbackReason).toMatch(/wrong language/);
    expect(out.background).toBe(persona.background);
  });

  it('falls back with the reason when the shape is wrong', async () => {
    reply = { status: 200, content: JSON.stringify({ bio: 'x' }) };
    const out = await enrichPersona(persona, ctx, { client: client() });
    expect(out.provenance.fallbackReason).toMatch(/did not match the expected shape/);
  });

  it('falls back with the reason when the server fails', async () => {
    reply = { status: 500, content: '' };
    const out = await enrichPersona(persona, ctx, { client: client() });
    expect(out.provenance.fallbackReason).toMatch(/model call failed/);
    expect({ ...out, provenance: persona.provenance }).toEqual(persona);
  });

  it('without a key, returns the deterministic persona and says why', async () => {
    const out = await enrichPersona(persona, ctx, { config: { OPENAI_CHAT_MODEL: 'gpt-4.1-mini' } as never });
    expect(out.provenance.fallbackReason).toMatch(/No OPENAI_API_KEY/);
  });
});
