import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import {
  campaigns,
  collaborationDeliverables,
  collaborations,
  deliverableProofs,
  influencerProfiles,
  offers,
  reports,
  users,
} from '../db/schema.ts';
import { createCollaboration } from '../modules/collaborations/create.ts';
import { insertReview } from '../modules/reviews/queries.ts';
import { DEMO_INFLUENCER } from './demo-offers-plan.ts';

interface DemoReview {
  rating: number;
  text: string;
}

/** Where each accepted demo offer's collaboration stands (by campaign name and influencer handle). */
interface DemoCollaboration {
  campaign: string;
  handle: string;
  stage: 'active' | 'one_submitted' | 'completed' | 'disputed';
  /** Completed ones: the business's review of the influencer and the influencer's of the business. */
  byBusiness?: DemoReview;
  byInfluencer?: DemoReview;
  /** Disputed ones: the business's open report against the influencer. */
  report?: { category: 'late'; description: string };
}

const stages: DemoCollaboration[] = [
  {
    campaign: 'Ranná káva z Tatier',
    handle: 'tomas.trails',
    stage: 'completed',
    byBusiness: {
      rating: 5,
      text: 'Tomáš doručil všetko načas a jeho stories z Kriváňa mali výborný ohlas. Radi spolupracujeme znova.',
    },
    byInfluencer: {
      rating: 5,
      text: 'Jasné zadanie, rýchla komunikácia a káva, ktorú som rád ukázal. Odporúčam.',
    },
  },
  {
    campaign: 'Cold brew summer',
    handle: 'marek.coffee',
    stage: 'completed',
    byBusiness: {
      rating: 4,
      text: 'Great reel and honest captions. One post went out a day late, otherwise spot on.',
    },
    byInfluencer: { rating: 5, text: 'Clear brief, fair pay, paid on time. Would work with them again.' },
  },
  {
    campaign: 'Jarná výzva: 30 dní pohybu',
    handle: 'ema.moves',
    stage: 'completed',
    byBusiness: { rating: 5, text: 'Ema motivovala celú komunitu, výzva mala dvakrát viac účastníkov.' },
    byInfluencer: { rating: 4, text: 'Príjemná spolupráca, len schvaľovanie obsahu trvalo dlhšie.' },
  },
  {
    campaign: 'Launch stream: Valley Keepers',
    handle: 'erik.esports',
    stage: 'disputed',
    report: {
      category: 'late',
      description:
        'The launch stream was agreed for the release day. It has not happened yet and the creator has not answered in the thread for a week.',
    },
  },
];

const PROOF_NOTE = 'Zverejnené, odkaz je v prílohe.';

async function completeLines(
  tx: Tx,
  collaborationId: string,
  influencerId: string,
  businessId: string,
  at: Date,
) {
  const lines = await tx
    .select({ id: collaborationDeliverables.id, key: collaborationDeliverables.key })
    .from(collaborationDeliverables)
    .where(eq(collaborationDeliverables.collaborationId, collaborationId));
  for (const line of lines) {
    await tx.insert(deliverableProofs).values({
      deliverableId: line.id,
      collaborationId,
      submittedBy: influencerId,
      url: `https://www.instagram.com/p/bextr-demo-${collaborationId.slice(-6)}-${line.key}/`,
      note: PROOF_NOTE,
      decision: 'approved',
      decidedBy: businessId,
      decidedAt: at,
      createdAt: new Date(at.getTime() - 30_000),
    });
  }
  await tx
    .update(collaborationDeliverables)
    .set({ status: 'approved', updatedAt: at })
    .where(eq(collaborationDeliverables.collaborationId, collaborationId));
}

async function review(
  tx: Tx,
  collaborationId: string,
  authorId: string,
  subjectId: string,
  r: DemoReview,
  at: Date,
) {
  const inserted = await insertReview(tx, {
    collaborationId,
    authorId,
    subjectId,
    rating: r.rating,
    text: r.text,
    createdAt: at,
  });
  if (!inserted) throw new Error('demo review not inserted');
}

/** A collaboration for every accepted demo offer (made the way accepting makes it), then: three
 * completed with approved proofs and both reviews, the demo influencer's with one deliverable
 * waiting for the demo business's approval, and one disputed by an open report. */
export async function seedDemoCollaborations(db: Db): Promise<void> {
  const accepted = await db
    .select({ offer: offers, campaign: campaigns, handle: influencerProfiles.handle })
    .from(offers)
    .innerJoin(campaigns, eq(campaigns.id, offers.campaignId))
    .innerJoin(influencerProfiles, eq(influencerProfiles.userId, offers.influencerId))
    .innerJoin(users, eq(users.id, offers.influencerId))
    .where(and(eq(offers.status, 'accepted'), eq(users.isDemo, true)));
  await db.transaction(async (tx) => {
    for (const { offer, campaign, handle } of accepted) {
      const decided = offer.decidedAt ?? offer.updatedAt;
      const row = await createCollaboration(tx, { offer, campaign, now: decided });
      const plan =
        stages.find((s) => s.campaign === campaign.name && s.handle === handle) ??
        (handle === DEMO_INFLUENCER ? { stage: 'one_submitted' as const } : { stage: 'active' as const });
      // Two days after the acceptance, but never in the future (recent demo offers were accepted
      // only hours ago).
      const later = new Date(
        Math.max(
          decided.getTime() + 60_000,
          Math.min(decided.getTime() + 2 * 86_400_000, Date.now() - 3_600_000),
        ),
      );
      if (plan.stage === 'completed') {
        await completeLines(tx, row.id, row.influencerId, row.businessId, later);
        await tx
          .update(collaborations)
          .set({ status: 'completed', deliveredAt: later, completedAt: later, updatedAt: later })
          .where(eq(collaborations.id, row.id));
        const p = plan as DemoCollaboration;
        if (p.byBusiness) await review(tx, row.id, row.businessId, row.influencerId, p.byBusiness, later);
        if (p.byInfluencer) await review(tx, row.id, row.influencerId, row.businessId, p.byInfluencer, later);
      } else if (plan.stage === 'one_submitted') {
        const [first] = await tx
          .select({ id: collaborationDeliverables.id })
          .from(collaborationDeliverables)
          .where(eq(collaborationDeliverables.collaborationId, row.id))
          .orderBy(collaborationDeliverables.position)
          .limit(1);
        if (first) {
          await tx.insert(deliverableProofs).values({
            deliverableId: first.id,
            collaborationId: row.id,
            submittedBy: row.influencerId,
            url: 'https://www.instagram.com/p/bextr-demo-lucia-1/',
            note: PROOF_NOTE,
            createdAt: later,
          });
          await tx
            .update(collaborationDeliverables)
            .set({ status: 'submitted', updatedAt: later })
            .where(eq(collaborationDeliverables.id, first.id));
          await tx.update(collaborations).set({ updatedAt: later }).where(eq(collaborations.id, row.id));
        }
      } else if (plan.stage === 'disputed') {
        const report = (plan as DemoCollaboration).report;
        if (!report) continue;
        await tx.insert(reports).values({
          reporterId: row.businessId,
          againstUserId: row.influencerId,
          collaborationId: row.id,
          conversationId: row.conversationId,
          category: report.category,
          description: report.description,
          createdAt: later,
          updatedAt: later,
        });
        await tx
          .update(collaborations)
          .set({ status: 'disputed', statusBeforeDispute: 'active', updatedAt: later })
          .where(eq(collaborations.id, row.id));
      }
    }
  });
}
