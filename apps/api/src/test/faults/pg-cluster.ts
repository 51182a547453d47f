import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import { freePort, tempDir } from './app-process.ts';

const BIN = '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL 15 cluster of our own (never the machine's shared one), in a temp dir on
 * a free port, trust auth on loopback. PostgreSQL refuses to run as root: as root, its commands run
 * as the `postgres` OS user. */
export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Why this machine cannot run one, or null when it can. */
  static unavailable(): string | null {
    if (!existsSync(`${BIN}/initdb`)) return `no PostgreSQL 15 binaries in ${BIN}`;
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
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    cluster.run('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    await cluster.start();
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('create database bextr');
    await admin.end();
    return cluster;
  }

  url(database = 'bextr'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private run(tool: string, args: string[]) {
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

  /** `pg_ctl stop -m fast`: sessions are cut, in-flight transactions rolled back. */
  async stop(): Promise<void> {
    this.run('pg_ctl', ['-D', `${this.dir}/data`, '-m', 'fast', '-w', 'stop']);
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
