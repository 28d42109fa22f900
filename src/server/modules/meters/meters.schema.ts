import { z } from 'zod';

import { RESOURCES } from '../../../domain/meters/zones.js';
import { BusinessDate } from '../house-register/house-register.schema.js';

export const MeterParamsSchema = z.object({ meterId: z.uuid() });
export const PremiseParamsSchema = z.object({ premiseId: z.uuid() });
export const HouseParamsSchema = z.object({ houseId: z.uuid() });
export const OrgParamsSchema = z.object({ orgId: z.uuid() });

export const ZONES = ['single', 'day', 'night', 'peak', 'semi_peak'] as const;

/** A reading as typed: digits with a comma or point; the rules parse it exactly. */
const ReadingText = z
  .string()
  .max(40)
  .describe('Exact decimal as typed: «245,3» or «245.300»; never a JSON number');

export const ZoneValueSchema = z.object({ zone: z.enum(ZONES), value: ReadingText });

export const SubmitReadingSchema = z.object({
  /** The day the dial was read, the house's local date; today when omitted. */
  takenOn: BusinessDate.optional(),
  values: z.array(ZoneValueSchema).min(1).max(3),
  /** What the person confirmed after the explanation: a rollover past zero, an unusual jump. */
  confirm: z
    .object({ rollover: z.boolean().default(false), jump: z.boolean().default(false) })
    .default({ rollover: false, jump: false }),
  photoFileId: z.uuid().optional(),
});

const MeterFields = {
  resource: z.enum(RESOURCES),
  zones: z.number().int().min(1).max(3).default(1),
  integerDigits: z.number().int().min(1).max(12),
  fractionDigits: z.number().int().min(0).max(6),
  serialNumber: z.string().trim().min(1).max(60),
  model: z.string().trim().max(200).optional(),
  installedOn: BusinessDate,
  verifiedOn: BusinessDate.optional(),
  verificationIntervalMonths: z.number().int().min(1).max(600).optional(),
};

export const CreateMeterSchema = z.object({
  ...MeterFields,
  /** The value of each zone on installation (a new meter's factory value, e.g. «0,007»). */
  initialValues: z.array(ZoneValueSchema).min(1).max(3),
});

export const ReplaceMeterSchema = z.object({
  replacedOn: BusinessDate,
  /** The old meter's closing value of each zone. */
  finalValues: z.array(ZoneValueSchema).min(1).max(3),
  newMeter: CreateMeterSchema.omit({ installedOn: true, resource: true }),
});

export const ArchiveMeterSchema = z.object({
  archivedOn: BusinessDate,
  reason: z.string().trim().min(1).max(500),
});

export const VerificationSchema = z.object({
  verifiedOn: BusinessDate,
  verificationIntervalMonths: z.number().int().min(1).max(600).optional(),
});

const Decimal = z.string().describe('Exact decimal');

export const ReadingSchema = z.object({
  id: z.uuid(),
  meterId: z.uuid(),
  zone: z.enum(ZONES),
  period: z.string(),
  kind: z.enum(['initial', 'regular', 'final']),
  value: Decimal,
  takenOn: z.string(),
  source: z.string(),
  flag: z.string().nullable(),
  confirmed: z.string().nullable(),
  billable: z.boolean(),
  notBillableReason: z.string().nullable(),
  hasPhoto: z.boolean(),
  locked: z.boolean(),
});

export const FormSchema = z.object({
  /** The period a reading submitted today counts for, and whether that is because it is late. */
  targetPeriod: z.string().nullable(),
  late: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  windowOpen: z.boolean(),
  latePolicy: z.enum(['next_period', 'not_counted']),
  today: z.string(),
});

export const MeterSchema = z.object({
  id: z.uuid(),
  houseId: z.uuid(),
  premiseId: z.uuid().nullable(),
  premiseNumber: z.string().nullable(),
  resource: z.enum(RESOURCES),
  unit: z.string(),
  zones: z.array(z.enum(ZONES)),
  integerDigits: z.number(),
  fractionDigits: z.number(),
  serialNumber: z.string(),
  model: z.string().nullable(),
  installedOn: z.string(),
  verifiedOn: z.string().nullable(),
  verificationIntervalMonths: z.number(),
  nextVerificationOn: z.string().nullable(),
  verificationExpired: z.boolean(),
  status: z.enum(['active', 'replaced', 'archived']),
  closedOn: z.string().nullable(),
  replacesMeterId: z.uuid().nullable(),
  /** The latest reading of each zone. */
  last: z.array(ReadingSchema),
});

export const PremiseMetersSchema = z.object({
  premiseId: z.uuid(),
  houseId: z.uuid(),
  form: FormSchema,
  meters: z.array(MeterSchema),
});

export const SubmitResultSchema = z.object({
  readings: z.array(ReadingSchema.extend({ consumption: Decimal.nullable() })),
  period: z.string(),
  late: z.boolean(),
  warnings: z.array(
    z.object({ code: z.literal('meter_verification_expired'), ru: z.string(), en: z.string() }),
  ),
});

export const SettingsSchema = z.object({
  windowStartDay: z.number().int(),
  windowEndDay: z.number().int(),
  latePolicy: z.enum(['next_period', 'not_counted']),
  decreasePolicy: z.enum(['flag', 'refuse']),
  jumpFactor: z.number().int(),
  imbalanceTolerancePercent: z.number().int().min(0).max(100),
  norms: z.partialRecord(z.enum(RESOURCES), Decimal),
});

export const SettingsBodySchema = SettingsSchema.extend({
  // Range rules come from the domain so the problem explains them (case C13 d).
  windowStartDay: z.number().int(),
  windowEndDay: z.number().int(),
  jumpFactor: z.number().int(),
  norms: z.partialRecord(z.enum(RESOURCES), z.string().max(20)).default({}),
});

export const ConsumptionQuerySchema = z.object({
  months: z.coerce.number().int().min(1).max(36).default(24),
});

const Point = z.object({
  period: z.string(),
  quantity: Decimal.nullable(),
  houseAverage: Decimal.nullable(),
  norm: Decimal.nullable(),
});

export const ConsumptionSchema = z.object({
  premiseId: z.uuid(),
  periods: z.array(z.string()),
  series: z.array(
    z.object({
      resource: z.enum(RESOURCES),
      zone: z.enum(ZONES),
      unit: z.string(),
      points: z.array(Point),
    }),
  ),
});

export const ImbalanceQuerySchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

export const ImbalanceSchema = z.object({
  period: z.string(),
  tolerancePercent: z.number(),
  houses: z.array(
    z.object({
      houseId: z.uuid(),
      address: z.string(),
      outOfLine: z.boolean(),
      resources: z.array(
        z.object({
          resource: z.enum(RESOURCES),
          common: Decimal.nullable(),
          individual: Decimal,
          difference: Decimal.nullable(),
          percent: z.number().nullable(),
          outOfLine: z.boolean(),
        }),
      ),
    }),
  ),
});

export const ImportReportSchema = z.object({
  id: z.uuid(),
  rowsTotal: z.number(),
  rowsImported: z.number(),
  rowsFlagged: z.number(),
  rowsRefused: z.number(),
  problems: z.array(
    z.object({
      line: z.number(),
      severity: z.enum(['refused', 'flagged']),
      code: z.string(),
      message: z.string(),
    }),
  ),
  problemsTruncated: z.boolean(),
});

export const REMINDER_KINDS = ['window_open', 'window_closing', 'verification_due'] as const;

export const RemindersSchema = z.object({
  reminders: z.array(z.object({ kind: z.enum(REMINDER_KINDS), enabled: z.boolean() })),
});

export const RemindersBodySchema = RemindersSchema;

export const HouseMetersSchema = z.object({
  houseId: z.uuid(),
  address: z.string(),
  form: FormSchema,
  meters: z.array(MeterSchema),
});

export const PhotoSchema = z.object({
  fileId: z.uuid(),
  mime: z.string(),
  width: z.number(),
  height: z.number(),
});
