import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { emailTokens } from '../../db/schema.ts';
import { newSecret, sha256 } from '../../lib/tokens.ts';

type Kind = (typeof emailTokens.$inferSelect)['kind'];

const TTL_HOURS: Record<Kind, number> = { verify_email: 48, password_reset: 1 };

/** Issues a single-use token for an e-mail link; earlier unused tokens of that kind stop working. */
export async function issueEmailToken(tx: Tx, userId: string, kind: Kind): Promise<string> {
  await tx
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.kind, kind), isNull(emailTokens.usedAt)));
  const token = newSecret();
  await tx.insert(emailTokens).values({
    userId,
    kind,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + TTL_HOURS[kind] * 3_600_000),
  });
  return token;
}

/** Spends a token once: a conditional update, so two clicks cannot both succeed. Returns the user id. */
export async function consumeEmailToken(tx: Tx, token: string, kind: Kind): Promise<string | null> {
  const rows = await tx
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.tokenHash, sha256(token)),
        eq(emailTokens.kind, kind),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: emailTokens.userId });
  return rows[0]?.userId ?? null;
}
