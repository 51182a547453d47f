import { emailKinds } from '@bextr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';

type Prefs = { email: Record<string, boolean> };
const PREFS = '/api/v1/notification-preferences';
const UNSUBSCRIBE = '/api/v1/notification-preferences/unsubscribe';
const allOn = Object.fromEntries(emailKinds.map((k) => [k, true]));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('GET|PUT /notification-preferences', () => {
  it('401 for a visitor', async () => {
    expect((await browser(t.app).get(PREFS)).status).toBe(401);
    expect((await browser(t.app).put(PREFS, { email: { new_messages: false } })).status).toBe(401);
  });

  it('every e-mail kind is on for a new user', async () => {
    const { client } = await buildInfluencer(t.app);
    const res = await client.get<Prefs>(PREFS);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ email: allOn });
  });

  it('400 for unknown fields, unknown kinds and non-booleans; nothing is stored', async () => {
    const { client } = await buildBusiness(t.app);
    for (const body of [
      {},
      { email: { new_messages: false }, extra: true },
      { email: { spam: false } },
      { email: { new_messages: 'no' } },
      { email: [] },
    ])
      expect((await client.put(PREFS, body)).status, JSON.stringify(body)).toBe(400);
    expect((await client.get<Prefs>(PREFS)).body).toEqual({ email: allOn });
  });

  it('PUT changes only the kinds given and answers the full object; it stays for the next visit', async () => {
    const { client } = await buildBusiness(t.app);
    const res = await client.put<Prefs>(PREFS, { email: { new_messages: false, offer_received: false } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ email: { ...allOn, new_messages: false, offer_received: false } });
    const again = await client.put<Prefs>(PREFS, { email: { offer_received: true, offer_withdrawn: false } });
    expect(again.body).toEqual({ email: { ...allOn, new_messages: false, offer_withdrawn: false } });
    expect((await client.put<Prefs>(PREFS, { email: {} })).body).toEqual(again.body);
    expect((await client.get<Prefs>(PREFS)).body).toEqual(again.body);
    // Another user's preferences are their own.
    const other = await buildBusiness(t.app);
    expect((await other.client.get<Prefs>(PREFS)).body).toEqual({ email: allOn });
  });
});

describe('unsubscribe rate limit', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ rateLimitScale: 1 });
  });
  afterAll(() => strict?.close());

  it('429 with Retry-After once one address tries too many tokens', async () => {
    const client = browser(strict.app, { ip: '203.0.113.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push(
        (await client.post(UNSUBSCRIBE, { token: `guess-${i}-${'y'.repeat(20)}`, kind: 'offer_received' }))
          .status,
      );
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    const last = await client.post(UNSUBSCRIBE, { token: 'z'.repeat(32), kind: 'offer_received' });
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held up.
    expect(
      (
        await browser(strict.app, { ip: '203.0.113.10' }).post(UNSUBSCRIBE, {
          token: 'z'.repeat(32),
          kind: 'offer_received',
        })
      ).status,
    ).toBe(404);
  });
});
