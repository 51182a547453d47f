import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../test/app.ts';
import { createWebShellApp } from '../test/web-shell.ts';

/** A script large enough to be worth compressing, with its .br and .gz as the web build writes them. */
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i % 37}`))};\n`;

let t: TestApp;
beforeAll(async () => {
  t = await createWebShellApp({
    files: {
      'assets/app.js': 'console.log(1);',
      'assets/big.js': SCRIPT,
      'assets/big.js.br': brotliCompressSync(SCRIPT),
      'assets/big.js.gz': gzipSync(SCRIPT),
      'landing.html': '<!doctype html><div id="root"></div>',
    },
  });
});
afterAll(() => t?.close());

describe('the web app shell', () => {
  it('serves index.html for client routes on reload, including dotted handles', async () => {
    for (const url of ['/dashboard', '/settings?x=1', '/influencers/lucia.novakova', '/campaigns/new']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('serves built files with long caching, and answers 404 JSON for missing files and API paths', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/assets/missing.js', '/logo.png', '/api/v1/nope', '/health/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('NOT_FOUND');
    }
  });

  it('sends the build’s precompressed script to a browser that accepts br or gzip, the plain one otherwise', async () => {
    const get = (headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: '/assets/big.js', headers });
    const decoders = { br: brotliDecompressSync, gzip: gunzipSync };
    for (const [accept, encoding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip, deflate, br', 'br'],
    ] as const) {
      const res = await get({ 'accept-encoding': accept });
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers['content-type'], accept).toMatch(/^text\/javascript|^application\/javascript/);
      expect(res.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control'], accept).toContain('immutable');
      expect(res.rawPayload.length, accept).toBeLessThan(SCRIPT.length);
      expect(decoders[encoding](res.rawPayload).toString('utf8'), accept).toBe(SCRIPT);
    }
    const plain = await get({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);
    // A file the build left uncompressed (too small to gain) still reaches a browser that asks for br.
    const small = await t.app.inject({
      method: 'GET',
      url: '/assets/app.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe('console.log(1);');
    // The compressed files are no addresses of their own: that path is a client route like any other.
    const direct = await t.app.inject({ method: 'GET', url: '/assets/big.js.br' });
    expect(direct.headers['content-type']).toContain('text/html');
    expect(direct.body).toContain('<div id="root">');
  });

  it('does not let a browser keep index.html past a deploy, and does not serve the landing template', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/index.html' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect((await t.app.inject({ method: 'GET', url: '/landing.html' })).statusCode).toBe(404);
  });
});
