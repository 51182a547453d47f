import { type InvitationBody, type Locale, liveOfferStatuses, ruleMessages } from '@bextr/contracts';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  businessProfiles,
  campaigns,
  influencerProfiles,
  invitations,
  offers,
  users,
} from '../../db/schema.ts';
import { AppError, conflict, notFound, unprocessable } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { createdBefore, createdKey, decodeCursor, isCreatedKey, pageOf } from '../campaigns/cursor.ts';
import { campaignClosedReason } from '../campaigns/policy.ts';
import { findOwnedCampaign } from '../campaigns/queries.ts';
import { findVisibleProfileId } from '../influencers/queries.ts';
import { notify } from '../notifications/service.ts';

const owner = alias(users, 'campaign_owner');
const invitee = alias(users, 'invitee');

/** Invitations with the campaign (and its business), the influencer's name, and the influencer's
 * live offer on the campaign (at most one: the partial unique index `offers_live_key`). */
function selectInvitations(db: Db | Tx) {
  return db
    .select({
      invitation: invitations,
      campaign: campaigns,
      businessName: sql<string>`coalesce(${businessProfiles.companyName}, ${owner.name})`,
      logoUploadId: businessProfiles.logoUploadId,
      handle: influencerProfiles.handle,
      displayName: sql<string>`coalesce(${influencerProfiles.displayName}, ${invitee.name})`,
      offerId: offers.id,
      offerStatus: offers.status,
    })
    .from(invitations)
    .innerJoin(campaigns, eq(campaigns.id, invitations.campaignId))
    .innerJoin(owner, eq(owner.id, campaigns.ownerId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, campaigns.ownerId))
    .innerJoin(invitee, eq(invitee.id, invitations.influencerId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, invitations.influencerId))
    .leftJoin(
      offers,
      and(
        eq(offers.campaignId, invitations.campaignId),
        eq(offers.influencerId, invitations.influencerId),
        inArray(offers.status, [...liveOfferStatuses]),
      ),
    );
}
export type InvitationWithParties = Awaited<ReturnType<typeof selectInvitations>>[number];

/** 422 unless the influencer can answer with an offer: every part of the profile, a verified e-mail. */
async function assertInvitable(db: Db, influencerId: string, locale: Locale) {
  const [ready] = await db
    .select({ id: influencerProfiles.userId })
    .from(influencerProfiles)
    .innerJoin(users, eq(users.id, influencerProfiles.userId))
    .where(
      and(
        eq(influencerProfiles.userId, influencerId),
        sql`${influencerProfiles.listed}`,
        isNotNull(users.emailVerifiedAt),
      ),
    );
  if (ready) return;
  const code = 'influencer_not_ready';
  throw unprocessable({ reasons: [{ code, message: ruleMessages[locale][code] ?? code }] });
}

/** A business invites an influencer to one of its campaigns that takes offers: 404 for a campaign
 * that is not its own or a profile it may not see, 422 for a profile that is not ready, 409 when the
 * campaign is not open or full, the influencer is already invited (the unique index settles a
 * race the same way) or already has a live offer on it. The influencer is notified in the same transaction. */
export async function inviteInfluencer(
  ctx: AppContext,
  opts: { user: SessionUser; handle: string; body: InvitationBody; locale: Locale },
): Promise<string> {
  const { user, body } = opts;
  if (!(await findOwnedCampaign(ctx.db, user.id, body.campaignId))) throw notFound();
  const influencerId = await findVisibleProfileId(ctx.db, user, opts.handle);
  if (!influencerId) throw notFound();
  await assertInvitable(ctx.db, influencerId, opts.locale);
  try {
    const invitationId = await ctx.db.transaction(async (tx) => {
      const [campaign] = await tx
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.id, body.campaignId), eq(campaigns.ownerId, user.id)))
        .for('share');
      if (!campaign) throw notFound();
      const closed = campaignClosedReason(campaign);
      if (closed) throw conflict(closed);
      const [existing] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.campaignId, campaign.id), eq(invitations.influencerId, influencerId)));
      if (existing) throw conflict('ALREADY_INVITED');
      // Inviting someone whose offer is already live on the campaign says nothing new.
      const [offered] = await tx
        .select({ id: offers.id })
        .from(offers)
        .where(
          and(
            eq(offers.campaignId, campaign.id),
            eq(offers.influencerId, influencerId),
            inArray(offers.status, [...liveOfferStatuses]),
          ),
        );
      if (offered) throw conflict('INFLUENCER_ALREADY_OFFERED');
      const [row] = await tx
        .insert(invitations)
        .values({ campaignId: campaign.id, influencerId, message: body.message, createdAt: new Date() })
        .returning({ id: invitations.id });
      if (!row) throw new Error('invitation not inserted');
      await notify(ctx, tx, [
        { userId: influencerId, kind: 'invitation_received', actorId: user.id, campaignId: campaign.id },
      ]);
      return row.id;
    });
    ctx.outbox.kick();
    return invitationId;
  } catch (error) {
    if (!(error instanceof AppError) && isUniqueViolation(error, 'invitations_campaign_influencer_key'))
      throw conflict('ALREADY_INVITED');
    throw error;
  }
}

export async function findInvitation(db: Db, id: string) {
  const [row] = await selectInvitations(db).where(eq(invitations.id, id)).limit(1);
  if (!row) throw notFound();
  return row;
}

/** The influencer's invitations, newest first; those of a suspended business are hidden. */
export async function listMyInvitations(
  ctx: AppContext,
  opts: { user: SessionUser; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(opts.cursor, isCreatedKey);
  const rows = await selectInvitations(ctx.db)
    .where(
      and(
        eq(invitations.influencerId, opts.user.id),
        eq(owner.status, 'active'),
        after ? createdBefore(invitations.createdAt, invitations.id, after) : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(opts.limit + 1);
  return pageOf(rows, opts.limit, (r) => createdKey(r.invitation));
}
