import { addDays } from '../../../domain/billing/period.js';
import { SERVICES, type Service } from '../../../domain/billing/services.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import type { NormInput, TariffInput } from './billing.schema.js';
import { businessToday } from './billing-common.js';

type TariffRow = {
  id: string;
  houseId: string | null;
  houseAddress: string | null;
  service: Service;
  zone: string;
  rate: string;
  validFrom: string;
  validTo: string | null;
  isDemo: boolean;
};

type NormRow = {
  id: string;
  houseId: string | null;
  service: string;
  zone: string;
  quantity: string;
  basis: 'per_person' | 'per_m2';
  validFrom: string;
  validTo: string | null;
};

const TARIFF_COLUMNS = `t.id, t.house_id AS "houseId", h.address AS "houseAddress", t.service, t.zone,
  t.rate::text AS rate, to_char(t.valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(t.valid_to, 'YYYY-MM-DD') AS "validTo", t.is_demo AS "isDemo"`;

function presentTariff(row: TariffRow) {
  return { ...row, unit: SERVICES[row.service]?.unit ?? '' };
}

/** An organisation's tariffs, optionally those in force on a date for one house. */
export async function listTariffs(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  query: { houseId?: string; onDate?: string },
) {
  await authorize(ctx, acting.user, 'billing.read', { organisationId });

  const rows = await ctx.db.query<TariffRow>(
    `SELECT ${TARIFF_COLUMNS} FROM billing_tariffs t LEFT JOIN houses h ON h.id = t.house_id
      WHERE t.organisation_id = $1
        AND ($2::uuid IS NULL OR t.house_id IS NULL OR t.house_id = $2)
        AND ($3::date IS NULL OR (t.valid_from <= $3 AND (t.valid_to IS NULL OR t.valid_to >= $3)))
      ORDER BY t.service, t.zone, t.house_id NULLS FIRST, t.valid_from DESC`,
    [organisationId, query.houseId ?? null, query.onDate ?? null],
  );

  return { items: rows.map(presentTariff) };
}

async function houseOfOrganisation(db: Queryable, organisationId: string, houseId: string | null) {
  if (!houseId) {
    return;
  }

  const [row] = await db.query(
    `SELECT 1 FROM houses WHERE id = $1 AND managing_organisation_id = $2`,
    [houseId, organisationId],
  );

  if (!row) {
    throw new AppError('validation_failed', {
      errors: [
        { field: 'body.houseId', rule: 'managed', message: 'a house the organisation manages' },
      ],
    });
  }
}

/**
 * Adds a version of a tariff (or norm) from a date. The open-ended version before it ends the day
 * before; a version that would overlap any other is refused, so every day has one tariff.
 */
async function addVersion(
  tx: Queryable,
  table: 'billing_tariffs' | 'billing_norms',
  key: { organisationId: string; houseId: string | null; service: string; zone: string },
  validFrom: string,
) {
  const params = [key.organisationId, key.houseId, key.service, key.zone, validFrom];
  const same = `organisation_id = $1 AND house_id IS NOT DISTINCT FROM $2 AND service = $3 AND zone = $4`;
  const [clash] = await tx.query(
    `SELECT 1 FROM ${table} WHERE ${same}
       AND (valid_from >= $5 OR (valid_to IS NOT NULL AND valid_to >= $5)) FOR UPDATE`,
    params,
  );

  if (clash) {
    throw new AppError('tariff_overlap');
  }

  await tx.query(
    `UPDATE ${table} SET valid_to = $6 WHERE ${same} AND valid_to IS NULL AND valid_from < $5`,
    [...params, addDays(validFrom, -1)],
  );
}

export async function createTariff(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  input: TariffInput,
) {
  await authorize(ctx, acting.user, 'billing.manage', { organisationId });
  await houseOfOrganisation(ctx.db, organisationId, input.houseId);

  if (input.zone !== 'single' && input.service !== 'electricity') {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.zone', rule: 'zone', message: 'zones apply to electricity only' }],
    });
  }

  return ctx.db.transaction(async (tx) => {
    await addVersion(tx, 'billing_tariffs', { organisationId, ...input }, input.validFrom);

    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO billing_tariffs (organisation_id, house_id, service, zone, rate, valid_from, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        organisationId,
        input.houseId,
        input.service,
        input.zone,
        input.rate,
        input.validFrom,
        acting.user!.id,
      ],
    );

    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'tariff.created',
      objectType: 'billing_tariff',
      objectId: created!.id,
      after: { organisationId, ...input },
    });

    const [row] = await tx.query<TariffRow>(
      `SELECT ${TARIFF_COLUMNS} FROM billing_tariffs t LEFT JOIN houses h ON h.id = t.house_id
        WHERE t.id = $1`,
      [created!.id],
    );

    return presentTariff(row!);
  });
}

export async function listNorms(ctx: AppContext, acting: Acting, organisationId: string) {
  await authorize(ctx, acting.user, 'billing.read', { organisationId });

  const items = await ctx.db.query<NormRow>(
    `SELECT id, house_id AS "houseId", service, zone, quantity::text AS quantity, basis,
            to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
       FROM billing_norms WHERE organisation_id = $1 ORDER BY service, zone, valid_from DESC`,
    [organisationId],
  );

  return { items };
}

export async function createNorm(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  input: NormInput,
) {
  await authorize(ctx, acting.user, 'billing.manage', { organisationId });
  await houseOfOrganisation(ctx.db, organisationId, input.houseId);

  return ctx.db.transaction(async (tx) => {
    await addVersion(tx, 'billing_norms', { organisationId, ...input }, input.validFrom);

    const [row] = await tx.query<NormRow>(
      `INSERT INTO billing_norms (organisation_id, house_id, service, zone, quantity, basis, valid_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, house_id AS "houseId", service, zone, quantity::text AS quantity, basis,
         to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"`,
      [
        organisationId,
        input.houseId,
        input.service,
        input.zone,
        input.quantity,
        input.basis,
        input.validFrom,
      ],
    );

    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'norm.created',
      objectType: 'billing_norm',
      objectId: row!.id,
      after: { organisationId, ...input, today: businessToday() },
    });

    return row!;
  });
}
