import type { Io } from './start.ts';

/**
 * CLI sub-commands contributed by feature domains: name → (argv, io) → exit code. Each command loads its own code
 * when it runs, so `salesgym analyze` does not start by loading the server, the voice pipeline or the bench.
 */
export const commands: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  bench: async (argv, io) => {
    await import('./bench-sections.ts');
    return (await import('./bench.ts')).runBench(argv, io);
  },
  analyze: async (argv, io) => (await import('./analyze.ts')).runAnalyze(argv, { stdout: io.out, stderr: io.err }),
  eval: async (argv, io) => (await import('./eval.ts')).runEval(argv, { stdout: io.out, stderr: io.err }),
  doctor: async (argv, io) => (await import('./doctor.ts')).runDoctor(argv, io),
  persona: async (argv, io) => (await import('./persona.ts')).runPersona(argv, io),
  simulate: async (argv, io) => {
    const [{ runSimulate, registerSimulateReport }, { reportForTypedCall }] = await Promise.all([import('./simulate.ts'), import('../coaching/index.ts')]);
    // `simulate --json` carries the coaching layer's scored report of the call
    registerSimulateReport((r, s) => reportForTypedCall(r, { scenario: s.scenario, language: s.persona.language, agentGender: s.agentGender }));
    return runSimulate(argv, io);
  },
  models: async (argv, io) => (await import('./models.ts')).runModels(argv, io),
};
