import type { Queryable } from '../../platform/db/database.js';
import { counted } from '../../../domain/meters/consumption.js';
import { formatDecimal, toScaled } from '../../../domain/meters/decimal.js';
import { lastDayOf } from '../../../domain/meters/periods.js';
import { zonesOf, type MeterResource, type TariffZone } from '../../../domain/meters/zones.js';
import {
  findBases,
  findPeriodMeters,
  findPeriodReadings,
  type SeriesMeter,
  type SeriesRow,
} from './period-series.repo.js';

export type { MeterResource, TariffZone };

export type BillableConsumption = {
  meterId: string;
  /** null for a common-house meter */
  premiseId: string | null;
  houseId: string;
  resource: MeterResource;
  zone: TariffZone;
  /** 'YYYY-MM' */
  period: string;
  /** exact decimal string, never a float: '3.250'; '0' for an equal reading */
  quantity: string;
  /** false when the reading exists but must not be billed */
  billable: boolean;
  /** why not billable / where the quantity came from */
  reason: null | 'verification_expired' | 'meter_replaced_in_period';
};

type Keyed = Map<string, SeriesRow>;

const key = (meterId: string, zone: string) => `${meterId}:${zone}`;

function keyed(rows: SeriesRow[], kind?: SeriesRow['kind']): Keyed {
  const out: Keyed = new Map();

  for (const row of rows) {
    if (!kind || row.kind === kind) {
      out.set(key(row.meterId, row.zone), row);
    }
  }

  return out;
}

function series(row: SeriesRow) {
  return { value: toScaled(row.value), kind: row.kind, confirmed: row.confirmed };
}

/** What a replaced meter counted in the period up to its final reading, if it closed in it. */
function oldPart(old: SeriesMeter | undefined, zone: string, finals: Keyed, bases: Keyed) {
  const final = old && finals.get(key(old.id, zone));
  const base = old && bases.get(key(old.id, zone));

  return final && base && old
    ? counted(toScaled(base.value), series(final), old.integerDigits)
    : null;
}

/** Consumption of every meter of the houses for the period (both IPU and ОДПУ), from readings. */
export async function listBillableConsumption(
  db: Queryable,
  input: { houseIds: string[]; period: string },
): Promise<BillableConsumption[]> {
  if (input.houseIds.length === 0) {
    return [];
  }

  const meters = await findPeriodMeters(db, input.houseIds, input.period);
  const ids = meters.map((m) => m.id);
  const [readings, baseRows] = await Promise.all([
    findPeriodReadings(db, ids, input.period),
    findBases(db, ids, input.period),
  ]);
  const regular = keyed(readings, 'regular');
  const finals = keyed(readings, 'final');
  const bases = keyed(baseRows);
  const byId = new Map(meters.map((m) => [m.id, m]));
  const replacedBy = new Map(
    meters.filter((m) => m.replacesMeterId).map((m) => [m.replacesMeterId!, m]),
  );
  const out: BillableConsumption[] = [];

  for (const meter of meters) {
    for (const zone of zonesOf(meter.zones)) {
      const row = line(meter, zone, input.period);
      const reading = regular.get(key(meter.id, zone));
      const base = bases.get(key(meter.id, zone));
      const old = oldPart(byId.get(meter.replacesMeterId ?? ''), zone, finals, bases);

      if (reading && base && reading.notBillableReason !== 'lower_than_previous') {
        const own = counted(toScaled(base.value), series(reading), meter.integerDigits);
        const expired = reading.notBillableReason === 'verification_expired';

        out.push({
          ...row,
          quantity: formatDecimal(own + (old ?? 0n), meter.fractionDigits),
          billable: reading.billable,
          reason: expired
            ? 'verification_expired'
            : old !== null
              ? 'meter_replaced_in_period'
              : null,
        });
        continue;
      }

      // A meter replaced in the period whose successor has no reading yet bills its own part.
      const successor = replacedBy.get(meter.id);
      const successorRead = successor && regular.has(key(successor.id, zone));
      const own = oldPart(meter, zone, finals, bases);

      if (own !== null && !successorRead) {
        out.push({
          ...row,
          quantity: formatDecimal(own, meter.fractionDigits),
          billable: true,
          reason: 'meter_replaced_in_period',
        });
      }
    }
  }

  return out;
}

function line(meter: SeriesMeter, zone: TariffZone, period: string) {
  return {
    meterId: meter.id,
    premiseId: meter.premiseId,
    houseId: meter.houseId,
    resource: meter.resource as MeterResource,
    zone,
    period,
  };
}

/**
 * Marks the readings of the house for the period as taken into billing: afterwards readings of
 * that period cannot be submitted or edited (case C13); a later reading goes to the next period.
 * Idempotent. `unlockReadingPeriod` reverses it while billing's run is still a draft.
 */
export async function lockReadingPeriod(
  db: Queryable,
  input: { houseId: string; period: string; billingRunId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO meter_period_locks (house_id, period, billing_run_id) VALUES ($1, $2, $3)
     ON CONFLICT (house_id, period) DO NOTHING`,
    [input.houseId, input.period, input.billingRunId],
  );
}

export async function unlockReadingPeriod(
  db: Queryable,
  input: { houseId: string; period: string },
): Promise<void> {
  await db.query('DELETE FROM meter_period_locks WHERE house_id = $1 AND period = $2', [
    input.houseId,
    input.period,
  ]);
}

/** Meters of the premises with no billable reading for the period (billing then uses average
 * or norm): returned so billing can explain each line. */
export async function listMetersWithoutReading(
  db: Queryable,
  input: { houseIds: string[]; period: string },
): Promise<
  {
    meterId: string;
    premiseId: string | null;
    houseId: string;
    resource: MeterResource;
    zone: TariffZone;
    reason: 'no_reading' | 'verification_expired';
  }[]
> {
  const consumption = await listBillableConsumption(db, input);
  const billed = new Set(consumption.filter((c) => c.billable).map((c) => key(c.meterId, c.zone)));
  const expired = new Set(
    consumption
      .filter((c) => c.reason === 'verification_expired')
      .map((c) => key(c.meterId, c.zone)),
  );
  // A successor whose predecessor billed its part this period is counted next period from its
  // initial reading, so it needs no average now.
  const coveredByOld = new Set(
    consumption.filter((c) => c.reason === 'meter_replaced_in_period').map((c) => c.meterId),
  );
  const end = lastDayOf(input.period);
  const meters = await findPeriodMeters(db, input.houseIds, input.period);
  const out = [];

  for (const meter of meters) {
    const open = meter.closedOn === null || meter.closedOn > end;
    const coveredSuccessor = meter.replacesMeterId && coveredByOld.has(meter.replacesMeterId);

    if (!open || coveredSuccessor) {
      continue;
    }

    for (const zone of zonesOf(meter.zones)) {
      if (billed.has(key(meter.id, zone))) {
        continue;
      }

      const lapsed =
        expired.has(key(meter.id, zone)) ||
        (meter.nextVerificationOn !== null && meter.nextVerificationOn < end);

      out.push({
        ...line(meter, zone, input.period),
        reason: lapsed ? ('verification_expired' as const) : ('no_reading' as const),
      });
    }
  }

  return out;
}
