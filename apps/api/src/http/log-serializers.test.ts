import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { buildUser } from '../test/factories/users.ts';
import { logSerializers, redactUrl } from './log-serializers.ts';

describe('what the logs say', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(() => t?.close());

  it('hides the values of token-like query parameters, keeps the rest of the address', () => {
    expect(redactUrl('/reset-password?token=abc123&lang=sk')).toBe(
      '/reset-password?token=[redacted]&lang=sk',
    );
    expect(redactUrl('/api/v1/notification-preferences/unsubscribe?kind=offer_received&token=u1.sig')).toBe(
      '/api/v1/notification-preferences/unsubscribe?kind=offer_received&token=[redacted]',
    );
    expect(redactUrl('/x?resetToken=1&api%5Fkey=2&Password=3&page=4')).toBe(
      '/x?resetToken=[redacted]&api%5Fkey=[redacted]&Password=[redacted]&page=4',
    );
    expect(redactUrl('/api/v1/campaigns/42')).toBe('/api/v1/campaigns/42');
  });

  it('a failed query is logged with its SQL and the database error, never its bound values', async () => {
    const taken = await buildUser(t.app);
    const secretHash = '$argon2id$v=19$m=19456,t=2,p=1$do-not-log-me';
    const err = await t.ctx.db
      .insert(users)
      .values({ email: taken.email.toUpperCase(), passwordHash: secretHash, role: 'business', name: 'Copy' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(Error);
    // Unscrubbed, the message names the values (the reason for the serializer).
    expect((err as Error).message).toContain(secretHash);
    const logged = JSON.stringify(logSerializers.err(err));
    expect(logged).not.toContain(secretHash);
    expect(logged).not.toContain(taken.email.toUpperCase());
    expect(logged).toContain('insert into \\"users\\"');
    expect(logged).toContain('23505');
  });
});
