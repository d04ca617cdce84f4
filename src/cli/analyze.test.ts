import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from './analyze.ts';
import { callAnalysisSchema } from '../analysis/index.ts';

const sample = (f: string) => new URL(`../../samples/calls/${f}`, import.meta.url).pathname;

async function run(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runAnalyze(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env });
  return { code, out, err };
}

describe('salesgym analyze', () => {
  it('prints one JSON document matching the CallAnalysis schema with --json', async () => {
    const r = await run([sample('en-phone-sale-poor.txt'), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(callAnalysisSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ language: 'en', callType: 'phone_sale', analyzer: { name: 'offline' } });
    expect(doc.overallScore).toBeLessThan(50);
    expect(doc.metrics.talkRatioAgent).toBeGreaterThan(0);
    expect(doc.metrics.talkRatioAgent).toBeLessThan(1);
    expect(Number.isInteger(doc.metrics.questionsAgent)).toBe(true);
    expect(doc.weaknesses[0].quotes[0]).toHaveProperty('startSec');
  });

  it('prints a readable Hebrew report with scores, benchmarks and timestamped quotes', async () => {
    const r = await run([sample('he-phone-sale-good.txt'), '--type', 'phone_sale']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ציון כולל: \d+\/100/);
    expect(r.out).toContain('יחס דיבור של הנציג');
    expect(r.out).toMatch(/\[\d\d:\d\d\] נציג: "/);
    expect(r.out).toContain('מכירה טלפונית');
  });

  it('takes --agent and --lang', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-cli-'));
    const f = join(dir, 'call.txt');
    writeFileSync(f, 'Dana: Hi, this is Dana from Acme. What are you using today?\nMoshe: A spreadsheet.\nDana: Got it, I will send you a summary tomorrow.\nMoshe: Thanks.');
    const r = await run([f, '--agent', 'Moshe', '--lang', 'en', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).language).toBe('en');
    // Moshe as the agent asked no questions
    expect(JSON.parse(r.out).metrics.questionsAgent).toBe(0);
  });

  it('uses the LLM analyzer when an endpoint is configured and records its fallback', async () => {
    // nothing listens on port 9 (discard): the LLM path fails and falls back, never a blank report
    const r = await run([sample('en-phone-sale-good.txt'), '--json'], { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_API_KEY: 'k' });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.analyzer.name).toBe('offline');
    expect(doc.analyzer.fallbackReason).toMatch(/LLM analysis failed/);
  });

  it('exits non-zero with a one-line reason for bad files and bad usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-cli-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const cases: [string[], number, RegExp][] = [
      [[empty], 1, /is empty/],
      [[join(dir, 'missing.txt')], 1, /no such file/],
      [[join(dir, 'call.wma')], 1, /no such file/],
      [[], 2, /missing the transcript file/],
      [[empty, '--lang', 'fr'], 2, /--lang must be one of he, en/],
      [[empty, '--type', 'cold_call'], 2, /--type must be one of/],
    ];
    for (const [argv, code, msg] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err.split('\n')[0]).toMatch(msg);
      expect(r.out).toBe('');
    }
  });
});
