import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { setCsrfToken } from '../api/client.js';
import { getCurrentSession, signIn, signOut, type SignInInput } from '../api/sessions.js';
import type { Session } from '../api/types.js';

const SESSION_KEY = ['session'] as const;

/** The signed-in person, or null. Asked once on load and kept for the visit. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }) => {
      const session = await getCurrentSession(signal);

      setCsrfToken(session?.csrfToken);

      return session;
    },
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (input: SignInInput) => signIn(input),
    onSuccess: (session: Session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: () => signOut(),
    onSettled: () => {
      // Even if the server already forgot the session, this browser is signed out now.
      setCsrfToken(undefined);
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

/**
 * Takes a session that another step opened (registration, recovery, second factor, passkey):
 * remembers its CSRF token and shows the person as signed in everywhere at once.
 */
export function useAdoptSession() {
  const queryClient = useQueryClient();

  return (session: Session) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(SESSION_KEY, session);
  };
}
