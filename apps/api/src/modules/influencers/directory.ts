import { type InfluencerSearchQuery, type RatingSummary, searchTerms } from '@bextr/contracts';
import { type AnyColumn, and, desc, eq, gte, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { type InfluencerProfileRow, influencerProfiles, users } from '../../db/schema.ts';
import { fieldError } from '../../http/errors.ts';
import { decodeCursor, encodeCursor } from '../campaigns/cursor.ts';
import { ratingSummary } from '../reviews/rating.ts';

type Row = { profile: InfluencerProfileRow; ratingCount: number; ratingTotal: number };

/** A page's last row: the sort, its key, for `rating` also the review count (`c`), and the id. */
type Key = { s: string; k: string | number; c?: number; id: string };
const isKey = (v: Record<string, unknown>): v is Key =>
  typeof v.s === 'string' &&
  typeof v.id === 'string' &&
  (typeof v.k === 'string' || (typeof v.k === 'number' && Number.isFinite(v.k))) &&
  (v.c === undefined || (typeof v.c === 'number' && Number.isSafeInteger(v.c) && v.c >= 0));

/** The rating sort's key: the average of the reviews received, 0 before the first (so unrated
 * profiles come last), from the counters on `users`; computed the same way in JavaScript for the
 * cursor (an IEEE division either side, so the key compares exactly). */
const ratingKey = sql`(case when ${users.ratingCount} = 0 then 0 else ${users.ratingTotal}::double precision / ${users.ratingCount} end)`;
const ratingKeyOf = (r: { ratingCount: number; ratingTotal: number }) =>
  r.ratingCount === 0 ? 0 : r.ratingTotal / r.ratingCount;

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

export type DirectoryRow = { profile: InfluencerProfileRow; rating: RatingSummary };

/** Search, filters, one of four sorts (largest following first by default; `rating`: best average
 * first, then most reviews), keyset pagination. */
export async function searchInfluencers(ctx: AppContext, opts: { query: InfluencerSearchQuery }) {
  const { query } = opts;
  const sort = query.sort ?? 'followers';
  const after = decodeCursor(query.cursor, isKey);
  if (after && after.s !== sort) throw fieldError('cursor', 'invalid_cursor');
  const where = conditions(query);
  const p = influencerProfiles;
  let order: SQL[];
  // What the cursor after a row holds (its sort key, for `rating` also the review count).
  let keyOf: (row: Row) => Omit<Key, 's' | 'id'>;
  if (sort === 'rating') {
    order = [sql`${ratingKey} desc`, desc(users.ratingCount), desc(p.userId)];
    keyOf = (r) => ({ k: ratingKeyOf(r), c: r.ratingCount });
    if (after)
      where.push(
        sql`(${ratingKey}, ${users.ratingCount}, ${p.userId}) < (${Number(after.k)}::double precision, ${after.c ?? 0}::integer, ${after.id})`,
      );
  } else if (sort === 'engagement') {
    order = [desc(p.engagementRate), desc(p.userId)];
    keyOf = (r) => ({ k: r.profile.engagementRate });
    if (after)
      where.push(
        sql`(${p.engagementRate}, ${p.userId}) < (${Number(after.k)}::double precision, ${after.id})`,
      );
  } else if (sort === 'newest') {
    order = [desc(p.createdAt), desc(p.userId)];
    keyOf = (r) => ({ k: r.profile.createdAt.toISOString() });
    if (after)
      where.push(sql`(${p.createdAt}, ${p.userId}) < (${String(after.k)}::timestamptz, ${after.id})`);
  } else {
    order = [desc(p.followers), desc(p.userId)];
    keyOf = (r) => ({ k: r.profile.followers });
    if (after) where.push(sql`(${p.followers}, ${p.userId}) < (${Number(after.k)}::bigint, ${after.id})`);
  }
  const rows: Row[] = await ctx.db
    .select({ profile: p, ratingCount: users.ratingCount, ratingTotal: users.ratingTotal })
    .from(p)
    .innerJoin(users, eq(users.id, p.userId))
    .where(and(...where))
    .orderBy(...order)
    .limit(query.limit + 1);
  const slice = rows.slice(0, query.limit);
  const last = slice.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ s: sort, ...keyOf(last), id: last.profile.userId })
      : null;
  const page: DirectoryRow[] = slice.map((r) => ({ profile: r.profile, rating: ratingSummary(r) }));
  return { page, nextCursor };
}
