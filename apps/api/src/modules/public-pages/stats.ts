import type { PublicStats } from '@bextr/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaigns, users } from '../../db/schema.ts';

const count = sql<number>`count(*)::int`;

/** The live figures of the landing page: published campaigns of active businesses, active influencers. */
export async function countPublicStats(db: Db): Promise<PublicStats> {
  const [influencers] = await db
    .select({ n: count })
    .from(users)
    .where(and(eq(users.role, 'influencer'), eq(users.status, 'active')));
  const [published] = await db
    .select({ n: count })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .where(and(eq(campaigns.status, 'published'), eq(users.status, 'active')));
  return { influencers: Number(influencers?.n ?? 0), publishedCampaigns: Number(published?.n ?? 0) };
}
