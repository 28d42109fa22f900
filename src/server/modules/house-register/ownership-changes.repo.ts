import type { Share } from '../../../domain/shares/fraction.js';
import type { Queryable } from '../../platform/db/database.js';
import { insertRows } from '../../platform/db/insert-rows.js';

export type LiveRightRow = {
  id: string;
  personId: string | null;
  organisationId: string | null;
  n: number;
  d: number;
  startedOn: string | null;
};

export async function findLiveRights(db: Queryable, premiseId: string) {
  return db.query<LiveRightRow>(
    `SELECT id, person_id AS "personId", organisation_id AS "organisationId",
       share_numerator AS n, share_denominator AS d,
       to_char(started_on, 'YYYY-MM-DD') AS "startedOn"
     FROM ownerships WHERE premise_id = $1 AND ended_on IS NULL`,
    [premiseId],
  );
}

export async function endRights(tx: Queryable, ids: string[], date: string, reason: string) {
  if (ids.length === 0) {
    return;
  }

  await tx.query(
    `UPDATE ownerships SET ended_on = $2, ended_reason = $3
     WHERE id = ANY($1::uuid[]) AND ended_on IS NULL`,
    [ids, date, reason],
  );
}

/** Which of the given ids exist, as persons or as organisations. */
export async function existingIds(
  db: Queryable,
  table: 'persons' | 'organisations',
  ids: string[],
) {
  if (ids.length === 0) {
    return new Set<string>();
  }

  const rows = await db.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`,
    [ids],
  );

  return new Set(rows.map((row) => row.id));
}

export async function insertPersons(
  tx: Queryable,
  people: { surname: string; name: string; patronymic?: string }[],
): Promise<string[]> {
  const rows = await insertRows<{ id: string }>(
    tx,
    'persons',
    ['surname', 'name', 'patronymic'],
    people.map((p) => [p.surname, p.name, p.patronymic ?? null]),
    { returning: 'id' },
  );

  return rows.map((row) => row.id);
}

export type NewRightRow = {
  personId: string | null;
  organisationId: string | null;
  share: Share;
  titleDocument: string | null;
  rightNumber: string | null;
  rightRegisteredOn: string | null;
};

export async function insertRights(
  tx: Queryable,
  premiseId: string,
  startedOn: string,
  rights: NewRightRow[],
): Promise<string[]> {
  const rows = await insertRows<{ id: string }>(
    tx,
    'ownerships',
    [
      'premise_id',
      'person_id',
      'organisation_id',
      'share_numerator',
      'share_denominator',
      'title_document',
      'started_on',
      'right_number',
      'right_registered_on',
      'source',
    ],
    rights.map((r) => [
      premiseId,
      r.personId,
      r.organisationId,
      r.share.numerator,
      r.share.denominator,
      r.titleDocument,
      startedOn,
      r.rightNumber,
      r.rightRegisteredOn,
      'staff',
    ]),
    { returning: 'id' },
  );

  return rows.map((row) => row.id);
}

/**
 * Closes the premise's open accounts of payers who hold no live right in it any more (a tenant
 * paying a municipal flat is not an owner and keeps the account). An account opened after the
 * change date closes on its opening day.
 */
export async function closeAccountsOfFormerOwners(
  tx: Queryable,
  premiseId: string,
  formerOwners: { personIds: string[]; organisationIds: string[] },
  date: string,
  reason: string,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE personal_accounts a SET closed_on = GREATEST($4::date, a.opened_on), close_reason = $5
     WHERE a.premise_id = $1 AND a.closed_on IS NULL
       AND (a.payer_person_id = ANY($2::uuid[]) OR a.payer_organisation_id = ANY($3::uuid[]))
       AND NOT EXISTS (SELECT 1 FROM ownerships o WHERE o.premise_id = a.premise_id
         AND o.ended_on IS NULL
         AND (o.person_id = a.payer_person_id OR o.organisation_id = a.payer_organisation_id))
     RETURNING a.id`,
    [premiseId, formerOwners.personIds, formerOwners.organisationIds, date, reason],
  );

  return rows.map((row) => row.id);
}
