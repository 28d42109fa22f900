import { chooseVolume, type AverageRules } from '../../../domain/billing/consumption.js';
import {
  chargeKopecks,
  decimalToString,
  displayDecimal,
  divRoundHalfUp,
  formatRoubles,
  parseDecimal,
  roundDecimal,
} from '../../../domain/billing/money.js';
import {
  RESOURCE_OF,
  SERVICES,
  UNIT_LABELS,
  type Service,
} from '../../../domain/billing/services.js';
import {
  addQuantity,
  keyOf,
  type HistoryLine,
  type RunAccount,
  type RunContext,
} from './run-inputs.js';

export type ChargeLine = {
  accountId: string;
  service: string;
  zone: string;
  kind: 'charge' | 'recalculation' | 'penalty';
  method: string;
  quantity: string | null;
  unit: string | null;
  rate: string | null;
  amountKopecks: bigint;
  explanation: string;
  ground: string | null;
  correctsPeriod: string | null;
};

const ru = (decimal: string) => displayDecimal(decimal);
const unitRu = (service: Service) => UNIT_LABELS[SERVICES[service].unit]?.ru ?? '';

function line(
  account: RunAccount,
  service: Service,
  zone: string,
  method: string,
  quantity: string,
  rate: string,
  why: string,
): ChargeLine {
  const amount = chargeKopecks(quantity, rate);
  const unit = unitRu(service);

  return {
    accountId: account.id,
    service,
    zone,
    kind: 'charge',
    method,
    quantity,
    unit: SERVICES[service].unit,
    rate,
    amountKopecks: amount,
    explanation: `${why}: ${ru(quantity)} ${unit} × ${displayDecimal(rate, 2)} ₽/${unit} = ${formatRoubles(amount)} ₽`,
    ground: null,
    correctsPeriod: null,
  };
}

function meteredZones(ctx: RunContext, account: RunAccount, service: Service): string[] {
  const resource = RESOURCE_OF[service]!;
  const own = [...(ctx.metered.get(account.premiseId)?.keys() ?? [])]
    .filter((k) => k.startsWith(`${resource}:`))
    .map((k) => k.slice(resource.length + 1));

  return own.length > 0 ? own : ['single'];
}

function historyOf(history: HistoryLine[] | undefined, rules: AverageRules) {
  const lines = history ?? [];
  let inARow = 0;

  for (const l of lines) {
    if (l.method !== 'average') {
      break;
    }

    inARow += 1;
  }

  return {
    actual: lines
      .filter((l) => l.method === 'metered')
      .slice(0, rules.baseMonths)
      .map((l) => l.quantity),
    inARow,
  };
}

/** The charge lines of one account for the run's period, each with the words that explain it. */
export function chargeLinesOf(
  ctx: RunContext,
  account: RunAccount,
  history: Map<string, HistoryLine[]>,
  rules: AverageRules,
): ChargeLine[] {
  const lines: ChargeLine[] = [];
  const volumes = new Map<string, string>();

  for (const service of ['maintenance', 'capital_repair'] as const) {
    const rate = ctx.tariffs.get(keyOf(service, 'single'));

    if (rate) {
      lines.push(line(account, service, 'single', 'area', account.areaM2, rate, 'по площади'));
    }
  }

  for (const service of ['cold_water', 'hot_water', 'electricity'] as const) {
    for (const zone of meteredZones(ctx, account, service)) {
      const rate =
        ctx.tariffs.get(keyOf(service, zone)) ?? ctx.tariffs.get(keyOf(service, 'single'));
      const meter = ctx.metered.get(account.premiseId)?.get(keyOf(RESOURCE_OF[service]!, zone));
      const norm = ctx.norms.get(keyOf(service, zone)) ?? ctx.norms.get(keyOf(service, 'single'));
      const past = historyOf(history.get(`${account.id}:${service}:${zone}`), rules);

      if (!rate) {
        continue;
      }

      const volume = chooseVolume(
        {
          hasMeter: meter !== undefined,
          metered: meter?.quantity ?? null,
          missingReason: meter?.reason ?? null,
          history: past.actual,
          averagePeriodsInARow: past.inARow,
          norm: norm?.basis === 'per_person' ? norm.quantity : null,
          persons: account.persons,
        },
        rules,
      );

      if (volume.method === 'none') {
        continue;
      }

      volumes.set(service, addQuantity(volumes.get(service) ?? '0', volume.quantity));
      lines.push(
        line(account, service, zone, volume.method, volume.quantity, rate, volume.explanation),
      );
    }
  }

  const sewerageRate = ctx.tariffs.get(keyOf('sewerage', 'single'));

  if (sewerageRate && (volumes.has('cold_water') || volumes.has('hot_water'))) {
    const total = roundDecimal(
      parseDecimal(addQuantity(volumes.get('cold_water') ?? '0', volumes.get('hot_water') ?? '0'))!,
      3,
    );
    const why = `ХВС ${ru(volumes.get('cold_water') ?? '0')} + ГВС ${ru(volumes.get('hot_water') ?? '0')}`;

    lines.push(
      line(account, 'sewerage', 'single', 'sum', decimalToString(total), sewerageRate, why),
    );
  }

  const heatingRate = ctx.tariffs.get(keyOf('heating', 'single'));
  const houseHeat = ctx.houseMeters.get(keyOf('heat', 'single'));
  const heatNorm = ctx.norms.get(keyOf('heating', 'single'));
  const area = parseDecimal(account.areaM2)!;
  const houseArea = parseDecimal(ctx.houseAreaM2);

  if (heatingRate && houseHeat && houseArea && houseArea.units > 0n) {
    // The house meter's volume by area: q × S / ΣS, to 6 decimals (ПП 354, приложение 2, ф. 3).
    const heat = roundDecimal(parseDecimal(houseHeat)!, 6);
    const share = divRoundHalfUp(
      heat.units * area.units * 10n ** BigInt(houseArea.scale),
      houseArea.units * 10n ** BigInt(area.scale),
    );
    const quantity = decimalToString({ units: share, scale: 6 });

    lines.push(
      line(
        account,
        'heating',
        'single',
        'house_meter',
        quantity,
        heatingRate,
        `по ОДПУ ${ru(houseHeat)} Гкал × ${ru(account.areaM2)} / ${ru(ctx.houseAreaM2)} м²`,
      ),
    );
  } else if (heatingRate && heatNorm?.basis === 'per_m2') {
    const quantity = decimalToString(
      roundDecimal(
        {
          units: area.units * parseDecimal(heatNorm.quantity)!.units,
          scale: area.scale + parseDecimal(heatNorm.quantity)!.scale,
        },
        6,
      ),
    );

    lines.push(
      line(
        account,
        'heating',
        'single',
        'norm',
        quantity,
        heatingRate,
        `по нормативу ${ru(heatNorm.quantity)} Гкал/м² × ${ru(account.areaM2)} м²`,
      ),
    );
  }

  return lines;
}
