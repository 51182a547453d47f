import { z } from 'zod';

/** Every kind of admin action the audit log records (who, what, on what, when, why). */
export const auditActions = [
  'user.warn',
  'user.suspend',
  'user.reinstate',
  'campaign.unpublish',
  'report.message',
  'report.resolve',
  'faq.question_answer',
  'faq.question_dismiss',
  'faq.entry_create',
  'faq.entry_update',
  'faq.entry_delete',
  'admin.second_factor_enrol',
  'admin.recovery_codes_renew',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

/** What an audit entry is about. */
export const auditSubjectTypes = ['user', 'campaign', 'report', 'faq_question', 'faq_entry'] as const;
export type AuditSubjectType = (typeof auditSubjectTypes)[number];
