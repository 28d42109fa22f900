import { randomUUID } from 'node:crypto';

import { seededRandom } from '../../../domain/demo/synthetic-people.js';
import { addMonths, dayIn, periodOf } from '../../../domain/meters/periods.js';
import { nextVerificationOn } from '../../../domain/meters/verification.js';
import type { Queryable } from '../../platform/db/database.js';
import { insertRows } from '../../platform/db/insert-rows.js';
import { managerSql } from '../house-register/house-manager.js';
import type { DemoHouse } from './demo.houses.js';

/** Months of history before the current one: enough for a year-over-year chart. */
const HISTORY = 14;

type Series = {
  id: string;
  houseId: string;
  premiseId: string | null;
  organisationId: string;
  resource: string;
  zones: string[];
  integerDigits: number;
  fractionDigits: number;
  serial: string;
  installedOn: string;
  verifiedOn: string;
  interval: number;
  status: 'active' | 'replaced';
  closedOn: string | null;
  replaces: string | null;
  /** Monthly consumption of each zone, in thousandths of a unit. */
  monthly: number[];
  /** A common-house meter counts the flats' total plus this share of losses. */
  leak?: number;
};

const METER_COLUMNS = [
  'id',
  'organisation_id',
  'house_id',
  'premise_id',
  'resource',
  'zones',
  'integer_digits',
  'fraction_digits',
  'serial_number',
  'installed_on',
  'verified_on',
  'verification_interval_months',
  'next_verification_on',
  'status',
  'closed_on',
  'replaces_meter_id',
  'is_demo',
];

const READING_COLUMNS = [
  'meter_id',
  'zone',
  'period',
  'kind',
  'value',
  'taken_on',
  'source',
  'billable',
  'not_billable_reason',
  'is_demo',
];

const DEMO_NORMS = { cold_water: '4.9', hot_water: '3.6', electricity: '90' };

const milli = (n: number) => (n / 1000).toFixed(3);

/**
 * The meters part of the demo world: cold and hot water in every flat, a two-zone electricity
 * meter in every fifth flat (the demo owner's flat 1 included), a few meters past verification,
 * one replaced meter, a common-house meter per resource per house, and 14 months of plausible,
 * seeded readings — the current month is left for people to submit. Runs inside the demo
 * transaction after the ledger; everything goes in with a few bulk statements.
 */
export async function seedDemoMeters(tx: Queryable, houses: DemoHouse[]): Promise<void> {
  const random = seededRandom(20_261_204);
  const [clock] = await tx.query<{ today: string }>(
    `SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS today`,
  );
  const now = periodOf(clock!.today);
  const start = addMonths(now, -HISTORY);
  const installedOn = dayIn(addMonths(start, -1), 15);
  const managers = await tx.query<{ id: string; managerId: string | null }>(
    `SELECT h.id, ${managerSql('h')} AS "managerId" FROM houses h WHERE h.id = ANY($1::uuid[])`,
    [houses.map((h) => h.id)],
  );
  const flats = await tx.query<{ id: string; houseId: string; number: string }>(
    `SELECT id, house_id AS "houseId", number FROM premises
     WHERE house_id = ANY($1::uuid[]) AND kind = 'flat'
     ORDER BY house_id, length(number), number`,
    [houses.map((h) => h.id)],
  );
  const series: Series[] = [];
  const vary = (base: number, spread: number) =>
    Math.round(base * (1 - spread + 2 * spread * random()));

  for (const house of houses) {
    const organisationId = managers.find((m) => m.id === house.id)?.managerId;

    if (!organisationId) {
      continue;
    }

    const mine = flats.filter((f) => f.houseId === house.id);
    const meter = (
      m: Partial<Series> & Pick<Series, 'premiseId' | 'resource' | 'serial' | 'monthly'>,
    ): Series => ({
      id: randomUUID(),
      houseId: house.id,
      organisationId,
      zones: ['single'],
      integerDigits: 5,
      fractionDigits: 3,
      installedOn,
      verifiedOn: installedOn,
      interval: m.resource === 'hot_water' ? 48 : m.resource === 'electricity' ? 192 : 72,
      status: 'active',
      closedOn: null,
      replaces: null,
      ...m,
    });

    mine.forEach((flat, i) => {
      const people = 1 + Math.floor(random() * 3);
      const tag = `${house.portalId}-${flat.number}`;
      // Every 23rd flat's cold-water meter was last verified seven years ago: expired.
      const expired = i % 23 === 7;

      series.push(
        meter({
          premiseId: flat.id,
          resource: 'cold_water',
          serial: `ХВ-${tag}`,
          monthly: [vary(3_200 * people, 0.25)],
          ...(expired
            ? {
                verifiedOn: dayIn(addMonths(now, -84), 10),
                installedOn: dayIn(addMonths(now, -84), 10),
              }
            : {}),
        }),
        meter({
          premiseId: flat.id,
          resource: 'hot_water',
          serial: `ГВ-${tag}`,
          monthly: [vary(2_100 * people, 0.25)],
        }),
      );

      if (i % 5 === 0) {
        series.push(
          meter({
            premiseId: flat.id,
            resource: 'electricity',
            zones: ['day', 'night'],
            integerDigits: 6,
            fractionDigits: 1,
            serial: `Э-${tag}`,
            monthly: [vary(140_000, 0.3), vary(60_000, 0.3)],
          }),
        );
      }
    });

    // The second flat's hot-water meter was replaced four months ago (case C11 in the demo).
    const replaced = series.find(
      (s) => s.houseId === house.id && s.resource === 'hot_water' && s.premiseId === mine[1]?.id,
    );

    if (replaced) {
      const on = dayIn(addMonths(now, -4), 3);

      replaced.status = 'replaced';
      replaced.closedOn = on;
      series.push({
        ...replaced,
        id: randomUUID(),
        serial: `${replaced.serial}-2`,
        installedOn: on,
        verifiedOn: on,
        status: 'active',
        closedOn: null,
        replaces: replaced.id,
      });
    }

    // Common-house meters: the flats' total plus losses; the last house leaks noticeably.
    const leak = house === houses.at(-1) ? 0.22 : 0.05;

    for (const resource of ['cold_water', 'hot_water', 'electricity']) {
      series.push(
        meter({
          premiseId: null,
          resource,
          serial: `ОДПУ-${house.portalId}-${resource}`,
          integerDigits: 8,
          monthly: [0],
          interval: 48,
          leak,
        }),
      );
    }
  }

  // The demo organisations take readings 20th–25th like the condo platform; norms are demo values.
  const orgIds = [...new Set(managers.map((m) => m.managerId).filter((id): id is string => !!id))];

  await insertRows(
    tx,
    'meter_settings',
    [
      'organisation_id',
      'window_start_day',
      'window_end_day',
      'late_policy',
      'decrease_policy',
      'jump_factor',
      'imbalance_tolerance_percent',
      'norms',
    ],
    orgIds.map((id) => [id, 20, 25, 'next_period', 'flag', 5, 10, JSON.stringify(DEMO_NORMS)]),
  );
  await insertRows(
    tx,
    'meters',
    METER_COLUMNS,
    series.map((s) => [
      s.id,
      s.organisationId,
      s.houseId,
      s.premiseId,
      s.resource,
      s.zones.length,
      s.integerDigits,
      s.fractionDigits,
      s.serial,
      s.installedOn,
      s.verifiedOn,
      s.interval,
      nextVerificationOn(s.verifiedOn, s.interval),
      s.status,
      s.closedOn,
      s.replaces,
      true,
    ]),
  );
  // Flats first: the common-house meters then count what the flats used plus the losses.
  const totals = new Map<string, number>();
  const rows = series
    .filter((s) => s.premiseId)
    .flatMap((s) => readingsOf(s, start, now, random, totals));

  for (const s of series.filter((c) => !c.premiseId)) {
    rows.push(...readingsOf(s, start, now, random, totals));
  }

  await insertRows(tx, 'meter_readings', READING_COLUMNS, rows);
}

/** Initial value, then a reading on the 23rd of every month while the meter is in service. */
function readingsOf(
  s: Series,
  start: string,
  now: string,
  random: () => number,
  totals: Map<string, number>,
): unknown[][] {
  const rows: unknown[][] = [];
  const due = nextVerificationOn(s.verifiedOn, s.interval);
  const fmt = (v: number) => (s.fractionDigits === 1 ? (v / 1000).toFixed(1) : milli(v));

  s.zones.forEach((zone, z) => {
    let value = s.replaces ? 7 : Math.round(random() * 200_000);
    const first = periodOf(s.installedOn);

    rows.push([s.id, zone, first, 'initial', fmt(value), s.installedOn, 'demo', true, null, true]);

    for (let p = first > start ? first : start; p < now; p = addMonths(p, 1)) {
      const takenOn = dayIn(p, 23);

      if (takenOn <= s.installedOn) {
        continue;
      }

      if (s.closedOn && takenOn > s.closedOn) {
        value += Math.round(s.monthly[z]! * 0.1);
        rows.push([
          s.id,
          zone,
          periodOf(s.closedOn),
          'final',
          fmt(value),
          s.closedOn,
          'demo',
          true,
          null,
          true,
        ]);
        break;
      }

      // Summer months use a little less water; a month's noise is ±15 %.
      const season = Number(p.slice(5, 7)) >= 6 && Number(p.slice(5, 7)) <= 8 ? 0.85 : 1;

      const key = `${s.houseId}|${s.resource}|${p}`;
      const used =
        s.leak === undefined
          ? Math.round(s.monthly[z]! * season * (0.85 + 0.3 * random()))
          : Math.round((totals.get(key) ?? 0) * (1 + s.leak) * (0.99 + 0.02 * random()));

      if (s.leak === undefined) {
        totals.set(key, (totals.get(key) ?? 0) + used);
      }

      value += used;

      const expired = takenOn > due;

      rows.push([
        s.id,
        zone,
        p,
        'regular',
        fmt(value),
        takenOn,
        'demo',
        !expired,
        expired ? 'verification_expired' : null,
        true,
      ]);
    }
  });

  return rows;
}
