import type {
  InsightBody,
  insightPatchSchema,
  PortfolioItemBody,
  portfolioItemPatchSchema,
  SocialAccountBody,
  socialAccountPatchSchema,
} from '@bextr/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { insights, portfolioItems, socialAccounts } from '../../db/schema.ts';
import { AppError, conflict, fieldError, notFound } from '../../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { linkUploads, unlinkUploads } from '../uploads/service.ts';
import { lockProfile, refreshProfileFacts } from './facts.ts';

type SocialPatch = z.infer<typeof socialAccountPatchSchema>;
type PortfolioPatch = z.infer<typeof portfolioItemPatchSchema>;
type InsightPatch = z.infer<typeof insightPatchSchema>;

/** The tables of an influencer's sub-resources, and the link kind of those that carry images. */
type ItemTable = typeof socialAccounts | typeof portfolioItems | typeof insights;
type ImageVia = 'portfolio' | 'insight';

/** Runs a change of one influencer's sub-resources in a transaction holding the profile's lock, then
 * brings the derived facts (tier, totals, readiness) in step before committing. */
async function changeProfile<T>(
  ctx: AppContext,
  user: SessionUser,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await lockProfile(tx, user.id);
      const result = await work(tx);
      await refreshProfileFacts(tx, user.id);
      return result;
    });
  } catch (error) {
    if (!(error instanceof AppError) && isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** The item with this id, only when it is the user's: another's is not found, and never changed. */
const owned = (table: ItemTable, user: SessionUser, id: string) =>
  and(eq(table.id, id), eq(table.userId, user.id));

/** Points the item's images at `uploadIds`, which must be the user's own uploads (else 400). */
const linkImages = (tx: Tx, user: SessionUser, via: ImageVia, viaId: string, uploadIds: string[]) =>
  linkUploads(tx, { ownerId: user.id, via, viaId, uploadIds, path: 'uploadIds' });

/** PATCH of one owned item: the fields sent replace theirs (null clears), others stay; 404 if not the
 * user's. A new image list replaces the item's links. */
async function updateOwnedItem<T extends ItemTable>(
  tx: Tx,
  table: T,
  opts: { user: SessionUser; id: string; body: Partial<T['$inferInsert']> & { uploadIds?: string[] } },
  via?: ImageVia,
): Promise<T['$inferSelect']> {
  const [row] = (await tx
    .update(table as ItemTable)
    .set({ ...opts.body, updatedAt: new Date() })
    .where(owned(table, opts.user, opts.id))
    .returning()) as T['$inferSelect'][];
  if (!row) throw notFound();
  if (via && opts.body.uploadIds) await linkImages(tx, opts.user, via, row.id, opts.body.uploadIds);
  return row;
}

/** DELETE of one owned item carrying images; 404 if not the user's. */
function deleteOwnedItem(table: typeof portfolioItems | typeof insights, via: ImageVia) {
  return (ctx: AppContext, opts: { user: SessionUser; id: string }) =>
    changeProfile(ctx, opts.user, async (tx) => {
      const [row] = await tx
        .delete(table)
        .where(owned(table, opts.user, opts.id))
        .returning({ id: table.id });
      if (!row) throw notFound();
      await unlinkUploads(tx, { via, viaIds: [row.id] });
    });
}

// --- social accounts ---

export function addSocialAccount(ctx: AppContext, opts: { user: SessionUser; body: SocialAccountBody }) {
  return changeProfile(ctx, opts.user, async (tx) => {
    const [row] = await tx
      .insert(socialAccounts)
      .values({ ...opts.body, userId: opts.user.id })
      .returning();
    if (!row) throw new Error('not inserted');
    return row;
  });
}

export function updateSocialAccount(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; body: SocialPatch },
) {
  return changeProfile(ctx, opts.user, (tx) => updateOwnedItem(tx, socialAccounts, opts));
}

/** Deleting an account deletes its insights (foreign key), so their screenshots are unlinked too. */
export function deleteSocialAccount(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  return changeProfile(ctx, opts.user, async (tx) => {
    const gone = await tx
      .select({ id: insights.id })
      .from(insights)
      .where(and(eq(insights.socialAccountId, opts.id), eq(insights.userId, opts.user.id)));
    const [row] = await tx
      .delete(socialAccounts)
      .where(owned(socialAccounts, opts.user, opts.id))
      .returning({ id: socialAccounts.id });
    if (!row) throw notFound();
    await unlinkUploads(tx, { via: 'insight', viaIds: gone.map((g) => g.id) });
  });
}

// --- portfolio ---

/** The item a create with this Idempotency-Key already made (inside the profile's lock, so a repeat
 * waits for the first and then finds it): a repeated submit gets it instead of a second one. */
async function madeWithKey<T extends typeof portfolioItems | typeof insights>(
  tx: Tx,
  table: T,
  user: SessionUser,
  clientKey: string | null | undefined,
): Promise<T['$inferSelect'] | undefined> {
  if (!clientKey) return undefined;
  const [row] = await tx
    .select()
    .from(table as typeof portfolioItems)
    .where(and(eq(table.userId, user.id), eq(table.clientKey, clientKey)));
  return row as T['$inferSelect'] | undefined;
}

export function addPortfolioItem(
  ctx: AppContext,
  opts: { user: SessionUser; body: PortfolioItemBody; clientKey?: string | null },
) {
  return changeProfile(ctx, opts.user, async (tx) => {
    const made = await madeWithKey(tx, portfolioItems, opts.user, opts.clientKey);
    if (made) return made;
    const { uploadIds = [] } = opts.body;
    const [row] = await tx
      .insert(portfolioItems)
      .values({ ...opts.body, uploadIds, userId: opts.user.id, clientKey: opts.clientKey ?? null })
      .returning();
    if (!row) throw new Error('not inserted');
    await linkImages(tx, opts.user, 'portfolio', row.id, uploadIds);
    return row;
  });
}

export function updatePortfolioItem(
  ctx: AppContext,
  opts: { user: SessionUser; id: string; body: PortfolioPatch },
) {
  return changeProfile(ctx, opts.user, (tx) => updateOwnedItem(tx, portfolioItems, opts, 'portfolio'));
}

export const deletePortfolioItem = deleteOwnedItem(portfolioItems, 'portfolio');

// --- insights ---

/** The network of one of the user's social accounts; another's (or none) is a 400 field error. */
async function ownAccountNetwork(tx: Tx, user: SessionUser, accountId: string) {
  const [account] = await tx
    .select({ network: socialAccounts.network })
    .from(socialAccounts)
    .where(owned(socialAccounts, user, accountId));
  if (!account) throw fieldError('socialAccountId', 'social_account_unknown');
  return account.network;
}

/** An insight comes back with the network of its account, which the response carries. */
export function addInsight(
  ctx: AppContext,
  opts: { user: SessionUser; body: InsightBody; clientKey?: string | null },
) {
  return changeProfile(ctx, opts.user, async (tx) => {
    const made = await madeWithKey(tx, insights, opts.user, opts.clientKey);
    if (made) return { row: made, network: await ownAccountNetwork(tx, opts.user, made.socialAccountId) };
    const network = await ownAccountNetwork(tx, opts.user, opts.body.socialAccountId);
    const [row] = await tx
      .insert(insights)
      .values({ ...opts.body, userId: opts.user.id, clientKey: opts.clientKey ?? null })
      .returning();
    if (!row) throw new Error('not inserted');
    await linkImages(tx, opts.user, 'insight', row.id, opts.body.uploadIds);
    return { row, network };
  });
}

export function updateInsight(ctx: AppContext, opts: { user: SessionUser; id: string; body: InsightPatch }) {
  return changeProfile(ctx, opts.user, async (tx) => {
    const [existing] = await tx
      .select({ socialAccountId: insights.socialAccountId })
      .from(insights)
      .where(owned(insights, opts.user, opts.id));
    if (!existing) throw notFound();
    const accountId = opts.body.socialAccountId ?? existing.socialAccountId;
    const network = await ownAccountNetwork(tx, opts.user, accountId);
    const row = await updateOwnedItem(tx, insights, opts, 'insight');
    return { row, network };
  });
}

export const deleteInsight = deleteOwnedItem(insights, 'insight');
