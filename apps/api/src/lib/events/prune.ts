import { inArray, lt } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { liveEvents } from '../../db/schema.ts';
import type { HousekeepingTask } from '../housekeeping.ts';

/** How long live events are kept for replay (a reconnect with Last-Event-ID): a tab asleep longer
 * than this reloads its lists instead. */
export const LIVE_EVENT_TTL_MS = 3 * 24 * 60 * 60 * 1000;
const BATCH = 1000;
const MAX_ROUNDS = 500;

/** Deletes live events older than the TTL in small batches (`DELETE … WHERE id IN (SELECT … LIMIT n
 * FOR UPDATE SKIP LOCKED)`: short statements, and processes sweeping together share the work).
 * Returns how many went. */
export async function pruneLiveEvents(
  db: Db,
  now: Date = new Date(),
  opts: { ttlMs?: number; batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const cutoff = new Date(now.getTime() - (opts.ttlMs ?? LIVE_EVENT_TTL_MS));
  const batchSize = opts.batchSize ?? BATCH;
  let removed = 0;
  for (let round = 0; round < MAX_ROUNDS && !opts.signal?.aborted; round++) {
    const rows = await db
      .delete(liveEvents)
      .where(
        inArray(
          liveEvents.id,
          db
            .select({ id: liveEvents.id })
            .from(liveEvents)
            .where(lt(liveEvents.createdAt, cutoff))
            .limit(batchSize)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning({ id: liveEvents.id });
    removed += rows.length;
    if (rows.length < batchSize) break;
  }
  return removed;
}

/** The pruning as a housekeeping task (`lib/housekeeping.ts` runs it hourly). */
export function liveEventsPruneTask(ctx: { db: Db; log: Pick<FastifyBaseLogger, 'info'> }): HousekeepingTask {
  return {
    name: 'live events prune',
    async run(signal) {
      const removed = await pruneLiveEvents(ctx.db, new Date(), { signal });
      if (removed > 0) ctx.log.info({ removed }, 'old live events removed');
    },
  };
}
