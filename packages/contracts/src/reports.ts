import { z } from 'zod';
import { agreementSchema } from './collaborations.ts';
import { idSchema, listQuerySchema, pageSchema, roleSchema, userStatusSchema } from './common.ts';
import { imageRefSchema } from './uploads.ts';

// ── Reports (a side of a collaboration or of an offer's thread reports the other; admins resolve) ──

export const reportCategories = [
  'not_delivered',
  'late',
  'not_as_agreed',
  'payment_not_provided',
  'harassment',
  'fraud',
  'other',
] as const;
export const reportCategorySchema = z.enum(reportCategories);
export type ReportCategory = z.infer<typeof reportCategorySchema>;

export const reportStatuses = ['open', 'resolved'] as const;
export const reportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const reportOutcomes = ['dismissed', 'warning', 'suspension'] as const;
export const reportOutcomeSchema = z.enum(reportOutcomes);
export type ReportOutcome = z.infer<typeof reportOutcomeSchema>;

/** Who a message on a report is for: both parties, or (an admin's message) one of them. */
export const reportAudiences = ['all', 'reporter', 'reported'] as const;
export const reportAudienceSchema = z.enum(reportAudiences);
export type ReportAudience = z.infer<typeof reportAudienceSchema>;

/** The side of a report the reader is on (parties), or the role of a message's author. */
export const reportSideSchema = z.enum(['reporter', 'reported']);
export type ReportSide = z.infer<typeof reportSideSchema>;
export const reportAuthorRoleSchema = z.enum(['reporter', 'reported', 'admin']);

export const REPORT_DESCRIPTION_MIN = 10;
export const REPORT_DESCRIPTION_MAX = 5000;
export const REPORT_EVIDENCE_MAX = 10;
export const REPORT_MESSAGE_MAX = 5000;
export const REPORT_NOTE_MAX = 2000;

/** `POST /reports`. A collaboration or an offer's thread of the reporter's with the reported user
 * ties the report to what happened; when neither is named, the newest one between them is taken. */
export const reportBodySchema = z.strictObject({
  againstUserId: idSchema,
  collaborationId: idSchema.optional(),
  conversationId: idSchema.optional(),
  category: reportCategorySchema,
  description: z.string().trim().min(REPORT_DESCRIPTION_MIN).max(REPORT_DESCRIPTION_MAX),
  evidenceUploadIds: z.array(idSchema).max(REPORT_EVIDENCE_MAX).default([]),
});
export type ReportBody = z.input<typeof reportBodySchema>;

/** `POST /reports/:id/messages`. `visibleTo` is for admins only (a party's message is for the admins). */
export const reportMessageBodySchema = z.strictObject({
  body: z.string().trim().min(1).max(REPORT_MESSAGE_MAX),
  visibleTo: reportAudienceSchema.optional(),
});
export type ReportMessageBody = z.input<typeof reportMessageBodySchema>;

/** `POST /admin/reports/:id/resolve`. */
export const reportResolveBodySchema = z.strictObject({
  outcome: reportOutcomeSchema,
  note: z.string().trim().min(1).max(REPORT_NOTE_MAX),
});
export type ReportResolveBody = z.input<typeof reportResolveBodySchema>;

export const adminReportsQuerySchema = listQuerySchema.extend({
  status: reportStatusSchema.optional(),
  category: reportCategorySchema.optional(),
});
export type AdminReportsQuery = z.input<typeof adminReportsQuerySchema>;

/** A party as the other side and the parties see it: public name and role, never an e-mail. */
export const reportPartySchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
});
export type ReportParty = z.infer<typeof reportPartySchema>;

export const reportMessageSchema = z.object({
  id: idSchema,
  authorRole: reportAuthorRoleSchema,
  /** The party's public name; for an admin's message to a party, just "the BeXtr team" (null). */
  authorName: z.string().nullable(),
  visibleTo: reportAudienceSchema,
  body: z.string(),
  mine: z.boolean(),
  createdAt: z.string(),
});
export type ReportMessage = z.infer<typeof reportMessageSchema>;

/** A report in the parties' lists (`GET /reports/mine`). */
export const reportSummarySchema = z.object({
  id: idSchema,
  /** The reader's side: the reports I filed and the reports against me. */
  side: reportSideSchema,
  status: reportStatusSchema,
  category: reportCategorySchema,
  outcome: reportOutcomeSchema.nullable(),
  reporter: reportPartySchema,
  against: reportPartySchema,
  campaign: z.object({ id: idSchema, name: z.string() }).nullable(),
  collaborationId: idSchema.nullable(),
  conversationId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;
export const reportPageSchema = pageSchema(reportSummarySchema);

/** One report for one of its parties: the reported party gets no evidence (`evidence` is empty) and
 * only the messages meant for them. */
export const reportSchema = reportSummarySchema.extend({
  description: z.string(),
  collaborationStatus: z.string().nullable(),
  /** The reporter's evidence images: the reporter's view only. */
  evidence: z.array(imageRefSchema),
  resolutionNote: z.string().nullable(),
  messages: z.array(reportMessageSchema),
});
export type Report = z.infer<typeof reportSchema>;
export const reportResponseSchema = z.object({ report: reportSchema });
export const reportMessageResponseSchema = z.object({ message: reportMessageSchema });

// ── The admins' side ──

/** A party as admins see it, with the e-mail. */
export const adminReportPartySchema = reportPartySchema.extend({
  email: z.string(),
  status: userStatusSchema,
});

export const adminReportListItemSchema = z.object({
  id: idSchema,
  status: reportStatusSchema,
  category: reportCategorySchema,
  outcome: reportOutcomeSchema.nullable(),
  reporter: adminReportPartySchema,
  against: adminReportPartySchema,
  campaign: z.object({ id: idSchema, name: z.string() }).nullable(),
  collaborationStatus: z.string().nullable(),
  /** The first characters of the description. */
  preview: z.string(),
  messageCount: z.number().int(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type AdminReportListItem = z.infer<typeof adminReportListItemSchema>;
export const adminReportPageSchema = pageSchema(adminReportListItemSchema).extend({
  openCount: z.number().int(),
});

/** An earlier (or later) report by or against one party. */
export const partyReportRefSchema = z.object({
  id: idSchema,
  category: reportCategorySchema,
  status: reportStatusSchema,
  outcome: reportOutcomeSchema.nullable(),
  createdAt: z.string(),
});

/** An entry of the audit log about a party: a warning, a suspension or a reinstatement. */
export const partyActionSchema = z.object({
  action: z.string(),
  reason: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});

/** One party's history for the evidence pack. */
export const partyHistorySchema = adminReportPartySchema.extend({
  accountName: z.string(),
  createdAt: z.string(),
  suspendedAt: z.string().nullable(),
  suspensionReason: z.string().nullable(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  /** Collaborations with anyone, any state. */
  collaborationsCount: z.number().int(),
  reportsFiled: z.array(partyReportRefSchema),
  reportsAgainst: z.array(partyReportRefSchema),
  warnings: z.array(partyActionSchema),
  suspensions: z.array(partyActionSchema),
});
export type PartyHistory = z.infer<typeof partyHistorySchema>;

export const packProofSchema = z.object({
  id: idSchema,
  url: z.string().nullable(),
  note: z.string().nullable(),
  images: z.array(imageRefSchema),
  decision: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const packCollaborationSchema = z.object({
  id: idSchema,
  status: z.string(),
  statusBeforeDispute: z.string().nullable(),
  agreement: agreementSchema,
  agreementVersion: z.number().int(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  amendments: z.array(
    z.object({
      id: idSchema,
      proposedBy: idSchema,
      changes: z.record(z.string(), z.unknown()),
      note: z.string().nullable(),
      status: z.string(),
      baseVersion: z.number().int(),
      createdAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
  deliverables: z.array(
    z.object({
      id: idSchema,
      key: z.string(),
      type: z.string().nullable(),
      network: z.string().nullable(),
      quantity: z.number().int().nullable(),
      status: z.string(),
      current: z.boolean(),
      proofs: z.array(packProofSchema),
    }),
  ),
});
export type PackCollaboration = z.infer<typeof packCollaborationSchema>;

export const packThreadMessageSchema = z.object({
  id: idSchema,
  senderId: idSchema,
  body: z.string(),
  attachments: z.array(imageRefSchema),
  createdAt: z.string(),
});

/** `GET /admin/reports/:id`: the report with every message and its evidence, both parties' history,
 * the agreement with amendments, deliverables and proofs, and the offer's whole thread. */
export const evidencePackSchema = z.object({
  report: z.object({
    id: idSchema,
    status: reportStatusSchema,
    category: reportCategorySchema,
    description: z.string(),
    evidence: z.array(imageRefSchema),
    outcome: reportOutcomeSchema.nullable(),
    resolutionNote: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
    messages: z.array(reportMessageSchema),
  }),
  reporter: partyHistorySchema,
  against: partyHistorySchema,
  campaign: z.object({ id: idSchema, name: z.string() }).nullable(),
  offer: z
    .object({
      id: idSchema,
      status: z.string(),
      pitch: z.string(),
      createdAt: z.string(),
    })
    .nullable(),
  collaboration: packCollaborationSchema.nullable(),
  thread: z
    .object({
      conversationId: idSchema,
      messages: z.array(packThreadMessageSchema),
      /** True when the thread is longer than the pack shows (the newest are kept). */
      truncated: z.boolean(),
    })
    .nullable(),
});
export type EvidencePack = z.infer<typeof evidencePackSchema>;
export const evidencePackResponseSchema = z.object({ pack: evidencePackSchema });
