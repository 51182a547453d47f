import {
  type ErrorCode,
  errorMessages,
  issuesToFieldErrors,
  type Locale,
  ruleMessages,
} from '@bextr/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { AppError } from './errors.ts';
import { RequestValidationError } from './validation.ts';

function send(reply: FastifyReply, status: number, code: ErrorCode, locale: Locale, details?: unknown) {
  const body: { error: { code: ErrorCode; message: string; details?: unknown } } = {
    error: { code, message: errorMessages[locale][code] },
  };
  if (details !== undefined) body.error.details = details;
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Field errors a service raised by code (e.g. password_common) get their message here. */
function localizeFields(details: unknown, locale: Locale): unknown {
  if (!details || typeof details !== 'object' || !('fields' in details)) return details;
  const fields = (details as { fields: { path: string; code: string; message?: string }[] }).fields;
  return {
    ...details,
    fields: fields.map((f) => ({ ...f, message: f.message ?? ruleMessages[locale][f.code] ?? f.code })),
  };
}

/** How long a client should wait before retrying while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 3;

const PG_UNIQUE_VIOLATION = '23505';
const PG_FK_VIOLATION = '23503';
const PG_BAD_TEXT = new Set(['22021', '22P02', '22001', '22003', '22007', '22008', '22009']);

function pgCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? 'en';
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return send(reply, error.statusCode, error.code, locale, localizeFields(error.details, locale));
    }
    if (error instanceof RequestValidationError) {
      const fields = issuesToFieldErrors(error.issues, locale);
      return send(reply, 400, 'VALIDATION_FAILED', locale, { in: error.validationContext, fields });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 413, 'PAYLOAD_TOO_LARGE', locale);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', locale);
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, 400, 'MALFORMED_JSON', locale);
    }
    if (error.statusCode === 429) {
      return send(reply, 429, 'RATE_LIMITED', locale);
    }
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return send(reply, 400, 'MALFORMED_JSON', locale);
    }
    // A full disk (or quota) is the server's problem, not the request's: 507 Insufficient Storage,
    // logged so the operator learns of it; the writer has already removed what it half wrote.
    if (error.code === 'ENOSPC' || error.code === 'EDQUOT') {
      request.log.error({ err: error }, 'storage full');
      return send(reply, 507, 'STORAGE_FULL', locale);
    }
    const pg = pgCode(error);
    // The database's own disk is full (53100): the same answer as a full uploads disk.
    if (pg === '53100') {
      request.log.error({ err: error }, 'database storage full');
      return send(reply, 507, 'STORAGE_FULL', locale);
    }
    if (pg === PG_UNIQUE_VIOLATION) return send(reply, 409, 'CONFLICT', locale);
    if (pg === PG_FK_VIOLATION) return send(reply, 404, 'NOT_FOUND', locale);
    if (pg && PG_BAD_TEXT.has(pg)) return send(reply, 400, 'VALIDATION_FAILED', locale);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code: ErrorCode = error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED';
      return send(reply, error.statusCode, code, locale);
    }
    // The database is away (restarting, unreachable): the request did not happen; the client may
    // retry shortly. 503 + Retry-After rather than a 500 (decision 017).
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return send(reply, 503, 'SERVICE_UNAVAILABLE', locale, {
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'INTERNAL', locale);
  });

  app.setNotFoundHandler((request, reply) => send(reply, 404, 'NOT_FOUND', request.locale ?? 'en'));
}
