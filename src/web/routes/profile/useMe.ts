import { useQuery, useQueryClient } from '@tanstack/react-query';

import { getMe } from '../../api/access.js';

export const ME_KEY = ['me'] as const;

/** The profile with the assurance level; short-lived, since an operator may change it any time. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => getMe(signal), staleTime: 0 });
}

export function useRefreshMe() {
  const queryClient = useQueryClient();

  return () => queryClient.invalidateQueries({ queryKey: ME_KEY });
}
