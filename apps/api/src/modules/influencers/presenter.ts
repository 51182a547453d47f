import {
  type Audience,
  type InfluencerProfile,
  type InfluencerSummary,
  type Insight,
  imageRef,
  type PortfolioItem,
  type SocialAccount,
  tierForFollowers,
} from '@bextr/contracts';
import type {
  InfluencerProfileRow,
  InsightRow,
  PortfolioItemRow,
  SocialAccountRow,
} from '../../db/schema.ts';
import type { DirectoryRow } from './directory.ts';
import { abilitiesFor, isProfileOwner, missingParts } from './policy.ts';
import type { FullProfile } from './queries.ts';

interface Actor {
  id: string;
  role: string;
}

type Network = SocialAccount['network'];
type Category = InfluencerProfile['categories'][number];

export function presentSocialAccount(row: SocialAccountRow): SocialAccount {
  return {
    id: row.id,
    network: row.network as Network,
    handle: row.handle,
    url: row.url,
    followers: row.followers,
    engagementRate: row.engagementRate,
    avgViews: row.avgViews,
    tier: tierForFollowers(row.followers),
  };
}

export function presentPortfolioItem(row: PortfolioItemRow): PortfolioItem {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    url: row.url,
    uploadIds: row.uploadIds,
    images: row.uploadIds.map(imageRef),
    brand: row.brand,
    network: row.network as Network | null,
    date: row.date,
  };
}

export function presentInsight(row: InsightRow, network: string): Insight {
  return {
    id: row.id,
    socialAccountId: row.socialAccountId,
    network: network as Network,
    asOf: row.asOf,
    periodDays: row.periodDays,
    reach: row.reach,
    impressions: row.impressions,
    engagement: row.engagement,
    uploadIds: row.uploadIds,
    screenshots: row.uploadIds.map(imageRef),
  };
}

/** The full profile: the owner also sees its completeness; nobody sees the e-mail. */
export function presentProfile(actor: Actor | null, full: FullProfile): InfluencerProfile {
  const { profile: p } = full;
  const networkOf = new Map(full.accounts.map((a) => [a.id, a.network]));
  const owner = isProfileOwner(actor, p);
  const missing = missingParts(
    {
      basics: p.listed || hasBasicsFields(p),
      socialAccounts: full.accounts.length,
      audience: p.audience !== null,
      portfolio: full.portfolio.length,
      insightsWithScreenshots: full.insights.filter((i) => i.uploadIds.length > 0).length,
    },
    full.emailVerified,
  );
  return {
    id: p.userId,
    displayName: p.displayName,
    handle: p.handle,
    bio: p.bio,
    categories: p.categories as Category[],
    country: p.country,
    city: p.city,
    languages: p.languages,
    avatarUploadId: p.avatarUploadId,
    avatar: p.avatarUploadId ? imageRef(p.avatarUploadId) : null,
    audience: (p.audience as Audience | null) ?? null,
    rateCard: p.rateCard as InfluencerProfile['rateCard'],
    isPublic: p.isPublic,
    tier: p.tier,
    followers: p.followers,
    totalFollowers: p.totalFollowers,
    engagementRate: p.engagementRate,
    networks: p.networks as Network[],
    socialAccounts: full.accounts.map(presentSocialAccount),
    portfolio: full.portfolio.map(presentPortfolioItem),
    insights: full.insights.map((i) => presentInsight(i, networkOf.get(i.socialAccountId) ?? 'blog')),
    rating: full.rating,
    ...(owner ? { completeness: { ready: missing.length === 0, missing } } : {}),
    abilities: abilitiesFor(actor, p),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function hasBasicsFields(p: InfluencerProfileRow): boolean {
  return Boolean(
    p.displayName && p.handle && p.bio && p.country && p.categories.length > 0 && p.languages.length > 0,
  );
}

/** A directory card; `rating` from the owner's counters (see reviews/rating.ts). */
export function presentSummary({ profile: p, rating }: DirectoryRow): InfluencerSummary {
  return {
    id: p.userId,
    handle: p.handle ?? '',
    displayName: p.displayName ?? '',
    bio: (p.bio ?? '').slice(0, 280),
    avatar: p.avatarUploadId ? imageRef(p.avatarUploadId) : null,
    tier: p.tier ?? 'nano',
    followers: p.followers,
    engagementRate: p.engagementRate,
    networks: p.networks as Network[],
    categories: p.categories as Category[],
    country: p.country,
    city: p.city,
    rating,
  };
}
