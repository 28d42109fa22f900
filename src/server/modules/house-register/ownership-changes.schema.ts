import { z } from 'zod';

import { OWNERSHIP_CHANGE_REASONS } from '../../../domain/premises/ownership-change.js';
import { BusinessDate } from './house-register.schema.js';

const NamePart = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^\p{L}[\p{L} '’.-]*$/u, 'letters, spaces, hyphens and apostrophes only');

export const NewPersonSchema = z
  .object({ surname: NamePart, name: NamePart, patronymic: NamePart.optional() })
  .strict();

const Text = (max: number) => z.string().trim().min(1).max(max);

export const NewRightSchema = z
  .object({
    /** An owner the platform knows… */
    personId: z.uuid().optional(),
    /** …a person new to it… */
    person: NewPersonSchema.optional(),
    /** …or an organisation (the municipality, a company). */
    organisationId: z.uuid().optional(),
    share: Text(30).describe('«1/2», «1» or «50%»; above zero and at most one'),
    titleDocument: Text(300).optional().describe('The title: «Договор купли-продажи от …»'),
    rightNumber: Text(100).optional().describe('The registry record of the right'),
    rightRegisteredOn: BusinessDate.optional(),
  })
  .strict()
  .refine(
    (r) => [r.personId, r.person, r.organisationId].filter((v) => v !== undefined).length === 1,
    { message: 'give exactly one of personId, person or organisationId', path: ['personId'] },
  );

export const OwnershipChangeBodySchema = z
  .object({
    reason: z.enum(OWNERSHIP_CHANGE_REASONS),
    /** The registration date of the change: rights end and start on it. */
    date: BusinessDate,
    /** Live rights of the premise that end. */
    ending: z.array(z.uuid()).max(100).default([]),
    starting: z.array(NewRightSchema).max(100).default([]),
    /** Close the open accounts of owners who own nothing in the premise afterwards. */
    closeAccounts: z.boolean().default(false),
    /** Indexes into `starting`: open an account for each of these new owners. */
    openAccountFor: z.array(z.int().min(0).max(99)).max(100).default([]),
  })
  .strict();

export const OwnershipChangeResultSchema = z.object({
  ended: z.array(z.uuid()),
  started: z.array(z.uuid()),
  accountsClosed: z.array(z.uuid()),
  accountsOpened: z.array(z.uuid()),
});

export type NewRight = z.infer<typeof NewRightSchema>;
export type OwnershipChangeInput = z.infer<typeof OwnershipChangeBodySchema>;
