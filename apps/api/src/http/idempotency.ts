import type { FastifyRequest } from 'fastify';
import { fieldError } from './errors.ts';

const KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The request's `Idempotency-Key` header (null when absent). A create that carries one is stored
 * with it under a unique index, so a double-clicked submit leaves one row, and every repeat is
 * answered with the row the first one made (see decision 017). */
export function idempotencyKey(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY.test(value))
    throw fieldError('Idempotency-Key', 'idempotency_key_invalid');
  return value;
}
