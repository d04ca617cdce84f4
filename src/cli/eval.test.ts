import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval, runEvalSet, loadEvalSet } from './eval.ts';
import { analyzeOffline } from '../analysis/index.ts';

const DEV_SET = new URL('../../samples/eval/', import.meta.url).pathname;

/**
 * The agreed floors for the offline analyzer on the development set in samples/eval (issue 14's done-when figures;
 * the hidden outside set is judged by the same numbers). Raise them when the analyzer improves; never lower them to
 * make a change pass.
 */
const FLOORS = { spearman: 0.8, spearmanCompetent: 0.5, top3: 0.7, aucGoodVsPoor: 0.9, rolesRightOrFlagged: 1 };

describe('salesgym eval on the development set', () => {
  it('keeps the coach\'s order, names the coach\'s weakness and gets every role right or flagged', async () => {
    const r = await runEvalSet(DEV_SET, { offline: true, env: {} });
    expect(r.calls).toBeGreaterThanOrEqual(16);
    expect(r.rows.filter((x) => x.error)).toEqual([]);
    expect(r.spearman).toBeGreaterThanOrEqual(FLOORS.spearman);
    expect(r.spearmanCompetent).toBeGreaterThanOrEqual(FLOORS.spearmanCompetent);
    expect(r.top3).toBeGreaterThanOrEqual(FLOORS.top3);
    expect(r.aucGoodVsPoor).toBeGreaterThanOrEqual(FLOORS.aucGoodVsPoor);
    expect(r.rolesRightOrFlagged).toBe(FLOORS.rolesRightOrFlagged);
  });

  it('quotes only the agent as evidence of the agent\'s skill, verbatim, in every call of the set', async () => {
    for (const c of await loadEvalSet(DEV_SET)) {
      const a = analyzeOffline(c.transcript!);
      const passed = a.skills.flatMap((s) => s.checks).filter((x) => x.passed).flatMap((x) => x.evidence);
      for (const q of [...passed, ...a.strengths.flatMap((s) => s.quotes)]) {
        expect(q.speaker, `${c.label.file}: "${q.text}"`).toBe('agent');
        expect(c.transcript!.segments.some((seg) => seg.speaker === 'agent' && seg.text.includes(q.text))).toBe(true);
      }
    }
  });

  it('prints the figures as text and as JSON', async () => {
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: () => {}, env: {} };
    expect(await runEval([DEV_SET, '--offline'], io)).toBe(0);
    expect(out).toMatch(/Spearman \(coach vs overall score\): \d\.\d\d overall/);
    expect(out).toMatch(/Roles right: \d+%/);
    out = '';
    expect(await runEval([DEV_SET, '--offline', '--json'], io)).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.rows).toHaveLength(doc.calls);
    expect(Object.keys(doc.perSkill)).toContain('objection_handling');
  });

  it('counts a refused file as a miss instead of stopping, and reports usage errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesgym-eval-'));
    writeFileSync(join(dir, 'a.txt'), 'Agent: Hi, this is Sam from Acme. How do you handle billing today?\nCustomer: By hand, it is slow.\nAgent: Shall we book a demo on Tuesday at ten?\nCustomer: Tuesday at ten works.');
    writeFileSync(join(dir, 'b.txt'), 'just words with no speakers');
    writeFileSync(join(dir, 'labels.json'), JSON.stringify({ calls: [
      { file: 'a.txt', score: 7, weakness: 'discovery', agent: 'Agent' },
      { file: 'b.txt', score: 3, weakness: null },
      { file: 'missing.txt', score: 5, weakness: null },
    ] }));
    const r = await runEvalSet(dir, { offline: true, env: {} });
    expect(r.rows.map((x) => Boolean(x.error))).toEqual([false, true, true]);
    expect(r.rows[0].roles).toBe('right');
    let err = '';
    expect(await runEval([], { stdout: () => {}, stderr: (s) => void (err += s) })).toBe(2);
    expect(err).toMatch(/usage: salesgym eval DIR/);
    expect(await runEval([join(dir, 'nope')], { stdout: () => {}, stderr: () => {} })).toBe(1);
  });
});
