import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { Loading } from '../components/Loading.js';
import { useSession } from './useSession.js';

/** Pages for signed-in people: a visitor is sent to sign in and brought back afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return <Loading />;
  }

  if (!session.data?.user) {
    const next = encodeURIComponent(location.pathname + location.search);

    return <Navigate to={`/signin?next=${next}`} replace />;
  }

  return children;
}

/** The signed-in person holds one of these roles (platform or organisation). */
export function useHasRole(...roles: string[]): boolean {
  const session = useSession();

  return session.data?.user.roles.some((grant) => roles.includes(grant.role)) ?? false;
}
