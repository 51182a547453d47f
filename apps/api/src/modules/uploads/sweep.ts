import { and, inArray, lt, notExists, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { uploadLinks, uploads } from '../../db/schema.ts';
import type { HousekeepingTask } from '../../lib/housekeeping.ts';
import { isTemporaryKey, isUploadFileKey, type Storage } from '../../lib/storage.ts';

/** How long an upload may wait for the form that attaches it (counted from the upload). After that,
 * an upload nothing links to — never attached, or detached by a replaced avatar, cover, logo or a
 * removed item — is deleted with its files. */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
const BATCH = 100;
const MAX_ROUNDS = 100;

export interface SweepContext {
  db: Db;
  storage: Storage;
  log: Pick<FastifyBaseLogger, 'error' | 'info'>;
}

const noLink = () =>
  notExists(sql`(select 1 from ${uploadLinks} where ${uploadLinks.uploadId} = ${uploads.id})`);

/** Deletes orphaned uploads older than the grace period, batch by batch, and returns how many.
 *
 * Each batch is one transaction: claim old unlinked rows `FOR UPDATE SKIP LOCKED` (several processes
 * share the work; a row an attaching request holds is skipped), then delete them `WHERE NOT EXISTS`
 * a link in a second statement, whose fresh snapshot sees any link committed before our lock. An
 * attach that comes later waits for our lock (its foreign-key check, and `linkUploads`' own
 * `FOR KEY SHARE`) and then finds the upload gone: a 400, never a link to a deleted upload. Files go
 * after the commit; a missing file is fine, a failed removal is logged with its key. */
export async function sweepOrphanUploads(
  ctx: SweepContext,
  opts: { graceMs?: number; batchSize?: number; signal?: AbortSignal } = {},
): Promise<number> {
  const graceSeconds = (opts.graceMs ?? ORPHAN_GRACE_MS) / 1000;
  const batchSize = opts.batchSize ?? BATCH;
  let removed = 0;
  for (let round = 0; round < MAX_ROUNDS && !opts.signal?.aborted; round++) {
    const { claimed, gone } = await ctx.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: uploads.id })
        .from(uploads)
        .where(and(lt(uploads.createdAt, sql`now() - make_interval(secs => ${graceSeconds})`), noLink()))
        .orderBy(uploads.createdAt)
        .limit(batchSize)
        .for('update', { of: uploads, skipLocked: true });
      if (due.length === 0) return { claimed: 0, gone: [] };
      const rows = await tx
        .delete(uploads)
        .where(
          and(
            inArray(
              uploads.id,
              due.map((r) => r.id),
            ),
            noLink(),
          ),
        )
        .returning({ id: uploads.id, storageKey: uploads.storageKey, thumbKey: uploads.thumbKey });
      return { claimed: due.length, gone: rows };
    });
    await removeFiles(ctx, gone);
    removed += gone.length;
    if (claimed < batchSize) break;
  }
  return removed;
}

async function removeFiles(
  ctx: SweepContext,
  rows: readonly { id: string; storageKey: string; thumbKey: string }[],
) {
  for (const row of rows) {
    for (const key of [row.storageKey, row.thumbKey]) {
      try {
        await ctx.storage.remove(key);
      } catch (err) {
        // The row is gone: this line is what is left to find the file by.
        ctx.log.error({ err, uploadId: row.id, key }, 'orphaned upload file not removed');
      }
    }
  }
}

/** How old a file without a row must be before it counts as stray: longer than any upload request
 * takes between writing its files and committing its row. */
export const STRAY_GRACE_MS = 10 * 60 * 1000;

/** A sweep that finds more stray files than this, and more strays than files with a row, removes
 * none of them: such a storage belongs to another database (a new DATABASE_URL started with the old
 * DATA_DIR or bucket, before `npm run data:import`), and deleting would lose every image. */
export const STRAY_ALARM_MIN = 20;

/** Removes stored files no upload row names — what a process killed between writing an upload's
 * files and committing its row (or mid-write: a `.tmp-…` file) leaves behind — once older than the
 * grace period, and returns how many. Runs at boot and with the hourly sweep. Refuses (logs an error,
 * removes only half-written temporaries) when the strays outnumber the files with a row, see
 * STRAY_ALARM_MIN. */
export async function sweepStrayFiles(
  ctx: SweepContext,
  opts: { graceMs?: number; signal?: AbortSignal } = {},
): Promise<number> {
  if (!ctx.storage.list) return 0;
  const before = Date.now() - (opts.graceMs ?? STRAY_GRACE_MS);
  // Only what BeXtr itself writes: a bucket or directory may hold other files (a bucket shared
  // without S3_PREFIX), and a file no upload row names is a stray only if it is one of ours. The
  // drivers list nothing else; checked again here, since deleting is what cannot be undone.
  const listed = (await ctx.storage.list()).filter((f) => isUploadFileKey(f.key) || isTemporaryKey(f.key));
  // A file's upload id is its key up to the first dot (`<id>.webp`, `<id>.thumb.webp`).
  const old = listed
    .filter((f) => f.modifiedAt.getTime() < before)
    .map((f) => ({ key: f.key, id: f.key.split('.')[0] ?? '' }));
  // First find the strays (one query per 500 files), then decide, then remove.
  const strays: string[] = [];
  for (let i = 0; i < old.length && !opts.signal?.aborted; i += 500) {
    const batch = old.slice(i, i + 500);
    const ids = [...new Set(batch.map((f) => f.id).filter(Boolean))];
    const known = ids.length
      ? await ctx.db.select({ id: uploads.id }).from(uploads).where(inArray(uploads.id, ids))
      : [];
    const kept = new Set(known.map((r) => r.id));
    for (const file of batch) if (!kept.has(file.id)) strays.push(file.key);
  }
  // Stopped mid-way: the counts below would be of part of the files (the next sweep goes on).
  if (opts.signal?.aborted) return 0;
  const strayFiles = strays.filter((key) => !isTemporaryKey(key)).length;
  const filesWithRow = listed.filter((f) => !isTemporaryKey(f.key)).length - strayFiles;
  let remove = strays;
  if (strayFiles > STRAY_ALARM_MIN && strayFiles > filesWithRow) {
    ctx.log.error(
      { strayFiles, filesWithRow },
      "most stored upload files have no upload row: the storage looks like another database's " +
        '(DATA_DIR or S3 bucket reused with a new DATABASE_URL?). Not removing them; import the data ' +
        '(npm run data:import) or give this database its own storage (docs/OPERATIONS.md)',
    );
    remove = strays.filter(isTemporaryKey);
  }
  let removed = 0;
  // Stopping when the process stops (the next sweep goes on).
  for (const key of remove) {
    if (opts.signal?.aborted) break;
    try {
      await ctx.storage.remove(key);
      removed += 1;
    } catch (err) {
      ctx.log.error({ err, key }, 'stray upload file not removed');
    }
  }
  return removed;
}

/** The sweep as a housekeeping task (`lib/housekeeping.ts` runs it hourly). */
export function uploadSweepTask(ctx: SweepContext): HousekeepingTask {
  return {
    name: 'upload sweep',
    async run(signal) {
      const removed = await sweepOrphanUploads(ctx, { signal });
      if (removed > 0) ctx.log.info({ removed }, 'orphaned uploads removed');
      const stray = await sweepStrayFiles(ctx, { signal });
      if (stray > 0) ctx.log.info({ removed: stray }, 'stray upload files removed');
    },
  };
}
