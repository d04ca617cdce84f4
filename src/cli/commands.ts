import type { Io } from './start.ts';
import { runBench } from './bench.ts';
import { runPersona } from './persona.ts';
import { runAnalyze } from './analyze.ts';
import './bench-sections.ts';

/** CLI sub-commands contributed by feature domains: name → (argv, io) → exit code. */
export const commands: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  bench: runBench,
  analyze: (argv, io) => runAnalyze(argv, { stdout: io.out, stderr: io.err }),
  persona: (argv, io) => runPersona(argv, io),
};
