import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai-http.ts';
import { importTranscript } from '../calls/transcript/index.ts';
import { LlmAnalyzer, parseLlmReply } from './llm-analyzer.ts';
import type { Transcript } from './types.ts';

const t: Transcript = importTranscript(readFileSync(new URL('../../samples/calls/he-phone-sale-good.txt', import.meta.url), 'utf8'));
const seg = (i: number) => t.segments[i];
const containing = (x: string) => t.segments.find((s) => s.text.includes(x))!;

/** A valid model answer quoting the sample: one exact quote, one near miss, one invented. */
const good = {
  callType: 'phone_sale',
  skills: [
    { id: 'discovery', score: 90, evidence: [{ text: seg(6).text, startSec: seg(6).startSec, speaker: 'agent' }] },
    { id: 'closing', score: 80, evidence: [{ text: 'אז מה מתאים לכם יותר יום שלישי בשמונה וחצי בערב', startSec: 999, speaker: 'agent' }] },
    { id: 'objection_handling', score: 60, evidence: [] },
  ],
  strengths: [{ skill: 'discovery', description: 'שאלות פתוחות', quotes: [{ text: seg(6).text, startSec: seg(6).startSec, speaker: 'agent' }] }],
  weaknesses: [
    { skill: 'objection_handling', severity: 0.4, description: 'ענתה מהר', quotes: [{ text: 'אני מבטיחה לך שזה הכי זול בשוק', startSec: 160, speaker: 'agent' }] },
    { skill: 'listening', severity: 0.7, description: 'הרבה דיבור', quotes: [{ text: seg(10).text.slice(0, 40), startSec: seg(10).startSec, speaker: 'agent' }] },
  ],
  recommendations: ['לעצור שנייה לפני תשובה להתנגדות'],
  objections: [{ kind: 'trust', quote: 'כל הסוכנים רק רוצים למכור לי עוד ביטוח', startSec: 1, handled: true }],
};

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
const analyzer = (maxAttempts = 3) => new LlmAnalyzer({ model: 'fake-model', baseURL: fake.url, apiKey: 'k', maxAttempts, retryDelayMs: 1 });
const lastRequest = () => fake.requestsTo('/v1/chat/completions').at(-1)!.body as { messages: { role: string; content: string }[] };

describe('LLM analyzer against a fake OpenAI-compatible server', () => {
  it('validates the answer, verifies every quote and computes the overall score locally', async () => {
    fake.enqueueChat(JSON.stringify(good));
    const a = await analyzer().analyze(t);
    // corrected: the closing quote (punctuation, wrong time) and the objection (wrong time); dropped: the invented one
    expect(a.analyzer).toMatchObject({ name: 'llm', model: 'fake-model', quotesCorrected: 2, quotesDropped: 1 });
    expect(a.analyzer.fallbackReason).toBeUndefined();
    expect(a.skills.find((s) => s.id === 'closing')!.evidence[0]).toEqual({
      text: 'אז מה מתאים לכם יותר, יום שלישי בשמונה וחצי בערב', startSec: containing('שלישי בשמונה וחצי בערב או').startSec, speaker: 'agent',
    });
    expect(a.overallScore).toBe(Math.round((0.2 * 90 + 0.15 * 80 + 0.15 * 60) / 0.5));
    expect(a.weaknesses.map((w) => w.skill)).toEqual(['listening', 'objection_handling']);
    expect(a.objections[0].startSec).toBe(containing('כל הסוכנים').startSec);
    expect(a.weaknesses.find((w) => w.skill === 'objection_handling')!.quotes.length).toBeGreaterThan(0); // borrowed offline evidence
    expect(a.metrics.questionsAgent).toBeGreaterThan(5); // measured locally, not by the model
    // the Hebrew call gets a Hebrew prompt with the transcript lines and their times
    const req = lastRequest();
    expect(req.messages[0].content).toMatch(/אתה מאמן מכירות/);
    expect(req.messages[1].content).toContain(`[${seg(1).startSec}] customer: ${seg(1).text}`);
  });

  it('repairs broken JSON (code fence, trailing commas, single quotes)', async () => {
    const broken = "```json\n{'skills': [{'id': 'discovery', 'score': 70, 'evidence': [],},], 'recommendations': ['x',],}\n```";
    fake.enqueueChat(broken);
    const a = await analyzer().analyze(t);
    expect(a.analyzer.name).toBe('llm');
    expect(a.skills).toEqual([{ id: 'discovery', score: 70, checks: [], evidence: [] }]);
  });

  it('retries a truncated reply and a schema-violating one, telling the model what was wrong', async () => {
    fake.enqueueChat(
      { content: '{"skills": [{"id": "discovery", "sco', finishReason: 'length' },
      JSON.stringify({ skills: [{ id: 'discovery', score: 150 }] }),
      JSON.stringify(good),
    );
    const before = fake.requestsTo('/v1/chat/completions').length;
    const a = await analyzer().analyze(t);
    expect(fake.requestsTo('/v1/chat/completions').length - before).toBe(3);
    expect(a.analyzer.name).toBe('llm');
    const msgs = lastRequest().messages;
    expect(msgs.at(-1)!.content).toMatch(/skills\.0\.score/);
    expect(msgs.some((m) => m.role === 'user' && /finish_reason "length"/.test(m.content))).toBe(true);
  });

  it('falls back to the offline analyzer with the reason after bounded retries — never a blank report', async () => {
    fake.enqueueChat('not json at all, sorry', '{"skills": []}', 'still nothing');
    const a = await analyzer(3).analyze(t);
    expect(a.analyzer.name).toBe('offline');
    expect(a.analyzer.fallbackReason).toMatch(/after 3 attempts: the JSON does not match the schema|could not be repaired/);
    expect(a.overallScore).toBeGreaterThan(50);
    expect(a.skills.length).toBeGreaterThan(4);
  });

  it('retries server errors, then falls back; does not retry a 400', async () => {
    fake.failNext('/v1/chat/completions', 500, 'boom', 2);
    fake.enqueueChat(JSON.stringify(good));
    expect((await analyzer(3).analyze(t)).analyzer.name).toBe('llm');

    fake.enqueueChat({ status: 400, error: { message: 'model not found' } }, JSON.stringify(good));
    const before = fake.requestsTo('/v1/chat/completions').length;
    const b = await analyzer(3).analyze(t);
    expect(fake.requestsTo('/v1/chat/completions').length - before).toBe(1);
    expect(b.analyzer.fallbackReason).toMatch(/400 .*model not found/);
    fake.setChatHandler(() => JSON.stringify(good)); // leave the queue clean
  });

  it('parseLlmReply explains what is wrong', () => {
    expect(parseLlmReply('')).toEqual({ ok: false, reason: 'the reply was empty' });
    const r = parseLlmReply('{"skills":[{"id":"charm","score":5}]}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/skills\.0\.id/);
  });
});
