import type { AdminCampaignListQuery } from '@bextr/contracts';
import { and, desc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { businessProfiles, campaigns, offers, users } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import {
  createdBefore,
  decodeCursor,
  exactCreatedAt,
  exactKey,
  isCreatedKey,
  pageOf,
} from '../campaigns/cursor.ts';
import { notify } from '../notifications/service.ts';
import { recordAudit } from './audit.ts';
import { likePattern } from './policy.ts';
import { type AdminCampaignRow, presentAdminCampaign } from './presenter.ts';

/** Campaigns with their business's name and status; drafts are the business's own and never listed. */
function selectAdminCampaigns(db: Db | Tx) {
  return db
    .select({
      campaign: campaigns,
      businessName: sql<string>`coalesce(${businessProfiles.companyName}, ${users.name})`,
      ownerStatus: users.status,
      exactCreatedAt: exactCreatedAt(campaigns.createdAt),
    })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, campaigns.ownerId));
}

/** Offers waiting for a decision on each campaign: one grouped count. */
async function openOfferCounts(db: Db | Tx, campaignIds: readonly string[]) {
  if (campaignIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ campaignId: offers.campaignId, n: sql<number>`count(*)::int` })
    .from(offers)
    .where(
      and(inArray(offers.campaignId, [...campaignIds]), inArray(offers.status, ['pending', 'shortlisted'])),
    )
    .groupBy(offers.campaignId);
  return new Map(rows.map((r) => [r.campaignId, r.n]));
}

async function present(db: Db | Tx, rows: AdminCampaignRow[]) {
  const counts = await openOfferCounts(
    db,
    rows.map((r) => r.campaign.id),
  );
  return rows.map((r) => presentAdminCampaign(r, counts.get(r.campaign.id) ?? 0));
}

/** GET /admin/campaigns: newest first; `q` matches the campaign's or the business's name. */
export async function listCampaigns(ctx: AppContext, query: AdminCampaignListQuery) {
  const after = decodeCursor(query.cursor, isCreatedKey);
  const q = query.q?.trim();
  const rows = await selectAdminCampaigns(ctx.db)
    .where(
      and(
        ne(campaigns.status, 'draft'),
        query.status ? eq(campaigns.status, query.status) : undefined,
        q
          ? or(
              ilike(campaigns.name, likePattern(q)),
              ilike(businessProfiles.companyName, likePattern(q)),
              ilike(users.name, likePattern(q)),
            )
          : undefined,
        after ? createdBefore(campaigns.createdAt, campaigns.id, after) : undefined,
      ),
    )
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(rows, query.limit, (r) =>
    exactKey({ exactCreatedAt: r.exactCreatedAt, id: r.campaign.id }),
  );
  return { items: await present(ctx.db, page), nextCursor };
}

/** POST /admin/campaigns/:id/unpublish: published → paused with when and why, as one conditional
 * UPDATE (any other state is 409; a draft or unknown id 404). The business gets a
 * `campaign_unpublished` notification (note = the reason; in-app, live and by e-mail) and the action
 * goes to the audit log, all in one transaction. Its offers stay as they were: the business may still
 * decide on them, and resumes the campaign after saving an edit (docs/decisions/015). */
export async function unpublishCampaign(
  ctx: AppContext,
  opts: { admin: SessionUser; id: string; reason: string },
) {
  const campaign = await ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [updated] = await tx
      .update(campaigns)
      .set({ status: 'paused', unpublishedAt: now, unpublishedReason: opts.reason, updatedAt: now })
      .where(and(eq(campaigns.id, opts.id), eq(campaigns.status, 'published')))
      .returning();
    if (!updated) {
      const [known] = await tx
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.id, opts.id), ne(campaigns.status, 'draft')));
      throw known ? conflict() : notFound();
    }
    await notify(ctx, tx, [
      {
        userId: updated.ownerId,
        kind: 'campaign_unpublished',
        actorId: opts.admin.id,
        campaignId: updated.id,
        note: opts.reason,
      },
    ]);
    await recordAudit(tx, {
      actorId: opts.admin.id,
      action: 'campaign.unpublish',
      subjectType: 'campaign',
      subjectId: updated.id,
      reason: opts.reason,
      details: { statusBefore: 'published', campaignName: updated.name },
    });
    const [row] = await selectAdminCampaigns(tx).where(eq(campaigns.id, updated.id));
    if (!row) throw notFound();
    return (await present(tx, [row]))[0];
  });
  ctx.outbox.kick();
  if (!campaign) throw notFound();
  return campaign;
}
