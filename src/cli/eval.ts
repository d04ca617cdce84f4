import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  analyzeCases, evalLabelsFileSchema, evaluate, formatEvalReport, LANGUAGES, type EvalCase, type EvalReport, type Language,
} from '../analysis/index.ts';
import { importTranscript } from '../calls/transcript/index.ts';
import { isAppError } from '../core/index.ts';
import { walkArgs } from './args.ts';
import { pickAnalyzer, type CliIO } from './analyze.ts';

const USAGE = 'usage: salesgym eval DIR [--json] [--offline] [--lang he|en]   (DIR holds the transcripts and labels.json)';

interface Args {
  dir?: string;
  json: boolean;
  offline: boolean;
  lang?: Language;
}

/** Import every labelled transcript of DIR (labels.json) as a newcomer would: no flags, roles found by the importer. */
export async function loadEvalSet(dir: string, lang?: Language): Promise<EvalCase[]> {
  const labels = evalLabelsFileSchema.parse(JSON.parse(await readFile(join(dir, 'labels.json'), 'utf8')));
  const cases: EvalCase[] = [];
  for (const label of labels.calls) {
    try {
      const text = await readFile(join(dir, label.file), 'utf8');
      cases.push({ label, transcript: importTranscript(text, { fileName: label.file, language: lang }) });
    } catch (e) {
      if (!isAppError(e) && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      cases.push({ label, error: (e as Error).message });
    }
  }
  return cases;
}

/** Run the configured analyzer (LLM when a key or base URL is set and --offline is not given) over an eval set. */
export async function runEvalSet(dir: string, opts: { offline?: boolean; lang?: Language; env?: Record<string, string | undefined> } = {}): Promise<EvalReport> {
  const analyzer = pickAnalyzer({ offline: opts.offline ?? false }, opts.env ?? process.env);
  const cases = await analyzeCases(analyzer, await loadEvalSet(dir, opts.lang));
  return evaluate(cases, analyzer.name);
}

/**
 * `salesgym eval DIR`: score an analyzer against a coach's labels (Spearman, weakness agreement, AUC, roles,
 * per-skill confusion). Exit 0 when it ran, 1 for an unreadable set, 2 for bad usage.
 */
export async function runEval(argv: string[], io: CliIO): Promise<number> {
  const a: Args = { json: false, offline: false };
  const problem = walkArgs(argv, {
    flag(x, r) {
      if (x === '--json') a.json = true;
      else if (x === '--offline') a.offline = true;
      else if (x === '--lang') a.lang = r.oneOf(LANGUAGES);
      else return `unknown option ${x}`;
    },
    positional(x) {
      if (a.dir) return `only one directory at a time (got "${a.dir}" and "${x}")`;
      a.dir = x;
    },
  });
  if (problem || !a.dir) {
    io.stderr(`salesgym eval: ${problem ?? 'missing the directory'}\n${USAGE}\n`);
    return 2;
  }
  let report: EvalReport;
  try {
    report = await runEvalSet(a.dir, { offline: a.offline, lang: a.lang, env: io.env });
  } catch (e) {
    io.stderr(`salesgym eval: cannot read the set in "${a.dir}": ${(e as Error).message}\n`);
    return 1;
  }
  io.stdout(a.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatEvalReport(report)}\n`);
  return 0;
}
