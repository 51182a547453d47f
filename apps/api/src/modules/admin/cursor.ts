import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { CreatedKey } from '../campaigns/cursor.ts';

/** The row's created_at to the microsecond, as the ISO text a cursor carries: rows stamped by the
 * database's now() (accounts, audit entries — several in one transaction share it) keep their
 * microseconds, so a page never ends inside a run of equal milliseconds and skips the rest. */
export const exactCreatedAt = (column: AnyColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const exactKey = (row: { exactCreatedAt: string; id: string }): CreatedKey => ({
  c: row.exactCreatedAt,
  id: row.id,
});
