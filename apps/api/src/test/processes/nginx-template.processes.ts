import type { ChildProcess } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { freePort, tempDir, waitFor } from '../faults/app-process.ts';
import { renderTemplate, repoRoot, startNginx } from './deploy-files.ts';

// The nginx template as compose renders it (its upstream line included), in front of two small
// upstreams that record what reached them: what nginx forwards, logs and retries, without BeXtr.

interface Hit {
  upstream: number;
  path: string;
  headers: http.IncomingHttpHeaders;
}

const hits: Hit[] = [];
const upstreams: http.Server[] = [];
let nginx: ChildProcess;
let dir = '';
let port = 0;

/** A GET to nginx with headers fetch would not let us set (Host). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const accessLog = () => readFileSync(path.join(dir, 'access.log'), 'utf8');

beforeAll(async () => {
  for (const n of [1, 2]) {
    const server = http.createServer((req, res) => {
      const url = req.url ?? '';
      hits.push({ upstream: n, path: url, headers: req.headers });
      // An ordinary 503, as the app answers while its database or S3 is away.
      res.writeHead(url.startsWith('/fail') ? 503 : 200, { 'retry-after': '3' }).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    upstreams.push(server);
  }
  dir = await tempDir('nginx-run');
  chmodSync(dir, 0o755); // nginx's workers run as nobody when the tests run as root
  port = await freePort();
  const compose = parse(readFileSync(path.join(repoRoot, 'compose.yaml'), 'utf8'), { merge: true });
  const servers = String(compose.services.lb.environment.BEXTR_UPSTREAM_SERVERS).replace(
    /\bapp([12]):\d+/g,
    (_w, n: string) => `127.0.0.1:${(upstreams[Number(n) - 1]?.address() as AddressInfo | null)?.port}`,
  );
  const template = readFileSync(path.join(repoRoot, 'ops/nginx/bextr.conf.template'), 'utf8');
  nginx = startNginx(
    renderTemplate(template, {
      BEXTR_LISTEN: `127.0.0.1:${port}`,
      BEXTR_UPSTREAM_SERVERS: servers,
      BEXTR_ACCESS_LOG: path.join(dir, 'access.log'),
    }),
    dir,
  );
  await waitFor('nginx answers', async () => (await get('/up')).status === 200, 10_000);
});

afterAll(async () => {
  nginx?.kill('SIGQUIT');
  for (const s of upstreams) s.closeAllConnections();
  await Promise.all(upstreams.map((s) => new Promise((r) => s.close(r))));
  await rm(dir, { recursive: true, force: true });
});

describe('ops/nginx/bextr.conf.template in front of two processes', () => {
  it('hands an ordinary 503 to the client once and keeps that process in rotation', async () => {
    hits.length = 0;
    const failed = await get('/fail');
    expect(failed.status).toBe(503);
    expect(failed.headers['retry-after']).toBe('3');
    // Not replayed on the other process.
    expect(hits.filter((h) => h.path === '/fail')).toHaveLength(1);
    for (let i = 0; i < 6; i++) expect((await get(`/after-${i}`)).status).toBe(200);
    const served = new Set(hits.filter((h) => h.path.startsWith('/after-')).map((h) => h.upstream));
    expect([...served].sort()).toEqual([1, 2]);
  });

  it("forwards the browser's Host with its port, its own X-Forwarded-Host, and one request id for both logs", async () => {
    hits.length = 0;
    const host = `localhost:${port}`;
    await get('/h1', { host, 'x-forwarded-host': 'evil.example', 'x-request-id': 'trace-1.a_B' });
    await get('/h2', { host, 'x-request-id': 'not a valid id!' });
    const [first, second] = [hits.find((h) => h.path === '/h1'), hits.find((h) => h.path === '/h2')];
    expect(first?.headers.host).toBe(host);
    expect(first?.headers['x-forwarded-host']).toBe(host);
    // An id the app accepts goes through; another is replaced by nginx's own, which nginx logs too.
    expect(first?.headers['x-request-id']).toBe('trace-1.a_B');
    const own = String(second?.headers['x-request-id']);
    expect(own).toMatch(/^[0-9a-f]{32}$/);
    await waitFor('nginx logged both', async () => accessLog().includes('/h2'), 2000);
    expect(accessLog()).toMatch(/"GET \/h1 HTTP\/1\.1" 200 .* rid=trace-1\.a_B/);
    expect(accessLog()).toContain(`rid=${own}`);
  });

  it('leaves query strings (reset, verify and unsubscribe tokens) out of the access log', async () => {
    await get('/reset-password?token=SECRET-reset-123');
    await get('/api/v1/notification-preferences/unsubscribe?token=SECRET-unsub-456&kind=x');
    await waitFor('nginx logged them', async () => accessLog().includes('/unsubscribe'), 2000);
    expect(accessLog()).toContain('"GET /reset-password HTTP/1.1" 200');
    expect(accessLog()).not.toContain('SECRET');
  });

  it('answers from the other process when one is gone (idempotent requests are retried)', async () => {
    const gone = upstreams[1];
    gone?.closeAllConnections();
    await new Promise((r) => gone?.close(r));
    for (let i = 0; i < 4; i++) expect((await get(`/gone-${i}`)).status).toBe(200);
  });
});
