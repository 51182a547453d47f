import { inArray, lt, or } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { emailTokens, sessions } from '../../db/schema.ts';
import type { HousekeepingTask } from '../../lib/housekeeping.ts';

/** How long a dead row is kept: a session past its expiry, an e-mail token after it was used or
 * expired. Neither works any more; the day only keeps a request in flight from losing its row. */
export const AUTH_ROW_GRACE_MS = 24 * 60 * 60 * 1000;
const BATCH = 500;
const MAX_ROUNDS = 200;

export interface AuthSweepOptions {
  graceMs?: number;
  batchSize?: number;
  signal?: AbortSignal;
}

/** Deletes sessions expired longer than the grace period, and e-mail tokens used or expired that
 * long ago; returns how many of each.
 *
 * Each batch is one short statement (`DELETE … WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP
 * LOCKED)`), so a large backlog never holds many locks for long, and processes sweeping at the same
 * time share the work instead of waiting on each other. A run stops after `MAX_ROUNDS` batches per
 * table (the rest waits for the next run) or when `signal` aborts. */
export async function sweepExpiredAuthRows(
  db: Db,
  now: Date = new Date(),
  opts: AuthSweepOptions = {},
): Promise<{ sessions: number; emailTokens: number }> {
  const cutoff = new Date(now.getTime() - (opts.graceMs ?? AUTH_ROW_GRACE_MS));
  const batchSize = opts.batchSize ?? BATCH;

  const expiredSessions = () =>
    db
      .delete(sessions)
      .where(
        inArray(
          sessions.id,
          db
            .select({ id: sessions.id })
            .from(sessions)
            .where(lt(sessions.expiresAt, cutoff))
            .limit(batchSize)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning({ id: sessions.id });

  const deadTokens = () =>
    db
      .delete(emailTokens)
      .where(
        inArray(
          emailTokens.id,
          db
            .select({ id: emailTokens.id })
            .from(emailTokens)
            // A null `used_at` (never used) fails the comparison: only its expiry counts then.
            .where(or(lt(emailTokens.expiresAt, cutoff), lt(emailTokens.usedAt, cutoff)))
            .limit(batchSize)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning({ id: emailTokens.id });

  return {
    sessions: await inBatches(expiredSessions, batchSize, opts.signal),
    emailTokens: await inBatches(deadTokens, batchSize, opts.signal),
  };
}

async function inBatches(
  deleteBatch: () => Promise<unknown[]>,
  batchSize: number,
  signal: AbortSignal | undefined,
): Promise<number> {
  let removed = 0;
  for (let round = 0; round < MAX_ROUNDS && !signal?.aborted; round++) {
    const rows = await deleteBatch();
    removed += rows.length;
    if (rows.length < batchSize) break;
  }
  return removed;
}

/** The sweep as a housekeeping task (`lib/housekeeping.ts` runs it hourly). */
export function authCleanupTask(ctx: { db: Db; log: Pick<FastifyBaseLogger, 'info'> }): HousekeepingTask {
  return {
    name: 'auth cleanup',
    async run(signal) {
      const removed = await sweepExpiredAuthRows(ctx.db, new Date(), { signal });
      if (removed.sessions + removed.emailTokens > 0)
        ctx.log.info(removed, 'expired sessions and e-mail tokens removed');
    },
  };
}
