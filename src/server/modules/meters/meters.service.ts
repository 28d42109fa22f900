import type { z } from 'zod';

import { formatDecimal, parseDecimal } from '../../../domain/meters/decimal.js';
import { periodOf } from '../../../domain/meters/periods.js';
import {
  DEFAULT_INTERVAL_MONTHS,
  nextVerificationOn,
} from '../../../domain/meters/verification.js';
import { zonesOf } from '../../../domain/meters/zones.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { actor, type Acting } from '../house-register/acting.js';
import { authorizeOnHouse, requireHouse, requirePremise } from '../house-register/house-manager.js';
import { authorizeOnMeter, requireMeter } from './meter-access.js';
import { readingForm } from './meter-form.js';
import type {
  ArchiveMeterSchema,
  CreateMeterSchema,
  ReplaceMeterSchema,
  VerificationSchema,
} from './meters.schema.js';
import { presentMeter, presentReading } from './meters.presenter.js';
import {
  closeMeter,
  findHouseMeters,
  findPremiseMeters,
  insertMeter,
  lockMeter,
  serialTaken,
  updateVerification,
} from './meters.repo.js';
import { findLastReadings, findReadings, insertReading } from './readings.repo.js';

type CreateBody = z.infer<typeof CreateMeterSchema>;

export async function listPremiseMeters(ctx: AppContext, acting: Acting, premiseId: string) {
  const premise = await requirePremise(ctx.db, premiseId);

  await authorizeOnMeter(ctx, acting, { premiseId, managerId: premise.house.managerId }, 'read');

  const meters = await findPremiseMeters(ctx.db, premiseId);
  const last = await findLastReadings(
    ctx.db,
    meters.map((m) => m.id),
  );

  return {
    premiseId,
    houseId: premise.house.id,
    form: await readingForm(ctx.db, {
      houseId: premise.house.id,
      organisationId: premise.house.managerId,
      today: premise.house.today,
    }),
    meters: meters.map((m) => presentMeter(m, last)),
  };
}

/** Every active meter of a house, individual and common, for staff entry. */
export async function listHouseMeters(ctx: AppContext, acting: Acting, houseId: string) {
  const house = await requireHouse(ctx.db, houseId);

  await authorizeOnHouse(ctx, acting.user, 'meters.read_org', house);

  const meters = await findHouseMeters(ctx.db, houseId);
  const last = await findLastReadings(
    ctx.db,
    meters.map((m) => m.id),
  );

  return {
    houseId,
    address: house.address,
    form: await readingForm(ctx.db, {
      houseId,
      organisationId: house.managerId,
      today: house.today,
    }),
    meters: meters.map((m) => presentMeter(m, last)),
  };
}

export async function listMeterReadings(ctx: AppContext, acting: Acting, meterId: string) {
  const meter = await requireMeter(ctx.db, meterId);

  await authorizeOnMeter(ctx, acting, meter, 'read');

  return { items: (await findReadings(ctx.db, [meterId])).map(presentReading) };
}

/** A new individual meter (premise given) or common-house meter, with its initial values. */
export async function createMeter(
  ctx: AppContext,
  acting: Acting,
  where: { premiseId?: string; houseId?: string },
  body: CreateBody,
) {
  const place = where.premiseId
    ? await requirePremise(ctx.db, where.premiseId).then((p) => ({
        house: p.house,
        premiseId: p.premiseId,
      }))
    : { house: await requireHouse(ctx.db, where.houseId!), premiseId: null };

  await authorizeOnHouse(ctx, acting.user, 'meters.manage', place.house);

  const organisationId = place.house.managerId;

  if (!organisationId) {
    throw new AppError('conflict', {
      detail: { ru: 'Дом сейчас никем не управляется', en: 'Nobody manages the house today' },
    });
  }

  const id = await ctx.db.transaction(async (tx) => {
    const meterId = await addMeter(tx, acting, {
      organisationId,
      houseId: place.house.id,
      premiseId: place.premiseId,
      replacesMeterId: null,
      ...body,
    });

    return meterId;
  });

  return meterView(ctx.db, id);
}

async function meterView(db: Queryable, id: string) {
  const meter = await requireMeter(db, id);

  return presentMeter(meter, await findLastReadings(db, [id]));
}

/** Checks and stores a meter and its initial readings inside the caller's transaction. */
async function addMeter(
  tx: Queryable,
  acting: Acting,
  m: Omit<CreateBody, 'zones'> & {
    zones?: number;
    organisationId: string;
    houseId: string;
    premiseId: string | null;
    replacesMeterId: string | null;
  },
): Promise<string> {
  const zones = m.zones ?? 1;

  if (zones > 1 && m.resource !== 'electricity') {
    throw new AppError('meter_zones_invalid');
  }

  if (await serialTaken(tx, m.organisationId, m.serialNumber)) {
    throw new AppError('meter_serial_taken', { extra: { serialNumber: m.serialNumber } });
  }

  const interval = m.verificationIntervalMonths ?? DEFAULT_INTERVAL_MONTHS[m.resource]!;
  const id = await insertMeter(tx, {
    organisationId: m.organisationId,
    houseId: m.houseId,
    premiseId: m.premiseId,
    resource: m.resource,
    zones,
    integerDigits: m.integerDigits,
    fractionDigits: m.fractionDigits,
    serialNumber: m.serialNumber,
    model: m.model ?? null,
    installedOn: m.installedOn,
    verifiedOn: m.verifiedOn ?? null,
    verificationIntervalMonths: interval,
    nextVerificationOn: nextVerificationOn(m.verifiedOn ?? m.installedOn, interval),
    replacesMeterId: m.replacesMeterId,
  });

  await storeBoundary(
    tx,
    acting,
    { id, zones, integerDigits: m.integerDigits, fractionDigits: m.fractionDigits },
    'initial',
    m.installedOn,
    m.initialValues,
  );
  await recordAudit(tx, {
    actorUserId: actor(acting).id,
    action: 'meter.created',
    objectType: 'meter',
    objectId: id,
    requestId: acting.requestId,
    after: m,
  });

  return id;
}

/** The initial values of a new meter or the final values of a replaced one, every zone. */
async function storeBoundary(
  tx: Queryable,
  acting: Acting,
  meter: { id: string; zones: number; integerDigits: number; fractionDigits: number },
  kind: 'initial' | 'final',
  on: string,
  values: { zone: string; value: string }[],
) {
  const zones = zonesOf(meter.zones);

  if (values.length !== zones.length || !zones.every((z) => values.some((v) => v.zone === z))) {
    throw new AppError('reading_zone_missing', { extra: { zones } });
  }

  for (const v of values) {
    const parsed = parseDecimal(v.value);

    if (!parsed.ok) {
      throw new AppError(parsed.code, { extra: { zones: [{ zone: v.zone, code: parsed.code }] } });
    }

    if (
      parsed.fractionDigits > meter.fractionDigits ||
      parsed.value >= 10n ** BigInt(meter.integerDigits + 6)
    ) {
      throw new AppError('reading_exceeds_capacity', { extra: { zones: [{ zone: v.zone }] } });
    }

    await insertReading(tx, {
      meterId: meter.id,
      zone: v.zone,
      period: periodOf(on),
      kind,
      value: formatDecimal(parsed.value, meter.fractionDigits),
      takenOn: on,
      source: 'staff',
      submittedByPersonId: actor(acting).personId,
      flag: null,
      confirmed: null,
      billable: true,
      notBillableReason: null,
      photoFileId: null,
      importId: null,
    });
  }
}

/**
 * Replacement (case C11): the old meter closes with its final values and is marked replaced; the
 * new one opens on the same day with its initial values. Consumption sums the two series.
 */
export async function replaceMeter(
  ctx: AppContext,
  acting: Acting,
  meterId: string,
  body: z.infer<typeof ReplaceMeterSchema>,
) {
  const old = await requireMeter(ctx.db, meterId);

  await authorizeOnMeter(ctx, acting, old, 'manage');
  refuseClosed(old.status);

  if (body.replacedOn < old.installedOn || body.replacedOn > old.today) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'replacedOn', rule: 'range', message: 'between installation and today' }],
    });
  }

  const id = await ctx.db.transaction(async (tx) => {
    await lockMeter(tx, old.id);
    await storeBoundary(tx, acting, old, 'final', body.replacedOn, body.finalValues);
    await closeMeter(tx, old.id, 'replaced', body.replacedOn);

    return addMeter(tx, acting, {
      ...body.newMeter,
      resource: old.resource as CreateBody['resource'],
      installedOn: body.replacedOn,
      organisationId: old.managerId ?? old.organisationId,
      houseId: old.houseId,
      premiseId: old.premiseId,
      replacesMeterId: old.id,
    });
  });

  return meterView(ctx.db, id);
}

function refuseClosed(status: string) {
  if (status !== 'active') {
    throw new AppError('meter_not_active', { extra: { status } });
  }
}

export async function archiveMeter(
  ctx: AppContext,
  acting: Acting,
  meterId: string,
  body: z.infer<typeof ArchiveMeterSchema>,
) {
  const meter = await requireMeter(ctx.db, meterId);

  await authorizeOnMeter(ctx, acting, meter, 'manage');
  refuseClosed(meter.status);

  await ctx.db.transaction(async (tx) => {
    await closeMeter(tx, meter.id, 'archived', body.archivedOn);
    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      action: 'meter.archived',
      objectType: 'meter',
      objectId: meter.id,
      requestId: acting.requestId,
      after: body,
    });
  });

  return meterView(ctx.db, meter.id);
}

/** A new verification (поверка): the date and, if the certificate says so, a new interval. */
export async function recordVerification(
  ctx: AppContext,
  acting: Acting,
  meterId: string,
  body: z.infer<typeof VerificationSchema>,
) {
  const meter = await requireMeter(ctx.db, meterId);

  await authorizeOnMeter(ctx, acting, meter, 'manage');
  refuseClosed(meter.status);

  const intervalMonths = body.verificationIntervalMonths ?? meter.verificationIntervalMonths;
  const nextOn = nextVerificationOn(body.verifiedOn, intervalMonths);

  await ctx.db.transaction(async (tx) => {
    await updateVerification(tx, meter.id, { verifiedOn: body.verifiedOn, intervalMonths, nextOn });
    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      action: 'meter.verified',
      objectType: 'meter',
      objectId: meter.id,
      requestId: acting.requestId,
      before: { verifiedOn: meter.verifiedOn, nextVerificationOn: meter.nextVerificationOn },
      after: { verifiedOn: body.verifiedOn, nextVerificationOn: nextOn },
    });
  });

  return meterView(ctx.db, meter.id);
}
