import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { browser, type TestResponse } from '../test/client.ts';
import { buildOffer } from '../test/factories/offers.ts';
import { buildBusiness, PASSWORD, uniqueEmail } from '../test/factories/users.ts';

const REGISTER = '/api/v1/auth/register';
const LOGIN = '/api/v1/auth/login';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

function expectError(res: TestResponse, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.body.error).toMatchObject({ code, message: expect.any(String) });
  expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('request bodies', () => {
  it('actions that take no body refuse one with fields, and nothing happens', async () => {
    const { owner, campaign, influencer, offer } = await buildOffer(t.app);
    const withdraw = await influencer.client.post(`/api/v1/offers/${offer.id}/withdraw`, { reason: 'bye' });
    expectError(withdraw, 400, 'VALIDATION_FAILED');
    expect(withdraw.body.error?.details?.fields?.map((f) => f.path)).toEqual(['']);
    const pause = await owner.client.post(`/api/v1/campaigns/${campaign.id}/pause`, { foo: 1 });
    expectError(pause, 400, 'VALIDATION_FAILED');
    const logout = await owner.client.post('/api/v1/auth/logout', { foo: 1 });
    expectError(logout, 400, 'VALIDATION_FAILED');

    // Nothing changed: the offer is still pending, the campaign published, the owner signed in.
    const still = await influencer.client.get<{ offer: { status: string } }>(`/api/v1/offers/${offer.id}`);
    expect(still.body.offer.status).toBe('pending');
    const mine = await owner.client.get<{ campaign: { status: string } }>(`/api/v1/campaigns/${campaign.id}`);
    expect(mine.body.campaign.status).toBe('published');
    // Without a body, or with `{}`, the same actions work.
    expect((await influencer.client.post(`/api/v1/offers/${offer.id}/withdraw`, {})).status).toBe(200);
    expect((await owner.client.post(`/api/v1/campaigns/${campaign.id}/pause`)).status).toBe(200);
  });

  it('415 for a body that is not JSON', async () => {
    const client = browser(t.app);
    const plain = await client.post(LOGIN, undefined, {
      raw: 'email=a@b.c&password=x',
      headers: { 'content-type': 'text/plain' },
    });
    expectError(plain, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(plain.body.error?.message).toBe('Send the request as JSON.');

    const form = await client.post(LOGIN, undefined, {
      raw: 'email=a@b.c&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('tells a missing field from one of the wrong type, without echoing the value back', async () => {
    const res = await browser(t.app).post(REGISTER, { email: 12345, role: 'business', name: 'Acme' });
    expectError(res, 400, 'VALIDATION_FAILED');
    const fields = res.body.error?.details?.fields as { path: string; message: string }[];
    expect(fields).toContainEqual(
      expect.objectContaining({ path: 'email', message: 'This value has the wrong type.' }),
    );
    expect(fields).toContainEqual(
      expect.objectContaining({ path: 'password', message: 'This field is required.' }),
    );
    expect(res.text).not.toContain('12345');
  });

  it('413 for a 3 MB JSON body', async () => {
    const res = await browser(t.app).post(REGISTER, {
      email: uniqueEmail(),
      password: PASSWORD,
      role: 'business',
      name: 'x'.repeat(3 * 1024 * 1024),
    });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('400 for malformed JSON, and for an empty JSON body', async () => {
    const client = browser(t.app);
    const broken = await client.post(LOGIN, undefined, {
      raw: '{"email": "a@b.c", "password": ',
      headers: { 'content-type': 'application/json' },
    });
    expectError(broken, 400, 'MALFORMED_JSON');
    expect(broken.body.error?.message).toBe('The request body is not valid JSON.');

    const empty = await client.post(LOGIN, undefined, {
      raw: '',
      headers: { 'content-type': 'application/json' },
    });
    expectError(empty, 400, 'MALFORMED_JSON');
  });

  it('400 (never 500) for a NUL character, in a value or in a key', async () => {
    const client = browser(t.app);
    const inName = await client.post(REGISTER, {
      email: uniqueEmail(),
      password: PASSWORD,
      role: 'business',
      name: 'Tatra\u0000Coffee',
    });
    expectError(inName, 400, 'VALIDATION_FAILED');
    expect(inName.body.error?.details?.fields).toEqual([
      expect.objectContaining({ code: 'nul_character', message: expect.stringContaining('NUL') }),
    ]);

    const inLogin = await client.post(LOGIN, { email: 'a\u0000@b.c', password: 'x\u0000' });
    expectError(inLogin, 400, 'VALIDATION_FAILED');

    const inKey = await client.post(LOGIN, { 'email\u0000': 'a@b.c', password: 'x' });
    expectError(inKey, 400, 'VALIDATION_FAILED');

    const { client: signedIn } = await buildBusiness(t.app);
    const inPatch = await signedIn.patch('/api/v1/auth/me', { name: '\u0000' });
    expectError(inPatch, 400, 'VALIDATION_FAILED');
  });

  it('4xx (never 500) for absurdly deep nesting', async () => {
    const client = browser(t.app);
    const send = (raw: string) =>
      client.post(LOGIN, undefined, { raw, headers: { 'content-type': 'application/json' } });

    const unclosed = await send('['.repeat(100_000));
    expectError(unclosed, 400, 'MALFORMED_JSON');

    const arrays = await send(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expectError(arrays, 400, 'VALIDATION_FAILED');
    expect(arrays.body.error?.details?.fields).toEqual([expect.objectContaining({ code: 'too_deep' })]);

    const objects = await send(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`);
    expectError(objects, 400, 'VALIDATION_FAILED');

    // The app is still fine afterwards.
    expect((await client.get('/health/live')).status).toBe(200);
  });

  it('a body that is JSON but not an object gets a field-level 400', async () => {
    const res = await browser(t.app).post(LOGIN, ['a@b.c', 'password']);
    expectError(res, 400, 'VALIDATION_FAILED');
  });
});
