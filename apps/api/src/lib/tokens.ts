import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a cookie or a link; only its hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
