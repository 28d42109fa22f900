import {
  ACTIONS,
  isGranted,
  parseAssuranceOverrides,
  requiredLevel,
  type Action,
  type ActionRule,
} from '../../../domain/access/actions.js';
import {
  howToReach,
  meetsLevel,
  missingSteps,
  type AssuranceLevel,
} from '../../../domain/access/assurance.js';
import { isInForce } from '../../../domain/access/powers-of-attorney.js';
import { isPlatformRole } from '../../../domain/access/roles.js';
import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import {
  findAssuranceLevel,
  findMemberships,
  findOrganisationLine,
  findPowersHeld,
  findPremiseManager,
  findPremiseRelations,
} from './authorize.repo.js';

/** What an action applies to; which member is needed follows from the action's scope kind. */
export type Scope = { organisationId?: string; premiseId?: string };

export type AccessContext = { db: Database; config: Pick<Config, 'access'> };

export type Authorization = {
  /** Roles that count in the scope. */
  roles: Set<string>;
  /** The owner a representative acts for, for the journal's «on whose behalf». */
  onBehalfOfPersonId: string | null;
  level: AssuranceLevel;
};

const overridesCache = new WeakMap<object, ReturnType<typeof overridesOf>>();

function overridesOf(config: Pick<Config, 'access'>) {
  const parsed = parseAssuranceOverrides(config.access.assuranceOverrides);

  if (!parsed.ok) {
    throw new ConfigError(parsed.problems.map((p) => `ACCESS_ASSURANCE: ${p}`));
  }

  return parsed.overrides;
}

/** The configured level of every action, after overrides; validated once per configuration. */
export function assuranceOverrides(config: Pick<Config, 'access'>) {
  const cached = overridesCache.get(config.access);

  if (cached) {
    return cached;
  }

  const overrides = overridesOf(config);

  overridesCache.set(config.access, overrides);

  return overrides;
}

export async function assuranceLevelOf(db: Queryable, userId: string): Promise<AssuranceLevel> {
  return ((await findAssuranceLevel(db, userId)) ?? 'basic') as AssuranceLevel;
}

/**
 * Checks that the user may perform the action in the scope, first by role, then by identity
 * level. Throws `unauthenticated`, `forbidden`, `not_found` (no such scope object) or
 * `assurance_required`; returns the roles that counted and on whose behalf the user acts.
 */
export async function authorize(
  ctx: AccessContext,
  user: SignedInUser | null,
  action: Action,
  scope: Scope = {},
): Promise<Authorization> {
  if (!user) {
    throw new AppError('unauthenticated');
  }

  const rule: ActionRule = ACTIONS[action];
  const memberships = await findMemberships(ctx.db, user.id);
  const held = new Set(memberships.map((m) => m.role));
  const effective = new Set<string>();
  let onBehalfOfPersonId: string | null = null;

  if (isPlatformRole(user.platformRole)) {
    held.add(user.platformRole);
    effective.add(user.platformRole);
  }

  if (rule.scope === 'organisation') {
    const line = scope.organisationId ? await organisationLine(ctx.db, scope.organisationId) : [];

    memberships
      .filter((m) => line.includes(m.organisationId))
      .forEach((m) => effective.add(m.role));
  }

  if (rule.scope === 'premise') {
    onBehalfOfPersonId = await addPremiseRoles(
      ctx.db,
      user,
      scope.premiseId,
      memberships,
      effective,
    );
  }

  if (!isGranted(action, { signedIn: true, effective, held })) {
    throw new AppError('forbidden');
  }

  const level = await requireAssurance(ctx, user, action);

  return { roles: effective, onBehalfOfPersonId, level };
}

async function organisationLine(db: Queryable, organisationId: string) {
  const line = await findOrganisationLine(db, organisationId);

  if (line.length === 0) {
    throw new AppError('not_found');
  }

  return line;
}

/** Adds owner/resident/representative and the managing organisation's staff roles. */
async function addPremiseRoles(
  db: Queryable,
  user: SignedInUser,
  premiseId: string | undefined,
  memberships: { role: string; organisationId: string }[],
  effective: Set<string>,
): Promise<string | null> {
  const premise = premiseId ? await findPremiseManager(db, premiseId) : undefined;

  if (!premiseId || !premise) {
    throw new AppError('not_found');
  }

  if (premise.managingOrganisationId) {
    const line = await findOrganisationLine(db, premise.managingOrganisationId);

    memberships
      .filter((m) => line.includes(m.organisationId))
      .forEach((m) => effective.add(m.role));
  }

  for (const relation of await findPremiseRelations(db, user.personId, premiseId)) {
    effective.add(relation.relation);
  }

  const today = new Date().toISOString().slice(0, 10);
  const power = (await findPowersHeld(db, user.id, premiseId)).find((p) => isInForce(p, today));

  if (power) {
    effective.add('representative');

    // A representative acting as the owner gets the owner's rights on this premise.
    effective.add('owner');

    return power.principalPersonId;
  }

  return null;
}

/**
 * Throws `assurance_required` when the user's identity level is below the action's configured
 * level; the problem names both levels and explains what is missing and how to get it.
 */
export async function requireAssurance(
  ctx: AccessContext,
  user: SignedInUser,
  action: Action,
): Promise<AssuranceLevel> {
  const required = requiredLevel(action, assuranceOverrides(ctx.config));
  const current = await assuranceLevelOf(ctx.db, user.id);

  if (!meetsLevel(current, required)) {
    const how = howToReach(current, required);

    throw new AppError('assurance_required', {
      detail: how,
      extra: {
        requiredLevel: required,
        currentLevel: current,
        missing: missingSteps(current, required),
        how,
      },
    });
  }

  return current;
}
