/**
 * The CLI's readable (not --json) output in Hebrew holds no raw enum, English word or raw id: the same check as the
 * Chromium walk of the web pages (src/web/e2e/hebrew-walk.e2e.test.ts), on every command that prints a report.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { latinLeftovers, rawIds } from '../testing/hebrew-text.ts';
import { runAnalyze } from './analyze.ts';
import { runPersona } from './persona.ts';
import { runSimulate } from './simulate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Command-line flags (`--agent`, `/end`) are typed as written, so they are not leftovers. */
const leftovers = (text: string) => latinLeftovers(text.replace(/(^|\s)(--|\/)[a-z][\w-]*/g, ' '));

describe('the CLI speaks Hebrew in its readable output', () => {
  const hebrewCalls = readdirSync(path.join(ROOT, 'samples/calls')).filter((f) => f.startsWith('he-'));

  it.each(hebrewCalls)('analyze %s: objection kinds, units, analyzer and speaker method in Hebrew', async (file) => {
    let out = '';
    const code = await runAnalyze([path.join(ROOT, 'samples/calls', file)], { stdout: (s) => void (out += s), stderr: () => undefined, env: {} });
    expect(code).toBe(0);
    expect(out).toContain('ציון כולל');
    expect(leftovers(out)).toEqual([]);
    expect(rawIds(out)).toEqual([]);
  });

  it.each([
    ['objection_handling', '7'],
    ['closing', '3'],
    ['discovery', '11'],
  ])('persona --weakness %s --seed %s: objection kinds and sources in Hebrew', async (weakness, seed) => {
    const out: string[] = [];
    const code = await runPersona(['--company', 'demo', '--weakness', weakness, '--level', 'advanced', '--seed', seed], { out: (s) => void out.push(s), err: () => undefined });
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('התנגדויות:');
    expect(leftovers(text)).toEqual([]);
    expect(rawIds(text)).toEqual([]);
  });

  it.each(['good-he.txt', 'poor-he.txt'])('simulate --script %s: outcome and mood in Hebrew, in the persona’s gender', async (script) => {
    const stdout: string[] = [];
    const io = { out: (s: string) => void stdout.push(s), err: () => undefined, input: Readable.from([]) };
    const code = await runSimulate(['--scenario', 'objection_handling', '--lang', 'he', '--seed', '3', '--script', path.join(ROOT, 'samples/scripts', script)], io);
    expect(code).toBe(0);
    const text = stdout.join('\n');
    expect(text).toMatch(/תוצאה: /);
    expect(text).toMatch(/מצב רוח \S+/);
    expect(text).not.toMatch(/no_outcome|next_step|hung_up|skeptical|interested|annoyed/);
    expect(leftovers(text)).toEqual([]);
    expect(rawIds(text)).toEqual([]);
  });
});
