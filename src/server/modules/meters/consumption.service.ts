import { imbalancePercent } from '../../../domain/meters/consumption.js';
import { formatDecimal, fromWhole, toScaled, type Scaled } from '../../../domain/meters/decimal.js';
import { addMonths, periodOf, periodsBetween } from '../../../domain/meters/periods.js';
import { unitOf, type MeterResource, type TariffZone } from '../../../domain/meters/zones.js';
import type { AppContext } from '../../platform/context.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import { requirePremise } from '../house-register/house-manager.js';
import { listBillableConsumption } from './billing-consumption.js';
import { countResidents, findHouseConsumption, findManagedHouses } from './consumption.repo.js';
import { authorizeOnMeter } from './meter-access.js';
import { findSettings } from './settings.repo.js';

const DIGITS = 3;

/**
 * The owner's chart: monthly consumption of the premise per resource and zone, next to the
 * house's average per premise and the norm for the premise's residents, for `months` months
 * (the page draws this year against the last).
 */
export async function getPremiseConsumption(
  ctx: AppContext,
  acting: Acting,
  premiseId: string,
  months: number,
) {
  const premise = await requirePremise(ctx.db, premiseId);

  await authorizeOnMeter(ctx, acting, { premiseId, managerId: premise.house.managerId }, 'read');

  const to = periodOf(premise.house.today);
  const from = addMonths(to, -(months - 1));
  const periods = periodsBetween(from, to);
  const [rows, settings, residents] = await Promise.all([
    findHouseConsumption(ctx.db, { houseId: premise.house.id, from, to }),
    findSettings(ctx.db, premise.house.managerId),
    countResidents(ctx.db, premiseId),
  ]);
  const keys = [
    ...new Set(rows.filter((r) => r.premiseId === premiseId).map((r) => `${r.resource}|${r.zone}`)),
  ].sort();

  const series = keys.map((k) => {
    const [resource, zone] = k.split('|') as [MeterResource, TariffZone];
    const of = rows.filter((r) => r.resource === resource && r.zone === zone);
    const norm = settings.norms[resource];

    return {
      resource,
      zone,
      unit: unitOf(resource),
      points: periods.map((period) => {
        const house = of.filter((r) => r.period === period);
        const mine = house.find((r) => r.premiseId === premiseId);
        const total = house.reduce((s, r) => s + toScaled(r.quantity), 0n);

        return {
          period,
          quantity: mine ? formatDecimal(toScaled(mine.quantity), DIGITS) : null,
          houseAverage: house.length ? formatDecimal(total / BigInt(house.length), DIGITS) : null,
          norm:
            norm && zone === 'single' && residents > 0
              ? formatDecimal(toScaled(norm) * BigInt(residents), DIGITS)
              : null,
        };
      }),
    };
  });

  return { premiseId, periods, series };
}

/**
 * The common-house meter against the sum of the individual ones, per house and resource, for a
 * period (the last full month by default); houses off by more than the tolerance are flagged.
 */
export async function getImbalance(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  period: string | undefined,
) {
  await authorize(ctx, acting.user, 'meters.read_org', { organisationId });

  const [houses, settings] = await Promise.all([
    findManagedHouses(ctx.db, organisationId),
    findSettings(ctx.db, organisationId),
  ]);
  const target = period ?? addMonths(periodOf(houses[0]?.today ?? new Date().toISOString()), -1);
  const lines = await listBillableConsumption(ctx.db, {
    houseIds: houses.map((h) => h.id),
    period: target,
  });
  const tolerance = settings.imbalanceTolerancePercent;

  return {
    period: target,
    tolerancePercent: tolerance,
    houses: houses.map((h) => {
      const mine = lines.filter((l) => l.houseId === h.id);
      const resources = [...new Set(mine.map((l) => l.resource))].sort().map((resource) => {
        const of = mine.filter((l) => l.resource === resource);
        const sum = (ls: typeof of): Scaled =>
          ls.reduce((s, l) => s + toScaled(l.quantity), fromWhole(0));
        const commons = of.filter((l) => l.premiseId === null);
        const common = commons.length ? sum(commons) : null;
        const individual = sum(of.filter((l) => l.premiseId !== null));
        const percent = common === null ? null : imbalancePercent(common, individual);

        return {
          resource,
          common: common === null ? null : formatDecimal(common, DIGITS),
          individual: formatDecimal(individual, DIGITS),
          difference: common === null ? null : formatDecimal(common - individual, DIGITS),
          percent,
          outOfLine: percent !== null && Math.abs(percent) > tolerance,
        };
      });

      return {
        houseId: h.id,
        address: h.address,
        outOfLine: resources.some((r) => r.outOfLine),
        resources,
      };
    }),
  };
}
