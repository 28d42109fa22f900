import { z } from 'zod';

import { MISMATCH_CODES, PREMISE_KINDS } from '../../../domain/property-claims/reconcile.js';

const IsoDate = z.iso.date().describe('YYYY-MM-DD');

export const MyPremiseParamsSchema = z.object({ premiseId: z.uuid() });

const ShareSchema = z
  .object({
    numerator: z.number().int(),
    denominator: z.number().int(),
    text: z.string().describe('«1/2», or «1» for the whole'),
  })
  .meta({ id: 'Share' });

const RelationSchema = z.enum(['owner', 'resident', 'representative']);

const AccountSchema = z.object({
  id: z.uuid(),
  /** The single account number (ЕЛС) shape: two digits, two letters, six digits. */
  number: z.string().describe('ЕЛС, e.g. 66AB123456'),
  localNumber: z.string().nullable().describe("The organisation's own number, if it has one"),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  openedOn: IsoDate,
  closedOn: IsoDate.nullable(),
  /** `self`: the signed-in person pays it; `principal`: the owner they represent does. */
  payer: z.enum(['self', 'principal']),
});

const ManagingOrganisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string().describe('management_company | hoa | housing_coop | …'),
  inn: z.string().nullable(),
  ogrn: z.string().nullable(),
  portalLink: z
    .string()
    .nullable()
    .describe('Its page on the disclosure portal, where its phones and office hours are published'),
  contract: z
    .object({ number: z.string().nullable(), startedOn: IsoDate, endedOn: IsoDate.nullable() })
    .nullable()
    .describe('The management contract in force today, when one is recorded'),
});

const MismatchSchema = z.object({
  code: z.enum(MISMATCH_CODES),
  claimed: z.string().nullable(),
  found: z.string().nullable(),
});

export const OpenClaimSchema = z
  .object({
    id: z.uuid(),
    status: z.literal('conflict').describe('Awaiting the decision of the organisation'),
    house: z.object({ id: z.uuid(), address: z.string() }),
    premiseId: z.uuid().nullable(),
    premiseNumber: z.string(),
    premiseKind: z.enum(PREMISE_KINDS),
    cadastralNumber: z.string(),
    share: z.string(),
    mismatches: z.array(MismatchSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MyOpenClaim' });

export const MyPremiseSchema = z
  .object({
    id: z.uuid(),
    house: z.object({ id: z.uuid(), address: z.string() }),
    number: z.string(),
    kind: z.enum(PREMISE_KINDS),
    floor: z.number().int().nullable(),
    entrance: z.number().int().nullable(),
    areaTotal: z.string().describe('m², two decimals'),
    areaLiving: z.string().nullable(),
    cadastralNumber: z.string().nullable(),
    relations: z.array(RelationSchema).describe('How the signed-in person is related to it'),
    ownership: z
      .object({
        share: ShareSchema,
        since: IsoDate.nullable(),
        titleDocument: z.string().nullable(),
      })
      .nullable()
      .describe("The signed-in person's own right; null when they own no share"),
    representing: z
      .array(z.object({ principalName: z.string(), share: ShareSchema, validUntil: IsoDate }))
      .describe('Owners whose power of attorney for this premise the person holds'),
    coOwners: z
      .object({
        others: z.number().int().describe('Owners besides those the person speaks for'),
        total: ShareSchema.describe('All current shares together'),
      })
      .nullable()
      .describe('For owners and representatives only; co-owners are never named (152-ФЗ)'),
    residents: z.object({
      count: z.number().int(),
      people: z
        .array(z.object({ name: z.string(), registeredOn: IsoDate.nullable() }))
        .nullable()
        .describe('Names for owners of the premise only'),
    }),
    accounts: z.array(AccountSchema),
    managingOrganisation: ManagingOrganisationSchema.nullable(),
    claims: z.array(OpenClaimSchema).describe("The person's open claims on this premise"),
  })
  .meta({ id: 'MyPremise' });

export type MyPremise = z.infer<typeof MyPremiseSchema>;
export type OpenClaim = z.infer<typeof OpenClaimSchema>;

export const MyPremisesSchema = z
  .object({
    premises: z.array(MyPremiseSchema),
    claims: z.array(OpenClaimSchema).describe('Every open claim, also for premises not listed'),
  })
  .meta({ id: 'MyPremises' });

export type MyPremises = z.infer<typeof MyPremisesSchema>;
