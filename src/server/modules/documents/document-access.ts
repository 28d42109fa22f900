import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import type { DocumentRow } from './documents.repo.js';

/** Roles that read an organisation's archive, and those that also file and send documents. */
const STAFF = new Set(['organisation_admin', 'accountant', 'dispatcher', 'executor']);
const OFFICE = new Set(['organisation_admin', 'accountant']);

/** What one user may see: their person, the houses they live in or own, their employers. */
export type Visibility = {
  personId: string;
  houseIds: string[];
  organisationIds: string[];
  officeOrganisationIds: string[];
};

export async function visibilityOf(db: Queryable, user: SignedInUser): Promise<Visibility> {
  const [houses, memberships] = await Promise.all([
    db.query<{ houseId: string }>(
      `SELECT DISTINCT p.house_id AS "houseId" FROM premises p
       WHERE p.id IN (
         SELECT premise_id FROM ownerships
         WHERE person_id = $1 AND (ended_on IS NULL OR ended_on >= CURRENT_DATE)
         UNION
         SELECT premise_id FROM residents
         WHERE person_id = $1 AND (deregistered_on IS NULL OR deregistered_on >= CURRENT_DATE))`,
      [user.personId],
    ),
    db.query<{ organisationId: string; role: string }>(
      `SELECT organisation_id AS "organisationId", role FROM memberships WHERE user_id = $1`,
      [user.id],
    ),
  ]);

  return {
    personId: user.personId,
    houseIds: houses.map((h) => h.houseId),
    organisationIds: memberships.filter((m) => STAFF.has(m.role)).map((m) => m.organisationId),
    officeOrganisationIds: memberships
      .filter((m) => OFFICE.has(m.role))
      .map((m) => m.organisationId),
  };
}

/** Whether the user may read the document; others get `not_found`, so ids cannot be probed. */
export function canRead(document: DocumentRow, who: Visibility): boolean {
  if (document.personId === who.personId) {
    return true;
  }

  if (document.scope === 'house' && who.houseIds.includes(document.houseId!)) {
    return true;
  }

  return (
    document.scope !== 'personal' && who.organisationIds.includes(document.organisationId ?? '')
  );
}

/** Whether the user may add versions, move or supersede it: the owner, or the archive's office. */
export function canWrite(document: DocumentRow, who: Visibility): boolean {
  if (document.scope === 'personal') {
    return document.personId === who.personId;
  }

  return who.officeOrganisationIds.includes(document.organisationId ?? '');
}

export function documentNotFound(): AppError {
  return new AppError('not_found', {
    detail: { ru: 'Документ не найден', en: 'No such document' },
  });
}

/** The house's managing organisation, which keeps its documents; `not_found` for no house. */
export async function houseManager(db: Queryable, houseId: string): Promise<string | null> {
  const [row] = await db.query<{ organisationId: string | null }>(
    `SELECT managing_organisation_id AS "organisationId" FROM houses WHERE id = $1`,
    [houseId],
  );

  if (!row) {
    throw new AppError('not_found', { detail: { ru: 'Дом не найден', en: 'No such house' } });
  }

  return row.organisationId;
}
