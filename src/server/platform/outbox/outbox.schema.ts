import { z } from 'zod';

export const CHANNELS = ['email', 'sms', 'in_app'] as const;

export type Channel = (typeof CHANNELS)[number];

export const MESSAGE_STATUSES = ['pending', 'sent', 'failed'] as const;

export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

// One line only: a subject ends up in a mail header, where a line break would start a new header.
const Subject = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^[^\r\n]*$/, 'must be a single line');

const Metadata = z.record(z.string(), z.unknown());

/** A message to enqueue; the recipient's form depends on the channel. */
export const NewMessageSchema = z.discriminatedUnion('channel', [
  z.object({
    channel: z.literal('email'),
    /** One mailbox, never a list. */
    recipient: z.email(),
    subject: Subject.optional(),
    body: z.string().min(1).max(100_000),
    metadata: Metadata.optional(),
  }),
  z.object({
    channel: z.literal('sms'),
    /** E.164: `+` and 8 to 15 digits, e.g. +79001234567. */
    recipient: z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be a phone number like +79001234567'),
    subject: Subject.optional(),
    body: z.string().min(1).max(1000),
    metadata: Metadata.optional(),
  }),
  z.object({
    channel: z.literal('in_app'),
    /** The receiving user's id. */
    recipient: z.uuid(),
    subject: Subject.optional(),
    body: z.string().min(1).max(10_000),
    metadata: Metadata.optional(),
  }),
]);

export type NewMessage = z.input<typeof NewMessageSchema>;

/** A message as stored. */
export type OutboxMessage = {
  id: string;
  /** Insertion order, for sorting where timestamps tie. */
  seq: number;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  metadata: Record<string, unknown> | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
};

export const ListMessagesQuerySchema = z.object({
  channel: z.enum(CHANNELS).optional(),
  /** Exact recipient (e-mail compared without regard to case). */
  recipient: z.string().trim().min(1).max(320).optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  page: z.number().int().min(1).default(1),
  limit: z.number().int().min(1).max(1000).default(20),
});

export type ListMessagesQuery = z.input<typeof ListMessagesQuerySchema>;
