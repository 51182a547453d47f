import type { InfluencerProfileBody } from '@bextr/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { influencerProfiles } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { linkUploads } from '../uploads/service.ts';
import { lockProfile, refreshProfileFacts } from './facts.ts';
import { findVisibleProfileId, loadFullProfile } from './queries.ts';

const handleTaken = () =>
  new AppError(409, 'HANDLE_TAKEN', { fields: [{ path: 'handle', code: 'handle_taken' }] });

const isHandleViolation = (error: unknown) => isUniqueViolation(error, 'influencer_profiles_handle_key');

/** The influencer's own profile (created empty on first visit) with everything attached. */
export async function getOwnProfile(ctx: AppContext, opts: { user: SessionUser }) {
  const found = await loadFullProfile(ctx.db, opts.user.id);
  if (found) return found;
  await ctx.db.insert(influencerProfiles).values({ userId: opts.user.id }).onConflictDoNothing();
  const full = await loadFullProfile(ctx.db, opts.user.id);
  if (!full) throw notFound();
  return full;
}

/** Saves one onboarding step: the fields sent replace theirs (null clears), others stay. A handle
 * another profile holds (in any letter case) is refused with 409 `handle_taken`; the unique index
 * on lower(handle) settles a race between two saves the same way. */
export async function saveProfile(ctx: AppContext, opts: { user: SessionUser; body: InfluencerProfileBody }) {
  const { body } = opts;
  try {
    await ctx.db.transaction(async (tx) => {
      const current = await lockProfile(tx, opts.user.id);
      if (body.handle) {
        const [other] = await tx
          .select({ userId: influencerProfiles.userId })
          .from(influencerProfiles)
          .where(
            and(
              sql`lower(${influencerProfiles.handle}) = ${body.handle}`,
              ne(influencerProfiles.userId, current.userId),
            ),
          )
          .limit(1);
        if (other) throw handleTaken();
      }
      const set: Partial<typeof influencerProfiles.$inferInsert> = {};
      const scalar = [
        'displayName',
        'handle',
        'bio',
        'country',
        'city',
        'avatarUploadId',
        'audience',
      ] as const;
      for (const key of scalar) {
        const value = body[key];
        if (value !== undefined) (set as Record<string, unknown>)[key] = value;
      }
      if (body.categories) set.categories = body.categories;
      if (body.languages) set.languages = body.languages;
      if (body.rateCard) set.rateCard = body.rateCard;
      if (body.isPublic !== undefined) set.isPublic = body.isPublic;
      if (body.avatarUploadId !== undefined) {
        await linkUploads(tx, {
          ownerId: current.userId,
          via: 'avatar',
          viaId: current.userId,
          uploadIds: body.avatarUploadId ? [body.avatarUploadId] : [],
          path: 'avatarUploadId',
        });
      }
      if (Object.keys(set).length > 0)
        await tx.update(influencerProfiles).set(set).where(eq(influencerProfiles.userId, current.userId));
      await refreshProfileFacts(tx, current.userId);
    });
  } catch (error) {
    if (!(error instanceof AppError) && isHandleViolation(error)) throw handleTaken();
    throw error;
  }
  return getOwnProfile(ctx, opts);
}

/** A profile by handle, for whoever may see it (business, admin, the owner, anyone when public). */
export async function getProfileByHandle(
  ctx: AppContext,
  opts: { actor: { id: string; role: string } | null; handle: string },
) {
  const userId = await findVisibleProfileId(ctx.db, opts.actor, opts.handle);
  const full = userId ? await loadFullProfile(ctx.db, userId) : null;
  if (!full) throw notFound();
  return full;
}
