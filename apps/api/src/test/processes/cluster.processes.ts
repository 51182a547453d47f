import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAdmin, withDatabase } from '../database.ts';
import { buildConversation, newClientId } from '../factories/conversations.ts';
import { freePort, productionEnv, tempDir, waitFor } from '../faults/app-process.ts';
import { prepareData, RemoteClient } from '../faults/remote.ts';
import { openSse } from '../sse.ts';
import { repoRoot } from './deploy-files.ts';
import { alive, cmdline, descendants } from './procfs.ts';

// `npm run cluster` as an operator runs it: two BeXtr processes and Debian's nginx on loopback, a
// database of its own that the script creates. Everything goes through nginx; which process answered
// is read from the processes' own log files (each logs the request ids it served).

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bextr_test';
const dbName = `bextr_cluster_${randomBytes(5).toString('hex')}`;
const databaseUrl = withDatabase(SERVER, dbName);

let script: ChildProcess;
let output = '';
let lb = '';
let appPorts: number[] = [];
let workDir = '';
let dataDir = '';

function describeProcess(pid: number): string {
  try {
    return `${pid} ${cmdline(pid)}`;
  } catch {
    return String(pid);
  }
}

/** The request ids a process logged (its JSON log lines carry `reqId`). */
const loggedIds = (app: number) =>
  readFileSync(path.join(workDir, `app-${app}.log`), 'utf8')
    .match(/"reqId":"[^"]+"/g)
    ?.join('\n') ?? '';

/** A JSON POST through nginx as a browser at `host` sends it (fetch will not set Host). */
function postAs(host: string, url: string, body: unknown, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: new URL(lb).port,
        path: url,
        method: 'POST',
        headers: { host, origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const adminQuery = (sql: string, params: unknown[] = []) => withAdmin(SERVER, (c) => c.query(sql, params));

beforeAll(async () => {
  const [lbPort, a, b] = [await freePort(), await freePort(), await freePort()];
  appPorts = [a, b];
  lb = `http://127.0.0.1:${lbPort}`;
  workDir = await tempDir('cluster-work');
  dataDir = await tempDir('cluster-data');
  script = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'scripts/cluster.mjs'),
      ...['--port', String(lbPort), '--app-ports', `${a},${b}`, '--database-url', databaseUrl],
      ...['--data-dir', dataDir, '--dir', workDir],
    ],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', METRICS: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  script.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  script.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  await waitFor(
    'the cluster script says it runs',
    // Done waiting as soon as it runs or has exited.
    async () => script.exitCode !== null || output.includes(`BeXtr is running at ${lb}`),
    180_000,
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${output}`);
  });
  if (script.exitCode !== null) throw new Error(`the cluster script exited (${script.exitCode}):\n${output}`);
}, 200_000);

afterAll(async () => {
  if (script && script.exitCode === null && script.signalCode === null) {
    for (const pid of [script.pid ?? 0, ...descendants(script.pid ?? 0)]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  await adminQuery(`drop database if exists "${dbName}" with (force)`).catch(() => {});
  await rm(workDir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run cluster (scripts/cluster.mjs)', () => {
  it('creates its database, answers through nginx, and keeps /metrics off the public side', async () => {
    const found = await adminQuery('select 1 from pg_database where datname = $1', [dbName]);
    expect(found.rowCount).toBe(1);
    const ready = await fetch(`${lb}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('server')).toMatch(/^nginx/);
    // Each process serves /metrics to whoever reaches it directly (the scraper); nginx does not.
    expect((await fetch(`http://127.0.0.1:${appPorts[0]}/metrics`)).status).toBe(200);
    expect((await fetch(`${lb}/metrics`)).status).toBe(404);
  });

  it("keeps the tokens of reset, verify and unsubscribe links out of nginx's access log", async () => {
    const secret = `SECRET${randomBytes(8).toString('hex')}`;
    for (const page of [
      '/reset-password',
      '/verify-email',
      '/unsubscribe',
      '/api/v1/notification-preferences/unsubscribe',
    ]) {
      await (await fetch(`${lb}${page}?token=${secret}`)).arrayBuffer();
    }
    const log = () => readFileSync(path.join(workDir, 'nginx-access.log'), 'utf8');
    await waitFor(
      'nginx logged the requests',
      async () => log().includes('/api/v1/notification-preferences/unsubscribe'),
      5000,
    );
    expect(log()).toContain('"GET /reset-password HTTP/1.1" 200');
    expect(log()).not.toContain(secret);
  });

  it('signs a new user in through nginx; the session works on whichever process answers, and both do', async () => {
    const email = `cluster-${randomBytes(4).toString('hex')}@test.bextr.eu`;
    const mutation = { origin: lb, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' };
    const registered = await fetch(`${lb}/api/v1/auth/register`, {
      method: 'POST',
      headers: mutation,
      body: JSON.stringify({
        email,
        password: 'violet-harbour-lantern-42',
        role: 'business',
        name: 'Cluster Co',
      }),
    });
    expect(registered.status).toBe(201);
    const signedIn = await fetch(`${lb}/api/v1/auth/login`, {
      method: 'POST',
      headers: mutation,
      body: JSON.stringify({ email, password: 'violet-harbour-lantern-42' }),
    });
    expect(signedIn.status).toBe(200);
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith('__Host-bextr_session='));
    expect(session).toBeTruthy();
    const cookie = (session ?? '').split(';')[0] ?? '';

    // Opened as http://localhost:<port> while PUBLIC_URL names 127.0.0.1: nginx passes the Host
    // with its port, so the app sees a same-origin write. Another site is still refused.
    const localhost = `localhost:${new URL(lb).port}`;
    const credentials = { email, password: 'violet-harbour-lantern-42' };
    expect(await postAs(localhost, '/api/v1/auth/login', credentials, `http://${localhost}`)).toBe(200);
    expect(await postAs(localhost, '/api/v1/auth/login', credentials, 'http://evil.example')).toBe(403);

    const ids = Array.from({ length: 8 }, (_, i) => `me-${randomBytes(4).toString('hex')}-${i}`);
    for (const id of ids) {
      const me = await fetch(`${lb}/api/v1/auth/me`, { headers: { cookie, 'x-request-id': id } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email);
      expect(me.headers.get('x-request-id')).toBe(id);
    }
    // Round-robin: each process served some of these requests (as its own log says).
    // (Each process writes its log a moment after answering: wait until every id is in a log.)
    const servers = (id: string) => [1, 2].filter((app) => loggedIds(app).includes(`"reqId":"${id}"`));
    await waitFor(
      'every request is in a process log',
      async () => ids.every((id) => servers(id).length > 0),
      10_000,
    );
    expect(
      [1, 2].every((app) => ids.some((id) => servers(id).includes(app))),
      'both processes served some',
    ).toBe(true);
    for (const id of ids) expect(servers(id), id).toHaveLength(1);
  });

  it('delivers a message posted through nginx to an event stream held through nginx, from either process', async () => {
    const { owner, influencer, conversationId } = await prepareData(
      productionEnv({ port: appPorts[0] ?? 0, dataDir, databaseUrl }),
      (app) => buildConversation(app),
    );
    const stream = await openSse(lb, {
      cookie: `${owner.client.sessionCookieName}=${owner.client.sessionCookie ?? ''}`,
    });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const holder = [1, 2].find((app) =>
        readFileSync(path.join(workDir, `app-${app}.log`), 'utf8').includes('/api/v1/events'),
      );
      expect(holder).toBeDefined();
      const sender = new RemoteClient(lb, influencer.client);
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        const text = `through nginx ${i} ${randomBytes(4).toString('hex')}`;
        const id = `post-${randomBytes(4).toString('hex')}-${i}`;
        ids.push(id);
        const sent = await sender.post(
          `/api/v1/conversations/${conversationId}/messages`,
          { body: text, clientId: newClientId() },
          { headers: { 'x-request-id': id } },
        );
        expect(sent.status, sent.failure ?? JSON.stringify(sent.body)).toBe(201);
        // Unbuffered: the frame arrives while the stream stays open.
        await stream.waitFor((f) => f.data?.includes(text) ?? false, 10_000);
      }
      // At least one message was posted on the process that does not hold the stream.
      const other = holder === 1 ? 2 : 1;
      await waitFor(
        'a post served by the other process',
        async () => ids.some((id) => loggedIds(other).includes(id)),
        5000,
      );
    } finally {
      stream.close();
    }
  });

  it('stops every process it started within 12 s of SIGTERM', async () => {
    const pid = script.pid ?? 0;
    const family = descendants(pid);
    // node + nginx master and its workers, at least.
    expect(family.length).toBeGreaterThanOrEqual(4);
    const exited = new Promise<number | null>((resolve) => script.once('exit', (code) => resolve(code)));
    const started = Date.now();
    script.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(12_000);
    await waitFor('no process left', async () => family.every((p) => !alive(p)), 2000).catch(() => {
      throw new Error(`still running: ${family.filter(alive).map(describeProcess).join('; ')}`);
    });
    for (const port of [new URL(lb).port, ...appPorts]) {
      const res = await fetch(`http://127.0.0.1:${port}/health/live`).catch(() => null);
      expect(res, `port ${port} closed`).toBeNull();
    }
  });
});

describe('npm run cluster without nginx', () => {
  it('says how to install it and exits before touching the database', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'scripts/cluster.mjs'), '--nginx', '/nonexistent/nginx'],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/never' },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nginx is missing');
    expect(run.stderr).toContain('apt-get install nginx-light');
  });
});
