import { type InfluencerSearchQuery, searchTerms } from '@bextr/contracts';
import { type AnyColumn, and, desc, eq, gte, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { influencerProfiles, users } from '../../db/schema.ts';
import { fieldError } from '../../http/errors.ts';
import { decodeCursor, encodeCursor } from '../campaigns/cursor.ts';

type Key = { s: string; k: string | number; id: string };
const isKey = (v: Record<string, unknown>): v is Key =>
  typeof v.s === 'string' && typeof v.id === 'string' && (typeof v.k === 'string' || typeof v.k === 'number');

const hasArray = (column: AnyColumn, value: string) => sql`${column} @> array[${value}]::text[]`;

/** The directory of ready profiles: every part there (`listed`), e-mail verified, account active. */
function conditions(q: InfluencerSearchQuery): (SQL | undefined)[] {
  const terms = searchTerms(q.q ?? '');
  return [
    sql`${influencerProfiles.listed}`,
    eq(users.status, 'active'),
    isNotNull(users.emailVerifiedAt),
    terms.length > 0
      ? sql`${influencerProfiles.searchVector} @@ to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(' & ')})`
      : undefined,
    q.category ? hasArray(influencerProfiles.categories, q.category) : undefined,
    q.network ? hasArray(influencerProfiles.networks, q.network) : undefined,
    q.tier ? eq(influencerProfiles.tier, q.tier) : undefined,
    q.minFollowers !== undefined ? gte(influencerProfiles.followers, q.minFollowers) : undefined,
    q.maxFollowers !== undefined ? lte(influencerProfiles.followers, q.maxFollowers) : undefined,
    q.minEngagement !== undefined ? gte(influencerProfiles.engagementRate, q.minEngagement) : undefined,
    q.country ? hasArray(influencerProfiles.audienceCountries, q.country) : undefined,
    q.language ? hasArray(influencerProfiles.languages, q.language) : undefined,
  ];
}

/** Search, filters, one of three sorts (largest following first by default), keyset pagination. */
export async function searchInfluencers(ctx: AppContext, opts: { query: InfluencerSearchQuery }) {
  const { query } = opts;
  const sort = query.sort ?? 'followers';
  const after = decodeCursor(query.cursor, isKey);
  if (after && after.s !== sort) throw fieldError('cursor', 'invalid_cursor');
  const where = conditions(query);
  const p = influencerProfiles;
  let order: SQL[];
  let keyOf: (row: typeof p.$inferSelect) => string | number;
  if (sort === 'engagement') {
    order = [desc(p.engagementRate), desc(p.userId)];
    keyOf = (r) => r.engagementRate;
    if (after)
      where.push(
        sql`(${p.engagementRate}, ${p.userId}) < (${Number(after.k)}::double precision, ${after.id})`,
      );
  } else if (sort === 'newest') {
    order = [desc(p.createdAt), desc(p.userId)];
    keyOf = (r) => r.createdAt.toISOString();
    if (after)
      where.push(sql`(${p.createdAt}, ${p.userId}) < (${String(after.k)}::timestamptz, ${after.id})`);
  } else {
    order = [desc(p.followers), desc(p.userId)];
    keyOf = (r) => r.followers;
    if (after) where.push(sql`(${p.followers}, ${p.userId}) < (${Number(after.k)}::bigint, ${after.id})`);
  }
  const rows = await ctx.db
    .select({ profile: p })
    .from(p)
    .innerJoin(users, eq(users.id, p.userId))
    .where(and(...where))
    .orderBy(...order)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit).map((r) => r.profile);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ s: sort, k: keyOf(last), id: last.userId }) : null;
  return { page, nextCursor };
}
