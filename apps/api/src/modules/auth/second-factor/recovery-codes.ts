import { randomInt } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@bextr/contracts';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { recoveryCodes } from '../../../db/schema.ts';
import { sha256 } from '../../../lib/tokens.ts';

/** Lower-case letters and digits without the look-alikes (0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** One code as shown: ten characters in two groups ("k7xqm-2ht9p"), about 50 bits. */
function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The stored form: sha256 of the code without its dash (the body schema already lower-cased it and
 * dropped dashes and spaces). */
const hashOf = (normalized: string) => sha256(`recovery:${normalized}`);

/** Replaces every recovery code of the admin with ten fresh ones; returns them (shown once). */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashOf(code.replace('-', '')) })));
  return codes;
}

/** Uses one code: marks it used if it is the admin's and unused (a conditional update, so two
 * requests with the same code cannot both pass). */
export async function consumeRecoveryCode(tx: Tx, userId: string, normalized: string): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashOf(normalized)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function countRecoveryCodesLeft(db: Db | Tx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
