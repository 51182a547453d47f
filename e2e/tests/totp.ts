import { createHmac } from 'node:crypto';

/** Authenticator codes for the browser tests, written apart from the server's lib/totp.ts on
 * purpose: RFC 6238 (HMAC-SHA-1, 6 digits, 30 s) from its text, so the flows also check that the
 * server speaks the standard an authenticator app speaks. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(secret: string): Buffer {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of secret.toUpperCase().replace(/[\s=]/g, '')) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export const currentStep = () => Math.floor(Date.now() / 30_000);

export function totpCode(secret: string, step = currentStep()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = (mac[19] as number) & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const lastUsed = new Map<string, number>();

/** Runs `attempt` with codes of `secret` until the server takes one: the server accepts each
 * time step once (and one step of drift), so a code another sign-in of this run already used is
 * skipped, and when both usable steps are spent this waits for the next step. */
export async function withFreshCode(secret: string, attempt: (code: string) => Promise<boolean>) {
  for (let tries = 0; tries < 6; tries++) {
    const now = currentStep();
    const step = Math.max(now, (lastUsed.get(secret) ?? 0) + 1);
    if (step > now + 1) {
      await new Promise((resolve) => setTimeout(resolve, (now + 1) * 30_000 - Date.now() + 250));
      continue;
    }
    if (await attempt(totpCode(secret, step))) {
      lastUsed.set(secret, step);
      return;
    }
    // Used elsewhere (another process of this run): count it as spent and go on.
    lastUsed.set(secret, step);
  }
  throw new Error('no authenticator code was accepted');
}
