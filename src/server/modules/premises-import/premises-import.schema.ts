import { z } from 'zod';

export const HouseParamsSchema = z.object({ houseId: z.uuid() });

export const ImportQuerySchema = z.object({
  /** `true`: judge the file and report every row, storing nothing. */
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
  lang: z.enum(['ru', 'en']).optional(),
});

export const TemplateQuerySchema = z.object({ lang: z.enum(['ru', 'en']).optional() });

const Message = z.object({ field: z.string().nullable(), code: z.string(), message: z.string() });

export const ImportRowSchema = z
  .object({
    /** The line of the file (CSV) or the sheet row (XLSX). */
    line: z.number().int(),
    status: z.enum(['create', 'update', 'unchanged', 'error']),
    house: z.string(),
    kind: z.string(),
    number: z.string(),
    owner: z.string(),
    accountNumber: z.string().nullable(),
    actions: z.array(z.string()),
    changes: z.array(
      z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
    ),
    problems: z.array(Message),
    warnings: z.array(Message),
  })
  .meta({ id: 'PremisesImportRow' });

const count = z.number().int();

export const ImportReportSchema = z
  .object({
    /** `preview`: a clean dry run; `imported`: stored; `refused`: some row is wrong. */
    status: z.enum(['preview', 'imported', 'refused']),
    dryRun: z.boolean(),
    house: z.object({ id: z.string(), address: z.string() }),
    fileName: z.string(),
    fileSha256: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'windows-1251', 'utf-16le', 'utf-16be']).nullable(),
    delimiter: z.string().nullable(),
    headerLine: count,
    unknownColumns: z.array(z.string()),
    ignoredColumns: z.array(z.object({ name: z.string(), reason: z.string() })),
    totals: z.object({
      rows: count,
      create: count,
      update: count,
      unchanged: count,
      error: count,
      warnings: count,
    }),
    effects: z.object({
      premisesCreated: count,
      premisesUpdated: count,
      entrancesCreated: count,
      personsCreated: count,
      organisationsCreated: count,
      ownershipsCreated: count,
      ownershipsUpdated: count,
      accountsCreated: count,
      accountsUpdated: count,
    }),
    rows: z.array(ImportRowSchema),
  })
  .meta({ id: 'PremisesImportReport' });
