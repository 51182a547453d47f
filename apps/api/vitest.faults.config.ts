import { defineConfig } from 'vitest/config';

/** The faults suite (`npm run test:faults`): each file starts the real server as a child process
 * (and, for the database scenarios, a PostgreSQL cluster of its own) and breaks something under it.
 * One file at a time: they spawn processes and measure timings. */
export default defineConfig({
  test: {
    include: ['src/test/faults/**/*.faults.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
