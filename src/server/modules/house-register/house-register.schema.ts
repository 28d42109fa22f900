import { z } from 'zod';

import { PREMISE_NUMBER_PATTERN } from '../../../domain/premises/premise-number.js';
import { PageQuerySchema } from '../../platform/http/pagination.js';

/** A business date: YYYY-MM-DD within a range a housing record can have. */
export const BusinessDate = z.iso
  .date()
  .refine((date) => date >= '1900-01-01' && date <= '2100-12-31', {
    message: 'the date must lie between 1900 and 2100',
  })
  .describe('YYYY-MM-DD');

export const OrgParamsSchema = z.object({ orgId: z.uuid() });
export const HouseParamsSchema = z.object({ houseId: z.uuid() });
export const PremiseParamsSchema = z.object({ premiseId: z.uuid() });
export const IdParamsSchema = z.object({ id: z.uuid() });

export const PREMISE_KINDS = ['flat', 'non_residential', 'parking', 'storage'] as const;

/** Areas are exact decimals in square metres, sent as strings: «45.30». */
const Area = z.string().describe('Square metres, exact: «45.30»');
const ShareText = z.string().describe('Exact fraction in lowest terms: «1/2», «1»');

export const OrgHousesQuerySchema = PageQuerySchema.extend({
  /** Part of the address. */
  q: z.string().trim().max(200).optional(),
});

export const ContractBriefSchema = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});

export const OrgHouseSchema = z.object({
  id: z.uuid(),
  address: z.string(),
  /** How the organisation manages it: a contract on the platform, or the registry's record. */
  managedBy: z.enum(['contract', 'registry']),
  contract: ContractBriefSchema.nullable(),
  premisesCount: z.number().int(),
  ownedCount: z.number().int().describe('Premises with at least one live owner'),
  accountsCount: z.number().int().describe('Open personal accounts the organisation bills'),
});

export const OwnerSchema = z.object({
  ownershipId: z.uuid(),
  kind: z.enum(['person', 'organisation']),
  personId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  name: z.string(),
  share: ShareText,
  startedOn: z.string().nullable(),
});

export const AccountBriefSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('ЕЛС: 66AB123456'),
  payerName: z.string(),
});

export const CellSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.string(),
  floor: z.number().int().nullable(),
  entrance: z.number().int().nullable(),
  areaTotal: Area,
  areaLiving: Area.nullable(),
  cadastralNumber: z.string().nullable(),
  owners: z.array(OwnerSchema),
  sharesTotal: ShareText.describe('Live shares together; «1» when fully accounted for'),
  residentsCount: z.number().int(),
  accounts: z.array(AccountBriefSchema).describe('Open accounts'),
});

export const HouseHeadSchema = z.object({
  id: z.uuid(),
  address: z.string(),
  managingOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const RegisterSchema = z.object({
  house: HouseHeadSchema,
  entrances: z.array(
    z.object({
      entrance: z.number().int().nullable(),
      premisesCount: z.number().int(),
      floors: z.array(
        z.object({ floor: z.number().int().nullable(), premises: z.array(CellSchema) }),
      ),
    }),
  ),
  other: z.array(z.object({ kind: z.string(), premises: z.array(CellSchema) })),
  totals: z.object({
    premises: z.number().int(),
    owned: z.number().int(),
    accountsOpen: z.number().int(),
    residents: z.number().int(),
  }),
});

export const OwnershipRecordSchema = OwnerSchema.extend({
  endedOn: z.string().nullable(),
  endedReason: z.string().nullable(),
  titleDocument: z.string().nullable(),
  rightNumber: z.string().nullable(),
  rightRegisteredOn: z.string().nullable(),
  source: z.string(),
});

export const PremiseAccountSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  payerName: z.string(),
  payerPersonId: z.uuid().nullable(),
  payerOrganisationId: z.uuid().nullable(),
  organisationName: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
});

export const PremiseCardSchema = z.object({
  premise: CellSchema.omit({
    owners: true,
    accounts: true,
    sharesTotal: true,
    residentsCount: true,
  }).extend({ houseId: z.uuid(), houseAddress: z.string() }),
  owners: z.array(OwnershipRecordSchema).describe('Live rights'),
  history: z.array(OwnershipRecordSchema).describe('Ended rights, latest first'),
  sharesTotal: ShareText,
  residents: z.array(
    z.object({ personId: z.uuid(), name: z.string(), registeredOn: z.string().nullable() }),
  ),
  accounts: z.array(PremiseAccountSchema).describe('Open and closed, latest first'),
});

export const PassportSchema = z.object({
  house: HouseHeadSchema.extend({
    yearBuilt: z.number().int().nullable(),
    floorsMax: z.number().int().nullable(),
    entrances: z.number().int().nullable(),
    cadastralNumber: z.string().nullable(),
    houseType: z.string().nullable(),
    isEmergency: z.boolean().nullable(),
    areaTotal: Area.nullable(),
    areaResidential: Area.nullable(),
    areaNonResidential: Area.nullable(),
    areaParking: Area.nullable(),
    residentialPremisesCount: z.number().int().nullable(),
    nonResidentialPremisesCount: z.number().int().nullable(),
  }),
  managedBy: z.enum(['contract', 'registry']).nullable(),
  contracts: z.array(ContractBriefSchema.extend({ organisationName: z.string() })),
  entrances: z.array(
    z.object({
      number: z.number().int(),
      floors: z.number().int().nullable(),
      premisesCount: z.number().int(),
    }),
  ),
  premisesByKind: z.array(
    z.object({ kind: z.string(), count: z.number().int(), areaTotal: Area, areaLiving: Area }),
  ),
  /** The premises' areas summed against what the registry says of the house. */
  areaCheck: z.array(
    z.object({
      part: z.enum(['residential', 'non_residential', 'parking']),
      registry: Area.nullable(),
      premises: Area,
      difference: Area.nullable().describe('premises − registry; null when the registry is silent'),
      registryCount: z.number().int().nullable(),
      premisesCount: z.number().int(),
    }),
  ),
  ownersCount: z.number().int().describe('Distinct people and organisations with live rights'),
  premisesWithoutOwners: z.number().int(),
  accountsOpen: z.number().int(),
  residentsCount: z.number().int(),
});

const PremiseNumber = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(PREMISE_NUMBER_PATTERN, 'letters and digits, with «-», «.», «/» or a space between');
const AreaInput = z
  .string()
  .trim()
  .regex(/^\d{1,7}([.,]\d{1,2})?$/, 'square metres with up to two decimals, e.g. 45.3');

export const PremisePatchSchema = z
  .object({
    number: PremiseNumber.optional(),
    floor: z.int().min(-10).max(150).nullable().optional(),
    entrance: z.int().min(1).max(100).nullable().optional(),
    areaTotal: AreaInput.optional(),
    areaLiving: AreaInput.nullable().optional(),
    cadastralNumber: z.string().trim().max(40).nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

export type OrgHouse = z.infer<typeof OrgHouseSchema>;
export type Owner = z.infer<typeof OwnerSchema>;
export type Cell = z.infer<typeof CellSchema>;
export type Register = z.infer<typeof RegisterSchema>;
export type PremiseCard = z.infer<typeof PremiseCardSchema>;
export type Passport = z.infer<typeof PassportSchema>;
export type PremisePatch = z.infer<typeof PremisePatchSchema>;
