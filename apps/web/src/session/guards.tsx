import type { Role } from '@bextr/contracts';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorState } from '../components/ErrorState.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { safeNextPath, signInPathFor } from './redirects.ts';
import { useSession } from './use-session.ts';

/** Renders its children for a signed-in user (of one of `roles`, when given); sends a visitor to
 * sign in and back here afterwards, and an admin without a second factor to set it up first. */
export function RequireAuth({
  children,
  roles,
  secondFactorSetup = false,
}: {
  children: ReactNode;
  roles?: readonly Role[];
  /** The page where an admin sets up the second factor (the one page such an admin may open). */
  secondFactorSetup?: boolean;
}) {
  const { user, isError, error, refetch } = useSession();
  const location = useLocation();
  if (user === undefined) {
    return isError ? <ErrorState error={error} onRetry={() => void refetch()} /> : <PageLoader />;
  }
  if (user === null) return <Navigate to={signInPathFor(location)} replace />;
  if (roles && !roles.includes(user.role)) return <Navigate to="/dashboard" replace />;
  if (user.secondFactorEnabled === false && !secondFactorSetup) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/second-factor/setup?${new URLSearchParams({ next }).toString()}`} replace />;
  }
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
