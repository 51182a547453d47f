import {
  type CampaignDraftBody,
  type CampaignStatus,
  campaignDraftBodySchema,
  campaignPublishSchema,
  issuesToFieldErrors,
  type Locale,
  ruleMessages,
} from '@bextr/contracts';
import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { campaigns } from '../../db/schema.ts';
import { AppError, conflict, notFound, unprocessable } from '../../http/errors.ts';
import { orFirstWithKey } from '../../http/idempotency.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { findBusinessProfile, missingProfileFields } from '../businesses/service.ts';
import { expireOpenOffers } from '../offers/service.ts';
import { linkSingleUpload, unlinkUploads } from '../uploads/service.ts';
import { createdBefore, createdKey, decodeCursor, isCreatedKey, pageOf } from './cursor.ts';
import {
  canView,
  editRequiredAfterUnpublish,
  fieldsLockedWhileOffersPending,
  type Transition,
  todayUtc,
  transitions,
} from './policy.ts';
import {
  findCampaignById,
  findOwnedCampaign,
  lockOwnedCampaign,
  offerCountsFor,
  openOfferCount,
  selectWithBusiness,
} from './queries.ts';
import { type CampaignValues, columnsOf, mergeValues, valuesOf } from './values.ts';

type FieldErrors = { path: string; code: string; message: string }[];

function validationFailed(fields: FieldErrors) {
  return new AppError(400, 'VALIDATION_FAILED', { fields });
}

/** Field errors of the values against a schema, in the user's language (empty when valid). */
function fieldErrors(
  schema: typeof campaignDraftBodySchema | typeof campaignPublishSchema,
  values: unknown,
  locale: Locale,
) {
  const result = schema.safeParse(values, { reportInput: true });
  return result.success ? [] : issuesToFieldErrors(result.error.issues, locale);
}

function deadlinePast(locale: Locale): FieldErrors[number] {
  return {
    path: 'applicationDeadline',
    code: 'deadline_past',
    message: ruleMessages[locale].deadline_past ?? '',
  };
}

function slotsBelowFilled(locale: Locale): FieldErrors[number] {
  return {
    path: 'slots',
    code: 'slots_below_filled',
    message: ruleMessages[locale].slots_below_filled ?? '',
  };
}

/** Links the campaign's cover (one of the owner's uploads, else 400) in upload_links, replacing the
 * previous one; a cleared cover removes the link. Runs in the transaction that saves the campaign. */
function linkCover(tx: Tx, ownerId: string, campaignId: string, coverUploadId: string | null | undefined) {
  return linkSingleUpload(tx, {
    ownerId,
    subjectType: 'campaign',
    subjectId: campaignId,
    via: 'cover',
    uploadId: coverUploadId ?? null,
    path: 'coverUploadId',
  });
}

export async function createCampaign(
  ctx: AppContext,
  opts: { user: SessionUser; body: CampaignDraftBody; clientKey?: string | null },
) {
  const now = new Date();
  const values = mergeValues({}, opts.body);
  const insert = ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        ...columnsOf(values),
        ownerId: opts.user.id,
        clientKey: opts.clientKey ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: campaigns.id });
    if (!row) throw new Error('campaign not inserted');
    if (values.coverUploadId) await linkCover(tx, opts.user.id, row.id, values.coverUploadId);
    return row.id;
  });
  // A repeated submit (same Idempotency-Key) gets the campaign the first one made.
  const id = await orFirstWithKey(insert, {
    clientKey: opts.clientKey,
    constraint: 'campaigns_client_key',
    first: async (clientKey) => {
      const [first] = await ctx.db
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.ownerId, opts.user.id), eq(campaigns.clientKey, clientKey)));
      return first?.id;
    },
  });
  return getCampaign(ctx, { user: opts.user, id });
}

/** Any signed-in user may read a non-draft campaign; drafts only their owner. */
export async function getCampaign(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  const found = await findCampaignById(ctx.db, opts.id);
  if (!found || !canView(opts.user, found.campaign, found.ownerActive)) throw notFound();
  return found;
}

export async function listMyCampaigns(
  ctx: AppContext,
  opts: {
    user: SessionUser;
    status?: CampaignStatus | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(opts.cursor, isCreatedKey);
  const rows = await selectWithBusiness(ctx.db)
    .where(
      and(
        eq(campaigns.ownerId, opts.user.id),
        opts.status ? eq(campaigns.status, opts.status) : undefined,
        after ? createdBefore(campaigns.createdAt, campaigns.id, after) : undefined,
      ),
    )
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(opts.limit + 1);
  const { page, nextCursor } = pageOf(rows, opts.limit, (r) => createdKey(r.campaign));
  const counts = await offerCountsFor(
    ctx.db,
    page.map((r) => r.campaign.id),
  );
  return { page, counts, nextCursor };
}

/** Saves changes. A draft takes anything valid; a published or paused campaign must stay complete,
 * and keeps its compensation, tiers and networks while offers are pending; a closed one is final. */
export async function updateCampaign(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; body: CampaignDraftBody; locale: Locale },
) {
  // The row stays locked from the read to the write, so a concurrent edit or transition waits
  // instead of being overwritten with values read before it.
  await ctx.db.transaction(async (tx) => {
    const campaign = await lockOwnedCampaign(tx, opts.user.id, opts.id);
    if (!campaign) throw notFound();
    if (campaign.status === 'closed') throw conflict();
    const current = valuesOf(campaign);
    const merged = mergeValues(current, opts.body);
    const draftErrors = fieldErrors(campaignDraftBodySchema, merged, opts.locale);
    if (draftErrors.length > 0) throw validationFailed(draftErrors);
    if (campaign.status !== 'draft') {
      const pending = openOfferCount((await offerCountsFor(tx, [campaign.id])).get(campaign.id));
      // Sending a locked field unchanged (as the editor does) is not a change.
      const changesLocked = fieldsLockedWhileOffersPending.some(
        (field) => JSON.stringify(merged[field]) !== JSON.stringify(current[field]),
      );
      if (pending > 0 && changesLocked) throw conflict('CONFLICT', { reason: 'locked_while_offers' });
      const errors = fieldErrors(campaignPublishSchema, merged, opts.locale);
      if (opts.body.applicationDeadline && opts.body.applicationDeadline < todayUtc())
        errors.push(deadlinePast(opts.locale));
      // Accepted offers hold their slots: fewer slots than that would break the CHECK constraint.
      if (merged.slots !== undefined && merged.slots < campaign.slotsFilled)
        errors.push(slotsBelowFilled(opts.locale));
      if (errors.length > 0) throw validationFailed(errors);
    }
    if (opts.body.coverUploadId !== undefined)
      await linkCover(tx, opts.user.id, campaign.id, opts.body.coverUploadId);
    await tx
      .update(campaigns)
      .set({ ...columnsOf(merged), updatedAt: new Date() })
      .where(eq(campaigns.id, campaign.id));
  });
  return getCampaign(ctx, opts);
}

export async function deleteCampaign(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  const deleted = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(campaigns)
      .where(
        and(eq(campaigns.id, opts.id), eq(campaigns.ownerId, opts.user.id), eq(campaigns.status, 'draft')),
      )
      .returning({ id: campaigns.id });
    await unlinkUploads(tx, { via: 'cover', viaIds: rows.map((r) => r.id) });
    return rows;
  });
  if (deleted.length > 0) return;
  if (!(await findOwnedCampaign(ctx.db, opts.user.id, opts.id))) throw notFound();
  throw conflict();
}

/** A new draft with the same fields (dates kept: the owner adjusts them before publishing). */
export async function duplicateCampaign(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; clientKey?: string | null },
) {
  const found = await findOwnedCampaign(ctx.db, opts.user.id, opts.id);
  if (!found) throw notFound();
  const values: CampaignValues = valuesOf(found.campaign);
  const copy = { ...values, ...(values.name ? { name: `${values.name} (2)`.slice(0, 120) } : {}) };
  return createCampaign(ctx, { user: opts.user, body: copy, clientKey: opts.clientKey ?? null });
}

/** Why this campaign cannot be published (or resumed) now: reasons and field errors in the user's
 * language, the details of the 422. */
async function publishRefusal(db: Tx, user: SessionUser, values: CampaignValues, locale: Locale) {
  const reasons: string[] = [];
  if (!user.emailVerifiedAt) reasons.push('email_unverified');
  const profile = await findBusinessProfile(db, user.id);
  if (missingProfileFields(profile).length > 0) reasons.push('business_profile_incomplete');
  const fields = fieldErrors(campaignPublishSchema, values, locale);
  if (values.applicationDeadline && values.applicationDeadline < todayUtc())
    fields.push(deadlinePast(locale));
  if (fields.length > 0) reasons.push('campaign_incomplete');
  if (reasons.length === 0) return null;
  return {
    reasons: reasons.map((code) => ({ code, message: ruleMessages[locale][code] ?? code })),
    fields,
  };
}

/** Moves a campaign along one named transition. The UPDATE is conditional on the states the
 * transition starts from, so of two racing calls one wins and the other gets 409. */
export async function transitionCampaign(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; action: Transition; locale: Locale },
) {
  const { from, to, publishRules } = transitions[opts.action];
  // Locked from the check to the write: publishing (or resuming) validates exactly the values it
  // makes public, and of two racing transitions the second sees the new state and gets 409. A refused
  // resume leaves the campaign paused.
  await ctx.db.transaction(async (tx) => {
    const campaign = await lockOwnedCampaign(tx, opts.user.id, opts.id);
    if (!campaign) throw notFound();
    if (!(from as readonly string[]).includes(campaign.status)) throw conflict();
    if (publishRules) {
      const refusal = await publishRefusal(tx, opts.user, valuesOf(campaign), opts.locale);
      if (refusal) throw unprocessable(refusal);
    }
    // Unpublished by an admin: saved once since, else it stays paused (docs/decisions/015).
    if (opts.action === 'resume' && editRequiredAfterUnpublish(campaign))
      throw unprocessable({
        reasons: [
          { code: 'unpublished_edit_first', message: ruleMessages[opts.locale].unpublished_edit_first ?? '' },
        ],
        fields: [],
      });
    const now = new Date();
    // Published again: the admin's takedown is behind it (the audit log keeps it).
    const cleared = to === 'published' ? { unpublishedAt: null, unpublishedReason: null } : {};
    await tx
      .update(campaigns)
      .set({
        status: to,
        updatedAt: now,
        ...cleared,
        ...(opts.action === 'publish' ? { publishedAt: now } : {}),
      })
      .where(eq(campaigns.id, campaign.id));
    // Closing ends every offer still waiting for a decision, in the same transaction.
    if (opts.action === 'close')
      await expireOpenOffers(ctx, tx, { campaignId: campaign.id, actorId: opts.user.id });
  });
  ctx.outbox.kick();
  return getCampaign(ctx, opts);
}
