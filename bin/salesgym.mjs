#!/usr/bin/env node
// Entry point of the `salesgym` command: runs the TypeScript sources through tsx (no build step for the server).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
