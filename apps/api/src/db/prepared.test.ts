import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/database.ts';
import type { Tx } from './client.ts';
import { preparedIn } from './prepared.ts';
import { faqEntries } from './schema.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase(inject('testDatabase'));
});
afterAll(() => test.dispose());

const entry = (question: string) => ({
  locale: 'en' as const,
  group: 'basics' as const,
  question,
  answer: 'A',
});

describe('preparedIn: a query built once runs inside each transaction that uses it', () => {
  let builds = 0;
  const questionOf = (tx: Tx, id: string) =>
    preparedIn(tx, 'test_faq_question', (t, name) => {
      builds += 1;
      return t
        .select({ question: faqEntries.question })
        .from(faqEntries)
        .where(eq(faqEntries.id, sql.placeholder('id')))
        .prepare(name);
    }).execute({ id });

  it("sees the transaction's own uncommitted rows, and what a rollback undid is gone", async () => {
    const { db } = test.database;
    let firstId = '';
    await expect(
      db.transaction(async (tx) => {
        const [row] = await tx.insert(faqEntries).values(entry('First?')).returning({ id: faqEntries.id });
        firstId = row?.id ?? '';
        expect(await questionOf(tx, firstId)).toEqual([{ question: 'First?' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const second = await db.transaction(async (tx) => {
      const [row] = await tx.insert(faqEntries).values(entry('Second?')).returning({ id: faqEntries.id });
      const id = row?.id ?? '';
      return { id, seen: await questionOf(tx, id), first: await questionOf(tx, firstId) };
    });
    expect(second.seen).toEqual([{ question: 'Second?' }]);
    expect(second.first).toEqual([]);
    expect(builds).toBe(1);
    // Committed: the app's handle reads it too.
    expect(
      await db.select({ q: faqEntries.question }).from(faqEntries).where(eq(faqEntries.id, second.id)),
    ).toEqual([{ q: 'Second?' }]);
  });
});
