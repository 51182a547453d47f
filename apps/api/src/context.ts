import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { EventHub } from './lib/events/hub.ts';
import type { OutboxWorker } from './lib/mail/outbox.ts';
import type { RateLimiter } from './lib/rate-limit.ts';
import type { Storage } from './lib/storage.ts';

/** What every service function receives: the few shared parts of a running app. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  outbox: OutboxWorker;
  limiter: RateLimiter;
  /** Uploaded files (local directory now; S3 later). */
  storage: Storage;
  log: FastifyBaseLogger;
  /** This process's live-event fan-out to open SSE streams (one LISTEN per process). */
  hub: EventHub;
  /** Where links in e-mails point to. */
  baseUrl: string;
}
