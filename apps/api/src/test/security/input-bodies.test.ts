import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../app.ts';
import { browser, type TestClient, type TestResponse } from '../client.ts';
import { PASSWORD, uniqueEmail } from '../factories/users.ts';
import {
  buildWorld,
  createInputApp,
  expectErrorShape,
  fillUrl,
  ROUTE_SAMPLES,
  routeKey,
  type World,
} from './input-world.ts';

// Issue #10, hostile bodies: too big, too deep, wrong types, wrong shapes, poisoned keys, wrong
// content types, empty and broken JSON. The API answers a 4xx with the error shape every time, never
// a 5xx, and keeps answering afterwards.

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createInputApp();
  w = await buildWorld(t);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const LOGIN = '/api/v1/auth/login';
const REGISTER = '/api/v1/auth/register';
const raw = (client: TestClient, url: string, payload: string | Buffer, type = 'application/json') =>
  client.post(url, undefined, { raw: payload, headers: { 'content-type': type } });

function expect4xx(res: TestResponse, label: string, status?: number) {
  expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
  if (status) expect(res.status, label).toBe(status);
  expectErrorShape(res, label);
}

async function stillAnswers() {
  expect((await browser(t.app).get('/health/live')).status).toBe(200);
  expect((await w.clients.influencer.get('/api/v1/auth/me')).status).toBe(200);
}

describe('bodies that are too big or too deep', () => {
  it('a body over 1 MB is 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ email: 'a@b.eu', password: 'x'.repeat(1_100_000) });
    const res = await raw(browser(t.app), LOGIN, big);
    expect4xx(res, 'huge body', 413);
    expect(res.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    await stillAnswers();
  });

  it('JSON nested 10 000 and 100 000 levels deep is a fast 400, and the app lives on', async () => {
    for (const depth of [10_000, 100_000]) {
      for (const [open, close] of [
        ['[', ']'],
        ['{"a":', '}'],
      ] as const) {
        const started = Date.now();
        const res = await raw(
          w.clients.business,
          '/api/v1/business-profile',
          open.repeat(depth) + close.repeat(depth),
        );
        expect4xx(res, `nested ${open} × ${depth}`, 400);
        expect(Date.now() - started).toBeLessThan(5_000);
      }
    }
    await stillAnswers();
  });
});

describe('bodies of the wrong shape', () => {
  const WRONG: unknown[] = [{}, [], 12345, -1.5, true, 'text', null, { nested: { deep: [1] } }];

  it('every field of every route given every other JSON type: never a 5xx', async () => {
    let tried = 0;
    for (const route of t.app.registeredRoutes.filter((r) => r.schema?.body)) {
      const sample = ROUTE_SAMPLES[routeKey(route)];
      if (!sample) throw new Error(`no sample for ${routeKey(route)}`);
      const body = (sample.body?.(w) ?? {}) as Record<string, unknown>;
      const url = fillUrl(route.url, sample.params?.(w), sample.query?.(w));
      const client = w.clients[sample.actor];
      for (const field of Object.keys(body)) {
        for (const value of WRONG) {
          if (typeof value === typeof body[field] && Array.isArray(value) === Array.isArray(body[field]))
            continue;
          tried += 1;
          const res = await client.request(route.method as 'POST', url, { ...body, [field]: value });
          const label = `${routeKey(route)} ${field}=${JSON.stringify(value)}`;
          expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expectErrorShape(res, label);
        }
      }
      // The whole body replaced by an array, a string, a number.
      for (const whole of [[body], 'body', 42]) {
        tried += 1;
        const res = await client.request(route.method as 'POST', url, whole);
        expect4xx(res, `${routeKey(route)} body=${JSON.stringify(whole).slice(0, 40)}`, 400);
      }
    }
    console.info(`wrong types: ${tried} bodies with a field (or the whole body) of the wrong JSON type`);
    expect(tried).toBeGreaterThan(500);
    await stillAnswers();
  }, 180_000);

  it('__proto__ and constructor.prototype keys are refused at any depth', async () => {
    const client = browser(t.app);
    const bodies = [
      '{"email":"a@b.eu","password":"x","__proto__":{"isAdmin":true}}',
      '{"email":"a@b.eu","password":"x","constructor":{"prototype":{"isAdmin":true}}}',
      '{"changes":{"__proto__":{"priceAmount":1}}}',
    ];
    for (const body of bodies) expect4xx(await raw(client, LOGIN, body), body, 400);
    const nested = await raw(
      w.clients.business,
      `/api/v1/collaborations/${w.active.id}/amendments`,
      '{"changes":{"priceAmount":15000,"__proto__":{"status":"completed"}}}',
    );
    expect4xx(nested, 'nested __proto__', 400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a duplicate key cannot smuggle a second value past validation', async () => {
    const res = await raw(
      browser(t.app),
      REGISTER,
      `{"email":"${uniqueEmail('dup')}","password":"${PASSWORD}","name":"Dup","role":"influencer","role":"admin"}`,
    );
    expect4xx(res, 'duplicate role', 400);
    const login = await raw(browser(t.app), LOGIN, '{"email":"x@y.eu","email":"z@y.eu","password":"x"}');
    expect4xx(login, 'duplicate e-mail', 401);
  });

  it('a lone surrogate (half an emoji) is a 400 naming the problem, in a value or a key', async () => {
    const client = browser(t.app);
    const inValue = await client.post(REGISTER, {
      email: uniqueEmail('half'),
      password: PASSWORD,
      role: 'business',
      name: 'Half \uD83D emoji',
    });
    expect4xx(inValue, 'lone surrogate in a value', 400);
    expect(inValue.body.error?.details?.fields?.[0]?.code).toBe('lone_surrogate');
    const inKey = await raw(client, LOGIN, '{"email":"a@b.eu","password":"x","\\udc00":1}');
    expect4xx(inKey, 'lone surrogate in a key', 400);
    expect(inKey.body.error?.details?.fields?.[0]?.code).toBe('lone_surrogate');
    // A whole pair is a character like any other.
    const whole = await w.clients.influencer.patch('/api/v1/auth/me', { name: 'Whole 🙂 emoji' });
    expect(whole.status).toBe(200);
  });
});

describe('bodies that are not JSON', () => {
  it('other content types are 415', async () => {
    const client = w.clients.business;
    const url = '/api/v1/business-profile';
    const types = [
      ['text/plain', 'companyName=x'],
      ['application/x-www-form-urlencoded', 'companyName=x'],
      ['application/xml', '<profile><companyName>x</companyName></profile>'],
      [
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--\r\n',
      ],
      ['application/octet-stream', Buffer.from([0, 1, 2, 3])],
      ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ] as const;
    for (const [type, payload] of types) {
      const res = await client.put(url, undefined, { raw: payload, headers: { 'content-type': type } });
      expect4xx(res, type, 415);
      expect(res.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    await stillAnswers();
  });

  it('empty, truncated and invalid JSON is 400 MALFORMED_JSON', async () => {
    const client = browser(t.app);
    const broken = [
      '',
      ' ',
      '{',
      '{"email":}',
      'nul',
      "{'email':'a'}",
      '{"a":1,}',
      '[1,2',
      '"unterminated',
      '\uFEFF{}',
    ];
    for (const body of broken) {
      const res = await raw(client, LOGIN, body);
      expect4xx(res, `invalid JSON ${JSON.stringify(body)}`, 400);
    }
    // Invalid UTF-8 bytes inside a JSON string are decoded (as U+FFFD), never a crash.
    const bytes = Buffer.concat([
      Buffer.from('{"email":"a'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('@b.eu","password":"x"}'),
    ]);
    expect4xx(await raw(client, LOGIN, bytes), 'invalid UTF-8', 401);
    await stillAnswers();
  });

  it('a JSON route called with no body at all answers 4xx, never 5xx', async () => {
    let tried = 0;
    for (const route of t.app.registeredRoutes.filter((r) => r.schema?.body)) {
      const sample = ROUTE_SAMPLES[routeKey(route)];
      if (!sample) continue;
      const url = fillUrl(route.url, sample.params?.(w), sample.query?.(w));
      const res = await w.clients[sample.actor].request(route.method as 'POST', url);
      tried += 1;
      expect(res.status, `${routeKey(route)} without a body: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      if (res.status >= 400) expectErrorShape(res, `${routeKey(route)} without a body`);
    }
    expect(tried).toBeGreaterThan(60);
    await stillAnswers();
  });
});
