import { z } from 'zod';

import { PREMISE_NUMBER_PATTERN } from '../../../domain/premises/premise-number.js';
import { MISMATCH_CODES, PREMISE_KINDS } from '../../../domain/property-claims/reconcile.js';
import { PageQuerySchema } from '../../platform/http/pagination.js';

/** The documents a right of ownership rests on, as the claim form offers them. */
export const TITLE_KINDS = [
  'sale_contract',
  'gift_contract',
  'exchange_contract',
  'inheritance_certificate',
  'privatisation_contract',
  'shared_construction_contract',
  'housing_coop_certificate',
  'court_decision',
  'other',
] as const;

export const CLAIM_STATUSES = [
  'confirmed',
  'conflict',
  'approved',
  'rejected',
  'withdrawn',
] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const IsoDate = z.iso.date().describe('YYYY-MM-DD');

export const CreateClaimSchema = z.object({
  /** The house, picked from the platform's houses (GET /api/v1/buildings). */
  houseId: z.uuid(),
  /** The premise number as the title document writes it: «12», «К-1», «М-7». */
  premiseNumber: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(PREMISE_NUMBER_PATTERN, 'letters and digits, with «-», «.», «/» or a space between'),
  premiseKind: z.enum(PREMISE_KINDS),
  /** 66:41:0702013:1234; checked by format before anything else. */
  cadastralNumber: z.string().trim().min(1).max(40),
  /** Total area in m², a point or a comma: «15.3», «15,30». */
  area: z.string().trim().min(1).max(20),
  /** The claimant's share: «1», «1/2», «1/3». */
  share: z.string().trim().min(1).max(25),
  titleKind: z.enum(TITLE_KINDS),
  titleNumber: z.string().trim().max(60).nullish(),
  titleDate: IsoDate.nullish(),
  /** Scans uploaded first with POST /api/v1/files: PDF, JPEG or PNG, the caller's own. */
  fileIds: z.array(z.uuid()).min(1).max(10),
});

export type CreateClaimInput = z.infer<typeof CreateClaimSchema>;

export const DecisionSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  /** Why, in words the owner reads in the notice. */
  reason: z.string().trim().min(2).max(2000),
});

export type DecisionInput = z.infer<typeof DecisionSchema>;

export const ClaimParamsSchema = z.object({ id: z.uuid() });

export const ClaimFileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });

export const QueueParamsSchema = z.object({ orgId: z.uuid() });

export const QueueQuerySchema = PageQuerySchema.extend({
  status: z.enum(CLAIM_STATUSES).default('conflict'),
});

export type QueueQuery = z.infer<typeof QueueQuerySchema>;

export const MineQuerySchema = PageQuerySchema;

const MismatchSchema = z.object({
  code: z.enum(MISMATCH_CODES),
  claimed: z.string().nullable(),
  found: z.string().nullable(),
});

const ClaimFileSchema = z.object({
  id: z.uuid(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});

export const ClaimSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(CLAIM_STATUSES),
    house: z.object({ id: z.uuid(), address: z.string() }),
    premiseNumber: z.string(),
    premiseKind: z.enum(PREMISE_KINDS),
    cadastralNumber: z.string(),
    area: z.string().describe('m², two decimals'),
    share: z.string().describe('«1/2», or «1» for the whole'),
    title: z.object({
      kind: z.enum(TITLE_KINDS),
      number: z.string().nullable(),
      date: IsoDate.nullable(),
    }),
    mismatches: z.array(MismatchSchema),
    files: z.array(ClaimFileSchema),
    routedOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    premiseId: z.uuid().nullable(),
    ownershipId: z.uuid().nullable(),
    decision: z.object({ reason: z.string().nullable(), decidedAt: z.iso.datetime() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PropertyClaim' });

export const RegistryFactsSchema = z.object({
  cadastralNumber: z.string(),
  address: z.string(),
  premiseNumber: z.string().nullable(),
  kind: z.enum(PREMISE_KINDS),
  area: z.string(),
  extractedOn: IsoDate.nullable(),
  rights: z.array(
    z.object({
      ownerKind: z.enum(['person', 'company', 'municipality']),
      ownerName: z.string(),
      share: z.string(),
      registrationNumber: z.string(),
      registeredOn: IsoDate,
    }),
  ),
});

export type RegistryFacts = z.infer<typeof RegistryFactsSchema>;

export const QueueItemSchema = ClaimSchema.extend({
  claimant: z.object({ displayName: z.string(), assuranceLevel: z.string() }),
  registry: RegistryFactsSchema.nullable().describe('What the registry said at reconciliation'),
}).meta({ id: 'PropertyClaimQueueItem' });

export const QueueSchema = z.object({
  organisationId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  conflicts: z.number().int(),
});
