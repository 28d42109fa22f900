import { createHash } from 'node:crypto';

import { addressSearchText, addressSortKey } from '../../../domain/address/address-search.js';
import type { RegistryHouse } from '../../../domain/registry/registry-row.js';
import type { Database } from '../../platform/db/database.js';
import { OrganisationResolver } from '../organisations/organisations.registry.js';

export type BatchOutcome = {
  created: number;
  updated: number;
  unchanged: number;
  outdated: number;
};

// Bump when the meaning of stored values changes, so the next import rewrites every house.
const HASH_VERSION = 1;

// Column name and SQL type of every registry-fed column of `houses`, in one place for both the
// INSERT and the UPDATE.
const COLUMNS: [string, string][] = [
  ['portal_id', 'bigint'],
  ['address', 'text'],
  ['search_text', 'text'],
  ['sort_key', 'text'],
  ['latitude', 'double precision'],
  ['longitude', 'double precision'],
  ['year_built', 'integer'],
  ['portal_updated_at', 'timestamptz'],
  ['service_started_on', 'text'],
  ['series', 'text'],
  ['house_type', 'text'],
  ['capital_repair_fund', 'text'],
  ['managing_organisation_id', 'uuid'],
  ['is_emergency', 'boolean'],
  ['floors_max', 'integer'],
  ['floors_min', 'integer'],
  ['entrances', 'integer'],
  ['premises_count', 'integer'],
  ['residential_premises_count', 'integer'],
  ['non_residential_premises_count', 'integer'],
  ['area_total', 'numeric'],
  ['area_residential', 'numeric'],
  ['area_non_residential', 'numeric'],
  ['area_common', 'numeric'],
  ['area_land', 'numeric'],
  ['area_parking', 'numeric'],
  ['cadastral_number', 'text'],
  ['energy_class', 'text'],
  ['playground', 'text'],
  ['sports_ground', 'text'],
  ['other_improvements', 'text'],
  ['notes', 'text'],
  ['extra', 'jsonb'],
  ['time_zone', 'text'],
  ['source_hash', 'text'],
];

const RECORD_TYPE = COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
const NAMES = COLUMNS.map(([name]) => name).join(', ');

const INSERT_SQL = `INSERT INTO houses (${NAMES})
  SELECT ${NAMES} FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_TYPE})`;

const UPDATE_SQL = `UPDATE houses AS h
   SET ${COLUMNS.filter(([name]) => name !== 'portal_id')
     .map(([name]) => `${name} = r.${name}`)
     .join(', ')}, updated_at = now()
  FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_TYPE})
 WHERE h.portal_id = r.portal_id`;

/** Digest of what a row means (not of its bytes): a new marker for «missing» changes nothing. */
export function houseHash(house: RegistryHouse, timeZone: string): string {
  const organisation = house.managingOrganisation
    ? OrganisationResolver.keyOf(house.managingOrganisation)
    : null;

  return createHash('sha256')
    .update(
      JSON.stringify([HASH_VERSION, timeZone, { ...house, managingOrganisation: organisation }]),
    )
    .digest('base64url');
}

function toRow(
  house: RegistryHouse,
  organisationId: string | null,
  timeZone: string,
  hash: string,
) {
  return {
    portal_id: house.portalId,
    address: house.address,
    search_text: addressSearchText(house.address),
    sort_key: addressSortKey(house.address),
    latitude: house.latitude,
    longitude: house.longitude,
    year_built: house.yearBuilt,
    portal_updated_at: house.portalUpdatedAt,
    service_started_on: house.serviceStartedOn,
    series: house.series,
    house_type: house.houseType,
    capital_repair_fund: house.capitalRepairFund,
    managing_organisation_id: organisationId,
    is_emergency: house.isEmergency,
    floors_max: house.floorsMax,
    floors_min: house.floorsMin,
    entrances: house.entrances,
    premises_count: house.premisesCount,
    residential_premises_count: house.residentialPremisesCount,
    non_residential_premises_count: house.nonResidentialPremisesCount,
    area_total: house.areaTotal,
    area_residential: house.areaResidential,
    area_non_residential: house.areaNonResidential,
    area_common: house.areaCommon,
    area_land: house.areaLand,
    area_parking: house.areaParking,
    cadastral_number: house.cadastralNumber,
    energy_class: house.energyClass,
    playground: house.playground,
    sports_ground: house.sportsGround,
    other_improvements: house.otherImprovements,
    notes: house.notes,
    extra: house.extra,
    time_zone: timeZone,
    source_hash: hash,
  };
}

type Stored = { portalId: number; sourceHash: string; portalUpdatedAt: Date | string | null };

/**
 * Writes one batch of houses in one transaction: new portal ids are inserted, changed ones
 * updated, unchanged ones (same digest) not touched. A row older than the stored one (an earlier
 * extract imported after a newer one) does not overwrite it.
 */
export async function writeHouseBatch(
  db: Database,
  houses: RegistryHouse[],
  organisations: OrganisationResolver,
  timeZone: string,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, outdated: 0 };
  let commit = () => {};

  await db.transaction(async (tx) => {
    const stored = await tx.query<Stored>(
      `SELECT portal_id AS "portalId", source_hash AS "sourceHash",
              portal_updated_at AS "portalUpdatedAt"
         FROM houses
        WHERE portal_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::bigint)`,
      [JSON.stringify(houses.map((house) => house.portalId))],
    );
    const byId = new Map(stored.map((row) => [Number(row.portalId), row]));
    const inserts: ReturnType<typeof toRow>[] = [];
    const updates: ReturnType<typeof toRow>[] = [];
    const pending: { house: RegistryHouse; hash: string; fresh: boolean }[] = [];

    for (const house of houses) {
      const hash = houseHash(house, timeZone);
      const existing = byId.get(house.portalId);

      if (existing?.sourceHash === hash) {
        outcome.unchanged += 1;
      } else if (existing && isOlder(house.portalUpdatedAt, existing.portalUpdatedAt)) {
        outcome.outdated += 1;
      } else {
        pending.push({ house, hash, fresh: !existing });
      }
    }

    const refs = pending.flatMap(({ house }) =>
      house.managingOrganisation ? [house.managingOrganisation] : [],
    );
    const resolved = await organisations.resolve(tx, refs);

    for (const { house, hash, fresh } of pending) {
      const organisationId = house.managingOrganisation
        ? resolved.idOf(house.managingOrganisation)
        : null;

      (fresh ? inserts : updates).push(toRow(house, organisationId, timeZone, hash));
    }

    if (inserts.length > 0) {
      await tx.query(INSERT_SQL, [JSON.stringify(inserts)]);
    }

    if (updates.length > 0) {
      await tx.query(UPDATE_SQL, [JSON.stringify(updates)]);
    }

    outcome.created = inserts.length;
    outcome.updated = updates.length;
    commit = resolved.commit;
  });

  commit();

  return outcome;
}

function isOlder(incoming: string | null, stored: Date | string | null): boolean {
  if (incoming === null || stored === null) {
    return false;
  }

  return new Date(incoming).getTime() < new Date(stored).getTime();
}
