import { AppError } from '../../platform/errors.js';
import type { Queryable } from '../../platform/db/database.js';

/** The platform's houses are in Ekaterinburg for now; business dates are taken there. */
// TODO: take the zone from the house once houses carry one (all registry houses are UTC+5 today).
export const BUSINESS_TIME_ZONE = 'Asia/Yekaterinburg';

/** Today's date (YYYY-MM-DD) in the business time zone. */
export function businessToday(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: BUSINESS_TIME_ZONE });
}

export function notFound(ru: string, en: string): AppError {
  return new AppError('not_found', { detail: { ru, en } });
}

export type AccountRef = {
  id: string;
  number: string;
  premiseId: string;
  houseId: string;
  organisationId: string;
};

/** An account with the premise and house it is for; `not_found` when there is none. */
export async function requireAccountRef(db: Queryable, id: string): Promise<AccountRef> {
  const [row] = await db.query<AccountRef>(
    `SELECT a.id, a.number, a.premise_id AS "premiseId", p.house_id AS "houseId",
            a.organisation_id AS "organisationId"
       FROM personal_accounts a JOIN premises p ON p.id = a.premise_id WHERE a.id = $1`,
    [id],
  );

  if (!row) {
    throw notFound('Лицевой счёт не найден', 'No such personal account');
  }

  return row;
}

/** Kopecks as a JS number for JSON (amounts stay far below 2^53). */
export const toNumber = (value: bigint | number | string) => Number(value);
