import { z } from 'zod';
import { campaignBusinessSchema, compensationSchema, dateSchema, deliverableSchema } from './campaigns.ts';
import { idSchema, listQuerySchema, moneySchema, pageSchema, tierSchema } from './common.ts';
import { ratingSummarySchema } from './reviews.ts';
import { imageRefSchema } from './uploads.ts';

export const offerStatuses = [
  'pending',
  'shortlisted',
  'accepted',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export const offerStatusSchema = z.enum(offerStatuses);
export type OfferStatus = z.infer<typeof offerStatusSchema>;

/** Statuses in which an offer still counts as "live": the influencer cannot send another one. */
export const liveOfferStatuses = [
  'pending',
  'shortlisted',
  'accepted',
] as const satisfies readonly OfferStatus[];
/** Statuses from which the business can still decide, and the influencer can still withdraw. */
export const openOfferStatuses = ['pending', 'shortlisted'] as const satisfies readonly OfferStatus[];

export const offerActions = ['shortlist', 'accept', 'reject', 'withdraw'] as const;
export type OfferAction = (typeof offerActions)[number];

export const PITCH_MAX = 3000;
export const REJECTION_REASON_MAX = 1000;
export const INVITATION_MESSAGE_MAX = 1000;

const positivePrice = moneySchema.refine((money) => money.amount > 0, { message: 'amount_positive' });

/** POST /campaigns/:id/offers. Rules that depend on the campaign (a price for paid campaigns, the
 * barter terms accepted for barter ones, deliverables on the campaign's networks, a publish date
 * inside the campaign window) are checked by the server and answered as 400 field errors. */
export const offerBodySchema = z.strictObject({
  pitch: z.string().trim().min(1).max(PITCH_MAX),
  deliverables: z.array(deliverableSchema).min(1).max(20),
  price: positivePrice.optional(),
  /** Barter campaigns: the influencer accepts what the business gives. */
  barterAccepted: z.boolean().optional(),
  proposedPublishDate: dateSchema.optional(),
  /** The invitation this offer answers, when it came from one. */
  invitationId: idSchema.optional(),
});
export type OfferBody = z.infer<typeof offerBodySchema>;

/** POST /offers/:id/reject. */
export const offerRejectBodySchema = z.strictObject({
  reason: z.string().trim().max(REJECTION_REASON_MAX).optional(),
});
export type OfferRejectBody = z.infer<typeof offerRejectBodySchema>;

/** The influencer as the business sees it in the offer review (API.md "Offer review list items"). */
export const offerInfluencerSchema = z.object({
  id: idSchema,
  handle: z.string(),
  displayName: z.string(),
  avatar: imageRefSchema.nullable(),
  tier: tierSchema.nullable(),
  followers: z.number().int(),
  engagementRate: z.number(),
  /** Share of the audience (percent, 0–100) living in the campaign's countries; null for a campaign
   * with no countries (remote only). */
  audienceFit: z.number().nullable(),
  /** The influencer's rating from businesses' reviews; null before the first. */
  rating: ratingSummarySchema,
});
export type OfferInfluencer = z.infer<typeof offerInfluencerSchema>;

/** The campaign as shown next to an offer. */
export const offerCampaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  status: z.string(),
  compensation: compensationSchema.nullable(),
  coverUrl: z.string().nullable(),
  slots: z.number().int().nullable(),
  slotsFilled: z.number().int(),
  business: campaignBusinessSchema,
});

export const offerAbilitiesSchema = z.object({
  shortlist: z.boolean(),
  accept: z.boolean(),
  reject: z.boolean(),
  withdraw: z.boolean(),
});
export type OfferAbilities = z.infer<typeof offerAbilitiesSchema>;

export const offerSchema = z.object({
  id: idSchema,
  status: offerStatusSchema,
  campaign: offerCampaignSchema,
  influencer: offerInfluencerSchema,
  pitch: z.string(),
  deliverables: z.array(deliverableSchema),
  price: moneySchema.nullable(),
  barterAccepted: z.boolean(),
  proposedPublishDate: z.string().nullable(),
  /** The business's reason for a rejection, shown to the influencer. */
  rejectionReason: z.string().nullable(),
  /** The thread between the two sides, opened with the offer. */
  conversationId: idSchema,
  invitationId: idSchema.nullable(),
  /** What the signed-in viewer may do with this offer now. */
  abilities: offerAbilitiesSchema,
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;
export const offerResponseSchema = z.object({ offer: offerSchema });
export const offerPageSchema = pageSchema(offerSchema);

export const offerSorts = ['newest', 'fit', 'followers', 'price'] as const;
export const offerSortSchema = z.enum(offerSorts);
export type OfferSort = z.infer<typeof offerSortSchema>;

/** GET /campaigns/:id/offers (the owner's review). */
export const campaignOffersQuerySchema = listQuerySchema.extend({
  status: offerStatusSchema.optional(),
  sort: offerSortSchema.optional(),
});
export type CampaignOffersQuery = z.infer<typeof campaignOffersQuerySchema>;

/** GET /offers/mine (the influencer's offers). */
export const myOffersQuerySchema = listQuerySchema.extend({ status: offerStatusSchema.optional() });
export type MyOffersQuery = z.infer<typeof myOffersQuerySchema>;

/** 422 details when an influencer may not send offers yet: what is missing, in the user's language. */
export const offerRefusalSchema = z.object({
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  /** The completeness items still missing (see completenessItems). */
  missing: z.array(z.string()),
});

// ── Invitations ──────────────────────────────────────────────────────────────────────────────

/** POST /influencers/:handle/invitations. */
export const invitationBodySchema = z.strictObject({
  campaignId: idSchema,
  message: z.string().trim().min(1).max(INVITATION_MESSAGE_MAX),
});
export type InvitationBody = z.infer<typeof invitationBodySchema>;

export const invitationSchema = z.object({
  id: idSchema,
  campaign: offerCampaignSchema.extend({
    applicationDeadline: z.string().nullable(),
    /** Published, before the deadline, with a free slot. */
    isOpen: z.boolean(),
  }),
  influencer: z.object({ id: idSchema, handle: z.string(), displayName: z.string() }),
  message: z.string(),
  /** The influencer's live offer on the campaign, if any. */
  offer: z.object({ id: idSchema, status: offerStatusSchema }).nullable(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationResponseSchema = z.object({ invitation: invitationSchema });
export const invitationPageSchema = pageSchema(invitationSchema);

// ── Notifications (the in-app list; live delivery and e-mail preferences come with threads) ──

export const notificationKinds = [
  'offer_received',
  'offer_shortlisted',
  'offer_accepted',
  'offer_rejected',
  'offer_withdrawn',
  'offer_expired',
  'invitation_received',
  'report_opened',
  'report_updated',
  'report_resolved',
  'deliverable_submitted',
  'deliverable_approved',
  'deliverable_changes_requested',
  'collaboration_completed',
  'amendment_proposed',
  'amendment_accepted',
  'amendment_declined',
  'cancel_requested',
  'collaboration_cancelled',
  'review_received',
  'account_warned',
  'campaign_unpublished',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  id: idSchema,
  kind: notificationKindSchema,
  /** What the notification is about, for the sentence and the link. */
  offerId: idSchema.nullable(),
  campaignId: idSchema.nullable(),
  campaignName: z.string().nullable(),
  /** The collaboration or report it is about, when it is about one. */
  collaborationId: idSchema.nullable(),
  reportId: idSchema.nullable(),
  /** Words that belong to the event: an admin's warning, a reason given. */
  note: z.string().nullable(),
  /** The other side's display name (influencer or company). */
  actorName: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationPageSchema = pageSchema(notificationSchema).extend({
  unreadCount: z.number().int(),
});
export const notificationsReadBodySchema = z.union([
  z.strictObject({ ids: z.array(idSchema).min(1).max(100) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type NotificationsReadBody = z.infer<typeof notificationsReadBodySchema>;
