import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'bextr-main-'));

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const address = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output.match(/running at (http:\/\/[\d.:]+)/);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
  return { child, address, output: () => output };
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, ms: Date.now() - started })));
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the server process (npm start)', () => {
  it('migrates a new embedded database, seeds the demo, prints the accounts, and stops cleanly on SIGTERM', async () => {
    const server = startServer({ ADMIN_EMAIL: 'ops@example.test', ADMIN_PASSWORD: 'an-admin-passphrase' });
    const base = await server.address;
    expect(server.output()).toContain('business@demo.bextr.eu');
    expect(server.output()).toContain('ops@example.test');

    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const admin = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.test', password: 'an-admin-passphrase' }),
    });
    expect(admin.status).toBe(200);
    expect((await admin.json()).user.role).toBe('admin');

    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'business@demo.bextr.eu', password: 'demo-business-2026' }),
    });
    const exited = exitOf(server.child);
    await new Promise((resolve) => setTimeout(resolve, 10));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    const { code, ms } = await exited;
    expect(code, server.output()).toBe(0);
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('reopens the same data directory without seeding twice, and starts empty with SEED_DEMO=false elsewhere', async () => {
    const again = startServer({});
    const base = await again.address;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'influencer@demo.bextr.eu', password: 'demo-influencer-2026' }),
    });
    expect(login.status).toBe(200);
    const stopped = exitOf(again.child);
    again.child.kill('SIGTERM');
    expect((await stopped).code).toBe(0);

    const emptyDir = mkdtempSync(path.join(tmpdir(), 'bextr-empty-'));
    const empty = startServer({ DATA_DIR: emptyDir, SEED_DEMO: 'false' });
    const emptyBase = await empty.address;
    expect(empty.output()).not.toContain('business@demo.bextr.eu');
    const none = await fetch(`${emptyBase}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'influencer@demo.bextr.eu', password: 'demo-influencer-2026' }),
    });
    expect(none.status).toBe(401);
    const emptyStopped = exitOf(empty.child);
    empty.child.kill('SIGTERM');
    expect((await emptyStopped).code).toBe(0);
    rmSync(emptyDir, { recursive: true, force: true });
  }, 60_000);

  it('refuses to start on a bad setting and names it', async () => {
    const bad = startServer({ PORT: 'not-a-port' });
    await expect(bad.address).rejects.toThrow(/PORT/);
  }, 30_000);
});
