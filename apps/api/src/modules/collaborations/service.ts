import type { CollaborationListQuery } from '@bextr/contracts';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { collaborations } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { isIsoTimestamp } from '../../lib/cursor-keys.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { decodeCursor, pageOf } from '../campaigns/cursor.ts';
import { presentCollaboration } from './presenter.ts';
import { findCollaboration, loadAmendments, loadLines, selectCollaborations } from './queries.ts';

/** A collaboration for either of its sides, presented; 404 for anyone else (admins included: they
 * read it through the report about it). */
export async function getCollaboration(ctx: AppContext, opts: { user: SessionUser; id: string }) {
  const row = await findCollaboration(ctx.db, opts.user, opts.id);
  if (!row) throw notFound();
  const [lines, amendmentRows] = await Promise.all([
    loadLines(ctx.db, row.collaboration.id),
    loadAmendments(ctx.db, row.collaboration.id),
  ]);
  return presentCollaboration(opts.user, row, lines, amendmentRows);
}

type Key = { u: string; id: string };
const isKey = (v: Record<string, unknown>): v is Key => isIsoTimestamp(v.u) && typeof v.id === 'string';

/** The user's collaborations (the business's or the influencer's side; none for an admin), newest
 * activity first, keyset-paged on (updated_at, id); optionally those of one thread or in one state. */
export async function listCollaborations(
  ctx: AppContext,
  opts: { user: SessionUser; query: CollaborationListQuery },
) {
  const { user, query } = opts;
  // The viewer's own side (not either side): each matches one per-side index in list order.
  const side: SQL =
    user.role === 'business'
      ? eq(collaborations.businessId, user.id)
      : user.role === 'influencer'
        ? eq(collaborations.influencerId, user.id)
        : sql`false`;
  const after = decodeCursor(query.cursor, isKey);
  const rows = await selectCollaborations(ctx.db)
    .where(
      and(
        side,
        query.conversationId ? eq(collaborations.conversationId, query.conversationId) : undefined,
        query.status ? eq(collaborations.status, query.status) : undefined,
        after
          ? sql`(${collaborations.updatedAt}, ${collaborations.id}) < (${after.u}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(collaborations.updatedAt), desc(collaborations.id))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (r) => ({
    u: r.collaboration.updatedAt.toISOString(),
    id: r.collaboration.id,
  }));
}
