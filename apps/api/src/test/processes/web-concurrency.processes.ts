import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, productionEnv, tempDir, waitFor } from '../faults/app-process.ts';
import { repoRoot } from './deploy-files.ts';
import { call, freshDatabase, signInAt } from './pair.ts';
import { alive, children, cmdline } from './procfs.ts';

// `npm start` with WEB_CONCURRENCY=2 on PostgreSQL: one node:cluster primary and two workers sharing
// one port. Which worker holds a connection is read from /proc (the socket is among its open files).

interface Started {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function npmStart(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-web-build'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const add = (d: Buffer) => {
    log += d.toString();
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => log, exited };
}

/** Socket inodes of the established TCP connections to local `port` (/proc/net/tcp), optionally
 * only those from the given client ports. */
function establishedTo(port: number, from?: Set<number>): Set<string> {
  const found = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const portOf = (address = '') => Number.parseInt(address.slice(address.lastIndexOf(':') + 1), 16);
      if (portOf(cols[1]) === port && cols[3] === '01' && (!from || from.has(portOf(cols[2]))))
        found.add(cols[9] ?? '');
    }
  }
  return found;
}

/** How many of those connections process `pid` holds open. */
function connectionsHeld(pid: number, port: number, from?: Set<number>): number {
  const mine = establishedTo(port, from);
  return readdirSync(`/proc/${pid}/fd`).filter((fd) => {
    try {
      const inode = readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/)?.[1];
      return inode !== undefined && mine.has(inode);
    } catch {
      return false;
    }
  }).length;
}

describe('npm start with WEB_CONCURRENCY=2 on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dataDir = '';
  let port = 0;
  let base = '';
  let app: Started;
  let primary = 0;

  beforeAll(async () => {
    db = await freshDatabase();
    dataDir = await tempDir('web-concurrency');
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = npmStart(
      productionEnv({
        port,
        dataDir,
        databaseUrl: db.url,
        extra: { WEB_CONCURRENCY: '2', LOG_LEVEL: 'info' },
      }),
    );
    primary = app.child.pid ?? 0;
    await waitFor(
      'the banner',
      async () => app.child.exitCode !== null || app.output().includes('BeXtr is running at'),
      90_000,
    );
    if (app.child.exitCode !== null) throw new Error(`npm start exited:\n${app.output()}`);
  }, 120_000);

  afterAll(async () => {
    for (const pid of [...children(primary), primary]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await db?.drop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is ready, prints the banner once, and answers the API from two workers, children of the primary', async () => {
    expect(app.output().match(/BeXtr is running at/g)).toHaveLength(1);
    expect(app.output()).toContain(`BeXtr is running at ${base}  (data: PostgreSQL, 2 workers)`);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    const workers = children(primary);
    expect(workers).toHaveLength(2);
    for (const w of workers) expect(cmdline(w)).toContain('apps/api/src/main.ts');
    // The primary opens no database: only the workers hold connections to PostgreSQL.
    expect(connectionsHeld(primary, 5432)).toBe(0);

    const email = `workers-${randomBytes(4).toString('hex')}@test.bextr.eu`;
    const password = 'violet-harbour-lantern-42';
    const registered = await call(base, 'POST', '/api/v1/auth/register', {
      body: { email, password, role: 'business', name: 'Workers Co' },
    });
    expect(registered.status).toBe(201);
    const { res, cookie } = await signInAt(base, email, password);
    expect(res.status).toBe(200);
    // Each request on a new connection: whichever worker takes it knows the session.
    for (let i = 0; i < 6; i++) {
      const me = await call(base, 'GET', '/api/v1/auth/me', { cookie: cookie ?? '' });
      expect(me.status).toBe(200);
      expect((me.body.user as { email: string }).email).toBe(email);
    }
  });

  it('spreads separate keep-alive connections over both workers', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    try {
      const clientPorts = new Set<number>();
      const get = () =>
        new Promise<number>((resolve, reject) => {
          http
            .get(`${base}/health/live`, { agent }, (res) => {
              clientPorts.add(res.socket.localPort ?? 0);
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            })
            .on('error', reject);
        });
      // Eight at once: eight connections, which the agent then keeps open.
      expect(await Promise.all(Array.from({ length: 8 }, get))).toEqual(Array(8).fill(200));
      expect(clientPorts.size).toBe(8);
      const held = children(primary).map((w) => connectionsHeld(w, port, clientPorts));
      expect(held.reduce((a, b) => a + b, 0)).toBe(8);
      for (const n of held) expect(n).toBeGreaterThan(0);
    } finally {
      agent.destroy();
    }
  });

  it('replaces a worker killed with SIGKILL and keeps answering meanwhile', async () => {
    const [victim, survivor] = children(primary) as [number, number];
    process.kill(victim, 'SIGKILL');
    await waitFor(
      'the primary saw it die',
      async () => app.output().includes(`worker ${victim} exited`),
      5000,
    );
    for (let i = 0; i < 4; i++) expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(app.output()).toContain(`worker ${victim} exited (signal SIGKILL); starting another in 1 s`);
    await waitFor('a new worker serves', async () => /worker \d+ is serving/.test(app.output()), 60_000);
    const now = children(primary);
    expect(now).toHaveLength(2);
    expect(now).toContain(survivor);
    expect(now).not.toContain(victim);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    // Still one banner.
    expect(app.output().match(/BeXtr is running at/g)).toHaveLength(1);
  });

  it('stops the primary and every worker within 12 s of SIGTERM, with exit code 0', async () => {
    const family = [primary, ...children(primary)];
    expect(family).toHaveLength(3);
    const started = Date.now();
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(12_000);
    await waitFor('no process left', async () => family.every((p) => !alive(p)), 2000);
    expect(await fetch(`${base}/health/live`).catch(() => null)).toBeNull();
  });
});

describe('npm start with WEB_CONCURRENCY=2, refused or failing', () => {
  it('refuses the embedded database, which serves one process, before opening it', async () => {
    const dataDir = await tempDir('web-concurrency-pglite');
    try {
      const app = npmStart(
        productionEnv({ port: await freePort(), dataDir, extra: { WEB_CONCURRENCY: '2' } }),
      );
      expect((await app.exited).code).toBe(1);
      expect(app.output()).toContain(
        'WEB_CONCURRENCY: is 2, but the embedded database (no DATABASE_URL) serves one process only',
      );
      expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('gives up with a clear message when the workers keep dying as they start', async () => {
    const dataDir = await tempDir('web-concurrency-loop');
    try {
      const app = npmStart(
        productionEnv({
          port: await freePort(),
          dataDir,
          databaseUrl: 'postgres://nobody@127.0.0.1:1/never',
          extra: { WEB_CONCURRENCY: '2' },
        }),
      );
      const started = Date.now();
      expect((await app.exited).code).toBe(1);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(app.output()).toContain('BeXtr failed to start: connect ECONNREFUSED');
      expect(app.output()).toContain('workers keep dying as they start (3 in a row, the last with code 1');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
