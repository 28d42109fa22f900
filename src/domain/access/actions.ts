import { ASSURANCE_LEVELS, type AssuranceLevel } from './assurance.js';
import type { Role } from './roles.js';

/**
 * Where an action applies. `organisation`: an organisation (and its sub-departments); `premise`:
 * one premise; `none`: the platform as a whole or the person's own data.
 */
export type ScopeKind = 'none' | 'organisation' | 'premise';

export type ActionRule = {
  scope: ScopeKind;
  /** The identity level needed by default; configuration may raise or lower it per action. */
  level: AssuranceLevel;
  /** Any signed-in person may act (on their own data). */
  signedIn?: true;
  /** Roles effective in the scope: platform roles, memberships of the organisation, derived roles. */
  roles?: readonly Role[];
  /** Organisation roles that count wherever held: state oversight is not tied to one company. */
  anywhere?: readonly Role[];
};

const OPERATORS = ['identity_operator', 'platform_admin'] as const;
const ORG_ADMINS = ['organisation_admin', 'platform_admin'] as const;
const ORG_OFFICE = ['organisation_admin', 'accountant', 'platform_admin'] as const;
const ORG_STAFF = [
  'organisation_admin',
  'accountant',
  'dispatcher',
  'executor',
  'platform_admin',
] as const;

/** The catalogue of actions guarded by `authorize`. Rights are data, so a test can enumerate them. */
export const ACTIONS = {
  'profile.read': { scope: 'none', level: 'basic', signedIn: true },
  'identity_documents.submit': { scope: 'none', level: 'basic', signedIn: true },
  'verification.request': { scope: 'none', level: 'standard', signedIn: true },
  'verification.redeem_in_person_code': { scope: 'none', level: 'standard', signedIn: true },
  'verification.review': { scope: 'none', level: 'basic', roles: OPERATORS },
  'verification.issue_in_person_code': { scope: 'none', level: 'basic', roles: OPERATORS },
  'employees.list': {
    scope: 'organisation',
    level: 'basic',
    roles: [...ORG_ADMINS, 'department_head'],
  },
  'employees.invite': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  'employees.change_roles': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  'employees.remove': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  'departments.create': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  'invitation.accept': { scope: 'none', level: 'basic', signedIn: true },
  'poa.create': { scope: 'premise', level: 'verified', roles: ['owner'] },
  'poa.list': { scope: 'none', level: 'basic', signedIn: true },
  'poa.revoke': { scope: 'none', level: 'standard', signedIn: true },
  'premise.read_rights': {
    scope: 'premise',
    level: 'basic',
    roles: [
      'owner',
      'resident',
      'representative',
      'organisation_admin',
      'accountant',
      'dispatcher',
      'executor',
      'platform_admin',
    ],
    anywhere: ['inspector'],
  },
  // Premises, ownership and personal accounts (issue 4).
  'my_premises.read': { scope: 'none', level: 'basic', signedIn: true },
  'property_claim.create': { scope: 'none', level: 'standard', signedIn: true },
  'property_claim.read_own': { scope: 'none', level: 'basic', signedIn: true },
  /** Deciding a conflict: the house manager's office, or the platform operator for the rest. */
  'property_claim.decide': {
    scope: 'organisation',
    level: 'basic',
    roles: [...ORG_OFFICE, 'identity_operator'],
  },
  'house_register.read': { scope: 'organisation', level: 'basic', roles: ORG_STAFF },
  'premises.manage': { scope: 'organisation', level: 'basic', roles: ORG_OFFICE },
  'premises.import': { scope: 'organisation', level: 'basic', roles: ORG_OFFICE },
  'personal_accounts.manage': { scope: 'organisation', level: 'basic', roles: ORG_OFFICE },
  'ownership.change': { scope: 'organisation', level: 'basic', roles: ORG_OFFICE },
  'management_contracts.manage': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  // Billing, the ЕПД and payments (issue 6).
  'billing.read': { scope: 'organisation', level: 'basic', roles: ORG_STAFF },
  'billing.manage': { scope: 'organisation', level: 'basic', roles: ORG_OFFICE },
  'payments.manage': { scope: 'organisation', level: 'basic', roles: ORG_OFFICE },
  /** A premise's bills: its owners, residents and representatives, and the billing staff. */
  'bills.read': {
    scope: 'premise',
    level: 'basic',
    roles: ['owner', 'resident', 'representative', ...ORG_STAFF],
  },
  'bills.pay': { scope: 'premise', level: 'basic', roles: ['owner', 'resident', 'representative'] },
  'registry.read': {
    scope: 'none',
    level: 'basic',
    roles: ['platform_admin', 'identity_operator'],
  },
  'registry.import': {
    scope: 'none',
    level: 'basic',
    roles: ['platform_admin', 'identity_operator'],
  },
  // Meters and readings (issue 5): people of the premise and the managing organisation's staff.
  'meters.read': {
    scope: 'premise',
    level: 'basic',
    roles: ['owner', 'resident', 'representative', ...ORG_STAFF],
  },
  'readings.submit': {
    scope: 'premise',
    level: 'basic',
    roles: ['owner', 'resident', 'representative', ...ORG_STAFF],
  },
  'meters.read_org': { scope: 'organisation', level: 'basic', roles: ORG_STAFF },
  'meters.manage': { scope: 'organisation', level: 'basic', roles: ORG_OFFICE },
  'readings.enter': { scope: 'organisation', level: 'basic', roles: ORG_STAFF },
  'readings.import': { scope: 'organisation', level: 'basic', roles: ORG_OFFICE },
  'meters.settings': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  // Owners' meetings and polls (issue 8). Who may vote follows from the frozen register.
  'meetings.organise': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  'meetings.read_org': {
    scope: 'organisation',
    level: 'basic',
    roles: ORG_STAFF,
    anywhere: ['inspector'],
  },
  'meetings.vote': { scope: 'none', level: 'basic', signedIn: true },
  'meetings.inspect': {
    scope: 'none',
    level: 'basic',
    roles: ['platform_admin'],
    anywhere: ['inspector'],
  },
  'polls.manage': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  // Service requests, dispatch and planned works (issue 7). Filing is open to anyone signed in;
  // a request about a premise is checked against the person's link to it in the service.
  'service_request.file': { scope: 'none', level: 'basic', signedIn: true },
  'service_request.dispatch': {
    scope: 'organisation',
    level: 'basic',
    roles: ['organisation_admin', 'dispatcher', 'platform_admin'],
  },
  'service_request.execute': {
    scope: 'organisation',
    level: 'basic',
    roles: ['organisation_admin', 'dispatcher', 'executor', 'platform_admin'],
  },
  'service_request.configure': { scope: 'organisation', level: 'basic', roles: ORG_ADMINS },
  'service_request.analytics': {
    scope: 'organisation',
    level: 'basic',
    roles: ['organisation_admin', 'dispatcher', 'platform_admin'],
    anywhere: ['inspector'],
  },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export function isAction(name: string): name is Action {
  return Object.hasOwn(ACTIONS, name);
}

/**
 * Reads per-action level overrides written as `action=level` pairs separated by commas, e.g.
 * `poa.create=standard,verification.request=basic`. Unknown actions and levels are errors, so a
 * typo in configuration cannot silently leave an action at its default.
 */
export function parseAssuranceOverrides(
  text: string,
):
  | { ok: true; overrides: Partial<Record<Action, AssuranceLevel>> }
  | { ok: false; problems: string[] } {
  const overrides: Partial<Record<Action, AssuranceLevel>> = {};
  const problems: string[] = [];

  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [action = '', level = ''] = pair.split('=').map((p) => p.trim());

    if (!isAction(action)) {
      problems.push(`unknown action "${action}"`);
    } else if (!(ASSURANCE_LEVELS as readonly string[]).includes(level)) {
      problems.push(`unknown level "${level}" for ${action} (basic, standard or verified)`);
    } else {
      overrides[action] = level as AssuranceLevel;
    }
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, overrides };
}

/** The level an action needs once configuration is applied. */
export function requiredLevel(
  action: Action,
  overrides: Partial<Record<Action, AssuranceLevel>> = {},
): AssuranceLevel {
  return overrides[action] ?? ACTIONS[action].level;
}

/**
 * Decides whether someone holding `effective` roles in the scope (and `held` roles anywhere) may
 * perform the action. Pure: the server resolves the roles, this only applies the table.
 */
export function isGranted(
  action: Action,
  who: { signedIn: boolean; effective: ReadonlySet<string>; held: ReadonlySet<string> },
): boolean {
  const rule: ActionRule = ACTIONS[action];

  if (!who.signedIn) {
    return false;
  }

  if (rule.signedIn) {
    return true;
  }

  return (
    (rule.roles ?? []).some((r) => who.effective.has(r)) ||
    (rule.anywhere ?? []).some((r) => who.held.has(r))
  );
}
