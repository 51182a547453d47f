import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { browser } from '../../test/client.ts';
import { buildOffer } from '../../test/factories/offers.ts';
import { buildBusiness, buildInfluencer } from '../../test/factories/users.ts';

const MAILBOX = '/api/v1/dev/mail';

describe('GET /dev/mail (development)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('lists the e-mails sent, newest first, without anyone signing in', async () => {
    const first = await buildBusiness(t.app);
    await t.ctx.outbox.drain();
    const second = await buildInfluencer(t.app);
    const res = await browser(t.app).get(MAILBOX);
    expect(res.status).toBe(200);
    const items = res.body.items ?? [];
    expect(items.map((m) => m.to)).toEqual([second.email, first.email]);
    expect(items[0]).toEqual({
      to: second.email,
      subject: 'Verify your e-mail for BeXtr',
      text: expect.stringContaining('/verify-email?token='),
      html: expect.stringContaining('<html'),
      headers: {},
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
    });
  });

  it('keeps the extra headers a notification carries, as SMTP sends them (one-click unsubscribe)', async () => {
    const { owner } = await buildOffer(t.app);
    await t.ctx.outbox.drain();
    const res = await browser(t.app).get(MAILBOX);
    const mail = (res.body.items ?? []).find((m) => m.to === owner.email && m.headers['List-Unsubscribe']);
    expect(mail?.headers['List-Unsubscribe']).toMatch(
      /^<http:\/\/.+\/notification-preferences\/unsubscribe\?/,
    );
    expect(mail?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });
});

describe('GET /dev/mail (devMailbox off, as in production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ mail: { ...testConfig().mail, devMailbox: false } });
  });
  afterAll(() => t?.close());

  it('404, and what was queued is not shown', async () => {
    await buildBusiness(t.app);
    const res = await browser(t.app).get(MAILBOX);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'We could not find what you were looking for.' },
    });
  });
});
