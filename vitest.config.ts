import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // a poll waits for an event, not for a deadline: generous, so a loaded machine is never a failure
    expect: { poll: { timeout: 20_000, interval: 20 } },
    reporters: ['default'],
  },
});
