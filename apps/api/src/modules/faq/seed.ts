import { initialFaqEntries, locales } from '@bextr/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { faqEntries } from '../../db/schema.ts';

/** Puts the initial FAQ (both languages) into a database whose FAQ is empty; every database gets
 * it, demo or not. Returns how many rows were added. */
export async function seedInitialFaq(db: Db): Promise<number> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(faqEntries);
  if (Number(existing?.n ?? 0) > 0) return 0;
  const positions = new Map<string, number>();
  const rows = locales.flatMap((locale) =>
    initialFaqEntries.map((entry) => {
      const key = `${locale}:${entry.group}`;
      const position = positions.get(key) ?? 0;
      positions.set(key, position + 1);
      return { locale, group: entry.group, position, seedKey: entry.key, ...entry.text[locale] };
    }),
  );
  // Two processes booting at once: the unique seed key keeps one copy.
  const inserted = await db
    .insert(faqEntries)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: faqEntries.id });
  return inserted.length;
}
