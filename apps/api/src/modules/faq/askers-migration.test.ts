import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../db/migrate.ts';

/** Runs one generated migration file, statement by statement, as the migrator does. */
async function apply(db: PGlite, tag: string) {
  const sqlText = await readFile(path.join(migrationsFolder, `${tag}.sql`), 'utf8');
  for (const statement of sqlText.split('--> statement-breakpoint')) {
    if (statement.trim()) await db.exec(statement);
  }
}

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
  await apply(db, '0000_init');
  await apply(db, '0001_offers');
});
afterAll(async () => {
  await db?.close();
});

describe('migration 0002_faq_askers', () => {
  it('moves each existing question’s contact to its first asker', async () => {
    await db.exec(`
      INSERT INTO faq_questions (id, question, name, email, locale, question_hash, duplicates, created_at)
      VALUES ('q1', 'Is it free?', 'Jana', 'jana@example.test', 'sk', 'h1', 2, '2026-01-02T03:04:05Z'),
             ('q2', 'Is there an app?', NULL, NULL, 'en', 'h2', 0, '2026-01-03T00:00:00Z');
    `);
    await apply(db, '0002_faq_askers');
    const askers = await db.query(
      'SELECT question_id, name, email, locale, created_at FROM faq_question_askers ORDER BY question_id',
    );
    expect(askers.rows).toEqual([
      {
        question_id: 'q1',
        name: 'Jana',
        email: 'jana@example.test',
        locale: 'sk',
        created_at: new Date('2026-01-02T03:04:05Z'),
      },
      {
        question_id: 'q2',
        name: null,
        email: null,
        locale: 'en',
        created_at: new Date('2026-01-03T00:00:00Z'),
      },
    ]);
    const columns = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'faq_questions'`,
    );
    expect(columns.rows.map((c) => c.column_name)).not.toContain('email');
    // The same e-mail (in any case) is one asker per question; anonymous askers are each a row.
    await db.exec(
      `INSERT INTO faq_question_askers (id, question_id, email, locale) VALUES ('a2', 'q2', NULL, 'en')`,
    );
    await expect(
      db.exec(
        `INSERT INTO faq_question_askers (id, question_id, email, locale) VALUES ('a3', 'q1', 'JANA@example.test', 'en')`,
      ),
    ).rejects.toThrow(/duplicate key/);
  });
});
