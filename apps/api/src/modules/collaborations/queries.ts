import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import {
  amendments,
  businessProfiles,
  collaborationDeliverables,
  collaborations,
  deliverableProofs,
  influencerProfiles,
  users,
} from '../../db/schema.ts';
import { collaborationVisibleTo } from './policy.ts';

interface Actor {
  id: string;
  role: string;
}

const businessUser = alias(users, 'collab_business');
const influencerUser = alias(users, 'collab_influencer');

/** Collaborations with both sides' public names (the company's, the influencer's display name and
 * handle; the account names as fallbacks — never an e-mail), the progress over the current lines and
 * whether an amendment waits. */
export function selectCollaborations(db: Db | Tx) {
  return db
    .select({
      collaboration: collaborations,
      businessName: sql<string>`coalesce(${businessProfiles.companyName}, ${businessUser.name})`,
      influencerName: sql<string>`coalesce(${influencerProfiles.displayName}, ${influencerUser.name})`,
      handle: influencerProfiles.handle,
      approved: sql<number>`(select count(*) from collaboration_deliverables d
        where d.collaboration_id = ${collaborations.id} and d.current and d.status = 'approved')`.mapWith(
        Number,
      ),
      total: sql<number>`(select count(*) from collaboration_deliverables d
        where d.collaboration_id = ${collaborations.id} and d.current)`.mapWith(Number),
      pendingAmendmentBy: sql<string | null>`(select a.proposed_by from amendments a
        where a.collaboration_id = ${collaborations.id} and a.status = 'pending' limit 1)`,
    })
    .from(collaborations)
    .innerJoin(businessUser, eq(businessUser.id, collaborations.businessId))
    .innerJoin(influencerUser, eq(influencerUser.id, collaborations.influencerId))
    .leftJoin(businessProfiles, eq(businessProfiles.userId, collaborations.businessId))
    .leftJoin(influencerProfiles, eq(influencerProfiles.userId, collaborations.influencerId));
}
export type CollaborationWithParties = Awaited<ReturnType<typeof selectCollaborations>>[number];

/** One collaboration of the actor's (either side), or null: anyone else's is simply not found. */
export async function findCollaboration(db: Db | Tx, actor: Actor, id: string) {
  const [row] = await selectCollaborations(db)
    .where(and(eq(collaborations.id, id), collaborationVisibleTo(actor)))
    .limit(1);
  return row ?? null;
}

/** The collaboration row of one of the actor's, locked for the change that follows (FOR NO KEY
 * UPDATE: every change of a collaboration — its lines, proofs, amendments, cancel — queues behind
 * this lock, so two racing decisions see each other's result). Null for anyone else's. */
export async function lockCollaboration(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(collaborations)
    .where(and(eq(collaborations.id, id), collaborationVisibleTo(actor)))
    .for('no key update');
  return row ?? null;
}

/** Every line of a collaboration (current ones first, in agreement order) with its proofs. */
export async function loadLines(db: Db | Tx, collaborationId: string) {
  const lines = await db
    .select()
    .from(collaborationDeliverables)
    .where(eq(collaborationDeliverables.collaborationId, collaborationId))
    .orderBy(desc(collaborationDeliverables.current), asc(collaborationDeliverables.position));
  const proofs =
    lines.length === 0
      ? []
      : await db
          .select()
          .from(deliverableProofs)
          .where(
            inArray(
              deliverableProofs.deliverableId,
              lines.map((l) => l.id),
            ),
          )
          .orderBy(desc(deliverableProofs.createdAt), desc(deliverableProofs.id));
  return lines.map((line) => ({ line, proofs: proofs.filter((p) => p.deliverableId === line.id) }));
}
export type LineWithProofs = Awaited<ReturnType<typeof loadLines>>[number];

export function loadAmendments(db: Db | Tx, collaborationId: string) {
  return db
    .select()
    .from(amendments)
    .where(eq(amendments.collaborationId, collaborationId))
    .orderBy(desc(amendments.createdAt), desc(amendments.id));
}
