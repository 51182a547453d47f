import type { ErrorCode } from '@bextr/contracts';

/** An error meant for the client: status, stable code, optional details. The message text is
 * chosen by the error handler in the user's language. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(code);
  }
}

export const badRequest = (code: ErrorCode = 'VALIDATION_FAILED', details?: unknown) =>
  new AppError(400, code, details);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED');
export const forbidden = (code: ErrorCode = 'FORBIDDEN') => new AppError(403, code);
export const notFound = () => new AppError(404, 'NOT_FOUND');
export const conflict = (code: ErrorCode = 'CONFLICT', details?: unknown) => new AppError(409, code, details);
export const unprocessable = (details?: unknown) => new AppError(422, 'RULE_VIOLATION', details);
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(429, 'RATE_LIMITED', { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
/** Not now, try again shortly (a stop in progress, the storage away): 503 with Retry-After. */
export const serviceUnavailable = (retryAfterSeconds: number) =>
  new AppError(
    503,
    'SERVICE_UNAVAILABLE',
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );

/** A field-level validation failure raised by a service (e.g. a common password). */
export function fieldError(path: string, code: string) {
  return new AppError(400, 'VALIDATION_FAILED', { fields: [{ path, code }] });
}
