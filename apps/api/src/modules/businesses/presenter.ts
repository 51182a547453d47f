import {
  type BusinessProfile,
  type categories,
  type PublicBusiness,
  type RatingSummary,
  uploadUrl,
} from '@bextr/contracts';
import type { BusinessProfileRow } from '../../db/schema.ts';
import { presentReview } from '../reviews/presenter.ts';
import type { ReviewWithNames } from '../reviews/queries.ts';
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

/** What any signed-in user may see of a business: its facts, rating and newest reviews. */
export function presentPublicBusiness(page: {
  profile: BusinessProfileRow;
  publishedCampaigns: number;
  rating: RatingSummary;
  reviews: ReviewWithNames[];
}): PublicBusiness {
  const { profile: row, publishedCampaigns } = page;
  return {
    id: row.userId,
    companyName: row.companyName ?? '',
    industry: (row.industry as Category | null) ?? null,
    description: row.description,
    country: row.country,
    city: row.city,
    website: row.website,
    logoUrl: row.logoUploadId ? uploadUrl(row.logoUploadId) : null,
    rating: page.rating,
    reviews: page.reviews.map(presentReview),
    publishedCampaigns,
  };
}
