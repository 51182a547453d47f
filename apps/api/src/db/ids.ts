import { randomBytes } from 'node:crypto';

/** Opaque, URL-safe, unguessable ids (96 bits). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
