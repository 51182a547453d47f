import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { browser } from '../test/client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

function cspDirectives(header: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('security headers', () => {
  it('are on API answers, errors included', async () => {
    for (const url of ['/api/v1/auth/me', '/health/live', '/api/v1/nope']) {
      const res = await browser(t.app).get(url);
      const csp = cspDirectives(res.headers['content-security-policy']);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toBeDefined();
      expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
      expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      // HSTS only in production (see production.test.ts).
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });
});

describe('request ids', () => {
  it('echoes a sane incoming x-request-id', async () => {
    const res = await browser(t.app).get('/health/live', { headers: { 'x-request-id': 'trace-42.abc_DEF' } });
    expect(res.headers['x-request-id']).toBe('trace-42.abc_DEF');
  });

  it('generates one when there is none, or when the incoming one is not sane', async () => {
    const none = await browser(t.app).get('/health/live');
    const bad = await browser(t.app).get('/health/live', {
      headers: { 'x-request-id': `evil id\u00e9${'x'.repeat(100)}` },
    });
    for (const res of [none, bad]) {
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(none.headers['x-request-id']).not.toBe(bad.headers['x-request-id']);
  });

  it('is on error answers too', async () => {
    const res = await browser(t.app).get('/api/v1/auth/me', { headers: { 'x-request-id': 'req-401' } });
    expect(res.status).toBe(401);
    expect(res.headers['x-request-id']).toBe('req-401');
  });
});

describe('unknown paths', () => {
  it('404 with the JSON error shape under /api/v1, in the user language', async () => {
    const res = await browser(t.app).get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'We could not find what you were looking for.' },
    });
    const post = await browser(t.app, { lang: 'sk' }).post('/api/v1/no-such-thing', { a: 1 });
    expect(post.status).toBe(404);
    expect(post.body.error?.message).toBe('To, čo hľadáte, sme nenašli.');
  });

  it('404 for a known path with another method', async () => {
    const res = await browser(t.app).delete('/api/v1/auth/me');
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('NOT_FOUND');
  });
});

describe('API documentation', () => {
  it('GET /api/v1/openapi.json is OpenAPI 3.1 with the auth operations', async () => {
    const res = await browser(t.app).get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/api/v1/openapi.json',
    );
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    const paths = res.body.paths;
    expect(Object.keys(paths['/api/v1/auth/register'] ?? {})).toContain('post');
    expect(Object.keys(paths['/api/v1/auth/login'] ?? {})).toContain('post');
    expect(Object.keys(paths['/api/v1/auth/logout'] ?? {})).toContain('post');
    expect(Object.keys(paths['/api/v1/auth/me'] ?? {}).sort()).toEqual(['get', 'patch']);
    for (const path of [
      '/api/v1/auth/verify-email',
      '/api/v1/auth/verify-email/resend',
      '/api/v1/auth/password-reset/request',
      '/api/v1/auth/password-reset/confirm',
      '/api/v1/auth/password',
    ]) {
      expect(Object.keys(paths[path] ?? {}), path).toContain('post');
    }
    expect(paths['/health/ready']).toBeDefined();
    expect(paths['/api/v1/openapi.json']).toBeUndefined();
  });

  it('GET /api/docs answers 200 with a page', async () => {
    const res = await browser(t.app).get('/api/docs');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
    const csp = cspDirectives(res.headers['content-security-policy']);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });
});
