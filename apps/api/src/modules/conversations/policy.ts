import type { LimitRule } from '../../lib/rate-limit.ts';

interface Actor {
  id: string;
  role: string;
}

/** The two sides of a thread: the business and the influencer of its offer. */
export interface ConversationSides {
  businessId: string;
  influencerId: string;
}

/** Whether the actor takes part in the thread. Only its two members may see or use it; anyone else —
 * another business or influencer, an admin (who reads threads only through a report), a visitor — is
 * told it does not exist (404). */
export const isMember = (actor: Actor | null, sides: ConversationSides) =>
  actor !== null && (actor.id === sides.businessId || actor.id === sides.influencerId);

/** The other member of a thread, seen from one of its members. */
export const otherMemberOf = (actor: Actor, sides: ConversationSides) =>
  actor.id === sides.businessId ? sides.influencerId : sides.businessId;

/** The column naming the actor's side of a thread, for "my threads" (indexed with the newest activity
 * first); null for a role that takes part in none (admins). */
export function ownSideColumn(actor: Actor): 'business_id' | 'influencer_id' | null {
  if (actor.role === 'business') return 'business_id';
  if (actor.role === 'influencer') return 'influencer_id';
  return null;
}

/** Messages one sender may post per minute, across threads (times RATE_LIMIT_SCALE): far above a
 * person typing, low enough to stop a script flooding a thread. */
export const sendMessageLimit: LimitRule = { max: 120, windowSeconds: 60 };
