import os from 'node:os';
import { defineConfig } from 'vitest/config';

/** The PostgreSQL server `npm run test:pg` uses unless TEST_DATABASE_URL says otherwise. */
const LOCAL_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bextr_test';

export default defineConfig(({ mode }) => {
  // `vitest run --mode pg` runs the suite against PostgreSQL; set here, before any worker starts,
  // so the global setup and every test file see the same URL on every platform.
  if (mode === 'pg' && !process.env.TEST_DATABASE_URL)
    process.env.TEST_DATABASE_URL = LOCAL_TEST_DATABASE_URL;
  return {
    test: {
      include: ['src/**/*.test.ts'],
      // Test files share their worker's loaded modules (PGlite's WebAssembly warm, imports done once):
      // about twice as fast. Every file builds its own app over its own database and closes it, and
      // nothing here mocks modules; a test that fakes timers or globals must restore them.
      isolate: false,
      // The work happens in the workers (PGlite, argon2); the main process mostly waits.
      maxWorkers: Math.max(2, os.availableParallelism()),
      globalSetup: ['src/test/global-setup.ts'],
      testTimeout: 20_000,
      hookTimeout: 60_000,
    },
  };
});
