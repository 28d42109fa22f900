import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Acting } from '../house-register/acting.js';
import { visibilityOf } from './document-access.js';
import { signedIn } from './documents.service.js';

/** Current owners of premises in the houses the organisation manages, by name or premise. */
export async function signersOf(ctx: AppContext, acting: Acting, orgId: string, q?: string) {
  const who = await visibilityOf(ctx.db, signedIn(acting));

  if (!who.officeOrganisationIds.includes(orgId)) {
    throw new AppError('forbidden');
  }

  return ctx.db.query<{ personId: string; name: string; premiseId: string; premiseLabel: string }>(
    `SELECT pe.id AS "personId", concat_ws(' ', pe.surname, pe.name, pe.patronymic) AS name,
            p.id AS "premiseId", h.address || ', ' || p.number AS "premiseLabel"
     FROM ownerships o
     JOIN persons pe ON pe.id = o.person_id
     JOIN premises p ON p.id = o.premise_id
     JOIN houses h ON h.id = p.house_id
     WHERE h.managing_organisation_id = $1
       AND (o.ended_on IS NULL OR o.ended_on >= CURRENT_DATE)
       AND ($2::text IS NULL
            OR concat_ws(' ', pe.surname, pe.name, pe.patronymic, p.number) ILIKE '%' || $2 || '%')
     ORDER BY pe.surname, pe.name, p.number LIMIT 50`,
    [orgId, q ? q.replace(/[\\%_]/g, '\\$&') : null],
  );
}
