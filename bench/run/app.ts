import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningApp {
  baseUrl: string;
  child: ChildProcess;
  /** Milliseconds from spawn to /health/ready answering 200. */
  readyMs: number;
  stop(): Promise<void>;
}

async function waitReady(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} (see its log)`);
    try {
      const res = await fetch(`${baseUrl}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the app was not ready within ${timeoutMs} ms`);
}

/** Starts `node scripts/start.mjs` (what `npm start` runs) as a child process with the given
 * environment, and waits for readiness. Its output goes to `logFile`. */
export async function startApp(opts: {
  port: number;
  env: Record<string, string>;
  logFile: string;
  timeoutMs?: number;
  /** Extra node flags (e.g. --cpu-prof while looking for a hot spot). */
  nodeArgs?: string[];
}): Promise<RunningApp> {
  if (!existsSync(path.join(repoRoot, 'apps/web/dist/index.html')))
    process.stdout.write('No web build yet: `npm start` builds it first (takes a while).\n');
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const log = createWriteStream(opts.logFile);
  const started = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), 'scripts/start.mjs'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bextr-bench-data-')),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  await waitReady(baseUrl, child, opts.timeoutMs ?? 300_000);
  const readyMs = performance.now() - started;
  return {
    baseUrl,
    child,
    readyMs,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Resident memory (KiB) of a process, from /proc (Linux); null elsewhere. */
export async function rssKiB(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
