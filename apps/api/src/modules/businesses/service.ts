import { type BusinessProfileBody, businessProfileRequiredFields } from '@bextr/contracts';
import { and, count, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db, Tx } from '../../db/client.ts';
import { type BusinessProfileRow, businessProfiles, campaigns, users } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { UserRow } from '../auth/sessions.ts';
import { linkSingleUpload } from '../uploads/service.ts';

/** Which of the fields a complete profile needs are still empty. */
export function missingProfileFields(profile: Partial<BusinessProfileRow> | null): string[] {
  return businessProfileRequiredFields.filter((field) => !profile?.[field]);
}

export async function findBusinessProfile(db: Db | Tx, userId: string) {
  const rows = await db.select().from(businessProfiles).where(eq(businessProfiles.userId, userId)).limit(1);
  return rows[0] ?? null;
}

export async function getBusinessProfile(ctx: AppContext, opts: { user: UserRow }) {
  return findBusinessProfile(ctx.db, opts.user.id);
}

/** PUT semantics: the body replaces the whole profile; absent fields become empty. The logo must be
 * one of the business's own uploads (else 400); it is linked in upload_links in the same transaction. */
export async function saveBusinessProfile(
  ctx: AppContext,
  opts: { user: UserRow; body: BusinessProfileBody },
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

/** Public facts of an active business with a company name; anything else is not found. */
export async function getPublicBusiness(ctx: AppContext, opts: { id: string }) {
  const rows = await ctx.db
    .select({ profile: businessProfiles })
    .from(businessProfiles)
    .innerJoin(users, eq(users.id, businessProfiles.userId))
    .where(
      and(
        eq(businessProfiles.userId, opts.id),
        eq(users.role, 'business'),
        eq(users.status, 'active'),
        sql`${businessProfiles.companyName} is not null`,
      ),
    )
    .limit(1);
  const profile = rows[0]?.profile;
  if (!profile) throw notFound();
  const [published] = await ctx.db
    .select({ n: count() })
    .from(campaigns)
    .where(and(eq(campaigns.ownerId, opts.id), sql`${campaigns.status} = 'published'`));
  return { profile, publishedCampaigns: published?.n ?? 0 };
}
