import { z } from 'zod';

export const CreatePollSchema = z.object({
  houseId: z.uuid(),
  /** The house's managing organisation, which runs the poll. */
  organisationId: z.uuid(),
  question: z.string().trim().min(3).max(500),
  options: z.array(z.string().trim().min(1).max(200)).min(2).max(10),
  /** Results show counts only, never who answered what (the default). */
  anonymous: z.boolean().default(true),
  closesAt: z.iso.datetime({ offset: true }),
});

export type CreatePollInput = z.infer<typeof CreatePollSchema>;

export const PollParamsSchema = z.object({ id: z.uuid() });

export const PollAnswerSchema = z.object({ option: z.number().int().min(0).max(9) });

export const PollSchema = z.object({
  id: z.uuid(),
  houseId: z.uuid(),
  houseAddress: z.string(),
  question: z.string(),
  options: z.array(
    z.object({ index: z.number().int(), text: z.string(), votes: z.number().int() }),
  ),
  anonymous: z.boolean(),
  closesAt: z.string(),
  open: z.boolean(),
  myOwnerships: z.number().int(),
  myAnswered: z.number().int(),
});
