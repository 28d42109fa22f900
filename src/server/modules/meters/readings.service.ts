import type { z } from 'zod';

import { formatDecimal, parseDecimal, toScaled } from '../../../domain/meters/decimal.js';
import { averageMonthly } from '../../../domain/meters/plausibility.js';
import { addMonths } from '../../../domain/meters/periods.js';
import { evaluateReading, type ReadingOutcome } from '../../../domain/meters/reading-rules.js';
import { attributeReading, type ReadingWindow } from '../../../domain/meters/window.js';
import { zonesOf } from '../../../domain/meters/zones.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, ERROR_CODES } from '../../platform/errors.js';
import { actor, type Acting } from '../house-register/acting.js';
import { authorizeOnMeter, requireMeter } from './meter-access.js';
import { requireOwnPhoto } from './photos.service.js';
import type { SubmitReadingSchema } from './meters.schema.js';
import { isPeriodLocked, lockMeter, type MeterRow } from './meters.repo.js';
import { presentReading } from './meters.presenter.js';
import { zoneContext } from './reading-history.js';
import { findReadingById, findReadings, upsertReading } from './readings.repo.js';
import { findSettings } from './settings.repo.js';

type Body = z.infer<typeof SubmitReadingSchema>;

/** The period a reading taken on `takenOn` goes to: by the window, then past locked periods. */
export function targetPeriodOf(
  settings: ReadingWindow,
  takenOn: string,
): { period: string; late: boolean } {
  const attribution = attributeReading(takenOn, settings);

  if (!attribution.ok) {
    throw new AppError('reading_window_closed', {
      extra: { nextOpensOn: attribution.nextOpensOn, closedOn: attribution.closesOn },
    });
  }

  return { period: attribution.period, late: attribution.late };
}

/**
 * A reading of every zone of a meter, by a person of the premise or by staff. Each zone is
 * judged on its own (case C10 4); one refused zone refuses the submission, naming every zone's
 * reason in `zones`. Verification expired: stored, not billable, and a warning says why.
 */
export async function submitReading(ctx: AppContext, acting: Acting, meterId: string, body: Body) {
  const meter = await requireMeter(ctx.db, meterId);
  const access = await authorizeOnMeter(ctx, acting, meter, 'submit');

  if (body.photoFileId) {
    await requireOwnPhoto(ctx, acting, body.photoFileId);
  }
  const takenOn = body.takenOn ?? meter.today;
  const parsed = parseValues(meter, body.values);
  const settings = await findSettings(ctx.db, meter.managerId ?? meter.organisationId);
  let { period, late } = targetPeriodOf(settings, takenOn);

  return ctx.db.transaction(async (tx) => {
    await lockMeter(tx, meter.id);

    const readings = await findReadings(tx, [meter.id]);

    if (meter.status !== 'active') {
      refuseInactive(meter, parsed, readings);
    }

    // A period taken into billing is frozen: an edit is refused, a new reading moves on (C13 c).
    while (await isPeriodLocked(tx, meter.houseId, period)) {
      const edits = parsed.some((p) => zoneContext(readings, p.zone, period).existing);

      if (edits) {
        throw new AppError('reading_period_locked', {
          extra: { period, nextPeriod: addMonths(period, 1) },
        });
      }

      period = addMonths(period, 1);
      late = true;
    }

    const outcomes = parsed.map((p) => {
      const zc = zoneContext(readings, p.zone, period);
      const outcome = evaluateReading({
        value: p.value,
        typedFractionDigits: p.fractionDigits,
        takenOn,
        today: meter.today,
        meter,
        previous: zc.previous,
        next: zc.next,
        average: averageMonthly(zc.history, period),
        months: zc.months,
        jumpFactor: settings.jumpFactor,
        confirm: body.confirm,
        mode: 'person',
        decreasePolicy: settings.decreasePolicy,
      });

      return { ...p, outcome, previous: zc.previous };
    });

    refuseFailures(meter, outcomes);

    const ids: { id: string; consumption: string | null }[] = [];

    for (const { zone, value, outcome } of outcomes) {
      if (!outcome.ok) {
        continue;
      }

      const id = await upsertReading(tx, {
        meterId: meter.id,
        zone,
        period,
        kind: 'regular',
        value: formatDecimal(value, meter.fractionDigits),
        takenOn,
        source: access.asPerson ? 'owner' : 'staff',
        submittedByPersonId: actor(acting).personId,
        flag: outcome.flag,
        confirmed: outcome.confirmed,
        billable: outcome.billable,
        notBillableReason: outcome.notBillableReason,
        photoFileId: body.photoFileId ?? null,
        importId: null,
      });

      ids.push({
        id,
        consumption:
          outcome.consumption === null
            ? null
            : formatDecimal(outcome.consumption, meter.fractionDigits),
      });
    }

    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      onBehalfOfPersonId: access.onBehalfOfPersonId,
      action: 'meter_reading.submitted',
      objectType: 'meter',
      objectId: meter.id,
      requestId: acting.requestId,
      after: { period, takenOn, values: body.values, confirm: body.confirm },
    });

    const stored = await Promise.all(
      ids.map(async ({ id, consumption }) => ({
        ...presentReading((await findReadingById(tx, id))!),
        consumption,
      })),
    );
    const expired = outcomes.some((o) => o.outcome.ok && o.outcome.warnings.length > 0);

    return {
      readings: stored,
      period,
      late,
      warnings: expired ? [verificationWarning(meter)] : [],
    };
  });
}

function verificationWarning(meter: MeterRow) {
  const due = meter.nextVerificationOn ?? '';

  return {
    code: 'meter_verification_expired' as const,
    ru: `Срок поверки прибора истёк ${due}. Показание сохранено, но к расчёту не принимается: начисление идёт по среднему, затем по нормативу. Закажите поверку или замену прибора и сообщите в управляющую организацию.`,
    en: `The meter's verification expired on ${due}. The reading is stored but not used for billing: the charge is on the average, then the norm. Have the meter verified or replaced and tell the management organisation.`,
  };
}

type Parsed = { zone: string; value: bigint; fractionDigits: number; text: string };

function parseValues(meter: MeterRow, values: Body['values']): Parsed[] {
  const zones = zonesOf(meter.zones);
  const given = values.map((v) => v.zone);

  if (given.length !== zones.length || !zones.every((z) => given.includes(z))) {
    throw new AppError('reading_zone_missing', { extra: { zones } });
  }

  return values.map((v) => {
    const parsed = parseDecimal(v.value);

    if (!parsed.ok) {
      throw new AppError(parsed.code, { extra: { zones: [{ zone: v.zone, code: parsed.code }] } });
    }

    return {
      zone: v.zone,
      value: parsed.value,
      fractionDigits: parsed.fractionDigits,
      text: v.value,
    };
  });
}

/** A replaced meter takes nothing; a value below its final one gets the replacement hint (C11). */
function refuseInactive(
  meter: MeterRow,
  parsed: Parsed[],
  readings: { kind: string; zone: string; value: string }[],
): never {
  const final = readings.filter((r) => r.kind === 'final');
  const lower = parsed.some((p) => {
    const f = final.find((r) => r.zone === p.zone);

    return f !== undefined && p.value < toScaled(f.value);
  });

  if (lower && meter.status === 'replaced') {
    throw new AppError('reading_lower_than_previous', {
      detail: {
        ru: 'Показание меньше последнего показания этого прибора. Прибор заменён? Передавайте показания нового прибора.',
        en: "The reading is lower than this meter's last one. Was the meter replaced? Submit the new meter's readings.",
      },
      extra: { hint: 'meter_replaced' },
    });
  }

  throw new AppError('meter_not_active', { extra: { status: meter.status } });
}

function refuseFailures(
  meter: MeterRow,
  outcomes: { zone: string; outcome: ReadingOutcome; previous: bigint | null }[],
) {
  const failed = outcomes.filter((o) => !o.outcome.ok);
  const first = failed[0];

  if (!first || first.outcome.ok) {
    return;
  }

  const zones = failed.map((f) => ({
    zone: f.zone,
    code: f.outcome.ok ? null : f.outcome.code,
    previous: f.previous === null ? null : formatDecimal(f.previous, meter.fractionDigits),
    consumption:
      !f.outcome.ok && f.outcome.consumption !== undefined
        ? formatDecimal(f.outcome.consumption, meter.fractionDigits)
        : null,
    message: f.outcome.ok ? null : ERROR_CODES[f.outcome.code],
  }));

  throw new AppError(first.outcome.code, { extra: { zones } });
}
