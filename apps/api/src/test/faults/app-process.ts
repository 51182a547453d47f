import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const tempDir = (label: string) => mkdtemp(path.join(os.tmpdir(), `bextr-faults-${label}-`));

/** The environment the real server starts with: production settings, its own data dir and port,
 * demo data off, the API only. */
export function productionEnv(opts: {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(opts.port),
    DATA_DIR: opts.dataDir,
    PUBLIC_URL: `http://127.0.0.1:${opts.port}`,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_SCALE: '1000',
    WEB_DIST_DIR: path.join(opts.dataDir, 'no-web-app'),
    ...opts.extra,
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.smtpUrl) env.SMTP_URL = opts.smtpUrl;
  return env;
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, for a failing test's message. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `src/main.ts` (as `npm start` runs it, through tsx) and waits until it listens. */
export async function startApp(env: Record<string, string>, timeoutMs = 90_000): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const url = `http://127.0.0.1:${env.PORT}`;
  const proc: AppProcess = {
    url,
    child,
    output: () => log,
    exited,
    async kill(signal = 'SIGKILL') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done) throw new Error(`the app exited while starting:\n${log}`);
    const live = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1000) }).catch(() => null);
    if (live?.status === 200) return proc;
    await sleep(200);
  }
  await proc.kill();
  throw new Error(`the app did not listen within ${timeoutMs} ms:\n${log}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` is true; returns how long it took, or throws after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}
