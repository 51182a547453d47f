import { z } from 'zod';
import { compensationTypeSchema, dateSchema, deliverableSchema } from './campaigns.ts';
import { idSchema, listQuerySchema, moneySchema, pageSchema } from './common.ts';
import { imageRefSchema } from './uploads.ts';

// ── Collaborations (the agreement made when an offer is accepted, its delivery and its end) ──

export const collaborationStatuses = ['active', 'delivered', 'completed', 'cancelled', 'disputed'] as const;
export const collaborationStatusSchema = z.enum(collaborationStatuses);
export type CollaborationStatus = z.infer<typeof collaborationStatusSchema>;
/** States in which the work goes on: proofs, decisions, amendments and a cancel are taken. */
export const workingCollaborationStatuses = [
  'active',
  'delivered',
] as const satisfies readonly CollaborationStatus[];

export const deliverableStatuses = ['pending', 'submitted', 'changes_requested', 'approved'] as const;
export const deliverableStatusSchema = z.enum(deliverableStatuses);
export type DeliverableStatus = z.infer<typeof deliverableStatusSchema>;

export const amendmentStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const amendmentStatusSchema = z.enum(amendmentStatuses);
export type AmendmentStatus = z.infer<typeof amendmentStatusSchema>;

export const collaborationSides = ['business', 'influencer'] as const;
export const collaborationSideSchema = z.enum(collaborationSides);
export type CollaborationSide = z.infer<typeof collaborationSideSchema>;

export const PROOF_NOTE_MAX = 2000;
export const PROOF_URL_MAX = 2000;
export const PROOF_IMAGES_MAX = 6;
export const DECISION_NOTE_MAX = 2000;
export const AMENDMENT_NOTE_MAX = 2000;
export const CANCEL_REASON_MAX = 1000;

/** One line of the agreed deliverables; `key` names it for its whole life (proofs, amendments). */
export const agreementDeliverableSchema = z.object({
  key: z.string(),
  type: deliverableSchema.shape.type,
  network: deliverableSchema.shape.network,
  quantity: z.number().int(),
  notes: z.string().optional(),
});
export type AgreementDeliverable = z.infer<typeof agreementDeliverableSchema>;

/** The terms both sides agreed to: frozen at acceptance, changed only by an accepted amendment. */
export const agreementSchema = z.object({
  campaignName: z.string(),
  compensationType: compensationTypeSchema,
  /** Paid collaborations; null for barter. */
  price: moneySchema.nullable(),
  /** Barter collaborations: what the business gives. */
  barterDescription: z.string().nullable(),
  publishDate: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  deliverables: z.array(agreementDeliverableSchema),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const proofSchema = z.object({
  id: idSchema,
  url: z.string().nullable(),
  note: z.string().nullable(),
  images: z.array(imageRefSchema),
  /** The business's answer; null while it waits. */
  decision: z.enum(['approved', 'changes_requested']).nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Proof = z.infer<typeof proofSchema>;

/** A line of the agreement with where its delivery stands and every proof sent for it (newest first).
 * `current` is false for a line an accepted amendment dropped (kept for its history). */
export const collaborationDeliverableSchema = agreementDeliverableSchema.extend({
  id: idSchema,
  status: deliverableStatusSchema,
  current: z.boolean(),
  proofs: z.array(proofSchema),
  abilities: z.object({ submitProof: z.boolean(), approve: z.boolean(), requestChanges: z.boolean() }),
});
export type CollaborationDeliverable = z.infer<typeof collaborationDeliverableSchema>;

/** POST /collaborations/:id/amendments — the parts of the terms to change (at least one). A new
 * `deliverables` list replaces the whole list: a line that keeps its `key` stays that line (its
 * status and proofs), a line without one is new, a line left out is dropped (never an approved one). */
export const amendmentChangesSchema = z
  .strictObject({
    /** Paid collaborations only; minor units. */
    priceAmount: z.number().int().min(1).max(100_000_000).optional(),
    publishDate: dateSchema.optional(),
    startDate: dateSchema.optional(),
    endDate: dateSchema.optional(),
    deliverables: z
      .array(deliverableSchema.extend({ key: z.string().min(1).max(64).optional() }))
      .min(1)
      .max(20)
      .optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'amendment_empty' });
export type AmendmentChanges = z.infer<typeof amendmentChangesSchema>;

export const amendmentBodySchema = z.strictObject({
  changes: amendmentChangesSchema,
  note: z.string().trim().max(AMENDMENT_NOTE_MAX).optional(),
});
export type AmendmentBody = z.infer<typeof amendmentBodySchema>;

export const amendmentSchema = z.object({
  id: idSchema,
  proposedBy: collaborationSideSchema,
  /** What the proposal changes (only those parts). */
  changes: z.object({
    priceAmount: z.number().int().optional(),
    publishDate: z.string().optional(),
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    deliverables: z.array(agreementDeliverableSchema.partial({ key: true })).optional(),
  }),
  note: z.string().nullable(),
  status: amendmentStatusSchema,
  /** The agreement version it was proposed against (accepted: it made the next one). */
  baseVersion: z.number().int(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

/** POST …/deliverables/:deliverableId/proof — a link to the live post and/or screenshots, and a note. */
export const proofBodySchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, hostname: z.regexes.domain })
      .max(PROOF_URL_MAX)
      .optional(),
    note: z.string().trim().max(PROOF_NOTE_MAX).optional(),
    uploadIds: z.array(idSchema).max(PROOF_IMAGES_MAX).optional(),
  })
  .refine((p) => Boolean(p.url) || (p.uploadIds?.length ?? 0) > 0, { message: 'proof_empty', path: ['url'] });
export type ProofBody = z.infer<typeof proofBodySchema>;

/** POST …/request-changes: what the influencer should change. */
export const requestChangesBodySchema = z.strictObject({
  note: z.string().trim().min(1).max(DECISION_NOTE_MAX),
});
export type RequestChangesBody = z.infer<typeof requestChangesBodySchema>;

/** POST /collaborations/:id/cancel. */
export const cancelBodySchema = z.strictObject({
  reason: z.string().trim().max(CANCEL_REASON_MAX).optional(),
});
export type CancelBody = z.infer<typeof cancelBodySchema>;

export const collaborationPartySchema = z.object({
  id: idSchema,
  /** The company's name or the influencer's display name (the account name as a fallback). */
  name: z.string(),
  /** The influencer's handle (null for the business). */
  handle: z.string().nullable(),
});

export const collaborationAbilitiesSchema = z.object({
  proposeAmendment: z.boolean(),
  /** Accept or decline the pending amendment (the side that did not propose it). */
  decideAmendment: z.boolean(),
  withdrawAmendment: z.boolean(),
  /** Ask for a cancel (nobody asked yet). */
  requestCancel: z.boolean(),
  /** Agree to the other side's cancel request. */
  consentCancel: z.boolean(),
  /** Take my own cancel request back. */
  withdrawCancel: z.boolean(),
});
export type CollaborationAbilities = z.infer<typeof collaborationAbilitiesSchema>;

const progressSchema = z.object({ approved: z.number().int(), total: z.number().int() });

export const collaborationSchema = z.object({
  id: idSchema,
  status: collaborationStatusSchema,
  offerId: idSchema,
  conversationId: idSchema,
  campaignId: idSchema,
  /** The viewer's side. */
  mySide: collaborationSideSchema,
  business: collaborationPartySchema,
  influencer: collaborationPartySchema,
  agreement: agreementSchema,
  agreementVersion: z.number().int(),
  /** Every line, the current ones first in agreement order, then the dropped ones. */
  deliverables: z.array(collaborationDeliverableSchema),
  /** Every amendment, newest first. */
  amendments: z.array(amendmentSchema),
  cancelRequest: z
    .object({ by: collaborationSideSchema, reason: z.string().nullable(), at: z.string() })
    .nullable(),
  progress: progressSchema,
  abilities: collaborationAbilitiesSchema,
  deliveredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Collaboration = z.infer<typeof collaborationSchema>;
export const collaborationResponseSchema = z.object({ collaboration: collaborationSchema });

export const collaborationListItemSchema = z.object({
  id: idSchema,
  status: collaborationStatusSchema,
  offerId: idSchema,
  conversationId: idSchema,
  campaignId: idSchema,
  campaignName: z.string(),
  otherParty: collaborationPartySchema.extend({ role: collaborationSideSchema }),
  progress: progressSchema,
  /** Something waits for the viewer: an amendment or a cancel request of the other side. */
  pendingAmendment: z.boolean(),
  cancelRequested: z.boolean(),
  updatedAt: z.string(),
  createdAt: z.string(),
});
export type CollaborationListItem = z.infer<typeof collaborationListItemSchema>;
export const collaborationPageSchema = pageSchema(collaborationListItemSchema);

/** GET /collaborations: mine, newest activity first; `conversationId` finds a thread's collaboration. */
export const collaborationListQuerySchema = listQuerySchema.extend({
  conversationId: idSchema.optional(),
  status: collaborationStatusSchema.optional(),
});
export type CollaborationListQuery = z.infer<typeof collaborationListQuerySchema>;
