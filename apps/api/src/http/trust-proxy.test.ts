import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { browser } from '../test/client.ts';
import { uniqueEmail } from '../test/factories/users.ts';

// The address a rate limit counts is request.ip. Behind nginx every request comes from nginx's
// address, so the client's must be read from X-Forwarded-For — but only when the operator says a
// proxy is in front (TRUST_PROXY): otherwise anyone could name a fresh address per attempt.

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Registers a new account from the socket address 127.0.0.1 with the given X-Forwarded-For. */
async function register(app: TestApp['app'], forwardedFor: string) {
  const res = await browser(app, { ip: '127.0.0.1' }).post(
    '/api/v1/auth/register',
    {
      email: uniqueEmail('proxy'),
      password: 'violet-harbour-lantern-42',
      role: 'business',
      name: 'Proxy Test',
    },
    { headers: { 'x-forwarded-for': forwardedFor } },
  );
  return res.status;
}

// RATE_LIMIT_SCALE 0.1: one registration per address and hour.
describe('TRUST_PROXY and the per-address rate limits', () => {
  it('with the proxy trusted, each forwarded client address has its own counter', async () => {
    t = await createTestApp({ rateLimitScale: 0.1, trustProxy: ['127.0.0.1'] });
    expect(await register(t.app, '203.0.113.7')).toBe(201);
    expect(await register(t.app, '203.0.113.7')).toBe(429);
    // Another client behind the same proxy is not blocked by the first one's attempts.
    expect(await register(t.app, '203.0.113.8')).toBe(201);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: a made-up address does not reset the limit', async () => {
    t = await createTestApp({ rateLimitScale: 0.1, trustProxy: loadConfig({}).trustProxy });
    expect(await register(t.app, '203.0.113.7')).toBe(201);
    expect(await register(t.app, '198.51.100.99')).toBe(429);
  });

  it('with a hop count of 1, only the address the proxy itself saw counts, not what the client wrote before it', async () => {
    t = await createTestApp({ rateLimitScale: 0.1, trustProxy: 1 });
    expect(await register(t.app, '198.51.100.1, 203.0.113.9')).toBe(201);
    // A client that prepends a fresh made-up address each time is still the same client.
    expect(await register(t.app, '198.51.100.2, 203.0.113.9')).toBe(429);
    expect(await register(t.app, '203.0.113.10')).toBe(201);
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses/CIDRs, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});
