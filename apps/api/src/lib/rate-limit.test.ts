import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { addressKey, type LimitRule, pruneRateLimits, RateLimiter } from './rate-limit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t?.close());

let n = 0;
/** A key no other test touches (they share the database). */
const freshKey = (label: string) => `test:${label}:${++n}:${Date.now()}`;

/** What a hit ends in: 'ok', or the Retry-After seconds of its 429. */
async function outcome(limiter: RateLimiter, rule: LimitRule, ...keys: string[]): Promise<'ok' | number> {
  try {
    await limiter.hit(rule, ...keys);
    return 'ok';
  } catch (err) {
    if (err instanceof AppError && err.statusCode === 429 && err.code === 'RATE_LIMITED')
      return Number(err.headers?.['retry-after']);
    throw err;
  }
}

describe('RateLimiter (counters in the database)', () => {
  it('counts one key across limiters sharing the database, as processes do, and answers 429 with Retry-After', async () => {
    const a = new RateLimiter(t.ctx.db, 1);
    const b = new RateLimiter(t.ctx.db, 1);
    const rule = { max: 4, windowSeconds: 600 };
    const key = freshKey('shared');
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await outcome(i % 2 ? b : a, rule, key));
    expect(results.slice(0, 4)).toEqual(['ok', 'ok', 'ok', 'ok']);
    for (const retryAfter of results.slice(4)) {
      expect(retryAfter).toBeGreaterThan(590);
      expect(retryAfter).toBeLessThanOrEqual(600);
    }
  });

  it('counts every key of a hit; any key over its limit refuses the hit, other keys go on', async () => {
    const limiter = new RateLimiter(t.ctx.db, 1);
    const rule = { max: 2, windowSeconds: 600 };
    const [ip, account, other] = [freshKey('ip'), freshKey('account'), freshKey('account')];
    expect(await outcome(limiter, rule, ip, account)).toBe('ok');
    expect(await outcome(limiter, rule, ip, account)).toBe('ok');
    expect(await outcome(limiter, rule, ip, other)).not.toBe('ok');
    expect(await outcome(limiter, rule, other)).toBe('ok');
    const rows = await t.ctx.db
      .select({ key: rateLimits.key, count: rateLimits.count })
      .from(rateLimits)
      .where(sql`${rateLimits.key} in (${ip}, ${account}, ${other})`);
    expect(new Map(rows.map((r) => [r.key, r.count]))).toEqual(
      new Map([
        [ip, 3],
        [account, 2],
        [other, 2],
      ]),
    );
  });

  it('lets exactly the limit through when hits come at once', async () => {
    const limiters = [new RateLimiter(t.ctx.db, 1), new RateLimiter(t.ctx.db, 1)];
    const rule = { max: 10, windowSeconds: 600 };
    const [key, shared] = [freshKey('burst'), freshKey('burst-shared')];
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        outcome(limiters[i % 2] as RateLimiter, rule, ...(i % 2 ? [key, shared] : [shared, key])),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
  });

  it('multiplies limits by RATE_LIMIT_SCALE', async () => {
    const limiter = new RateLimiter(t.ctx.db, 2.5);
    const key = freshKey('scaled');
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await outcome(limiter, { max: 2, windowSeconds: 600 }, key));
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
  });

  it('starts a new window when the old one has ended', async () => {
    const limiter = new RateLimiter(t.ctx.db, 1);
    const rule = { max: 1, windowSeconds: 60 };
    const key = freshKey('window');
    expect(await outcome(limiter, rule, key)).toBe('ok');
    expect(await outcome(limiter, rule, key)).toBeGreaterThan(50);
    // The window ends (by the database's clock, which the limiter reads) instead of the test sleeping.
    await t.ctx.db
      .update(rateLimits)
      .set({ resetAt: sql`now() - interval '1 second'` })
      .where(sql`${rateLimits.key} = ${key}`);
    expect(await outcome(limiter, rule, key)).toBe('ok');
    // A whole new window: one hit counted, ending a minute from now.
    const retryAfter = await outcome(limiter, rule, key);
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('prunes ended windows and keeps running ones', async () => {
    const limiter = new RateLimiter(t.ctx.db, 1);
    const [ended, running] = [freshKey('ended'), freshKey('running')];
    await limiter.hit({ max: 5, windowSeconds: 600 }, running);
    await limiter.hit({ max: 5, windowSeconds: 600 }, ended);
    await t.ctx.db
      .update(rateLimits)
      .set({ resetAt: new Date(Date.now() - 1000) })
      .where(sql`${rateLimits.key} = ${ended}`);
    expect(await pruneRateLimits(t.ctx.db)).toBeGreaterThanOrEqual(1);
    const left = await t.ctx.db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(sql`${rateLimits.key} in (${ended}, ${running})`);
    expect(left.map((r) => r.key)).toEqual([running]);
  });
});

describe('addressKey', () => {
  it('counts IPv4 addresses one by one, IPv4-mapped ones as IPv4', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts IPv6 addresses by their /64, however they are written', () => {
    const key = '2001:db8:0:1::/64';
    expect(addressKey('2001:db8:0:1::1')).toBe(key);
    expect(addressKey('2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe(key);
    expect(addressKey('2001:DB8:0:1:a::b')).toBe(key);
    expect(addressKey('2001:db8::1%eth0')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('2001:db8:0:2::1')).not.toBe(key);
  });
});
