import { isInForce } from '../../../domain/access/powers-of-attorney.js';
import { isPlatformRole, type Role } from '../../../domain/access/roles.js';
import type { Queryable } from '../../platform/db/database.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { findMemberships, findPowersHeld, findPremiseRelations } from './authorize.repo.js';

export type RoleGrant = {
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  premiseId: string | null;
  premiseLabel: string | null;
};

/**
 * Every role a person holds and where: the platform role, memberships, and the roles that follow
 * from the registries (owner, resident) and from powers of attorney in force (representative).
 */
export async function listRoleGrants(db: Queryable, user: SignedInUser): Promise<RoleGrant[]> {
  const grants: RoleGrant[] = [];
  const none = {
    organisationId: null,
    organisationName: null,
    premiseId: null,
    premiseLabel: null,
  };

  if (isPlatformRole(user.platformRole)) {
    grants.push({ role: user.platformRole, ...none });
  }

  for (const m of await findMemberships(db, user.id)) {
    grants.push({
      ...none,
      role: m.role as Role,
      organisationId: m.organisationId,
      organisationName: m.organisationName,
    });
  }

  for (const r of await findPremiseRelations(db, user.personId)) {
    grants.push({
      ...none,
      role: r.relation,
      premiseId: r.premiseId,
      premiseLabel: `${r.houseAddress}, пом. ${r.premiseNumber}`,
    });
  }

  const today = new Date().toISOString().slice(0, 10);

  for (const p of (await findPowersHeld(db, user.id)).filter((p) => isInForce(p, today))) {
    grants.push({ ...none, role: 'representative', premiseId: p.premiseId });
  }

  return grants;
}
