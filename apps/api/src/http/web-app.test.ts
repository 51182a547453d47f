import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../test/app.ts';
import { createWebShellApp } from '../test/web-shell.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createWebShellApp({ files: { 'assets/app.js': 'console.log(1);' } });
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
});
