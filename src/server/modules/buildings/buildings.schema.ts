import { z } from 'zod';

import { PageQuerySchema } from '../../platform/http/pagination.js';

/** Longest search query accepted; an address is far shorter. */
export const MAX_QUERY_LENGTH = 200;

export const BuildingListQuerySchema = PageQuerySchema.extend({
  /** Address words in any order; case, ё/е and abbreviations like «ул.» do not matter. */
  q: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .optional()
    .describe('Address words in any order, e.g. «малышева 5»; case, ё/е and «ул.», «д.» ignored'),
  /** Only the houses this organisation manages. */
  organisationId: z.uuid().optional().describe('Only houses managed by this organisation'),
});

export type BuildingListQuery = z.infer<typeof BuildingListQuerySchema>;

export const BuildingParamsSchema = z.object({ id: z.uuid() });

const Area = z
  .string()
  .regex(/^\d+\.\d{2}$/)
  .nullable()
  .describe('Square metres, exact, two decimals');

export const BuildingSummarySchema = z
  .object({
    id: z.uuid(),
    /** HOUSE_ID on the housing-disclosure portal. */
    portalId: z.number().int().describe('HOUSE_ID on the housing-disclosure portal'),
    address: z.string(),
    yearBuilt: z.number().int().nullable(),
    floorsMax: z.number().int().nullable(),
    /** The house is recognised as being in emergency condition. */
    isEmergency: z.boolean().nullable().describe('Recognised as in emergency condition'),
    managingOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .meta({ id: 'BuildingSummary' });

export type BuildingSummary = z.infer<typeof BuildingSummarySchema>;

export const BuildingDetailSchema = BuildingSummarySchema.extend({
  series: z.string().nullable().describe('Building series or wall material as the registry says'),
  houseType: z.string().nullable(),
  capitalRepairFund: z.string().nullable().describe('How the capital repair fund is held'),
  floorsMin: z.number().int().nullable(),
  entrances: z.number().int().nullable(),
  premisesCount: z.number().int().nullable(),
  residentialPremisesCount: z.number().int().nullable(),
  nonResidentialPremisesCount: z.number().int().nullable(),
  areaTotal: Area,
  areaResidential: Area,
  areaNonResidential: Area,
  areaCommon: Area,
  areaLand: Area,
  areaParking: Area,
  cadastralNumber: z.string().nullable(),
  energyClass: z.string().nullable(),
  playground: z.string().nullable(),
  sportsGround: z.string().nullable(),
  otherImprovements: z.string().nullable(),
  notes: z.string().nullable(),
  portalUpdatedAt: z.iso.datetime().nullable().describe('When the portal last updated the house'),
  serviceStartedOn: z.iso.date().nullable().describe('When the current manager took over'),
  timeZone: z.string().describe('IANA zone for the house’s dates and deadlines'),
  demo: z.object({
    premises: z.number().int().describe('Premises of the demo world in this house'),
  }),
}).meta({ id: 'BuildingDetail' });

export type BuildingDetail = z.infer<typeof BuildingDetailSchema>;
