import type { Role } from '@bextr/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorState } from '../components/ErrorState.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { safeNextPath, signInPathFor } from './redirects.ts';
import { useSession } from './use-session.ts';

/** Renders its children for a signed-in user (of one of `roles`, when given); sends a visitor to
 * sign in and back here afterwards. */
export function RequireAuth({ children, roles }: { children: ReactNode; roles?: readonly Role[] }) {
  const { user, isError, error, refetch } = useSession();
  const location = useLocation();
  if (user === undefined) {
    return isError ? <ErrorState error={error} onRetry={() => void refetch()} /> : <PageLoader />;
  }
  if (user === null) return <Navigate to={signInPathFor(location)} replace />;
  if (roles && !roles.includes(user.role)) return <Navigate to="/dashboard" replace />;
  return children;
}

/** Pages only for visitors (sign in, sign up): a signed-in user goes on to where they were headed. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { user, isError, error, refetch } = useSession();
  const [params] = useSearchParams();
  if (user === undefined) {
    return isError ? <ErrorState error={error} onRetry={() => void refetch()} /> : <PageLoader />;
  }
  if (user) return <Navigate to={safeNextPath(params.get('next'))} replace />;
  return children;
}
