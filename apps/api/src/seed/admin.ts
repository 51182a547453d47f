import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { hashPassword, verifyPassword } from '../modules/auth/passwords.ts';

/** Makes sure the configured admin exists and signs in with the configured password. Admins are
 * never created any other way. */
export async function ensureAdmin(
  db: Db,
  admin: { email: string; password: string; name?: string },
): Promise<'created' | 'updated' | 'unchanged' | 'conflict'> {
  const existing = (
    await db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, admin.email.toLowerCase()))
  )[0];
  if (!existing) {
    await db.insert(users).values({
      email: admin.email,
      passwordHash: await hashPassword(admin.password),
      role: 'admin',
      name: admin.name ?? 'BeXtr Admin',
      emailVerifiedAt: new Date(),
    });
    return 'created';
  }
  if (existing.role !== 'admin') return 'conflict';
  if (await verifyPassword(existing.passwordHash, admin.password)) return 'unchanged';
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(admin.password), updatedAt: new Date() })
    .where(eq(users.id, existing.id));
  return 'updated';
}
