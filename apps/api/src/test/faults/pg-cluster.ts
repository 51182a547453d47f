import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import { freePort, tempDir } from './app-process.ts';

/** The PostgreSQL server binaries: `pg_config --bindir` when it has initdb (it may be a client-only
 * install), else the newest /usr/lib/postgresql/<major>/bin. */
function findBinDir(): string | null {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    if (existsSync(`${dir}/initdb`)) return dir;
  } catch {
    // No pg_config on the PATH.
  }
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(`${root}/${v}/bin/initdb`))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  return majors[0] ? `${root}/${majors[0]}/bin` : null;
}

const BIN = findBinDir();

/** A throwaway PostgreSQL cluster of our own (never the machine's shared one), in a temp dir on
 * a free port, trust auth on loopback. PostgreSQL refuses to run as root: as root, its commands run
 * as the `postgres` OS user. */
export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Why this machine cannot run one, or null when it can. Under CI (`CI` set) a missing cluster is
   * a failure, not a skip: this throws with the reason. */
  static unavailable(): string | null {
    const reason = PgCluster.missing();
    if (reason && process.env.CI)
      throw new Error(`the faults suite needs a PostgreSQL cluster under CI: ${reason}`);
    return reason;
  }

  private static missing(): string | null {
    if (!BIN)
      return 'no PostgreSQL server binaries (no initdb via `pg_config --bindir` or /usr/lib/postgresql/*/bin)';
    if (process.getuid?.() === 0) {
      try {
        execFileSync('runuser', ['-u', 'postgres', '--', 'true'], { stdio: 'ignore' });
      } catch {
        return 'running as root and `runuser -u postgres` does not work';
      }
    }
    return null;
  }

  static async create(): Promise<PgCluster> {
    const dir = await tempDir('pg');
    const cluster = new PgCluster(dir, await freePort());
    chmodSync(dir, 0o700);
    try {
      if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
      cluster.run('initdb', [
        '-D',
        `${dir}/data`,
        '-U',
        'postgres',
        '-A',
        'trust',
        '--no-sync',
        '-E',
        'UTF8',
      ]);
      await cluster.start();
      const admin = new pg.Client({ connectionString: cluster.url('postgres') });
      await admin.connect();
      try {
        await admin.query('create database bextr');
      } finally {
        await admin.end();
      }
      return cluster;
    } catch (err) {
      // Stops the postmaster if it started, and removes the directory.
      await cluster.destroy();
      throw err;
    }
  }

  url(database = 'bextr'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(tool: string, args: string[]) {
    if (!BIN) throw new Error('no PostgreSQL server binaries');
    const asRoot = process.getuid?.() === 0;
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', `${BIN}/${tool}`, ...args]]
      : [`${BIN}/${tool}`, args];
    return execFileSync(cmd as string, argv as string[], { stdio: 'pipe', cwd: os.tmpdir() }).toString();
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir}`;
    this.run('pg_ctl', ['-D', `${this.dir}/data`, '-l', `${this.dir}/log`, '-o', options, '-w', 'start']);
  }

  /** `pg_ctl stop -m fast`: sessions are cut, in-flight transactions rolled back. `immediate`: every
   * server process quits at once without a checkpoint, as in a crash (the next start replays the WAL). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    this.run('pg_ctl', ['-D', `${this.dir}/data`, '-m', mode, '-w', 'stop']);
  }

  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  async destroy(): Promise<void> {
    try {
      this.run('pg_ctl', ['-D', `${this.dir}/data`, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}
