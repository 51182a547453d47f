import {
  type AdminCampaign,
  type AdminUserDetail,
  type AdminUserListItem,
  type AuditAction,
  type AuditEntry,
  type AuditSubjectType,
  auditActionSchema,
  auditSubjectTypes,
} from '@bextr/contracts';
import type { AuditLogRow, CampaignRow } from '../../db/schema.ts';
import { canUnpublish, userAbilities } from './policy.ts';
import type { AdminUserDetailRows, AdminUserRow } from './users.ts';

export function presentAdminUser({
  user,
  companyName,
  displayName,
  handle,
}: AdminUserRow): AdminUserListItem {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    locale: user.locale,
    emailVerified: user.emailVerifiedAt !== null,
    displayName: (user.role === 'business' ? companyName : displayName) ?? null,
    handle: user.role === 'influencer' ? (handle ?? null) : null,
    suspendedAt: user.suspendedAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    abilities: userAbilities(user),
  };
}

function profilePath(row: AdminUserRow): string | null {
  if (row.user.role === 'influencer')
    return row.handle ? `/influencers/${encodeURIComponent(row.handle)}` : null;
  if (row.user.role === 'business') return `/businesses/${encodeURIComponent(row.user.id)}`;
  return null;
}

const asAction = (action: string): AuditAction => auditActionSchema.parse(action);

export function presentAdminUserDetail(detail: AdminUserDetailRows): AdminUserDetail {
  const { user } = detail.row;
  return {
    ...presentAdminUser(detail.row),
    suspensionReason: user.suspensionReason,
    profilePath: profilePath(detail.row),
    rating: {
      count: user.ratingCount,
      average: user.ratingCount > 0 ? Math.round((user.ratingTotal / user.ratingCount) * 10) / 10 : null,
    },
    counts: detail.counts,
    reports: detail.reports.map(({ report, otherName }) => ({
      id: report.id,
      direction: report.reporterId === user.id ? 'by' : 'against',
      otherPartyName: otherName,
      category: report.category,
      status: report.status,
      outcome: report.outcome,
      createdAt: report.createdAt.toISOString(),
    })),
    moderation: detail.moderation.map(({ entry, actorName }) => ({
      id: entry.id,
      action: asAction(entry.action),
      reason: entry.reason,
      actorName: actorName ?? null,
      reportId: typeof entry.details.reportId === 'string' ? entry.details.reportId : null,
      createdAt: entry.createdAt.toISOString(),
    })),
  };
}

export interface AdminCampaignRow {
  campaign: CampaignRow;
  businessName: string;
  ownerStatus: 'active' | 'suspended';
}

export function presentAdminCampaign(
  { campaign, businessName, ownerStatus }: AdminCampaignRow,
  openOffers: number,
): AdminCampaign {
  return {
    id: campaign.id,
    name: campaign.name ?? '',
    status: campaign.status,
    business: { id: campaign.ownerId, name: businessName, status: ownerStatus },
    applicationDeadline: campaign.applicationDeadline,
    slots: campaign.slots,
    slotsFilled: campaign.slotsFilled,
    openOffers,
    publishedAt: campaign.publishedAt?.toISOString() ?? null,
    unpublishedAt: campaign.unpublishedAt?.toISOString() ?? null,
    unpublishedReason: campaign.unpublishedReason,
    createdAt: campaign.createdAt.toISOString(),
    abilities: { unpublish: canUnpublish(campaign) },
  };
}

const isSubjectType = (t: string): t is AuditSubjectType =>
  (auditSubjectTypes as readonly string[]).includes(t);

export function presentAuditEntry(
  entry: AuditLogRow,
  actorName: string | null,
  label: string | null,
): AuditEntry | null {
  const action = auditActionSchema.safeParse(entry.action);
  if (!action.success || !isSubjectType(entry.subjectType)) return null;
  return {
    id: entry.id,
    action: action.data,
    actor: entry.actorId ? { id: entry.actorId, name: actorName ?? '' } : null,
    subject: { type: entry.subjectType, id: entry.subjectId, label },
    reason: entry.reason,
    details: entry.details,
    createdAt: entry.createdAt.toISOString(),
  };
}
