import { eq, or, type SQL, sql } from 'drizzle-orm';
import { uploadLinks, uploads } from '../../db/schema.ts';
import { collaborationVisibleTo } from '../collaborations/policy.ts';
import { profileVisibleTo } from '../influencers/policy.ts';

interface Actor {
  id: string;
  role: string;
}

/** Who may see a campaign, as SQL over `campaigns` joined with its owner's `users` row (the rule of
 * campaigns/policy.ts canView and of the public teaser): the owner always; signed-in users when it is
 * not a draft and the business is active (admins also while it is suspended); visitors when it is
 * published and the business is active. */
function campaignVisibleTo(actor: Actor | null): SQL {
  if (!actor) return sql`(campaigns.status = 'published' and users.status = 'active')`;
  const active = actor.role === 'admin' ? sql`true` : sql`users.status = 'active'`;
  return sql`(campaigns.owner_id = ${actor.id} or (campaigns.status <> 'draft' and ${active}))`;
}

/** A business's logo, kept simple: anyone signed in sees the logo of an active business; visitors
 * only once it has a published campaign (whose teaser names it). The owner sees it as its uploader. */
function businessLogoVisibleTo(actor: Actor | null): SQL {
  const active = sql`users.status = 'active'`;
  if (actor) return active;
  return sql`(${active} and exists (
    select 1 from campaigns where campaigns.owner_id = users.id and campaigns.status = 'published'
  ))`;
}

/** Who may load an upload, as one SQL condition over the upload row: its owner, or whoever may see
 * an object it is linked to (upload_links). Anything else is simply not found. */
export function uploadVisibleTo(actor: Actor | null): SQL {
  const viaProfile = sql`exists (
    select 1 from ${uploadLinks}
    join influencer_profiles on influencer_profiles.user_id = ${uploadLinks.subjectId}
    join users on users.id = influencer_profiles.user_id
    where ${uploadLinks.uploadId} = ${uploads.id}
      and ${uploadLinks.subjectType} = 'influencer_profile'
      and ${profileVisibleTo(actor)}
  )`;
  const viaCampaign = sql`exists (
    select 1 from ${uploadLinks}
    join campaigns on campaigns.id = ${uploadLinks.subjectId}
    join users on users.id = campaigns.owner_id
    where ${uploadLinks.uploadId} = ${uploads.id}
      and ${uploadLinks.subjectType} = 'campaign'
      and ${campaignVisibleTo(actor)}
  )`;
  const viaBusiness = sql`exists (
    select 1 from ${uploadLinks}
    join users on users.id = ${uploadLinks.subjectId}
    where ${uploadLinks.uploadId} = ${uploads.id}
      and ${uploadLinks.subjectType} = 'business_profile'
      and ${businessLogoVisibleTo(actor)}
  )`;
  const linked = or(viaProfile, viaCampaign, viaBusiness) as SQL;
  if (!actor) return linked;
  // A message's attachments: the thread's two members only (never visitors, admins or strangers).
  const viaConversation = sql`exists (
    select 1 from ${uploadLinks}
    join conversation_members on conversation_members.conversation_id = ${uploadLinks.subjectId}
    where ${uploadLinks.uploadId} = ${uploads.id}
      and ${uploadLinks.subjectType} = 'conversation'
      and conversation_members.user_id = ${actor.id}
  )`;
  // A deliverable's proof screenshots: the collaboration's two sides.
  const viaCollaboration = sql`exists (
    select 1 from ${uploadLinks}
    join collaborations on collaborations.id = ${uploadLinks.subjectId}
    where ${uploadLinks.uploadId} = ${uploads.id}
      and ${uploadLinks.subjectType} = 'collaboration'
      and ${collaborationVisibleTo(actor)}
  )`;
  // Admins read a thread, a collaboration's proofs and a report's evidence only through a report:
  // evidence of any report, and attachments or proofs of a thread or collaboration a report names.
  const viaReport =
    actor.role === 'admin'
      ? sql`exists (
    select 1 from ${uploadLinks}
    where ${uploadLinks.uploadId} = ${uploads.id}
      and (${uploadLinks.subjectType} = 'report'
        or (${uploadLinks.subjectType} = 'conversation'
          and exists (select 1 from reports where reports.conversation_id = ${uploadLinks.subjectId}))
        or (${uploadLinks.subjectType} = 'collaboration'
          and exists (select 1 from reports where reports.collaboration_id = ${uploadLinks.subjectId})))
  )`
      : sql`false`;
  return or(eq(uploads.ownerId, actor.id), linked, viaConversation, viaCollaboration, viaReport) as SQL;
}
