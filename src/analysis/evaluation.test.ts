import { describe, expect, it } from 'vitest';
import { auc, evaluate, ranks, spearman, type EvalCase } from './evaluation.ts';

describe('evaluation statistics', () => {
  it('ranks ties at their mean rank and computes Spearman on ranks', () => {
    expect(ranks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it('computes the AUC as the share of good-over-poor pairs, ties counting half', () => {
    expect(auc([80, 90], [40, 50])).toBe(1);
    expect(auc([50], [50])).toBe(0.5);
    expect(auc([], [1])).toBeNull();
  });

  it('scores weakness agreement only on calls where the coach named one, and counts a refused call as the lowest score', () => {
    const mk = (file: string, score: number, weakness: 'closing' | null, over: number | null, top: string[]): EvalCase => ({
      label: { file, score, weakness },
      ...(over === null
        ? { error: 'refused' }
        : { analysis: { overallScore: over, weaknesses: top.map((skill) => ({ skill, severity: 0.5, description: '', quotes: [] })) } as never }),
    });
    const r = evaluate([
      mk('a', 9, null, 90, []),
      mk('b', 6, 'closing', 60, ['discovery', 'closing']),
      mk('c', 2, 'closing', null, []),
    ], 'test');
    expect(r.weaknessCalls).toBe(2);
    expect(r.top1).toBe(0);
    expect(r.top3).toBe(0.5);
    expect(r.spearman).toBeCloseTo(1);
    expect(r.confusion.closing).toEqual({ discovery: 1, none: 1 });
  });
});
