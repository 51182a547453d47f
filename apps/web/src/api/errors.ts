import {
  type ErrorCode,
  errorBodySchema,
  type FieldError,
  fieldErrorSchema,
  type Locale,
} from '@bextr/contracts';
import { z } from 'zod';

/** Codes the client raises itself, next to the server's stable error codes. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

const detailsWithFieldsSchema = z.object({ fields: z.array(fieldErrorSchema) });
const retryDetailsSchema = z.object({ retryAfterSeconds: z.number() });

/** A failed API call: the HTTP status, a stable code, the server's message (already in the
 * language the request asked for) and the per-field problems of a validation failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: readonly FieldError[];
  readonly retryAfterSeconds: number | null;
  /** The error's raw details (e.g. the reasons of a refused publish). */
  readonly details: unknown;
  /** The language the request was sent in, so the UI knows whether `message` still matches. */
  readonly locale: Locale;

  constructor(opts: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    message: string;
    locale: Locale;
    fields?: readonly FieldError[];
    retryAfterSeconds?: number | null;
    details?: unknown;
  }) {
    super(opts.message);
    this.name = 'ApiError';
    this.status = opts.status;
    this.code = opts.code;
    this.locale = opts.locale;
    this.fields = opts.fields ?? [];
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
    this.details = opts.details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Reads the error shape of API.md from a response body; null when it is not that shape. */
export function parseErrorBody(status: number, body: unknown, locale: Locale, retryAfter: string | null) {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  const { code, message, details } = parsed.data.error;
  const fields = detailsWithFieldsSchema.safeParse(details);
  const retry = retryDetailsSchema.safeParse(details);
  const headerSeconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  return new ApiError({
    status,
    code,
    message,
    locale,
    details,
    fields: fields.success ? fields.data.fields : [],
    retryAfterSeconds: Number.isFinite(headerSeconds)
      ? headerSeconds
      : retry.success
        ? retry.data.retryAfterSeconds
        : null,
  });
}
