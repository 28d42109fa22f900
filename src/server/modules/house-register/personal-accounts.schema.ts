import { z } from 'zod';

import { PageQuerySchema } from '../../platform/http/pagination.js';
import { BusinessDate } from './house-register.schema.js';

export const AccountRefParamsSchema = z.object({
  id: z.string().trim().min(1).max(64).describe('The account id, or its ЕЛС (66AB123456)'),
});

export const AccountsQuerySchema = PageQuerySchema.extend({
  /** An ЕЛС, part of the address, a premise number or part of the payer's name. */
  q: z.string().trim().max(200).optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  houseId: z.uuid().optional(),
});

export const PayerSchema = z.object({
  kind: z.enum(['person', 'organisation']),
  personId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  name: z.string(),
});

export const AccountSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('ЕЛС: two digits, two letters, six digits'),
  localNumber: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  premise: z.object({
    id: z.uuid(),
    number: z.string(),
    kind: z.string(),
    houseId: z.uuid(),
    houseAddress: z.string(),
  }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  payer: PayerSchema,
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
});

export const AccountDetailSchema = AccountSchema.extend({
  history: z
    .array(z.object({ at: z.iso.datetime(), action: z.string(), actorName: z.string().nullable() }))
    .describe('Journal entries of the account, oldest first'),
  premiseAccounts: z.array(AccountSchema).describe('Every account of the premise, latest first'),
});

const Text = (max: number) => z.string().trim().min(1).max(max);

export const OpenAccountBodySchema = z
  .object({
    premiseId: z.uuid(),
    /** The payer: a person who owns or lives in the premise… */
    payerPersonId: z.uuid().optional(),
    /** …or an organisation that owns it (the municipality for its flats). */
    payerOrganisationId: z.uuid().optional(),
    openedOn: BusinessDate,
    /** The organisation's own number from its old bills, kept beside the ЕЛС. */
    localNumber: Text(40).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.payerPersonId) !== Boolean(b.payerOrganisationId), {
    message: 'give exactly one of payerPersonId or payerOrganisationId',
    path: ['payerPersonId'],
  });

export const CloseAccountBodySchema = z
  .object({ closedOn: BusinessDate, reason: Text(500) })
  .strict();

export type Account = z.infer<typeof AccountSchema>;
export type AccountsQuery = z.infer<typeof AccountsQuerySchema>;
export type OpenAccountInput = z.infer<typeof OpenAccountBodySchema>;
export type CloseAccountInput = z.infer<typeof CloseAccountBodySchema>;
