import type { RatingSummary } from '@bextr/contracts';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  type InfluencerProfileRow,
  influencerProfiles,
  insights,
  portfolioItems,
  socialAccounts,
  users,
} from '../../db/schema.ts';
import { ratingSummary } from '../reviews/rating.ts';
import { profileVisibleTo } from './policy.ts';

export interface FullProfile {
  profile: InfluencerProfileRow;
  emailVerified: boolean;
  accounts: (typeof socialAccounts.$inferSelect)[];
  portfolio: (typeof portfolioItems.$inferSelect)[];
  insights: (typeof insights.$inferSelect)[];
  /** The rating from businesses' reviews (users.rating_count / rating_total). */
  rating: RatingSummary;
}

/** A profile with its social accounts, portfolio and insights. */
export async function loadFullProfile(db: Db | Tx, userId: string): Promise<FullProfile | null> {
  const [found] = await db
    .select({
      profile: influencerProfiles,
      verifiedAt: users.emailVerifiedAt,
      ratingCount: users.ratingCount,
      ratingTotal: users.ratingTotal,
    })
    .from(influencerProfiles)
    .innerJoin(users, eq(users.id, influencerProfiles.userId))
    .where(eq(influencerProfiles.userId, userId));
  if (!found) return null;
  const [accounts, portfolio, insightRows] = await Promise.all([
    db
      .select()
      .from(socialAccounts)
      .where(eq(socialAccounts.userId, userId))
      .orderBy(desc(socialAccounts.followers), asc(socialAccounts.id)),
    db
      .select()
      .from(portfolioItems)
      .where(eq(portfolioItems.userId, userId))
      .orderBy(sql`${portfolioItems.date} desc nulls last`, desc(portfolioItems.createdAt)),
    db
      .select()
      .from(insights)
      .where(eq(insights.userId, userId))
      .orderBy(desc(insights.asOf), desc(insights.createdAt)),
  ]);
  return {
    profile: found.profile,
    emailVerified: found.verifiedAt !== null,
    accounts,
    portfolio,
    insights: insightRows,
    rating: ratingSummary(found),
  };
}

/** The user id behind a handle the actor may see, or null. */
export async function findVisibleProfileId(
  db: Db | Tx,
  actor: { id: string; role: string } | null,
  handle: string,
) {
  const [row] = await db
    .select({ userId: influencerProfiles.userId })
    .from(influencerProfiles)
    .innerJoin(users, eq(users.id, influencerProfiles.userId))
    .where(and(sql`lower(${influencerProfiles.handle}) = lower(${handle})`, profileVisibleTo(actor)))
    .limit(1);
  return row?.userId ?? null;
}

/** The handles of the profiles anyone may see (public, handle set, owner active): the sitemap. */
export async function listPublicHandles(db: Db | Tx, limit = 5000) {
  const rows = await db
    .select({ handle: influencerProfiles.handle })
    .from(influencerProfiles)
    .innerJoin(users, eq(users.id, influencerProfiles.userId))
    .where(profileVisibleTo(null))
    .orderBy(asc(influencerProfiles.handle))
    .limit(limit);
  return rows.flatMap((r) => (r.handle ? [r.handle] : []));
}
