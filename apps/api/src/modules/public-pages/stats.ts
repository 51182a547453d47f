import type { PublicStats } from '@bextr/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaigns, users } from '../../db/schema.ts';

const count = sql<number>`count(*)::int`;

/** The live figures of the landing page: published campaigns of active businesses, active influencers. */
export async function countPublicStats(db: Db): Promise<PublicStats> {
  const [[influencers], [published]] = await Promise.all([
    db
      .select({ n: count })
      .from(users)
      .where(and(eq(users.role, 'influencer'), eq(users.status, 'active'))),
    db
      .select({ n: count })
      .from(campaigns)
      .innerJoin(users, eq(users.id, campaigns.ownerId))
      .where(and(eq(campaigns.status, 'published'), eq(users.status, 'active'))),
  ]);
  return { influencers: Number(influencers?.n ?? 0), publishedCampaigns: Number(published?.n ?? 0) };
}

/** How long a process keeps the figures: every visit to `/` showed them, and at marketplace scale
 * (100k campaigns, 50k influencers) the two counts cost a few hundred ms of the database's time —
 * for anyone, signed in or not, as often as they liked. A figure a minute old is still true enough. */
export const PUBLIC_STATS_MAX_AGE_MS = 60_000;

/** The figures, counted at most once per `maxAgeMs` in this process; callers that arrive while a
 * count runs share it. A failed count is not kept: the next caller counts again. */
export function publicStatsReader(
  db: Db,
  opts: { maxAgeMs?: number; now?: () => number } = {},
): () => Promise<PublicStats> {
  const maxAgeMs = opts.maxAgeMs ?? PUBLIC_STATS_MAX_AGE_MS;
  const now = opts.now ?? Date.now;
  let kept: { at: number; stats: PublicStats } | null = null;
  let counting: Promise<PublicStats> | null = null;
  return () => {
    if (kept && now() - kept.at < maxAgeMs) return Promise.resolve(kept.stats);
    counting ??= countPublicStats(db)
      .then((stats) => {
        kept = { at: now(), stats };
        return stats;
      })
      .finally(() => {
        counting = null;
      });
    return counting;
  };
}
