import type { Io } from './start.ts';
import { runBench } from './bench.ts';
import './bench-sections.ts';

/** CLI sub-commands contributed by feature domains: name → (argv, io) → exit code. */
export const commands: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  bench: runBench,
};
