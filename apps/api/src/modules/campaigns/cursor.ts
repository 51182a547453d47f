import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { fieldError } from '../../http/errors.ts';
import { isIsoTimestamp } from '../../lib/cursor-keys.ts';

type CursorValue = Record<string, string | number | null>;

/** Opaque page cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T extends CursorValue>(
  cursor: string | undefined,
  check: (value: Record<string, unknown>) => value is T,
): T | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && check(value as Record<string, unknown>)) return value as T;
  } catch {
    // falls through to the field error
  }
  throw fieldError('cursor', 'invalid_cursor');
}

/** One page out of the `limit + 1` rows fetched, and the cursor after its last row when more follow. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (row: R) => CursorValue) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** The key of a list ordered newest first by (created_at, id). */
export type CreatedKey = { c: string; id: string };
export const isCreatedKey = (v: Record<string, unknown>): v is CreatedKey =>
  isIsoTimestamp(v.c) && typeof v.id === 'string';
export const createdKey = (row: { createdAt: Date; id: string }): CreatedKey => ({
  c: row.createdAt.toISOString(),
  id: row.id,
});

/** `(created_at, id) < key`: the rows after `key` in a newest-first list. */
export const createdBefore = (createdAt: AnyColumn, id: AnyColumn, key: CreatedKey): SQL =>
  sql`(${createdAt}, ${id}) < (${key.c}::timestamptz, ${key.id})`;

/** The row's created_at to the microsecond, as the ISO text a cursor carries: rows stamped by the
 * database's now() (accounts, audit entries — several in one transaction share it) keep their
 * microseconds, so a page never ends inside a run of equal milliseconds and skips the rest. */
export const exactCreatedAt = (column: AnyColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const exactKey = (row: { exactCreatedAt: string; id: string }): CreatedKey => ({
  c: row.exactCreatedAt,
  id: row.id,
});
