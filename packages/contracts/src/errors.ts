import { z } from 'zod';

/** Stable error codes: clients switch on these, never on message text. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CROSS_SITE_REQUEST',
  'NOT_FOUND',
  'CONFLICT',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_SUSPENDED',
  'INVALID_TOKEN',
  'WRONG_PASSWORD',
  'EMAIL_ALREADY_VERIFIED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNSUPPORTED_IMAGE',
  'FILE_TOO_LARGE',
  'INVALID_IMAGE',
  'HANDLE_TAKEN',
  'MALFORMED_JSON',
  'RULE_VIOLATION',
  'ALREADY_OFFERED',
  'CAMPAIGN_NOT_OPEN',
  'CAMPAIGN_FULL',
  'ALREADY_INVITED',
  'INFLUENCER_ALREADY_OFFERED',
  'AMENDMENT_PENDING',
  'APPROVED_DELIVERABLE',
  'ALREADY_REVIEWED',
  'NOT_COMPLETED',
  'REPORT_ALREADY_OPEN',
  'SECOND_FACTOR_REQUIRED',
  'SECOND_FACTOR_SETUP_REQUIRED',
  'SECOND_FACTOR_ALREADY_ENABLED',
  'INVALID_SECOND_FACTOR_CODE',
  'INVALID_RECOVERY_CODE',
  'RATE_LIMITED',
  'STORAGE_FULL',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string(), code: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
