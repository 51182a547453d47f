import type { CampaignAbilities, CampaignStatus } from '@bextr/contracts';
import type { CampaignRow, ShownCampaign } from '../../db/schema.ts';

interface Actor {
  id: string;
  role: string;
}
type CampaignFacts = Pick<CampaignRow, 'ownerId' | 'status'>;

/** Today's date in UTC as YYYY-MM-DD: deadlines are whole days. The last day asked for is kept
 * with its bounds: a page of campaigns asks once per campaign, and a date string per call was a
 * percent of a discovery page's CPU (decision 018, eighth pass). */
const DAY_MS = 86_400_000;
let lastDay = { from: 0, to: 0, text: '' };
export function todayUtc(now?: Date): string {
  const ms = now ? now.getTime() : Date.now();
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.text;
  const from = ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
  lastDay = { from, to: from + DAY_MS, text: new Date(from).toISOString().slice(0, 10) };
  return lastDay.text;
}

export const isOwner = (actor: Actor | null, campaign: CampaignFacts) => actor?.id === campaign.ownerId;

/** Drafts are the owner's alone; other states are visible to any signed-in user while the business
 * is not suspended (a suspended business's campaigns are hidden, except from it and from admins). */
export const canView = (actor: Actor | null, campaign: CampaignFacts, ownerActive: boolean) =>
  isOwner(actor, campaign) || (campaign.status !== 'draft' && (ownerActive || actor?.role === 'admin'));

export const canEdit = (actor: Actor | null, campaign: CampaignFacts) =>
  isOwner(actor, campaign) && campaign.status !== 'closed';
export const canDelete = (actor: Actor | null, campaign: CampaignFacts) =>
  isOwner(actor, campaign) && campaign.status === 'draft';
export const canDuplicate = (actor: Actor | null, campaign: CampaignFacts) => isOwner(actor, campaign);

/** The named transitions of a campaign: the states each starts from, where it leads, and whether
 * it must pass the publish rules (verified e-mail, complete profile, complete campaign, deadline not
 * past) — resuming too, since a deadline or profile may have gone stale while paused. */
export const transitions = {
  publish: { from: ['draft'], to: 'published', publishRules: true },
  pause: { from: ['published'], to: 'paused', publishRules: false },
  resume: { from: ['paused'], to: 'published', publishRules: true },
  close: { from: ['published', 'paused'], to: 'closed', publishRules: false },
} as const satisfies Record<
  string,
  { from: readonly CampaignStatus[]; to: CampaignStatus; publishRules: boolean }
>;
export type Transition = keyof typeof transitions;

export const canTransition = (actor: Actor | null, campaign: CampaignFacts, action: Transition) =>
  isOwner(actor, campaign) && (transitions[action].from as readonly string[]).includes(campaign.status);

/** Fields that must not change on a published campaign while offers are pending (PRODUCT.md). */
export const fieldsLockedWhileOffersPending = ['compensation', 'tiers', 'networks'] as const;

/** Why a campaign does not take offers (or invitations) now: not open (status, deadline) or full;
 * null if it does. */
export function campaignClosedReason(
  campaign: Pick<CampaignRow, 'status' | 'applicationDeadline' | 'slots' | 'slotsFilled'>,
  today = todayUtc(),
): 'CAMPAIGN_NOT_OPEN' | 'CAMPAIGN_FULL' | null {
  if (
    campaign.status !== 'published' ||
    campaign.applicationDeadline === null ||
    campaign.applicationDeadline < today
  )
    return 'CAMPAIGN_NOT_OPEN';
  if (campaign.slots === null || campaign.slotsFilled >= campaign.slots) return 'CAMPAIGN_FULL';
  return null;
}

/** Published, deadline not passed, a slot free: influencers may send offers. */
export const isOpen = (campaign: ShownCampaign, today = todayUtc()) =>
  campaignClosedReason(campaign, today) === null;

/** An admin unpublished the campaign and the owner has not saved it since: it stays paused until
 * the owner edits it (the reason is shown in the editor), so a takedown is not undone by one click
 * (docs/decisions/015). */
export const editRequiredAfterUnpublish = (campaign: Pick<CampaignRow, 'unpublishedAt' | 'updatedAt'>) =>
  campaign.unpublishedAt !== null && campaign.updatedAt.getTime() <= campaign.unpublishedAt.getTime();

export function abilitiesFor(
  actor: Actor | null,
  campaign: CampaignFacts & Pick<CampaignRow, 'unpublishedAt' | 'updatedAt'>,
): CampaignAbilities {
  return {
    edit: canEdit(actor, campaign),
    publish: canTransition(actor, campaign, 'publish'),
    pause: canTransition(actor, campaign, 'pause'),
    resume: canTransition(actor, campaign, 'resume') && !editRequiredAfterUnpublish(campaign),
    close: canTransition(actor, campaign, 'close'),
    delete: canDelete(actor, campaign),
    duplicate: canDuplicate(actor, campaign),
  };
}
