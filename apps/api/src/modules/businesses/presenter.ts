import { type BusinessProfile, type categories, uploadUrl } from '@bextr/contracts';
import type { BusinessProfileRow } from '../../db/schema.ts';
import { missingProfileFields } from './service.ts';

type Category = (typeof categories)[number];

/** The business's own view of its profile (an empty one before the first save). */
export function presentBusinessProfile(userId: string, row: BusinessProfileRow | null): BusinessProfile {
  const missing = missingProfileFields(row);
  return {
    id: userId,
    companyName: row?.companyName ?? null,
    industry: (row?.industry as Category | null | undefined) ?? null,
    description: row?.description ?? null,
    country: row?.country ?? null,
    city: row?.city ?? null,
    website: row?.website ?? null,
    logoUploadId: row?.logoUploadId ?? null,
    logoUrl: row?.logoUploadId ? uploadUrl(row.logoUploadId) : null,
    completeness: { complete: missing.length === 0, missing },
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/** What any signed-in user may see of a business. Reviews arrive with collaborations (#7). */
export function presentPublicBusiness(row: BusinessProfileRow, publishedCampaigns: number) {
  return {
    id: row.userId,
    companyName: row.companyName ?? '',
    industry: (row.industry as Category | null) ?? null,
    description: row.description,
    country: row.country,
    city: row.city,
    website: row.website,
    logoUrl: row.logoUploadId ? uploadUrl(row.logoUploadId) : null,
    rating: null,
    reviewCount: 0,
    reviews: [],
    publishedCampaigns,
  };
}
