import { defineConfig } from 'vitest/config';

/** The process suites (`npm run test:faults`): each file starts the real server as child processes.
 * faults/: a PostgreSQL cluster of its own and something broken under the server; processes/: several
 * processes on one PostgreSQL, the operations scripts and the deployment files (issue #11).
 * One file at a time: they spawn processes and measure timings. */
export default defineConfig({
  test: {
    include: ['src/test/faults/**/*.faults.ts', 'src/test/processes/**/*.processes.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
