import { influencerBasicsSchema, normalizeSearchText, tierForFollowers } from '@bextr/contracts';
import { eq, type Placeholder, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  type AudienceRow,
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

/** The profile fields a ready profile's basics are judged on. */
type BasicsFields = Pick<
  InfluencerProfileRow,
  'displayName' | 'handle' | 'bio' | 'categories' | 'country' | 'city' | 'languages'
>;

export function hasBasics(row: BasicsFields): boolean {
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

/** The parts of a ready profile kept in other tables, counted as fields of a select, so they come in
 * the round trip of whatever else it reads. */
const partCounts = (userId: string | Placeholder) => ({
  accounts: sql<number>`(select count(*)::int from ${socialAccounts} where ${socialAccounts.userId} = ${userId})`,
  portfolio: sql<number>`(select count(*)::int from ${portfolioItems} where ${portfolioItems.userId} = ${userId})`,
  insights: sql<number>`(select count(*)::int from ${insights} where ${insights.userId} = ${userId} and cardinality(${insights.uploadIds}) > 0)`,
});

type PartCounts = { accounts: number; portfolio: number; insights: number };

function partsOf(row: BasicsFields & Pick<InfluencerProfileRow, 'audience'>, counts: PartCounts | undefined) {
  return {
    basics: hasBasics(row),
    socialAccounts: counts?.accounts ?? 0,
    audience: row.audience !== null,
    portfolio: counts?.portfolio ?? 0,
    insightsWithScreenshots: counts?.insights ?? 0,
  } satisfies ProfileParts;
}

export async function profileParts(db: Db | Tx, row: InfluencerProfileRow): Promise<ProfileParts> {
  const [counts] = await db.select(partCounts(row.userId)).from(sql`(select 1) as one`);
  return partsOf(row, counts);
}

/** Fields of a select over `influencer_profiles` (left-joined on the user, so a missing profile is a
 * null `profile`) that tell how ready the user's profile is: for a read that has other work to do in
 * the same round trip. `readinessOf` turns them into the parts and the audience. */
export const readinessFields = (userId: string | Placeholder) => ({
  profile: {
    userId: influencerProfiles.userId,
    displayName: influencerProfiles.displayName,
    handle: influencerProfiles.handle,
    bio: influencerProfiles.bio,
    categories: influencerProfiles.categories,
    country: influencerProfiles.country,
    city: influencerProfiles.city,
    languages: influencerProfiles.languages,
    audience: influencerProfiles.audience,
  },
  ...partCounts(userId),
});

/** The parts of a ready profile and its audience, from `readinessFields`; without a profile nothing is
 * there (whatever else the user has). */
export function readinessOf(
  row: { profile: (BasicsFields & Pick<InfluencerProfileRow, 'audience'>) | null } & PartCounts,
): { parts: ProfileParts; audience: AudienceRow | null } {
  if (!row.profile)
    return {
      parts: { basics: false, socialAccounts: 0, audience: false, portfolio: 0, insightsWithScreenshots: 0 },
      audience: null,
    };
  return { parts: partsOf(row.profile, row), audience: row.profile.audience };
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
