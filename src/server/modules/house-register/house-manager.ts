import type { Action } from '../../../domain/access/actions.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize, type AccessContext, type Authorization } from '../access/authorize.js';

/**
 * Who manages a house today. A management contract that covers today names the organisation;
 * once any contract has begun, the contracts alone decide (a house whose contract ended has no
 * manager until a new one is registered, whatever an old registry extract says). A house with no
 * contract begun yet is managed by the organisation the registry names.
 *
 * `h` is the alias of `houses` in the surrounding query. "Today" is the house's own date.
 */
export function managerSql(h: string): string {
  const today = `(now() AT TIME ZONE ${h}.time_zone)::date`;

  return `COALESCE(
    (SELECT c.organisation_id FROM management_contracts c
     WHERE c.house_id = ${h}.id AND c.started_on <= ${today}
       AND (c.ended_on IS NULL OR c.ended_on >= ${today})
     ORDER BY c.started_on DESC LIMIT 1),
    CASE WHEN EXISTS (SELECT 1 FROM management_contracts c
                      WHERE c.house_id = ${h}.id AND c.started_on <= ${today})
      THEN NULL ELSE ${h}.managing_organisation_id END)`;
}

/** 'contract' when a contract names today's manager, 'registry' when the registry does. */
export function managedBySql(h: string): string {
  const today = `(now() AT TIME ZONE ${h}.time_zone)::date`;

  return `CASE WHEN EXISTS (SELECT 1 FROM management_contracts c
      WHERE c.house_id = ${h}.id AND c.started_on <= ${today}
        AND (c.ended_on IS NULL OR c.ended_on >= ${today})) THEN 'contract'
    WHEN ${managerSql(h)} IS NOT NULL THEN 'registry' END`;
}

export type ManagedHouse = {
  id: string;
  address: string;
  timeZone: string;
  /** YYYY-MM-DD in the house's time zone. */
  today: string;
  managerId: string | null;
  managerName: string | null;
  managedBy: 'contract' | 'registry' | null;
};

const HOUSE_COLUMNS = `h.id, h.address, h.time_zone AS "timeZone",
  to_char((now() AT TIME ZONE h.time_zone)::date, 'YYYY-MM-DD') AS today,
  m.id AS "managerId", m.name AS "managerName", ${managedBySql('h')} AS "managedBy"`;

export async function findManagedHouse(
  db: Queryable,
  houseId: string,
): Promise<ManagedHouse | undefined> {
  const rows = await db.query<ManagedHouse>(
    `SELECT ${HOUSE_COLUMNS} FROM houses h
     LEFT JOIN organisations m ON m.id = ${managerSql('h')}
     WHERE h.id = $1`,
    [houseId],
  );

  return rows[0];
}

export type PremiseInHouse = {
  premiseId: string;
  number: string;
  kind: string;
  house: ManagedHouse;
};

export async function findPremiseInHouse(
  db: Queryable,
  premiseId: string,
): Promise<PremiseInHouse | undefined> {
  const rows = await db.query<ManagedHouse & { premiseId: string; number: string; kind: string }>(
    `SELECT p.id AS "premiseId", p.number, p.kind, ${HOUSE_COLUMNS}
     FROM premises p JOIN houses h ON h.id = p.house_id
     LEFT JOIN organisations m ON m.id = ${managerSql('h')}
     WHERE p.id = $1`,
    [premiseId],
  );
  const row = rows[0];

  if (!row) {
    return undefined;
  }

  const { premiseId: id, number, kind, ...house } = row;

  return { premiseId: id, number, kind, house };
}

/**
 * Authorises an action on a house in its managing organisation. A house nobody manages today is
 * open to the platform's administrators only.
 */
export async function authorizeOnHouse(
  ctx: AccessContext,
  user: SignedInUser | null,
  action: Action,
  house: ManagedHouse,
): Promise<Authorization> {
  return authorize(ctx, user, action, house.managerId ? { organisationId: house.managerId } : {});
}

export async function requireHouse(db: Queryable, houseId: string): Promise<ManagedHouse> {
  const house = await findManagedHouse(db, houseId);

  if (!house) {
    throw new AppError('not_found', {
      detail: { ru: 'Дом не найден', en: 'No such house' },
    });
  }

  return house;
}

export async function requirePremise(db: Queryable, premiseId: string): Promise<PremiseInHouse> {
  const premise = await findPremiseInHouse(db, premiseId);

  if (!premise) {
    throw new AppError('not_found', {
      detail: { ru: 'Помещение не найдено', en: 'No such premise' },
    });
  }

  return premise;
}

/** Locks the premise row: ownership changes and account openings of one premise go one by one. */
export async function lockPremise(tx: Queryable, premiseId: string): Promise<void> {
  await tx.query('SELECT id FROM premises WHERE id = $1 FOR UPDATE', [premiseId]);
}
