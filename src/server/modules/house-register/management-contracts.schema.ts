import { z } from 'zod';

import { BusinessDate } from './house-register.schema.js';

export const ContractParamsSchema = z.object({ houseId: z.uuid(), id: z.uuid() });

export const ContractSchema = z.object({
  id: z.uuid(),
  houseId: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  number: z.string().nullable(),
  signedOn: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable().describe('The last day the contract is in force'),
  endedReason: z.string().nullable(),
  inForce: z.boolean().describe('Covers today in the house time zone'),
});

const Text = (max: number) => z.string().trim().min(1).max(max);

export const ContractBodySchema = z
  .object({
    /** The managing organisation the contract is with. */
    organisationId: z.uuid(),
    number: Text(100).optional(),
    signedOn: BusinessDate.optional(),
    startedOn: BusinessDate,
    /** For a fixed-term contract: its last day. */
    endedOn: BusinessDate.optional(),
  })
  .strict()
  .refine((b) => !b.endedOn || b.endedOn >= b.startedOn, {
    message: 'the contract cannot end before it starts',
    path: ['endedOn'],
  });

export const ContractEndBodySchema = z
  .object({
    endedOn: BusinessDate.describe('The last day the contract is in force'),
    reason: Text(500).describe('Expiry, the owners’ decision, a licence revoked…'),
  })
  .strict();

export const ContractListSchema = z.object({ items: z.array(ContractSchema) });

export type Contract = z.infer<typeof ContractSchema>;
export type ContractInput = z.infer<typeof ContractBodySchema>;
export type ContractEndInput = z.infer<typeof ContractEndBodySchema>;
