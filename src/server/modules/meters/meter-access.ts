import type { AppContext } from '../../platform/context.js';
import { authorize, type Authorization } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { findMeter, type MeterRow } from './meters.repo.js';

const PERSON_ROLES = ['owner', 'resident', 'representative'];
const STAFF_ROLES = [
  'organisation_admin',
  'accountant',
  'dispatcher',
  'executor',
  'platform_admin',
];

export type MeterAccess = Authorization & {
  /** The person acts as owner, resident or representative rather than as staff. */
  asPerson: boolean;
};

/**
 * Rights on a meter: an individual one is the premise's (its people and its manager's staff); a
 * common-house one is the managing organisation's only. Staff rights follow today's manager.
 */
export async function authorizeOnMeter(
  ctx: AppContext,
  acting: Acting,
  meter: Pick<MeterRow, 'premiseId' | 'managerId'>,
  what: 'read' | 'submit' | 'manage',
): Promise<MeterAccess> {
  const org = meter.managerId ? { organisationId: meter.managerId } : {};
  let auth: Authorization;

  if (what === 'manage') {
    auth = await authorize(ctx, acting.user, 'meters.manage', org);
  } else if (meter.premiseId) {
    const action = what === 'read' ? 'meters.read' : 'readings.submit';

    auth = await authorize(ctx, acting.user, action, { premiseId: meter.premiseId });
  } else {
    auth = await authorize(
      ctx,
      acting.user,
      what === 'read' ? 'meters.read_org' : 'readings.enter',
      org,
    );
  }

  const roles = [...auth.roles];
  const asPerson =
    roles.some((r) => PERSON_ROLES.includes(r)) && !roles.some((r) => STAFF_ROLES.includes(r));

  return { ...auth, asPerson };
}

export async function requireMeter(db: Queryable, meterId: string): Promise<MeterRow> {
  const meter = await findMeter(db, meterId);

  if (!meter) {
    throw new AppError('not_found', {
      detail: { ru: 'Прибор учёта не найден', en: 'No such meter' },
    });
  }

  return meter;
}
