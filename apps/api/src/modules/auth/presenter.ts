import type { User } from '@bextr/contracts';
import type { SessionUser } from './sessions.ts';

/** The signed-in user's own view of their account. */
export function presentUser(user: SessionUser): User {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    name: user.name,
    locale: user.locale,
    emailVerified: user.emailVerifiedAt !== null,
    status: user.status,
    ...(user.role === 'admin' ? { secondFactorEnabled: user.totpEnabledAt !== null } : {}),
  };
}
