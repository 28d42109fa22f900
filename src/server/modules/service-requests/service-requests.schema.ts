import { z } from 'zod';

import {
  BLOCKAGES,
  CATEGORIES,
  LOCATIONS,
  PRIORITIES,
  REQUEST_KINDS,
} from '../../../domain/service-requests/categories.js';
import { DEADLINE_KINDS } from '../../../domain/service-requests/deadlines.js';
import { EMERGENCY_REASONS } from '../../../domain/service-requests/emergency.js';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '../../../domain/service-requests/intake.js';
import { STATUS_ACTIONS, STATUSES } from '../../../domain/service-requests/status-machine.js';
import { PageQuerySchema } from '../../platform/http/pagination.js';

const Text = z.object({ ru: z.string(), en: z.string() });

export const CreateRequestSchema = z.object({
  /** The house, picked from the person's premises or from the directory for a common area. */
  houseId: z.uuid(),
  /** The premise the request is about; required for `premise`, absent for `common_area`. */
  premiseId: z.uuid().nullish(),
  location: z.enum(LOCATIONS),
  category: z.enum(CATEGORIES),
  kind: z.enum(REQUEST_KINDS).default('repair'),
  /** What happened, in the resident's words: 10 to 4000 characters. */
  description: z.string().trim().min(DESCRIPTION_MIN).max(DESCRIPTION_MAX),
  /** The assistant's answers by question id; replayed on the server, never trusted as priority. */
  answers: z.record(z.string().max(60), z.string().max(60)).default({}),
  /** Photos uploaded first with POST /api/v1/service-requests/photos. */
  photoIds: z.array(z.uuid()).max(6).default([]),
  /** When a visit suits the resident, in their words: «будни после 18:00». */
  preferredVisit: z.string().trim().max(200).nullish(),
  /** A phone for the executor: +7 and ten digits, spaces and dashes allowed. */
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s()-]{7,20}$/, 'a phone number such as +7 900 000-00-00')
    .nullish(),
});

export type CreateRequestInput = z.infer<typeof CreateRequestSchema>;

export const IdParamsSchema = z.object({ id: z.uuid() });
export const OrgParamsSchema = z.object({ orgId: z.uuid() });
export const OrgItemParamsSchema = z.object({ orgId: z.uuid(), id: z.uuid() });
export const PhotoParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });
export const CategoryParamsSchema = z.object({ category: z.enum(CATEGORIES) });
export const OrgCategoryParamsSchema = z.object({ orgId: z.uuid(), category: z.enum(CATEGORIES) });

export const AssistantQuerySchema = z.object({ houseId: z.uuid() });
export const SimilarQuerySchema = z.object({ houseId: z.uuid(), category: z.enum(CATEGORIES) });

export const StatusChangeSchema = z.object({
  action: z.enum(STATUS_ACTIONS),
  /** Required to reject, to wait for the resident and to reopen. */
  reason: z.string().trim().max(2000).nullish(),
});

export type StatusChangeInput = z.infer<typeof StatusChangeSchema>;

export const AssignmentSchema = z.object({ executorUserId: z.uuid() });

export const CommentInputSchema = z.object({
  body: z.string().trim().min(1).max(4000),
  /** `internal` is for the organisation only; residents can write public comments only. */
  visibility: z.enum(['public', 'internal']).default('public'),
});

export const RatingInputSchema = z.object({
  rating: z.number().int().min(1).max(5),
  feedback: z.string().trim().max(2000).nullish(),
});

export const QueueQuerySchema = PageQuerySchema.extend({
  status: z.enum([...STATUSES, 'open', 'all']).default('open'),
  houseId: z.uuid().optional(),
  category: z.enum(CATEGORIES).optional(),
  /** Only requests with a deadline already passed. */
  overdue: z.stringbool().optional(),
  /** Only the requests assigned to the caller: the executor's list. */
  mine: z.stringbool().optional(),
});

export type QueueQuery = z.infer<typeof QueueQuerySchema>;

const DeadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  dueAt: z.iso.datetime({ offset: true }),
  ruleId: z.string(),
  rule: z.string().describe('The rule in words, Russian'),
  metAt: z.iso.datetime({ offset: true }).nullable(),
  overdue: z.boolean(),
  remainingMs: z.number().describe('Negative once overdue; as of the answer'),
});

const Person = z.object({ id: z.uuid(), displayName: z.string() });

export const RequestSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    house: z.object({ id: z.uuid(), address: z.string(), timeZone: z.string() }),
    premise: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    location: z.enum(LOCATIONS),
    category: z.enum(CATEGORIES),
    kind: z.enum(REQUEST_KINDS),
    priority: z.enum(PRIORITIES),
    blockage: z.enum(BLOCKAGES).nullable(),
    emergencyReasons: z.array(z.enum(EMERGENCY_REASONS)),
    emergencyInstructions: z.array(Text),
    description: z.string(),
    transcript: z.array(z.object({ question: Text, answer: Text })),
    preferredVisit: z.string().nullable(),
    contactPhone: z.string().nullable().describe('Shown to the organisation and the requester'),
    status: z.enum(STATUSES),
    requester: Person.nullable().describe('Shown to the organisation only'),
    executor: Person.nullable(),
    incident: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    deadlines: z.array(DeadlineSchema),
    overdue: z.boolean(),
    escalatedAt: z.iso.datetime({ offset: true }).nullable(),
    photos: z.array(z.object({ id: z.uuid(), width: z.number(), height: z.number() })),
    rating: z.number().int().nullable(),
    feedback: z.string().nullable(),
    rejectionReason: z.string().nullable(),
    completedAt: z.iso.datetime({ offset: true }).nullable(),
    followers: z.number().int(),
    /** What the caller may do now: status actions, plus assign, comment, rate, join. */
    actions: z.array(z.string()),
    viewer: z.enum(['requester', 'follower', 'dispatch', 'executor']),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ServiceRequest' });

export const CreatedRequestSchema = RequestSchema.extend({
  selfHelp: z.array(Text).describe('Suggestions the assistant made along the dialogue'),
});

export const SimilarSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  category: z.enum(CATEGORIES),
  status: z.enum(STATUSES),
  description: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  followers: z.number().int(),
  joined: z.boolean(),
});

export const EventSchema = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const CommentSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  visibility: z.enum(['public', 'internal']),
  author: z.string(),
  fromOrganisation: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const RequestDetailSchema = RequestSchema.extend({
  events: z.array(EventSchema),
  comments: z.array(CommentSchema),
});

export const PhotoSchema = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  sizeBytes: z.number().int(),
  mimeType: z.string(),
  converted: z.boolean(),
});

const OptionSchema = z.object({
  id: z.string().trim().min(1).max(60),
  label: z.object({ ru: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
  emergency: z.enum(EMERGENCY_REASONS).optional(),
  blockage: z.enum(BLOCKAGES).optional(),
  frost: z.boolean().optional(),
  selfHelp: z
    .object({ ru: z.string().trim().min(1).max(1000), en: z.string().trim().min(1).max(1000) })
    .optional(),
  next: z.string().trim().min(1).max(60).optional(),
});

export const ScriptBodySchema = z.object({
  intro: z.object({ ru: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) }),
  questions: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(60),
        text: z.object({
          ru: z.string().trim().min(1).max(300),
          en: z.string().trim().min(1).max(300),
        }),
        options: z.array(OptionSchema).min(1).max(12),
      }),
    )
    .max(20),
});

export type ScriptBody = z.infer<typeof ScriptBodySchema>;

export const ScriptSchema = ScriptBodySchema.extend({
  category: z.enum(CATEGORIES),
  custom: z.boolean().describe("false: the platform's default dialogue"),
  emergencyInstructions: z.record(z.string(), Text),
});

export const SettingsSchema = z.object({
  /** The organisation's repair term for ordinary requests, `P5D` or `PT48H`, at most `P45D`. */
  repairTerm: z.string().trim().max(10).nullable(),
  /** The head of dispatch, who receives escalations; null: the organisation's admins. */
  escalationUserId: z.uuid().nullable(),
});

export const WaiverSchema = z.object({
  personId: z.uuid(),
  /** Last day the limit is lifted, YYYY-MM-DD. */
  until: z.iso.date(),
});

export const SweepSchema = z.object({ reminded: z.number().int(), escalated: z.number().int() });

export const ExecutorSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  roles: z.array(z.string()),
  openRequests: z.number().int(),
});
