import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type App, type BuildAppOptions, buildApp } from '../app.ts';
import { type Config, testConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import { openTestDatabase } from './database.ts';

/** Where links in test e-mails point to. */
export const TEST_BASE_URL = 'http://localhost:3000';

export interface TestApp {
  app: App;
  ctx: AppContext;
  database: Database;
  config: Config;
  /** Closes the app and throws its database away. */
  close(): Promise<void>;
}

/** The whole app over a fresh, migrated database of its own (a copy of the run's template). The
 * outbox never polls and housekeeping never runs: tests drain the outbox themselves (`readMail`
 * does) and call `sweepOrphanUploads`, `sweepExpiredAuthRows` and `sendUnreadMessageEmails` directly. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  appOptions: Pick<BuildAppOptions, 'liveEvents' | 'storage' | 'outboxPollMs'> = {},
): Promise<TestApp> {
  // Each app keeps its uploads in a directory of its own, removed on close.
  const uploadsDir = overrides.uploadsDir ?? (await mkdtemp(path.join(os.tmpdir(), 'bextr-uploads-')));
  const config = testConfig({ uploadsDir, ...overrides });
  const { database, dispose } = await openTestDatabase(inject('testDatabase'));
  try {
    const app = await buildApp({
      config,
      database,
      outboxPollMs: 0,
      housekeepingMs: 0,
      messageEmailsMs: 0,
      baseUrl: TEST_BASE_URL,
      ...appOptions,
    });
    await app.ready();
    return {
      app,
      ctx: app.ctx,
      database,
      config,
      async close() {
        try {
          await app.close();
        } finally {
          await dispose();
          if (!overrides.uploadsDir) await rm(uploadsDir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}
