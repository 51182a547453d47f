import { influencerBasicsSchema, normalizeSearchText, tierForFollowers } from '@bextr/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  type InfluencerProfileRow,
  influencerProfiles,
  insights,
  portfolioItems,
  socialAccounts,
} from '../../db/schema.ts';
import { missingParts, type ProfileParts } from './policy.ts';

/** The profile row, created empty on first use, locked for the rest of the transaction so that
 * concurrent edits of one profile queue and the derived columns stay in step. */
export async function lockProfile(tx: Tx, userId: string): Promise<InfluencerProfileRow> {
  await tx.insert(influencerProfiles).values({ userId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(influencerProfiles)
    .where(eq(influencerProfiles.userId, userId))
    .for('update');
  if (!row) throw new Error('influencer profile vanished');
  return row;
}

export function hasBasics(row: InfluencerProfileRow): boolean {
  return influencerBasicsSchema.safeParse({
    displayName: row.displayName ?? undefined,
    handle: row.handle ?? undefined,
    bio: row.bio ?? undefined,
    categories: row.categories,
    country: row.country ?? undefined,
    city: row.city ?? undefined,
    languages: row.languages,
  }).success;
}

export async function profileParts(db: Db | Tx, row: InfluencerProfileRow): Promise<ProfileParts> {
  const [counts] = await db
    .select({
      accounts: sql<number>`(select count(*)::int from ${socialAccounts} where ${socialAccounts.userId} = ${row.userId})`,
      portfolio: sql<number>`(select count(*)::int from ${portfolioItems} where ${portfolioItems.userId} = ${row.userId})`,
      insights: sql<number>`(select count(*)::int from ${insights} where ${insights.userId} = ${row.userId} and cardinality(${insights.uploadIds}) > 0)`,
    })
    .from(sql`(select 1) as one`);
  return {
    basics: hasBasics(row),
    socialAccounts: counts?.accounts ?? 0,
    audience: row.audience !== null,
    portfolio: counts?.portfolio ?? 0,
    insightsWithScreenshots: counts?.insights ?? 0,
  };
}

/** Recomputes what is derived from the profile and its social accounts: tier (from the largest
 * following), totals, networks, the search text, and whether every part of a ready profile is there. */
export async function refreshProfileFacts(tx: Tx, userId: string) {
  const [row] = await tx.select().from(influencerProfiles).where(eq(influencerProfiles.userId, userId));
  if (!row) return;
  const accounts = await tx.select().from(socialAccounts).where(eq(socialAccounts.userId, userId));
  const largest = accounts.reduce<(typeof accounts)[number] | null>(
    (best, a) => (!best || a.followers > best.followers ? a : best),
    null,
  );
  const parts = await profileParts(tx, row);
  await tx
    .update(influencerProfiles)
    .set({
      tier: largest ? tierForFollowers(largest.followers) : null,
      followers: largest?.followers ?? 0,
      totalFollowers: accounts.reduce((sum, a) => sum + a.followers, 0),
      engagementRate: largest?.engagementRate ?? 0,
      networks: [...new Set(accounts.map((a) => a.network))].sort(),
      audienceCountries: row.audience?.countries.map((c) => c.country) ?? [],
      listed: missingParts(parts, true).length === 0,
      searchText: normalizeSearchText(
        [row.displayName, row.handle, row.bio, ...accounts.map((a) => a.handle)].filter(Boolean).join('\n'),
      ),
      updatedAt: new Date(),
    })
    .where(eq(influencerProfiles.userId, userId));
}
