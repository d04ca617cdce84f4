import type { Io } from './start.ts';
import { runBench } from './bench.ts';
import { runPersona } from './persona.ts';
import { runAnalyze } from './analyze.ts';
import { runModels } from './models.ts';
import { runSimulate, registerSimulateReport } from './simulate.ts';
import { reportForTypedCall } from '../coaching/index.ts';
import './bench-sections.ts';

// `simulate --json` carries the coaching layer's scored report of the call
registerSimulateReport((r, s) => reportForTypedCall(r, { scenario: s.scenario, language: s.persona.language }));

/** CLI sub-commands contributed by feature domains: name → (argv, io) → exit code. */
export const commands: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  bench: runBench,
  analyze: (argv, io) => runAnalyze(argv, { stdout: io.out, stderr: io.err }),
  persona: (argv, io) => runPersona(argv, io),
  simulate: (argv, io) => runSimulate(argv, io),
  models: (argv, io) => runModels(argv, io),
};
