import type { CompletenessItem } from '@bextr/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { influencerProfiles, users } from '../../db/schema.ts';

interface Actor {
  id: string;
  role: string;
}

export const isProfileOwner = (actor: Actor | null, profile: { userId: string }) =>
  actor?.id === profile.userId;

/** Businesses and admins read the directory and full profiles. */
export const canBrowseInfluencers = (actor: Actor | null) =>
  actor?.role === 'business' || actor?.role === 'admin';

/** Who may see a profile, as SQL over `influencer_profiles` joined with its `users` row: the owner;
 * businesses and admins once it has a handle; everyone when it is public. Suspended: nobody but the
 * owner. One rule for the profile and every image attached to it. */
export function profileVisibleTo(actor: Actor | null): SQL {
  const active = sql`${users.status} = 'active' and ${influencerProfiles.handle} is not null`;
  const owner = actor ? sql`${influencerProfiles.userId} = ${actor.id}` : sql`false`;
  const browse = canBrowseInfluencers(actor) ? sql`true` : sql`${influencerProfiles.isPublic}`;
  return sql`(${owner} or (${active} and ${browse}))`;
}

export function abilitiesFor(actor: Actor | null, profile: { userId: string }) {
  return { edit: isProfileOwner(actor, profile), invite: actor?.role === 'business' };
}

export interface ProfileParts {
  basics: boolean;
  socialAccounts: number;
  audience: boolean;
  portfolio: number;
  insightsWithScreenshots: number;
}

/** What a ready profile still lacks (API.md "Key fields"): everything but the e-mail is `listed`. */
export function missingParts(parts: ProfileParts, emailVerified: boolean): CompletenessItem[] {
  const missing: CompletenessItem[] = [];
  if (!parts.basics) missing.push('basics');
  if (parts.socialAccounts === 0) missing.push('social_accounts');
  if (!parts.audience) missing.push('audience');
  if (parts.portfolio === 0) missing.push('portfolio');
  if (parts.insightsWithScreenshots === 0) missing.push('insights');
  if (!emailVerified) missing.push('email_verified');
  return missing;
}
