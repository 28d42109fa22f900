import { useSearchParams } from 'react-router';

import { useSession } from '../../session/useSession.js';

export type OrgOption = { id: string; name: string };

/**
 * The organisations the signed-in person works for (from their session roles) and the one the
 * page shows, kept in `?org=` so a link opens the same organisation. The first one by default.
 */
export function useOrgChoice() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const seen = new Map<string, OrgOption>();

  for (const role of session.data?.user.roles ?? []) {
    if (role.organisationId && !seen.has(role.organisationId)) {
      seen.set(role.organisationId, {
        id: role.organisationId,
        name: role.organisationName ?? role.organisationId,
      });
    }
  }

  const orgs = [...seen.values()];
  const chosen = orgs.find((org) => org.id === params.get('org')) ?? orgs[0];

  const choose = (id: string) => {
    const copy = new URLSearchParams(params);

    copy.set('org', id);
    copy.delete('page');
    setParams(copy);
  };

  return { orgs, chosen, choose, pending: session.isPending };
}
