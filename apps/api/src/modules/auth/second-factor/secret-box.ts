import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'enc1:';

const keyOf = (material: string) => createHash('sha256').update(`bextr-totp:${material}`).digest();

/** How a TOTP secret is kept in `users.totp_secret`: AES-256-GCM under `TOTP_ENCRYPTION_KEY` when one
 * is configured (`enc1:<iv>.<tag>.<ciphertext>`), else as it is. */
export function sealTotpSecret(secret: string, keyMaterial: string | null): string {
  if (!keyMaterial) return secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(keyMaterial), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${PREFIX}${[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')}`;
}

/** The secret back from its stored form. A sealed secret without the key (or with another key)
 * throws: the server is misconfigured, and nobody may pass the second factor by accident. */
export function openTotpSecret(stored: string, keyMaterial: string | null): string {
  if (!stored.startsWith(PREFIX)) return stored;
  if (!keyMaterial) throw new Error('a TOTP secret is encrypted but TOTP_ENCRYPTION_KEY is not set');
  const [iv, tag, body] = stored
    .slice(PREFIX.length)
    .split('.')
    .map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body) throw new Error('a stored TOTP secret is malformed');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keyMaterial), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
