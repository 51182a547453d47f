import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords.ts';

/** Argon2id at OWASP's recommended minimum: 19 MiB memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same effort as a real check, so an unknown e-mail answers in about the same time. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

/** A reason code when the password is too weak to accept, else null. */
export function passwordWeakness(
  password: string,
  email: string,
): 'password_common' | 'password_contains_email' | null {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return 'password_common';
  if (/^(.)\1+$/.test(password)) return 'password_common';
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lowered.includes(local)) return 'password_contains_email';
  return null;
}
