/** What part of the journal a user may read. */
export type AuditScope =
  { kind: 'all' } | { kind: 'organisations'; organisationIds: string[] } | { kind: 'none' };

type Reader = {
  platformRole: string;
  roles: { role: string; organisationId: string | null }[];
};

/**
 * Platform admins and inspectors read the whole journal (inspection is what it is kept for);
 * an organisation's admin reads what the organisation's own employees did; nobody else reads it.
 */
export function auditScope(user: Reader | null): AuditScope {
  if (!user) {
    return { kind: 'none' };
  }

  if (user.platformRole === 'platform_admin' || user.roles.some((r) => r.role === 'inspector')) {
    return { kind: 'all' };
  }

  const organisationIds = user.roles
    .filter((r) => r.role === 'organisation_admin' && r.organisationId)
    .map((r) => r.organisationId as string);

  if (organisationIds.length > 0) {
    return { kind: 'organisations', organisationIds: [...new Set(organisationIds)] };
  }

  return { kind: 'none' };
}

/** Checking the chain reveals no entry, but it is the authorities' and the operator's tool. */
export function mayVerifyChain(user: Reader | null): boolean {
  return auditScope(user).kind === 'all';
}
