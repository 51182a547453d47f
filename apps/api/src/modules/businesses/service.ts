import { type BusinessProfileBody, businessProfileRequiredFields } from '@bextr/contracts';
import { and, count, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { type BusinessProfileRow, businessProfiles, campaigns, users } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { receivedReviews } from '../reviews/queries.ts';
import { ratingSummary } from '../reviews/rating.ts';
import { linkSingleUpload } from '../uploads/service.ts';

/** Which of the fields a complete profile needs are still empty. */
export function missingProfileFields(profile: Partial<BusinessProfileRow> | null): string[] {
  return businessProfileRequiredFields.filter((field) => !profile?.[field]);
}

export async function findBusinessProfile(db: Db | Tx, userId: string) {
  const rows = await db.select().from(businessProfiles).where(eq(businessProfiles.userId, userId)).limit(1);
  return rows[0] ?? null;
}

export async function getBusinessProfile(ctx: AppContext, opts: { user: SessionUser }) {
  return findBusinessProfile(ctx.db, opts.user.id);
}

/** PUT semantics: the body replaces the whole profile; absent fields become empty. The logo must be
 * one of the business's own uploads (else 400); it is linked in upload_links in the same transaction. */
export async function saveBusinessProfile(
  ctx: AppContext,
  opts: { user: SessionUser; body: BusinessProfileBody },
) {
  const { body } = opts;
  const values = {
    companyName: body.companyName ?? null,
    industry: body.industry ?? null,
    description: body.description ?? null,
    country: body.country ?? null,
    city: body.city ?? null,
    website: body.website ?? null,
    logoUploadId: body.logoUploadId ?? null,
    updatedAt: new Date(),
  };
  return ctx.db.transaction(async (tx) => {
    await linkSingleUpload(tx, {
      ownerId: opts.user.id,
      subjectType: 'business_profile',
      subjectId: opts.user.id,
      via: 'logo',
      uploadId: values.logoUploadId,
      path: 'logoUploadId',
    });
    const rows = await tx
      .insert(businessProfiles)
      .values({ userId: opts.user.id, ...values })
      .onConflictDoUpdate({ target: businessProfiles.userId, set: values })
      .returning();
    return rows[0] ?? null;
  });
}

/** How many of the newest reviews the business page carries (the rest: GET /businesses/:id/reviews). */
export const BUSINESS_PAGE_REVIEWS = 5;

/** An active business with a company name (its profile and rating counters); anything else is not
 * found (404). */
export async function findPublicBusiness(db: Db | Tx, id: string) {
  const rows = await db
    .select({ profile: businessProfiles, ratingCount: users.ratingCount, ratingTotal: users.ratingTotal })
    .from(businessProfiles)
    .innerJoin(users, eq(users.id, businessProfiles.userId))
    .where(
      and(
        eq(businessProfiles.userId, id),
        eq(users.role, 'business'),
        eq(users.status, 'active'),
        sql`${businessProfiles.companyName} is not null`,
      ),
    )
    .limit(1);
  const found = rows[0];
  if (!found) throw notFound();
  return found;
}

/** Public facts of an active business with a company name; anything else is not found. */
export async function getPublicBusiness(ctx: AppContext, opts: { id: string }) {
  const found = await findPublicBusiness(ctx.db, opts.id);
  const { profile } = found;
  const [published] = await ctx.db
    .select({ n: count() })
    .from(campaigns)
    .where(and(eq(campaigns.ownerId, opts.id), sql`${campaigns.status} = 'published'`));
  return { profile, publishedCampaigns: published?.n ?? 0, rating: ratingSummary(found) };
}

/** The business page: its public facts, rating and newest reviews. */
export async function getBusinessPage(ctx: AppContext, opts: { id: string }) {
  const facts = await getPublicBusiness(ctx, opts);
  const reviews = await receivedReviews(ctx.db, opts.id, { after: null, limit: BUSINESS_PAGE_REVIEWS });
  return { ...facts, reviews };
}
