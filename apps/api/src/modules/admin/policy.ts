import type { AdminUserAbilities } from '@bextr/contracts';
import type { CampaignRow } from '../../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';

/** What an admin may do to an account: warn and suspend businesses and influencers (never another
 * admin), suspend only an active one and reinstate only a suspended one. */
export function userAbilities(user: Pick<SessionUser, 'role' | 'status'>): AdminUserAbilities {
  const member = user.role !== 'admin';
  return {
    warn: member,
    suspend: member && user.status === 'active',
    reinstate: member && user.status === 'suspended',
  };
}

/** Only a published campaign can be unpublished (it goes back to paused). */
export const canUnpublish = (campaign: Pick<CampaignRow, 'status'>) => campaign.status === 'published';

/** Escapes LIKE's wildcards so a search for "50%" or "a_b" matches those characters. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
