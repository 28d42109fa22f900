import { checkBankAccount, checkInn } from '../../../domain/identifiers/checksums.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import type { SettingsInput } from './billing.schema.js';

const COLUMNS = `organisation_id AS "organisationId", payee_name AS "payeeName", inn, kpp,
  bank_name AS "bankName", bik, correspondent_account AS "correspondentAccount",
  settlement_account AS "settlementAccount", address, phone, email, website,
  office_hours AS "officeHours", payment_due_day AS "paymentDueDay", allocation,
  average_base_months AS "averageBaseMonths", average_max_periods AS "averageMaxPeriods",
  common_house_share AS "commonHouseShare", penalties`;

export type BillingSettings = {
  organisationId: string;
  payeeName: string;
  inn: string;
  kpp: string | null;
  bankName: string;
  bik: string;
  correspondentAccount: string;
  settlementAccount: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  officeHours: string | null;
  paymentDueDay: number;
  allocation: 'oldest_first' | 'designated_first';
  averageBaseMonths: number;
  averageMaxPeriods: number;
  commonHouseShare: boolean;
  penalties: boolean;
};

export async function findSettings(
  db: Queryable,
  organisationId: string,
): Promise<BillingSettings | null> {
  const [row] = await db.query<BillingSettings>(
    `SELECT ${COLUMNS} FROM billing_settings WHERE organisation_id = $1`,
    [organisationId],
  );

  return row ?? null;
}

export async function requireSettings(db: Queryable, organisationId: string) {
  const settings = await findSettings(db, organisationId);

  if (!settings) {
    throw new AppError('billing_settings_missing');
  }

  return settings;
}

/** The checks a bank would make: the ИНН's digit, both account keys against the БИК. */
export function bankDetailProblems(
  input: Pick<SettingsInput, 'inn' | 'bik' | 'correspondentAccount' | 'settlementAccount'>,
): FieldError[] {
  const problems: FieldError[] = [];

  if (!checkInn(input.inn).valid) {
    problems.push({ field: 'body.inn', rule: 'checksum', message: 'the ИНН check digit is wrong' });
  }

  if (!checkBankAccount(input.settlementAccount, input.bik, 'client').valid) {
    problems.push({
      field: 'body.settlementAccount',
      rule: 'checksum',
      message: 'the account key does not match the БИК',
    });
  }

  if (!checkBankAccount(input.correspondentAccount, input.bik, 'correspondent').valid) {
    problems.push({
      field: 'body.correspondentAccount',
      rule: 'checksum',
      message: 'the correspondent account key does not match the БИК',
    });
  }

  return problems;
}

export async function getSettings(ctx: AppContext, acting: Acting, organisationId: string) {
  await authorize(ctx, acting.user, 'billing.read', { organisationId });

  const settings = await findSettings(ctx.db, organisationId);

  if (!settings) {
    throw new AppError('billing_settings_missing');
  }

  return settings;
}

export async function saveSettings(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  input: SettingsInput,
) {
  await authorize(ctx, acting.user, 'billing.manage', { organisationId });

  const problems = bankDetailProblems(input);

  if (problems.length > 0) {
    throw new AppError('billing_settings_invalid', { errors: problems });
  }

  return ctx.db.transaction(async (tx) => {
    const before = await findSettings(tx, organisationId);
    const values = [
      organisationId,
      input.payeeName,
      input.inn,
      input.kpp ?? null,
      input.bankName,
      input.bik,
      input.correspondentAccount,
      input.settlementAccount,
      input.address ?? null,
      input.phone ?? null,
      input.email ?? null,
      input.website ?? null,
      input.officeHours ?? null,
      input.paymentDueDay,
      input.allocation,
      input.averageBaseMonths,
      input.averageMaxPeriods,
      input.commonHouseShare,
      input.penalties,
    ];

    await tx.query(
      `INSERT INTO billing_settings (organisation_id, payee_name, inn, kpp, bank_name, bik,
         correspondent_account, settlement_account, address, phone, email, website, office_hours,
         payment_due_day, allocation, average_base_months, average_max_periods,
         common_house_share, penalties)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)
       ON CONFLICT (organisation_id) DO UPDATE SET payee_name = $2, inn = $3, kpp = $4,
         bank_name = $5, bik = $6, correspondent_account = $7, settlement_account = $8,
         address = $9, phone = $10, email = $11, website = $12, office_hours = $13,
         payment_due_day = $14, allocation = $15, average_base_months = $16,
         average_max_periods = $17, common_house_share = $18, penalties = $19,
         updated_at = now()`,
      values,
    );

    const after = await findSettings(tx, organisationId);

    await recordAudit(tx, {
      actorUserId: acting.user?.id ?? null,
      requestId: acting.requestId,
      action: 'billing_settings.saved',
      objectType: 'organisation',
      objectId: organisationId,
      before,
      after,
    });

    return after!;
  });
}
