import { type App, buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import type { TestClient } from '../client.ts';

/** Builds the app in this process over the data the child process will use (same environment, so
 * the same database, uploads dir and cookie name), lets `fill` create what a scenario needs through
 * the test factories, and closes it again before the real server starts on that data. */
export async function prepareData<T>(
  env: Record<string, string>,
  fill: (app: App) => Promise<T>,
): Promise<T> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    const app = await buildApp({ config, database, outboxPollMs: 0, housekeepingMs: 0, messageEmailsMs: 0 });
    try {
      await app.ready();
      return await fill(app);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

export interface RemoteResponse {
  /** 0 when no answer came (refused, reset, timed out). */
  status: number;
  headers: Headers | null;
  body: { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>;
  /** How long the answer took. */
  ms: number;
  failure?: string;
}

/** A signed-in browser against the real server over HTTP: the session of a factory-made user, and
 * the headers a same-origin fetch() sends. */
export class RemoteClient {
  private readonly cookie: string;
  constructor(
    readonly base: string,
    session: TestClient,
  ) {
    this.cookie = `${session.sessionCookieName}=${session.sessionCookie ?? ''}`;
  }

  get(path: string, timeoutMs = 5000) {
    return this.request('GET', path, undefined, { timeoutMs });
  }

  post(path: string, body?: unknown, opts: { timeoutMs?: number; headers?: Record<string, string> } = {}) {
    return this.request('POST', path, body, opts);
  }

  async request(
    method: string,
    path: string,
    body: unknown,
    opts: { timeoutMs?: number; headers?: Record<string, string>; raw?: Buffer } = {},
  ): Promise<RemoteResponse> {
    const headers: Record<string, string> = { cookie: this.cookie, ...opts.headers };
    if (method !== 'GET') {
      headers.origin = this.base;
      headers['sec-fetch-site'] = 'same-origin';
    }
    let payload: string | Buffer | undefined = opts.raw;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const started = Date.now();
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(payload !== undefined
          ? { body: typeof payload === 'string' ? payload : new Uint8Array(payload) }
          : {}),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
      });
      const text = await res.text();
      let parsed: RemoteResponse['body'] = {};
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        parsed = {};
      }
      return { status: res.status, headers: res.headers, body: parsed, ms: Date.now() - started };
    } catch (err) {
      const failure =
        err instanceof Error ? `${err.name}: ${(err.cause as Error)?.message ?? err.message}` : '?';
      return { status: 0, headers: null, body: {}, ms: Date.now() - started, failure };
    }
  }
}
