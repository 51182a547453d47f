import type { FastifyRequest } from 'fastify';
import { isUniqueViolation } from '../db/errors.ts';
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

/** A create made with an Idempotency-Key: when the key's unique index (`constraint`) refuses it — a
 * repeat, or two at once — the row the first request made with that key, which `first` looks up by
 * its owner and the key; any other failure (or no key) is rethrown as it came. */
export async function orFirstWithKey<T>(
  attempt: Promise<T>,
  opts: {
    clientKey: string | null | undefined;
    constraint: string;
    first: (clientKey: string) => Promise<T | undefined>;
  },
): Promise<T> {
  try {
    return await attempt;
  } catch (error) {
    if (!opts.clientKey || !isUniqueViolation(error, opts.constraint)) throw error;
    const row = await opts.first(opts.clientKey);
    if (row === undefined) throw error;
    return row;
  }
}
