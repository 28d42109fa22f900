import { z } from 'zod';

import { PageQuerySchema } from '../../platform/http/pagination.js';

export const MAX_QUERY_LENGTH = 200;

export const OrganisationListQuerySchema = PageQuerySchema.extend({
  /** Words of the name; quotes, case, ё/е and «ООО» vs its full form do not matter. */
  q: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .optional()
    .describe('Words of the name, e.g. «ук дом»; quotes, case and legal-form spelling ignored'),
});

export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;

export const OrganisationParamsSchema = z.object({ id: z.uuid() });

const Kind = z
  .string()
  .describe('management_company | hoa (ТСЖ) | housing_coop (ЖСК) | authority | operator | other');

export const OrganisationSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: Kind,
    housesCount: z.number().int().describe('Houses it manages'),
  })
  .meta({ id: 'OrganisationSummary' });

export type OrganisationSummary = z.infer<typeof OrganisationSummarySchema>;

export const OrganisationDetailSchema = OrganisationSummarySchema.extend({
  inn: z.string().nullable(),
  ogrn: z.string().nullable(),
  portalLink: z.string().nullable().describe('Its page on the housing-disclosure portal'),
}).meta({ id: 'OrganisationDetail' });

export type OrganisationDetail = z.infer<typeof OrganisationDetailSchema>;
