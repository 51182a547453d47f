// WEB_CONCURRENCY > 1: `npm start`'s process becomes a node:cluster primary. It opens no database and
// serves nothing: it forks that many workers, each the whole server (main.ts), sharing the port; it
// replaces a worker that dies, gives up when they keep dying as they start, and on SIGTERM/SIGINT
// stops them all. Everything the workers share lives in PostgreSQL (decision 019).
import cluster, { type Worker } from 'node:cluster';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from './config.ts';

/** A worker's own graceful stop ends within 9 s (main.ts); after this the primary kills it. */
const STOP_DEADLINE_MS = 12_000;
const RESTART_DELAY_MS = 1_000;
/** A worker that dies before it is ready, or this soon after, died "as it started". */
const EARLY_DEATH_MS = 10_000;
/** This many such deaths in a row (no worker lasting EARLY_DEATH_MS between them) = a crash loop. */
const CRASH_LOOP_LIMIT = 3;

export interface ReadyInfo {
  address: string;
  /** Where the data lives, for the banner. */
  where: string;
  /** Sign-in lines (boot admin, demo accounts). */
  accounts: string[];
}

interface ReadyMessage extends ReadyInfo {
  type: 'bextr:ready';
}

export function startupBanner(info: ReadyInfo, workers = 1): string {
  const processes = workers > 1 ? `, ${workers} workers` : '';
  return [
    '',
    `  BeXtr is running at ${info.address}  (data: ${info.where}${processes})`,
    ...(info.accounts.length ? ['', '  Sign in with:', ...info.accounts.map((l) => `    ${l}`)] : []),
    '',
    '',
  ].join('\n');
}

/** The server listens: print the banner, or in a worker tell the primary (which prints it once). */
export function announceReady(info: ReadyInfo): void {
  if (cluster.isWorker && process.send) process.send({ type: 'bextr:ready', ...info } satisfies ReadyMessage);
  else process.stdout.write(startupBanner(info));
}

const isReady = (m: unknown): m is ReadyMessage =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'bextr:ready';

/** Runs the primary until it is stopped; exits the process. */
export function runPrimary(config: Config): void {
  const size = config.webConcurrency;
  const say = (line: string) => process.stderr.write(`[bextr primary ${process.pid}] ${line}\n`);
  cluster.setupPrimary({
    exec: fileURLToPath(new URL('./main.ts', import.meta.url)),
    // The workers load TypeScript as `npm start` does (the primary registered tsx in-process).
    execArgv: [
      ...process.execArgv,
      '--import',
      pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
    ],
  });

  const live = new Set<Worker>();
  const readyAt = new Map<Worker, number>();
  const restarts = new Set<NodeJS.Timeout>();
  let readyCount = 0;
  let earlyDeaths = 0;
  let stopping = false;
  let exitCode = 0;

  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    worker.on('message', (message: unknown) => {
      if (!isReady(message)) return;
      readyAt.set(worker, Date.now());
      readyCount += 1;
      // The banner once, when the first `size` workers all listen; replacements only get a line.
      if (readyCount === size) process.stdout.write(startupBanner(message, size));
      else if (readyCount > size) say(`worker ${worker.process.pid} is serving`);
      setTimeout(() => {
        if (live.has(worker)) earlyDeaths = 0;
      }, EARLY_DEATH_MS).unref();
    });
  };

  const finish = () => process.exit(exitCode);

  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const t of restarts) clearTimeout(t);
    say(`${reason}: stopping ${live.size} worker${live.size === 1 ? '' : 's'}`);
    if (live.size === 0) finish();
    for (const worker of live) worker.process.kill('SIGTERM');
    setTimeout(() => {
      say(`workers still running after ${STOP_DEADLINE_MS / 1000} s; killing them`);
      exitCode = 1;
      for (const worker of live) worker.process.kill('SIGKILL');
    }, STOP_DEADLINE_MS).unref();
  };

  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      // A worker that could not stop cleanly (its own shutdown deadline, an error while closing)
      // makes the whole stop a failure, as the primary's own deadline does.
      if (code !== null && code !== 0) exitCode = 1;
      if (live.size === 0) finish();
      return;
    }
    const ready = readyAt.get(worker);
    readyAt.delete(worker);
    earlyDeaths = ready === undefined || Date.now() - ready < EARLY_DEATH_MS ? earlyDeaths + 1 : 0;
    if (earlyDeaths >= CRASH_LOOP_LIMIT) {
      stop(
        `workers keep dying as they start (${earlyDeaths} in a row, the last with ${how}; see their errors above)`,
        1,
      );
      return;
    }
    say(`worker ${worker.process.pid} exited (${how}); starting another in ${RESTART_DELAY_MS / 1000} s`);
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) fork();
    }, RESTART_DELAY_MS);
    restarts.add(timer);
  });

  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  for (let i = 0; i < size; i++) fork();
}
