import { lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimits } from '../db/schema.ts';
import { rateLimited } from '../http/errors.ts';
import type { HousekeepingTask } from './housekeeping.ts';

export interface LimitRule {
  /** Attempts allowed per window before RATE_LIMIT_SCALE is applied. */
  max: number;
  windowSeconds: number;
}

/** Fixed-window counters in PostgreSQL, shared by every process on the database (decision 019):
 * three processes behind a load balancer allow an attacker the same 10 guesses as one. */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly scale: number,
  ) {}

  /** Counts one attempt for each key; throws 429 with Retry-After when any is over its limit.
   * One statement for all keys: an upsert that starts a new window where the old one ended, and
   * otherwise adds one. Row locks make concurrent hits on a key count one after another; keys are
   * locked in sorted order, so two hits sharing keys cannot deadlock. The clock is the database's,
   * so processes on different machines agree on when a window ends. */
  async hit(rule: LimitRule, ...keys: string[]): Promise<void> {
    const max = Math.max(1, Math.floor(rule.max * this.scale));
    const unique = [...new Set(keys)].sort();
    if (unique.length === 0) return;
    const newWindowEnd = sql`now() + make_interval(secs => ${rule.windowSeconds})`;
    const rows = await this.db
      .insert(rateLimits)
      .values(unique.map((key) => ({ key, count: 1, resetAt: newWindowEnd })))
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${rateLimits.resetAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
          resetAt: sql`case when ${rateLimits.resetAt} <= now() then excluded.reset_at else ${rateLimits.resetAt} end`,
        },
      })
      .returning({
        count: rateLimits.count,
        retryAfter: sql<number>`ceil(extract(epoch from ${rateLimits.resetAt} - now()))::int`.mapWith(Number),
      });
    let retryAfter = 0;
    for (const row of rows) if (row.count > max) retryAfter = Math.max(retryAfter, row.retryAfter, 1);
    if (retryAfter > 0) throw rateLimited(retryAfter);
  }
}

/** Rows per prune statement: short statements, so sign-ins are never held up behind a long delete. */
const PRUNE_BATCH = 5000;

/** Deletes windows that ended (they count nothing: the next hit starts afresh). Returns the rows
 * removed. Two processes pruning at once delete disjoint rows (SKIP LOCKED) or the same ones once. */
export async function pruneRateLimits(db: Db, signal?: AbortSignal): Promise<number> {
  let removed = 0;
  for (;;) {
    // The ended windows come from the index on reset_at; `= any(array(…))` then deletes them by
    // primary key. (`key in (subquery)` plans as a semi join over a scan of the whole table.)
    const due = db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(lte(rateLimits.resetAt, sql`now()`))
      .limit(PRUNE_BATCH)
      .for('update', { skipLocked: true });
    const rows = await db
      .delete(rateLimits)
      .where(sql`${rateLimits.key} = any(array(${due}))`)
      .returning({ key: rateLimits.key });
    removed += rows.length;
    if (rows.length < PRUNE_BATCH || signal?.aborted) return removed;
  }
}

/** The housekeeping task that prunes ended windows. */
export function rateLimitPruneTask(ctx: { db: Db }): HousekeepingTask {
  return { name: 'rate-limit prune', run: (signal) => pruneRateLimits(ctx.db, signal).then(() => {}) };
}

export const limits = {
  loginPerIp: { max: 30, windowSeconds: 15 * 60 },
  /** One address guessing one account is stopped soon; the owner elsewhere is not locked out… */
  loginPerAccountIp: { max: 10, windowSeconds: 15 * 60 },
  /** …until guesses from many addresses add up (a distributed attack), and then only for a while. */
  loginPerAccount: { max: 100, windowSeconds: 15 * 60 },
  /** Guesses of the current password by a signed-in session (a stolen cookie). */
  passwordChangePerUser: { max: 10, windowSeconds: 15 * 60 },
  registerPerIp: { max: 10, windowSeconds: 60 * 60 },
  resetPerIp: { max: 10, windowSeconds: 60 * 60 },
  resetPerAccount: { max: 5, windowSeconds: 60 * 60 },
  resendPerAccount: { max: 5, windowSeconds: 60 * 60 },
  /** Guesses of an admin's second factor (6 digits: a million codes, three of them good at a time). */
  secondFactorPerUser: { max: 10, windowSeconds: 15 * 60 },
  secondFactorPerIp: { max: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, LimitRule>;

/** The part of a client address a limit counts by: an IPv4 address as it is; an IPv6 address by its
 * /64 network, since one subscriber usually holds a whole /64 and can take any address inside it. */
export function addressKey(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  const network = groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
  return `${network.join(':')}::/64`;
}
