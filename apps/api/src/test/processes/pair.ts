import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type pg from 'pg';
import { withAdmin, withDatabase } from '../database.ts';
import { type AppProcess, freePort, productionEnv, startApp, tempDir } from '../faults/app-process.ts';

/** The PostgreSQL server the process suites use: the one TEST_DATABASE_URL names (as `npm run test:pg`
 * and CI set it). Each suite creates and drops databases of its own there; the administrative
 * connection goes to `postgres`, never to the test template, which must stay free of connections. */
const SERVER_URL = withDatabase(
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bextr_test',
  'postgres',
);

const admin = <T>(work: (client: pg.Client) => Promise<T>) => withAdmin(SERVER_URL, work);

/** A new, empty database on the local server (`bextr_proc_<random>`), dropped by `drop`. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bextr_proc_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  return {
    url: withDatabase(SERVER_URL, name),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

export interface Pair {
  a: AppProcess;
  b: AppProcess;
  /** The environment of process A (same database and settings as B), for `prepareData`. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Two real servers (`src/main.ts`, production settings) on one PostgreSQL database, started at
 * the same moment, each with its own port (and data dir unless shared), as two machines behind a
 * load balancer. */
export async function startPair(opts: {
  databaseUrl: string;
  smtpUrl?: string;
  extra?: Record<string, string>;
  /** Settings of A and of B alone (e.g. a MAIL_FROM that tells their e-mails apart). */
  each?: [Record<string, string>, Record<string, string>];
  /** One DATA_DIR for both, as an operator shares the uploads directory (or uses S3_BUCKET). */
  sharedDataDir?: boolean;
}): Promise<Pair> {
  const first = await tempDir('proc-a');
  const dirs = opts.sharedDataDir ? [first, first] : [first, await tempDir('proc-b')];
  const envs = await Promise.all(
    dirs.map(async (dataDir, i) =>
      productionEnv({
        port: await freePort(),
        dataDir,
        databaseUrl: opts.databaseUrl,
        ...(opts.smtpUrl ? { smtpUrl: opts.smtpUrl } : {}),
        extra: { ...opts.extra, ...opts.each?.[i] },
      }),
    ),
  );
  const started = await Promise.allSettled(envs.map((env) => startApp(env)));
  const procs = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(procs.map((p) => p.kill('SIGTERM')));
    await Promise.all([...new Set(dirs)].map((d) => rm(d, { recursive: true, force: true })));
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw (failed as PromiseRejectedResult).reason;
  }
  const [a, b] = procs as [AppProcess, AppProcess];
  return { a, b, env: envs[0] as Record<string, string>, stop };
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: { error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>;
}

/** One request as a same-origin browser sends it, to either process, with a session cookie. */
export async function call(
  base: string,
  method: string,
  path: string,
  opts: { cookie?: string; body?: unknown; ip?: string } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  // The client's address, as a proxy tells it (believed only when the process sets TRUST_PROXY).
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  if (method !== 'GET') {
    headers.origin = base;
    headers['sec-fetch-site'] = 'same-origin';
  }
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

/** Signs in over HTTP; returns the answer and the session cookie (`name=value`) it set, if any. */
export async function signInAt(base: string, email: string, password: string, ip?: string) {
  const res = await call(base, 'POST', '/api/v1/auth/login', {
    body: { email, password },
    ...(ip ? { ip } : {}),
  });
  const setCookie = res.headers.getSetCookie().find((c) => c.includes('bextr_session='));
  return { res, cookie: setCookie?.split(';')[0] ?? null };
}
