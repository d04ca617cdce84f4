#!/usr/bin/env node
// Runs the whole test suite (vitest: unit, integration, PostgreSQL, browser) and closes with one plain
// line "N passed, N failed, N skipped" so CI and people read the same result.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const out = '.tmp/vitest-results.json';
if (existsSync(out)) rmSync(out);
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
const r = spawnSync('npx', args, { stdio: 'inherit', env: process.env });
let code = r.status ?? 1;
if (existsSync(out)) {
  const j = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  console.log(`\ntests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`);
  if (j.numTotalTests === 0) code = code || 1;
} else {
  console.log('\ntests: 0 passed, 1 failed');
  code = code || 1;
}
process.exit(code);
