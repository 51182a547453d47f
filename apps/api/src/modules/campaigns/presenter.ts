import {
  type Campaign,
  type CampaignTeaser,
  type MyCampaign,
  type OfferCounts,
  uploadUrl,
} from '@bextr/contracts';
import type { CampaignRow, ShownCampaign } from '../../db/schema.ts';
import { abilitiesFor, editRequiredAfterUnpublish, isOpen, isOwner } from './policy.ts';
import { compensationOf, valuesOf } from './values.ts';

export interface CampaignWithBusiness {
  campaign: ShownCampaign;
  businessName: string;
  /** The business's logo upload, if any. */
  logoUploadId?: string | null;
  /** False while the business is suspended. */
  ownerActive: boolean;
}
interface Actor {
  id: string;
  role: string;
}

/** The URL of a linked image (cover, logo), or null: who may load it is uploads/policy.ts's rule. */
export const imageUrl = (id: string | null | undefined) => (id ? uploadUrl(id) : null);

/** The business behind a campaign, as every view of the campaign names it. */
export const presentCampaignBusiness = (
  campaign: Pick<CampaignRow, 'ownerId'>,
  businessName: string,
  logoUploadId: string | null | undefined,
) => ({ id: campaign.ownerId, name: businessName, logoUrl: imageUrl(logoUploadId) });

/** A campaign as the actor may see it, with what the actor may do with it. */
export function presentCampaign(
  actor: Actor | null,
  { campaign, businessName, logoUploadId }: CampaignWithBusiness,
): Campaign {
  const v = valuesOf(campaign);
  return {
    id: campaign.id,
    status: campaign.status,
    name: v.name ?? null,
    category: v.category ?? null,
    brief: v.brief ?? null,
    tiers: v.tiers ?? [],
    networks: v.networks ?? [],
    compensation: compensationOf(campaign),
    deliverables: v.deliverables ?? [],
    estimatedHours: v.estimatedHours ?? null,
    startDate: v.startDate ?? null,
    endDate: v.endDate ?? null,
    applicationDeadline: v.applicationDeadline ?? null,
    countries: campaign.countries,
    remote: campaign.remote,
    languages: campaign.languages,
    slots: v.slots ?? null,
    slotsFilled: campaign.slotsFilled,
    coverUploadId: campaign.coverUploadId,
    coverUrl: imageUrl(campaign.coverUploadId),
    isOpen: isOpen(campaign),
    business: presentCampaignBusiness(campaign, businessName, logoUploadId),
    abilities: abilitiesFor(actor, campaign),
    unpublished:
      campaign.unpublishedAt &&
      campaign.unpublishedReason &&
      (isOwner(actor, campaign) || actor?.role === 'admin')
        ? {
            at: campaign.unpublishedAt.toISOString(),
            reason: campaign.unpublishedReason,
            editRequired: editRequiredAfterUnpublish(campaign),
          }
        : null,
    publishedAt: campaign.publishedAt?.toISOString() ?? null,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

export function presentMyCampaign(
  actor: Actor,
  row: CampaignWithBusiness,
  offerCounts: OfferCounts,
): MyCampaign {
  return { ...presentCampaign(actor, row), offerCounts };
}

/** What a visitor sees: no brief, no amounts, no dates but the deadline. */
export function presentTeaser({ campaign, businessName }: CampaignWithBusiness): CampaignTeaser {
  const v = valuesOf(campaign);
  return {
    id: campaign.id,
    name: v.name ?? '',
    category: v.category ?? 'other',
    networks: v.networks ?? [],
    tiers: v.tiers ?? [],
    compensationType: campaign.compensationType ?? 'paid',
    applicationDeadline: campaign.applicationDeadline ?? '',
    ...(campaign.coverUploadId ? { coverUrl: uploadUrl(campaign.coverUploadId) } : {}),
    business: { name: businessName },
  };
}
