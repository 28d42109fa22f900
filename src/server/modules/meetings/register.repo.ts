import type { Queryable } from '../../platform/db/database.js';

export type EntryRow = {
  id: string;
  premiseId: string;
  premiseNumber: string;
  premiseKind: string;
  area: string;
  ownershipId: string | null;
  ownerPersonId: string | null;
  ownerOrganisationId: string | null;
  ownerName: string | null;
  shareNumerator: number | null;
  shareDenominator: number | null;
  titleDocument: string | null;
};

function entryColumns(alias = ''): string {
  const a = alias ? `${alias}.` : '';

  return `${a}id, ${a}premise_id AS "premiseId", ${a}premise_number AS "premiseNumber",
  ${a}premise_kind AS "premiseKind", ${a}area::text AS area, ${a}ownership_id AS "ownershipId",
  ${a}owner_person_id AS "ownerPersonId", ${a}owner_organisation_id AS "ownerOrganisationId",
  ${a}owner_name AS "ownerName", ${a}share_numerator AS "shareNumerator",
  ${a}share_denominator AS "shareDenominator", ${a}title_document AS "titleDocument"`;
}

/**
 * Copies the register of owners as it stood on the first day of voting into the meeting: every
 * premise of the house with its area, and each ownership in force that day with its share. A
 * premise with no known owner gets one entry without an ownership: its area stays in all votes.
 */
export async function freezeRegister(
  tx: Queryable,
  meetingId: string,
  houseId: string,
  onDate: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO meeting_register_entries (meeting_id, premise_id, premise_number, premise_kind,
       area, ownership_id, owner_person_id, owner_organisation_id, owner_name, share_numerator,
       share_denominator, title_document)
     SELECT $1, p.id, p.number, p.kind, p.area_total, o.id, o.person_id, o.organisation_id,
       COALESCE(org.name, concat_ws(' ', pe.surname, pe.name, pe.patronymic)),
       o.share_numerator, o.share_denominator, o.title_document
     FROM premises p
     LEFT JOIN ownerships o ON o.premise_id = p.id
       AND (o.started_on IS NULL OR o.started_on <= $3::date)
       AND (o.ended_on IS NULL OR o.ended_on > $3::date)
     LEFT JOIN persons pe ON pe.id = o.person_id
     LEFT JOIN organisations org ON org.id = o.organisation_id
     WHERE p.house_id = $2
     ORDER BY p.kind, p.number`,
    [meetingId, houseId, onDate],
  );
}

export async function findEntries(db: Queryable, meetingId: string): Promise<EntryRow[]> {
  return db.query<EntryRow>(
    `SELECT ${entryColumns()} FROM meeting_register_entries WHERE meeting_id = $1
     ORDER BY premise_kind, length(premise_number), premise_number, owner_name`,
    [meetingId],
  );
}

export async function findEntry(
  db: Queryable,
  meetingId: string,
  entryId: string,
): Promise<EntryRow | undefined> {
  const [row] = await db.query<EntryRow>(
    `SELECT ${entryColumns()} FROM meeting_register_entries WHERE meeting_id = $1 AND id = $2`,
    [meetingId, entryId],
  );

  return row;
}

/**
 * The entries a user may vote: their own (as the owner), those of owners whose power of attorney
 * for the premise they hold on the date, and those of organisations they work for (a
 * municipality votes its flats through its people).
 */
export async function findVotableEntries(
  db: Queryable,
  meetingId: string,
  user: { id: string; personId: string },
  onDate: string,
): Promise<(EntryRow & { castAs: string; powerOfAttorneyId: string | null })[]> {
  return db.query(
    `SELECT ${entryColumns('e')}, x."castAs", x."powerOfAttorneyId"
     FROM meeting_register_entries e
     JOIN LATERAL (
       SELECT 'owner' AS "castAs", NULL::uuid AS "powerOfAttorneyId"
       WHERE e.owner_person_id = $3
       UNION ALL
       SELECT 'representative', poa.id FROM powers_of_attorney poa
       WHERE poa.representative_user_id = $2 AND poa.premise_id = e.premise_id
         AND poa.principal_person_id = e.owner_person_id AND poa.revoked_at IS NULL
         AND poa.valid_from <= $4::date AND poa.valid_until >= $4::date
       UNION ALL
       SELECT 'organisation_representative', NULL FROM memberships mb
       WHERE mb.user_id = $2 AND mb.organisation_id = e.owner_organisation_id
       LIMIT 1
     ) x ON true
     WHERE e.meeting_id = $1 AND e.ownership_id IS NOT NULL
     ORDER BY e.premise_kind, length(e.premise_number), e.premise_number`,
    [meetingId, user.id, user.personId, onDate],
  );
}
