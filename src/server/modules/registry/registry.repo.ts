import type { Queryable } from '../../platform/db/database.js';
import { insertRows } from '../../platform/db/insert-rows.js';
import type { RegistryObject, RegistryRight } from './registry-adapter.js';

/** A stored object with its rights, in the adapter's shape plus the row's own keys. */
export type StoredObject = Omit<RegistryObject, 'rights' | 'areaCenti'> & {
  id: string;
  area: string;
  rights: StoredRight[];
};

export type StoredRight = Omit<RegistryRight, 'share'> & {
  numerator: number;
  denominator: number;
};

const OBJECT_COLUMNS = `o.id, o.cadastral_number AS "cadastralNumber", o.address,
  o.house_id AS "houseId", o.premise_number AS "premiseNumber", o.kind, o.area::text AS area,
  to_char(o.extracted_on, 'YYYY-MM-DD') AS "extractedOn"`;

const RIGHT_COLUMNS = `r.object_id AS "objectId", r.owner_kind AS "ownerKind",
  r.owner_name AS "ownerName", r.owner_name_key AS "ownerNameKey", r.owner_inn AS "ownerInn",
  r.owner_snils_digest AS "ownerSnilsDigest", r.share_numerator AS numerator,
  r.share_denominator AS denominator, r.registration_number AS "registrationNumber",
  to_char(r.registered_on, 'YYYY-MM-DD') AS "registeredOn"`;

/** The stored objects with these cadastral numbers, each with its rights (oldest first). */
export async function findStoredObjects(
  db: Queryable,
  cadastralNumbers: string[],
): Promise<Map<string, StoredObject>> {
  const found = new Map<string, StoredObject>();

  if (cadastralNumbers.length === 0) {
    return found;
  }

  const objects = await db.query<Omit<StoredObject, 'rights'>>(
    `SELECT ${OBJECT_COLUMNS} FROM registry_objects o
     WHERE o.cadastral_number = ANY($1::text[])`,
    [cadastralNumbers],
  );

  if (objects.length === 0) {
    return found;
  }

  const rights = await db.query<StoredRight & { objectId: string }>(
    `SELECT ${RIGHT_COLUMNS} FROM registry_rights r WHERE r.object_id = ANY($1::uuid[])
     ORDER BY r.registered_on, r.registration_number, r.owner_name_key`,
    [objects.map((o) => o.id)],
  );
  const byObject = new Map<string, StoredRight[]>();

  for (const { objectId, ...right } of rights) {
    byObject.set(objectId, [...(byObject.get(objectId) ?? []), right]);
  }

  for (const object of objects) {
    found.set(object.cadastralNumber, { ...object, rights: byObject.get(object.id) ?? [] });
  }

  return found;
}

export type ObjectWrite = {
  cadastralNumber: string;
  address: string;
  houseId: string | null;
  premiseNumber: string | null;
  kind: string;
  area: string;
  extractedOn: string | null;
  importRunId: string | null;
  /** Set on objects the import creates; a later import never changes whether one is demo. */
  isDemo: boolean;
  rights: (StoredRight & { ownerSnilsDigest: string | null })[];
};

/**
 * Writes objects and replaces their rights: an extract states the current rights of an object,
 * so the rights it lists are the rights there are. Returns the ids in input order.
 */
export async function saveObjects(tx: Queryable, objects: ObjectWrite[]): Promise<string[]> {
  const ids: string[] = [];

  // One statement per object keeps ON CONFLICT simple; a registry file has thousands of
  // objects at most, and the import runs in a single transaction.
  for (const object of objects) {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO registry_objects (cadastral_number, address, house_id, premise_number, kind,
         area, import_run_id, extracted_on, is_demo, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (cadastral_number) DO UPDATE SET address = excluded.address,
         house_id = excluded.house_id, premise_number = excluded.premise_number,
         kind = excluded.kind, area = excluded.area, import_run_id = excluded.import_run_id,
         extracted_on = excluded.extracted_on, updated_at = now()
       RETURNING id`,
      [
        object.cadastralNumber,
        object.address,
        object.houseId,
        object.premiseNumber,
        object.kind,
        object.area,
        object.importRunId,
        object.extractedOn,
        object.isDemo,
      ],
    );

    ids.push(row!.id);
  }

  await tx.query('DELETE FROM registry_rights WHERE object_id = ANY($1::uuid[])', [ids]);
  await insertRows(
    tx,
    'registry_rights',
    [
      'object_id',
      'owner_kind',
      'owner_name',
      'owner_name_key',
      'owner_inn',
      'owner_snils_digest',
      'share_numerator',
      'share_denominator',
      'registration_number',
      'registered_on',
    ],
    objects.flatMap((object, index) =>
      object.rights.map((right) => [
        ids[index],
        right.ownerKind,
        right.ownerName,
        right.ownerNameKey,
        right.ownerInn,
        right.ownerSnilsDigest,
        right.numerator,
        right.denominator,
        right.registrationNumber,
        right.registeredOn,
      ]),
    ),
  );

  return ids;
}

export type HouseCandidate = { key: string; id: string; hasPremises: boolean };

/** Houses whose folded address is one of the keys, with whether the platform lists premises. */
export async function findHousesByKeys(db: Queryable, keys: string[]): Promise<HouseCandidate[]> {
  if (keys.length === 0) {
    return [];
  }

  return db.query<HouseCandidate>(
    `SELECT h.search_text AS key, h.id,
       EXISTS (SELECT 1 FROM premises p WHERE p.house_id = h.id) AS "hasPremises"
     FROM houses h WHERE h.search_text = ANY($1::text[])`,
    [keys],
  );
}

/**
 * Houses whose folded address ends with one of the keys, for addresses written without the
 * region («г. Екатеринбург, ул. Малышева, д. 15» for «обл. Свердловская, г. Екатеринбург, …»).
 */
export async function findHousesBySuffix(db: Queryable, keys: string[]): Promise<HouseCandidate[]> {
  if (keys.length === 0) {
    return [];
  }

  return db.query<HouseCandidate>(
    `SELECT k.key, h.id, EXISTS (SELECT 1 FROM premises p WHERE p.house_id = h.id) AS "hasPremises"
     FROM unnest($1::text[]) AS k(key)
     JOIN houses h ON right(h.search_text, length(k.key) + 1) = ' ' || k.key`,
    [keys],
  );
}

export type RunRecord = {
  fileName: string;
  fileSha256: string;
  startedAt: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  report: unknown;
};

export async function insertImportRun(db: Queryable, run: RunRecord): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO import_runs (kind, file_name, file_sha256, started_at, finished_at, rows_read,
       created, updated, unchanged, skipped, report)
     VALUES ('registry', $1, $2, $3, now(), $4, $5, $6, $7, $8, $9::jsonb) RETURNING id`,
    [
      run.fileName,
      run.fileSha256,
      run.startedAt,
      run.rowsRead,
      run.created,
      run.updated,
      run.unchanged,
      run.skipped,
      JSON.stringify(run.report),
    ],
  );

  return row!.id;
}

/** What the platform knows around a registry object: its house, its premise, its row. */
export async function findObjectContext(
  db: Queryable,
  object: Pick<RegistryObject, 'cadastralNumber' | 'houseId'>,
) {
  const [row] = await db.query<{
    objectId: string | null;
    updatedAt: string;
    houseAddress: string | null;
    premiseId: string | null;
    premiseNumber: string | null;
    premiseKind: string | null;
    premiseArea: string | null;
  }>(
    `SELECT o.id AS "objectId", to_char(o.updated_at AT TIME ZONE 'UTC',
         'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt",
       h.address AS "houseAddress", p.id AS "premiseId", p.number AS "premiseNumber",
       p.kind AS "premiseKind", p.area_total::text AS "premiseArea"
     FROM (SELECT $1::text AS cn) q
     LEFT JOIN registry_objects o ON o.cadastral_number = q.cn
     LEFT JOIN houses h ON h.id = $2::uuid
     LEFT JOIN LATERAL (SELECT * FROM premises WHERE cadastral_number = q.cn LIMIT 1) p ON true`,
    [object.cadastralNumber, object.houseId],
  );

  return {
    objectId: row?.objectId ?? null,
    updatedAt: row?.updatedAt ?? new Date().toISOString(),
    house:
      object.houseId && row?.houseAddress
        ? { id: object.houseId, address: row.houseAddress }
        : null,
    premise:
      row?.premiseId && row.premiseNumber && row.premiseKind && row.premiseArea
        ? {
            id: row.premiseId,
            number: row.premiseNumber,
            kind: row.premiseKind,
            areaTotal: row.premiseArea,
          }
        : null,
  };
}
