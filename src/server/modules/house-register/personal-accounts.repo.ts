import type { Queryable } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/db/like.js';
import { HOLDER_NAME } from './house-register.repo.js';

export type AccountRow = {
  id: string;
  number: string;
  localNumber: string | null;
  premiseId: string;
  premiseNumber: string;
  premiseKind: string;
  houseId: string;
  houseAddress: string;
  organisationId: string;
  organisationName: string;
  payerPersonId: string | null;
  payerOrganisationId: string | null;
  payerName: string;
  openedOn: string;
  closedOn: string | null;
  closeReason: string | null;
};

const SELECT = `SELECT a.id, a.number, a.local_number AS "localNumber", a.premise_id AS "premiseId",
    p.number AS "premiseNumber", p.kind AS "premiseKind", h.id AS "houseId",
    h.address AS "houseAddress", a.organisation_id AS "organisationId",
    org.name AS "organisationName", a.payer_person_id AS "payerPersonId",
    a.payer_organisation_id AS "payerOrganisationId", ${HOLDER_NAME} AS "payerName",
    to_char(a.opened_on, 'YYYY-MM-DD') AS "openedOn",
    to_char(a.closed_on, 'YYYY-MM-DD') AS "closedOn", a.close_reason AS "closeReason"
  FROM personal_accounts a
  JOIN premises p ON p.id = a.premise_id
  JOIN houses h ON h.id = p.house_id
  JOIN organisations org ON org.id = a.organisation_id
  LEFT JOIN persons pe ON pe.id = a.payer_person_id
  LEFT JOIN organisations og ON og.id = a.payer_organisation_id`;

export async function findAccount(
  db: Queryable,
  by: { id: string } | { number: string },
): Promise<AccountRow | undefined> {
  const rows =
    'id' in by
      ? await db.query<AccountRow>(`${SELECT} WHERE a.id = $1`, [by.id])
      : await db.query<AccountRow>(`${SELECT} WHERE a.number = $1`, [by.number]);

  return rows[0];
}

export async function findPremiseAccounts(db: Queryable, premiseId: string) {
  return db.query<AccountRow>(
    `${SELECT} WHERE a.premise_id = $1
     ORDER BY a.closed_on IS NULL DESC, a.opened_on DESC, a.number`,
    [premiseId],
  );
}

/** Lower case with ё folded to е, the way names are compared in a search. */
export function foldName(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}

const FOLDED_NAME = `replace(lower(${HOLDER_NAME}), 'ё', 'е')`;

/**
 * The accounts an organisation bills. `number` finds one ЕЛС exactly; otherwise every word must
 * match the address, the premise number or the payer's name.
 */
export async function searchAccounts(
  db: Queryable,
  filter: {
    organisationId: string;
    status: 'open' | 'closed' | 'all';
    houseId?: string;
    number?: string;
    words: string[];
    limit: number;
    offset: number;
  },
): Promise<(AccountRow & { total: number })[]> {
  const params: unknown[] = [filter.organisationId, filter.limit, filter.offset];
  const where = ['a.organisation_id = $1'];

  if (filter.status !== 'all') {
    where.push(filter.status === 'open' ? 'a.closed_on IS NULL' : 'a.closed_on IS NOT NULL');
  }

  if (filter.houseId) {
    params.push(filter.houseId);
    where.push(`h.id = $${params.length}`);
  }

  if (filter.number) {
    params.push(filter.number);
    where.push(`a.number = $${params.length}`);
  }

  for (const word of filter.words) {
    params.push(`%${escapeLike(foldName(word))}%`, foldName(word));

    const like = `$${params.length - 1}`;
    const exact = `$${params.length}`;

    where.push(`(h.search_text LIKE ${like} ESCAPE '\\' OR ${FOLDED_NAME} LIKE ${like} ESCAPE '\\'
      OR lower(p.number) = ${exact} OR lower(a.number) LIKE ${like} ESCAPE '\\'
      OR lower(a.local_number) = ${exact})`);
  }

  return db.query<AccountRow & { total: number }>(
    `${SELECT.replace('SELECT ', 'SELECT count(*) OVER ()::int AS total, ')}
     WHERE ${where.join(' AND ')}
     ORDER BY h.sort_key COLLATE "C", p.kind, length(p.number), p.number, a.opened_on DESC
     LIMIT $2 OFFSET $3`,
    params,
  );
}

export async function findAccountHistory(db: Queryable, accountId: string) {
  return db.query<{ at: Date | string; action: string; actorName: string | null }>(
    `SELECT e.at, e.action,
       NULLIF(concat_ws(' ', pe.surname, pe.name, pe.patronymic), '') AS "actorName"
     FROM audit_entries e
     LEFT JOIN users u ON u.id = e.actor_user_id
     LEFT JOIN persons pe ON pe.id = u.person_id
     WHERE e.object_type = 'personal_account' AND e.object_id = $1
     ORDER BY e.seq`,
    [accountId],
  );
}

/** Open accounts of one payer for a premise with an organisation (at most one may be open). */
export async function findOpenAccountOf(
  db: Queryable,
  key: {
    premiseId: string;
    organisationId: string;
    payerPersonId: string | null;
    payerOrganisationId: string | null;
  },
) {
  const rows = await db.query<{ id: string; number: string }>(
    `SELECT id, number FROM personal_accounts
     WHERE premise_id = $1 AND organisation_id = $2 AND closed_on IS NULL
       AND payer_person_id IS NOT DISTINCT FROM $3::uuid
       AND payer_organisation_id IS NOT DISTINCT FROM $4::uuid`,
    [key.premiseId, key.organisationId, key.payerPersonId, key.payerOrganisationId],
  );

  return rows[0];
}

export async function numberTaken(db: Queryable, number: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM personal_accounts WHERE number = $1', [number])).length > 0;
}

export async function insertAccount(
  tx: Queryable,
  input: {
    number: string;
    localNumber: string | null;
    premiseId: string;
    organisationId: string;
    payerPersonId: string | null;
    payerOrganisationId: string | null;
    openedOn: string;
  },
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO personal_accounts (number, local_number, premise_id, organisation_id,
       payer_person_id, payer_organisation_id, opened_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      input.number,
      input.localNumber,
      input.premiseId,
      input.organisationId,
      input.payerPersonId,
      input.payerOrganisationId,
      input.openedOn,
    ],
  );

  return rows[0]!.id;
}

/** Closes an open account; false when it was closed meanwhile. */
export async function closeAccount(
  tx: Queryable,
  id: string,
  closedOn: string,
  reason: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE personal_accounts SET closed_on = $2, close_reason = $3
     WHERE id = $1 AND closed_on IS NULL RETURNING id`,
    [id, closedOn, reason],
  );

  return rows.length > 0;
}

/** Whether a person or organisation owns (live right) or lives in the premise. */
export async function payerRelation(
  db: Queryable,
  premiseId: string,
  payer: { personId: string | null; organisationId: string | null },
  today: string,
): Promise<{ owner: boolean; resident: boolean }> {
  const rows = await db.query<{ owner: boolean; resident: boolean }>(
    `SELECT
       EXISTS (SELECT 1 FROM ownerships o WHERE o.premise_id = $1 AND o.ended_on IS NULL
               AND (o.person_id = $2::uuid OR o.organisation_id = $3::uuid)) AS owner,
       EXISTS (SELECT 1 FROM residents r WHERE r.premise_id = $1 AND r.person_id = $2::uuid
               AND (r.deregistered_on IS NULL OR r.deregistered_on >= $4::date)) AS resident`,
    [premiseId, payer.personId, payer.organisationId, today],
  );

  return rows[0] ?? { owner: false, resident: false };
}

/** The cadastral numbers that tell the region of a premise's new account numbers. */
export async function findCadastralNumbers(db: Queryable, premiseId: string) {
  const rows = await db.query<{ premise: string | null; house: string | null }>(
    `SELECT p.cadastral_number AS premise, h.cadastral_number AS house
     FROM premises p JOIN houses h ON h.id = p.house_id WHERE p.id = $1`,
    [premiseId],
  );

  return rows[0] ?? { premise: null, house: null };
}
