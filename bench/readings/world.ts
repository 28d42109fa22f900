import { randomUUID } from 'node:crypto';

import type { Database } from '../../src/server/platform/db/database.js';
import { insertRows } from '../../src/server/platform/db/insert-rows.js';

export type BenchWorld = {
  organisationId: string;
  houseId: string;
  premiseId: string;
  userId: string;
  personId: string;
  meterIds: string[];
  serials: string[];
};

/**
 * One organisation managing one house with one flat holding `meters` cold-water meters (so the
 * rights check is the real one), an owner who signs in, and each meter's initial value.
 */
export async function buildBenchWorld(db: Database, meters: number): Promise<BenchWorld> {
  const [org] = await db.query<{ id: string }>(
    `INSERT INTO organisations (kind, name, normalized_name) VALUES ('management_company', 'УК Бенч', 'ук бенч') RETURNING id`,
  );
  const [house] = await db.query<{ id: string }>(
    `INSERT INTO houses (portal_id, address, search_text, time_zone, managing_organisation_id, source_hash)
     VALUES (999000001, 'г. Екатеринбург, ул. Бенчмарка, д. 1', 'бенчмарка 1', 'Asia/Yekaterinburg', $1, 'bench') RETURNING id`,
    [org!.id],
  );
  const [premise] = await db.query<{ id: string }>(
    `INSERT INTO premises (house_id, number, area_total) VALUES ($1, '1', 50) RETURNING id`,
    [house!.id],
  );
  const [person] = await db.query<{ id: string }>(
    `INSERT INTO persons (surname, name) VALUES ('Бенчев', 'Иван') RETURNING id`,
  );
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO users (person_id, email, password_hash) VALUES ($1, 'bench@mpdom.test', 'x') RETURNING id`,
    [person!.id],
  );

  await db.query(
    `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator) VALUES ($1, $2, 1, 1)`,
    [premise!.id, person!.id],
  );
  await db.query(
    `INSERT INTO meter_settings (organisation_id, window_start_day, window_end_day, late_policy,
       decrease_policy, jump_factor, imbalance_tolerance_percent) VALUES ($1, 1, 31, 'next_period', 'flag', 5, 10)`,
    [org!.id],
  );

  const meterIds = Array.from({ length: meters }, () => randomUUID());
  const serials = meterIds.map((_, i) => `Б-${String(i).padStart(7, '0')}`);

  await insertRows(
    db,
    'meters',
    [
      'id',
      'organisation_id',
      'house_id',
      'premise_id',
      'resource',
      'integer_digits',
      'fraction_digits',
      'serial_number',
      'installed_on',
      'verification_interval_months',
      'next_verification_on',
    ],
    meterIds.map((id, i) => [
      id,
      org!.id,
      house!.id,
      premise!.id,
      'cold_water',
      6,
      3,
      serials[i],
      '2020-01-01',
      600,
      '2069-12-31',
    ]),
  );
  await insertRows(
    db,
    'meter_readings',
    ['meter_id', 'zone', 'period', 'kind', 'value', 'taken_on', 'source'],
    meterIds.map((id) => [id, 'single', '2020-01', 'initial', '0', '2020-01-01', 'staff']),
  );

  return {
    organisationId: org!.id,
    houseId: house!.id,
    premiseId: premise!.id,
    userId: user!.id,
    personId: person!.id,
    meterIds,
    serials,
  };
}
