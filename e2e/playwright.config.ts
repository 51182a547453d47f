import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh embedded database for every run, so flows never meet an earlier run's data.
const dataDir = mkdtempSync(path.join(tmpdir(), 'bextr-e2e-'));
// Removed when the process that made it exits (the runner stops the web server before it exits;
// each worker loads this config too and removes its own unused dir).
process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  // In CI a failed flow runs once more; the list reporter still names it "flaky", so it gets fixed.
  retries: process.env.CI ? 1 : 0,
  // Generous: the CI machine has run the suite 2–3× slower than a workstation (the longest flow took
  // 42 s there); a flow that hangs still fails, only later.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node ../scripts/start.mjs',
    url: `${baseURL}/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      RATE_LIMIT_SCALE: '50',
      LOG_LEVEL: 'warn',
    },
  },
});
