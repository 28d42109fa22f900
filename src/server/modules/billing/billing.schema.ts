import { z } from 'zod';

import { isPeriod, isDate } from '../../../domain/billing/period.js';
import { SERVICE_CODES, ZONES } from '../../../domain/billing/services.js';
import { PageQuerySchema } from '../../platform/http/pagination.js';

export const Period = z
  .string()
  .trim()
  .refine(isPeriod, { message: 'a billing period YYYY-MM' })
  .describe('Billing period, YYYY-MM');

export const BusinessDay = z
  .string()
  .trim()
  .refine(isDate, { message: 'a calendar date YYYY-MM-DD' });

/** A decimal written with a dot or a comma, at most 4 fraction digits. */
export const DecimalText = (max = 1_000_000) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}([.,]\d{1,4})?$/, 'a non-negative decimal with up to 4 fraction digits')
    .transform((v) => v.replace(',', '.'))
    .refine((v) => Number(v) <= max, { message: `at most ${max}` });

export const ServiceCode = z.enum(SERVICE_CODES as [string, ...string[]]);
export const ZoneCode = z.enum(ZONES);

export const OrgParamsSchema = z.object({ orgId: z.uuid() });
export const IdParamsSchema = z.object({ id: z.uuid() });
export const AccountParamsSchema = z.object({ accountId: z.uuid() });
export const BillParamsSchema = z.object({ accountId: z.uuid(), period: Period });

export const SettingsSchema = z.object({
  organisationId: z.uuid(),
  payeeName: z.string(),
  inn: z.string(),
  kpp: z.string().nullable(),
  bankName: z.string(),
  bik: z.string(),
  correspondentAccount: z.string(),
  settlementAccount: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  officeHours: z.string().nullable(),
  paymentDueDay: z.number().int(),
  allocation: z.enum(['oldest_first', 'designated_first']),
  averageBaseMonths: z.number().int(),
  averageMaxPeriods: z.number().int(),
  commonHouseShare: z.boolean(),
  penalties: z.boolean(),
});

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const SettingsBodySchema = z
  .object({
    payeeName: Text(160),
    inn: z
      .string()
      .trim()
      .regex(/^\d{10}(\d{2})?$/, '10 or 12 digits'),
    kpp: z
      .string()
      .trim()
      .regex(/^\d{4}[\dA-Z]{2}\d{3}$/, 'КПП: 9 characters')
      .nullable()
      .optional(),
    bankName: Text(45),
    bik: z
      .string()
      .trim()
      .regex(/^04\d{7}$/, '9 digits starting with 04'),
    correspondentAccount: z
      .string()
      .trim()
      .regex(/^\d{20}$/, '20 digits'),
    settlementAccount: z
      .string()
      .trim()
      .regex(/^\d{20}$/, '20 digits'),
    address: OptionalText(300),
    phone: OptionalText(40),
    email: OptionalText(120),
    website: OptionalText(120),
    officeHours: OptionalText(200),
    paymentDueDay: z.number().int().min(1).max(28).default(10),
    allocation: z.enum(['oldest_first', 'designated_first']).default('oldest_first'),
    averageBaseMonths: z.number().int().min(1).max(12).default(6),
    averageMaxPeriods: z.number().int().min(0).max(12).default(3),
    commonHouseShare: z.boolean().default(false),
    penalties: z.boolean().default(true),
  })
  .strict();

export const TariffSchema = z.object({
  id: z.uuid(),
  houseId: z.uuid().nullable(),
  houseAddress: z.string().nullable(),
  service: z.string(),
  zone: z.string(),
  rate: z.string().describe('Roubles per unit'),
  unit: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  isDemo: z.boolean(),
});

export const TariffBodySchema = z
  .object({
    houseId: z.uuid().nullable().default(null),
    service: ServiceCode,
    zone: ZoneCode.default('single'),
    rate: DecimalText(1_000_000),
    validFrom: BusinessDay,
  })
  .strict();

export const NormSchema = z.object({
  id: z.uuid(),
  houseId: z.uuid().nullable(),
  service: z.string(),
  zone: z.string(),
  quantity: z.string(),
  basis: z.enum(['per_person', 'per_m2']),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const NormBodySchema = z
  .object({
    houseId: z.uuid().nullable().default(null),
    service: ServiceCode,
    zone: ZoneCode.default('single'),
    quantity: DecimalText(10_000),
    basis: z.enum(['per_person', 'per_m2']).default('per_person'),
    validFrom: BusinessDay,
  })
  .strict();

export const TariffsQuerySchema = z.object({
  houseId: z.uuid().optional(),
  onDate: BusinessDay.optional(),
});

export const ListQuerySchema = PageQuerySchema.extend({
  houseId: z.uuid().optional(),
  period: Period.optional(),
});

export type SettingsInput = z.infer<typeof SettingsBodySchema>;
export type TariffInput = z.infer<typeof TariffBodySchema>;
export type NormInput = z.infer<typeof NormBodySchema>;
