import type { FastifyBaseLogger } from 'fastify';
import { StorageUnavailableError } from '../../lib/storage.ts';
import { type SweepContext, sweepStrayFiles } from './sweep.ts';

/** The upload storage's part of a boot: check that it can be used as configured, then sweep the
 * stray files a killed process left (decision 017). Never fatal and never thrown: a bucket that is
 * away answers uploads with 503 until it is back, and the hourly housekeeping sweeps again.
 *
 * A wrong bucket, region or key is logged as an error that says what to fix, at boot rather than
 * as a 500 on someone's first upload; the sweep is then skipped (it could only fail the same way). */
export async function prepareStorageAtBoot(
  ctx: SweepContext & { log: Pick<FastifyBaseLogger, 'error' | 'info' | 'warn'> },
  opts: { signal?: AbortSignal; graceMs?: number } = {},
): Promise<void> {
  try {
    await ctx.storage.check?.();
  } catch (err) {
    if (err instanceof StorageUnavailableError)
      ctx.log.warn({ err }, 'upload storage unreachable at boot: uploads answer 503 until it is back');
    else
      ctx.log.error(
        { err },
        `${err instanceof Error ? err.message : String(err)}: uploads fail until this is fixed`,
      );
    return;
  }
  try {
    const stray = await sweepStrayFiles(ctx, opts);
    if (stray > 0) ctx.log.info({ removed: stray }, 'stray upload files removed at boot');
  } catch (err) {
    ctx.log.warn({ err }, 'stray upload files not swept at boot');
  }
}
