import {
  type AdminReportListItem,
  type EvidencePack,
  imageRef,
  type PartyHistory,
  type Report,
  type ReportMessage,
  type ReportSide,
  type ReportSummary,
} from '@bextr/contracts';
import { presentAgreement } from '../collaborations/presenter.ts';
import type { getEvidencePack, PartyHistoryRows } from './admin.ts';
import type { ReportMessageWithAuthor, ReportWithParties } from './queries.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function parties(row: ReportWithParties) {
  return {
    reporter: { id: row.report.reporterId, name: row.reporterName, role: row.reporterRole },
    against: { id: row.report.againstUserId, name: row.againstName, role: row.againstRole },
  };
}

const campaignOf = (row: ReportWithParties) =>
  row.campaignId ? { id: row.campaignId, name: row.campaignName ?? '' } : null;

/** A report in a party's list: both sides by public name and role, never an e-mail. */
export function presentReportSummary(row: ReportWithParties, side: ReportSide): ReportSummary {
  const r = row.report;
  return {
    id: r.id,
    side,
    status: r.status,
    category: r.category,
    outcome: r.outcome,
    ...parties(row),
    campaign: campaignOf(row),
    collaborationId: r.collaborationId,
    conversationId: r.conversationId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    resolvedAt: iso(r.resolvedAt),
  };
}

/** A message on a report. To a party an admin is "the BeXtr team" (no name); admins see who wrote. */
export function presentReportMessage(
  m: ReportMessageWithAuthor,
  reader: { id: string; isAdmin: boolean },
): ReportMessage {
  const admin = m.message.authorRole === 'admin';
  return {
    id: m.message.id,
    authorRole: m.message.authorRole,
    authorName: admin && !reader.isAdmin ? null : m.authorName,
    visibleTo: m.message.visibleTo,
    body: m.message.body,
    mine: m.message.authorId === reader.id,
    createdAt: m.message.createdAt.toISOString(),
  };
}

/** One report for one of its parties. The reported party sees the accusation (category, description)
 * and what it is about, but not the reporter's evidence (and never an e-mail). */
export function presentReport(
  found: { row: ReportWithParties; side: ReportSide; messages: ReportMessageWithAuthor[] },
  readerId: string,
): Report {
  const { row, side } = found;
  const r = row.report;
  return {
    ...presentReportSummary(row, side),
    description: r.description,
    collaborationStatus: row.collaborationStatus ?? null,
    evidence: side === 'reporter' ? r.evidenceUploadIds.map(imageRef) : [],
    resolutionNote: r.resolutionNote,
    messages: found.messages.map((m) => presentReportMessage(m, { id: readerId, isAdmin: false })),
  };
}

function adminParties(row: ReportWithParties) {
  const p = parties(row);
  return {
    reporter: { ...p.reporter, email: row.reporterEmail, status: row.reporterStatus },
    against: { ...p.against, email: row.againstEmail, status: row.againstStatus },
  };
}

export function presentAdminReportListItem(item: {
  row: ReportWithParties;
  messageCount: number;
}): AdminReportListItem {
  const { row } = item;
  const r = row.report;
  return {
    id: r.id,
    status: r.status,
    category: r.category,
    outcome: r.outcome,
    ...adminParties(row),
    campaign: campaignOf(row),
    collaborationStatus: row.collaborationStatus ?? null,
    preview: r.description.slice(0, 160),
    messageCount: item.messageCount,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: iso(r.resolvedAt),
  };
}

function presentParty(
  base: {
    id: string;
    name: string;
    role: PartyHistory['role'];
    email: string;
    status: PartyHistory['status'];
  },
  h: PartyHistoryRows,
): PartyHistory {
  const u = h.user;
  return {
    ...base,
    accountName: u.name,
    createdAt: u.createdAt.toISOString(),
    suspendedAt: iso(u.suspendedAt),
    suspensionReason: u.suspensionReason,
    rating: {
      average: u.ratingCount > 0 ? Math.round((u.ratingTotal / u.ratingCount) * 10) / 10 : null,
      count: u.ratingCount,
    },
    collaborationsCount: h.collaborationsCount,
    reportsFiled: h.reportsFiled,
    reportsAgainst: h.reportsAgainst,
    warnings: h.warnings,
    suspensions: h.suspensions,
  };
}

export function presentEvidencePack(
  pack: Awaited<ReturnType<typeof getEvidencePack>>,
  readerId: string,
): EvidencePack {
  const { row } = pack;
  const r = row.report;
  const p = adminParties(row);
  const c = pack.collaboration;
  return {
    report: {
      id: r.id,
      status: r.status,
      category: r.category,
      description: r.description,
      evidence: r.evidenceUploadIds.map(imageRef),
      outcome: r.outcome,
      resolutionNote: r.resolutionNote,
      resolvedBy: pack.resolvedBy,
      resolvedAt: iso(r.resolvedAt),
      createdAt: r.createdAt.toISOString(),
      messages: pack.messages.map((m) => presentReportMessage(m, { id: readerId, isAdmin: true })),
    },
    reporter: presentParty(p.reporter, pack.reporter),
    against: presentParty(p.against, pack.against),
    campaign: campaignOf(row),
    offer: pack.offer ? { ...pack.offer, createdAt: pack.offer.createdAt.toISOString() } : null,
    collaboration: c
      ? {
          id: c.collaboration.id,
          status: c.collaboration.status,
          statusBeforeDispute: c.collaboration.statusBeforeDispute,
          agreement: presentAgreement(c.collaboration.agreement),
          agreementVersion: c.collaboration.agreementVersion,
          createdAt: c.collaboration.createdAt.toISOString(),
          deliveredAt: iso(c.collaboration.deliveredAt),
          completedAt: iso(c.collaboration.completedAt),
          cancelledAt: iso(c.collaboration.cancelledAt),
          cancelReason: c.collaboration.cancelReason,
          amendments: c.amendments.map((a) => ({
            id: a.id,
            proposedBy: a.proposedBy,
            changes: a.changes,
            note: a.note,
            status: a.status,
            baseVersion: a.baseVersion,
            createdAt: a.createdAt.toISOString(),
            decidedAt: iso(a.decidedAt),
          })),
          deliverables: c.lines.map((line) => {
            const terms = c.collaboration.agreement.deliverables.find((d) => d.key === line.key);
            return {
              id: line.id,
              key: line.key,
              type: terms?.type ?? null,
              network: terms?.network ?? null,
              quantity: terms?.quantity ?? null,
              status: line.status,
              current: line.current,
              proofs: c.proofs
                .filter((proof) => proof.deliverableId === line.id)
                .map((proof) => ({
                  id: proof.id,
                  url: proof.url,
                  note: proof.note,
                  images: proof.uploadIds.map(imageRef),
                  decision: proof.decision,
                  decisionNote: proof.decisionNote,
                  createdAt: proof.createdAt.toISOString(),
                  decidedAt: iso(proof.decidedAt),
                })),
            };
          }),
        }
      : null,
    thread: pack.thread
      ? {
          conversationId: pack.thread.conversationId,
          truncated: pack.thread.truncated,
          messages: pack.thread.messages.map((m) => ({
            id: m.id,
            senderId: m.senderId,
            body: m.body,
            attachments: m.attachmentIds.map(imageRef),
            createdAt: m.createdAt.toISOString(),
          })),
        }
      : null,
  };
}
