import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { Io } from './start.ts';

/** One measured figure. Times in milliseconds unless `unit` says otherwise. */
export interface BenchResult {
  section: string;
  name: string;
  unit: string;
  median?: number;
  p95?: number;
  p99?: number;
  value?: number;
  target?: string;
  /** true when the figure meets the target. */
  pass?: boolean;
  /** Side-by-side baseline, e.g. the direct connection beside the relay. */
  baseline?: { name: string; median?: number; p95?: number; p99?: number; value?: number };
  ratio?: number;
  samples?: number;
  notes?: string;
}

export type BenchSection = (opts: { quick: boolean }) => Promise<BenchResult[]>;

/** Sections contributed by domains (analysis, calls, voice, coaching). */
export const benchSections: Record<string, BenchSection> = {};

/** Sections too long for the default run (e.g. the 30-minute voice soak): they run only when named with --only. */
export const benchOptIn = new Set<string>();

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Median/p95/p99 of samples (unsorted input). */
export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), samples: s.length };
}

const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3));

export function table(results: BenchResult[]): string {
  const rows = [['section', 'name', 'unit', 'median', 'p95', 'p99', 'value', 'baseline', 'ratio', 'target', 'ok']];
  for (const r of results) {
    const b = r.baseline;
    rows.push([
      r.section,
      r.name,
      r.unit,
      fmt(r.median),
      fmt(r.p95),
      fmt(r.p99),
      fmt(r.value),
      b ? (b.median !== undefined ? `${b.name}: ${fmt(b.median)} median${b.p95 !== undefined ? ` / ${fmt(b.p95)} p95` : ''}` : `${b.name}: ${fmt(b.value)}`) : '',
      r.ratio !== undefined ? fmt(r.ratio) : '',
      r.target ?? '',
      r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

/** `salesgym bench [--quick] [--only SECTION]`: runs every section, writes bench/results/*.json and prints a table. */
export async function runBench(argv: string[], io: Io): Promise<number> {
  const quick = argv.includes('--quick');
  const onlyIdx = argv.indexOf('--only');
  const only = onlyIdx >= 0 ? argv[onlyIdx + 1] : undefined;
  const names = Object.keys(benchSections).filter((n) => (only ? n === only : !benchOptIn.has(n)));
  if (names.length === 0) {
    io.err(only ? `No bench section "${only}". Sections: ${Object.keys(benchSections).join(', ')}` : 'No bench sections registered.');
    return 2;
  }
  const results: BenchResult[] = [];
  for (const n of names) {
    io.out(`running ${n}…`);
    try {
      results.push(...(await benchSections[n]({ quick })));
    } catch (e) {
      io.err(`section ${n} failed: ${(e as Error).stack ?? e}`);
      results.push({ section: n, name: 'error', unit: '', notes: String((e as Error).message), pass: false });
    }
  }
  const report = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    quick,
    results,
  };
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${report.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(report, null, 2));
  io.out('\n' + table(results));
  io.out(`\nJSON: ${file}`);
  return results.some((r) => r.name === 'error') ? 1 : 0;
}
