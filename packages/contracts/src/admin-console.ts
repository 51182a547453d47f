import { z } from 'zod';
import { auditActionSchema, auditSubjectTypes } from './admin.ts';
import { campaignStatuses } from './campaigns.ts';
import { collaborationStatuses } from './collaborations.ts';
import {
  idSchema,
  listQuerySchema,
  localeSchema,
  pageSchema,
  roleSchema,
  roles,
  userStatusSchema,
} from './common.ts';
import { offerStatuses } from './offers.ts';

// ── The admin console: users, campaigns, the audit log and the stats (API.md "Reports and moderation") ──

/** What an admin writes to a user or a business (a warning, a reason): shown to them as written. */
export const ADMIN_NOTE_MAX = 2000;
const adminNoteSchema = z.string().trim().min(1).max(ADMIN_NOTE_MAX);

// ── Users ──

/** GET /admin/users: `q` matches name, e-mail, handle or company name. */
export const adminUserListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
});
export type AdminUserListQuery = z.infer<typeof adminUserListQuerySchema>;

export const adminUserAbilitiesSchema = z.object({
  warn: z.boolean(),
  suspend: z.boolean(),
  reinstate: z.boolean(),
});
export type AdminUserAbilities = z.infer<typeof adminUserAbilitiesSchema>;

export const adminUserListItemSchema = z.object({
  id: idSchema,
  email: z.string(),
  /** The account name. */
  name: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  locale: localeSchema,
  emailVerified: z.boolean(),
  /** The company name (business) or display name (influencer), when the profile has one. */
  displayName: z.string().nullable(),
  /** The influencer's handle. */
  handle: z.string().nullable(),
  suspendedAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: adminUserAbilitiesSchema,
});
export type AdminUserListItem = z.infer<typeof adminUserListItemSchema>;
export const adminUserPageSchema = pageSchema(adminUserListItemSchema);

/** A warning, suspension or reinstatement of the user, from the audit log. */
export const moderationEventSchema = z.object({
  id: idSchema,
  action: auditActionSchema,
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The report the action resolved, when it came from one. */
  reportId: idSchema.nullable(),
  createdAt: z.string(),
});
export type ModerationEvent = z.infer<typeof moderationEventSchema>;

export const adminUserReportSchema = z.object({
  id: idSchema,
  /** `by`: the user reported someone; `against`: someone reported the user. */
  direction: z.enum(['by', 'against']),
  otherPartyName: z.string(),
  category: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUserReport = z.infer<typeof adminUserReportSchema>;

export const adminUserDetailSchema = adminUserListItemSchema.extend({
  suspensionReason: z.string().nullable(),
  /** The page of the web app showing the user's profile (influencer profile, business page), if any. */
  profilePath: z.string().nullable(),
  rating: z.object({ count: z.number().int(), average: z.number().nullable() }),
  counts: z.object({
    campaigns: z.number().int(),
    publishedCampaigns: z.number().int(),
    offers: z.number().int(),
    collaborations: z.number().int(),
    reportsBy: z.number().int(),
    reportsAgainst: z.number().int(),
  }),
  /** The newest reports by or against the user (at most 20). */
  reports: z.array(adminUserReportSchema),
  /** Warnings, suspensions and reinstatements, newest first. */
  moderation: z.array(moderationEventSchema),
});
export type AdminUserDetail = z.infer<typeof adminUserDetailSchema>;
export const adminUserResponseSchema = z.object({ user: adminUserDetailSchema });

export const warnBodySchema = z.strictObject({ message: adminNoteSchema });
export type WarnBody = z.infer<typeof warnBodySchema>;
export const suspendBodySchema = z.strictObject({ reason: adminNoteSchema });
export type SuspendBody = z.infer<typeof suspendBodySchema>;
/** Reinstating takes an optional note for the audit log. */
export const reinstateBodySchema = z.strictObject({ reason: adminNoteSchema.optional() }).nullish();
export type ReinstateBody = z.infer<typeof reinstateBodySchema>;

// ── Campaigns ──

/** Admins see every campaign but drafts (those are the business's own). */
export const adminCampaignStatuses = [
  'published',
  'paused',
  'closed',
] as const satisfies readonly (typeof campaignStatuses)[number][];
export const adminCampaignListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  status: z.enum(adminCampaignStatuses).optional(),
});
export type AdminCampaignListQuery = z.infer<typeof adminCampaignListQuerySchema>;

export const adminCampaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  status: z.enum(campaignStatuses),
  business: z.object({ id: idSchema, name: z.string(), status: userStatusSchema }),
  applicationDeadline: z.string().nullable(),
  slots: z.number().int().nullable(),
  slotsFilled: z.number().int(),
  /** Offers waiting for a decision (pending, shortlisted). */
  openOffers: z.number().int(),
  publishedAt: z.string().nullable(),
  /** The last time an admin unpublished it, and why. */
  unpublishedAt: z.string().nullable(),
  unpublishedReason: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ unpublish: z.boolean() }),
});
export type AdminCampaign = z.infer<typeof adminCampaignSchema>;
export const adminCampaignPageSchema = pageSchema(adminCampaignSchema);
export const adminCampaignResponseSchema = z.object({ campaign: adminCampaignSchema });

export const unpublishBodySchema = z.strictObject({ reason: adminNoteSchema });
export type UnpublishBody = z.infer<typeof unpublishBodySchema>;

// ── Audit log ──

export const auditSubjectTypeSchema = z.enum(auditSubjectTypes);

export const auditLogQuerySchema = listQuerySchema.extend({
  action: auditActionSchema.optional(),
  actorId: idSchema.optional(),
  subjectType: auditSubjectTypeSchema.optional(),
  subjectId: idSchema.optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  action: auditActionSchema,
  /** The admin who acted (null once that account is deleted). */
  actor: z.object({ id: idSchema, name: z.string() }).nullable(),
  subject: z.object({
    type: auditSubjectTypeSchema,
    id: idSchema,
    /** A name for it as it is now (user, campaign, question), or null when it is gone. */
    label: z.string().nullable(),
  }),
  reason: z.string().nullable(),
  /** Facts kept beside the action (outcome, report, state before). */
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditLogPageSchema = pageSchema(auditEntrySchema);

// ── Stats ──

const countsOf = <const K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [P in K[number]]: z.ZodNumber });

export const STATS_WEEKS = 12;

export const adminStatsSchema = z.object({
  users: z.object({
    byRole: countsOf(roles),
    active: z.number().int(),
    suspended: z.number().int(),
  }),
  campaigns: countsOf(campaignStatuses),
  offers: countsOf(offerStatuses),
  collaborations: countsOf(collaborationStatuses),
  reports: z.object({ open: z.number().int(), resolved: z.number().int() }),
  /** The last `STATS_WEEKS` weeks (Monday to Sunday, UTC), oldest first: what was created in each. */
  weekly: z.array(
    z.object({
      /** The Monday the week starts on, YYYY-MM-DD. */
      week: z.string(),
      users: z.number().int(),
      campaigns: z.number().int(),
      offers: z.number().int(),
      collaborations: z.number().int(),
    }),
  ),
});
export type AdminStats = z.infer<typeof adminStatsSchema>;
