import type { Io } from './start.ts';
import { commands as extra } from './commands.ts';

const USAGE = `salesgym — sales and customer-service training

  salesgym start [--no-web]     run the app (http://localhost:3000)
  salesgym demo --reset         delete and re-seed the demo company
  salesgym analyze FILE [--agent NAME] [--lang he|en] [--type CALL_TYPE] [--json]
  salesgym eval DIR [--json] [--offline]        score the analyzer against a coach's labels (DIR/labels.json)
  salesgym persona --company demo [--weakness SKILL ...] [--level LEVEL] [--lang he|en] [--seed N] [--json]
  salesgym simulate --scenario TYPE [--company <id|demo>] [--agent <id>] [--level LEVEL] [--lang he|en] [--seed N] [--script FILE] [--json]
  salesgym doctor [--json]      check the AI configuration: keys, models, Realtime, transcription, speech
  salesgym models list | pull NAME | verify [FILE]   speech recognition models (DATA_DIR/models)
  salesgym bench [--quick] [--only SECTION]      (--only voice-soak: the 30-minute memory soak, not in a plain run)
`;

const stdio: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

type Command = (argv: string[], io: Io) => Promise<number>;


const commands: Record<string, Command> = {
  start: async (argv, io) => (await import('./start.ts')).runStart(argv, io),
  demo: async (argv, io) => {
    if (!argv.includes('--reset')) {
      io.err('Usage: salesgym demo --reset');
      return 2;
    }
    const { configOrExit } = await import('./start.ts');
    const { createContext, resetDemo, demoBanner } = await import('../app/index.ts');
    const config = configOrExit(io);
    if (!config) return 1;
    const ctx = await createContext(config);
    await resetDemo(ctx);
    await ctx.database.close();
    io.out('The demo company was re-seeded.' + demoBanner());
    return 0;
  },
  ...extra,
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    io.err(`Unknown command "${name}".\n${USAGE}`);
    return 2;
  }
  return cmd(rest, io);
}

