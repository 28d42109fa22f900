import { z } from 'zod';

export const CadastralParamsSchema = z.object({
  /** Canonical form `66:41:0204016:1101`; spaces are ignored. */
  cadastralNumber: z.string().min(1).max(60),
});

export const ImportQuerySchema = z.object({
  /** `true`: check the file and report what would change, storing nothing. */
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
  lang: z.enum(['ru', 'en']).optional(),
});

export const RegistryRightSchema = z
  .object({
    ownerKind: z.enum(['person', 'company', 'municipality']),
    ownerName: z.string(),
    ownerInn: z.string().nullable(),
    /** Whether the registry gave the owner's СНИЛС; the number itself is never shown. */
    hasSnils: z.boolean(),
    share: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
    /** `1/2`, or `1` for a whole object. */
    shareText: z.string(),
    registrationNumber: z.string(),
    registeredOn: z.string(),
  })
  .meta({ id: 'RegistryRight' });

export const RegistryObjectSchema = z
  .object({
    cadastralNumber: z.string(),
    address: z.string(),
    kind: z.enum(['flat', 'non_residential', 'parking', 'storage']),
    premiseNumber: z.string().nullable(),
    /** Square metres with two decimals, as a string so nothing is rounded. */
    area: z.string(),
    extractedOn: z.string().nullable(),
    house: z.object({ id: z.string(), address: z.string() }).nullable(),
    /** The platform premise with this cadastral number, if there is one. */
    premise: z
      .object({ id: z.string(), number: z.string(), kind: z.string(), areaTotal: z.string() })
      .nullable(),
    rights: z.array(RegistryRightSchema),
    /** Sum of the registered shares, `1` when the rights cover the whole object. */
    sharesTotal: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RegistryObject' });

const ProblemLine = z.object({
  line: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

export const RegistryImportReportSchema = z
  .object({
    runId: z.string().nullable(),
    status: z.enum(['imported', 'preview', 'refused']),
    dryRun: z.boolean(),
    fileName: z.string(),
    fileSha256: z.string(),
    format: z.enum(['csv', 'xml']),
    encoding: z.enum(['utf-8', 'windows-1251']),
    delimiter: z.enum([';', ',']).nullable(),
    rowsRead: z.number().int(),
    objectsRead: z.number().int(),
    rightsRead: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    housesMatched: z.number().int(),
    unmatched: z.array(
      z.object({
        address: z.string(),
        reason: z.enum(['no_house', 'ambiguous']),
        lines: z.array(z.number().int()),
        objects: z.number().int(),
      }),
    ),
    /** Every row with what became of it, the first 1000; `rowsRead` counts them all. */
    rows: z.array(
      z.object({
        line: z.number().int(),
        cadastralNumber: z.string(),
        outcome: z.enum(['created', 'updated', 'unchanged', 'valid', 'refused']),
      }),
    ),
    /** Problems of broken rows, the first 1000; `errorsTotal` counts them all. */
    errors: z.array(ProblemLine),
    errorsTotal: z.number().int(),
    rowsWithErrors: z.number().int(),
    ignored: z.array(z.string()),
    startedAt: z.string(),
    durationMs: z.number(),
  })
  .meta({ id: 'RegistryImportReport' });

export type RegistryObjectView = z.infer<typeof RegistryObjectSchema>;
