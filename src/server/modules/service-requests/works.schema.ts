import { z } from 'zod';

import { CATEGORIES } from '../../../domain/service-requests/categories.js';

export const IncidentInputSchema = z.object({
  category: z.enum(CATEGORIES),
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().min(3).max(4000),
  /** The affected houses, managed by the organisation; their residents are told at once. */
  houseIds: z.array(z.uuid()).min(1).max(200),
  /** Open requests to link: they follow the incident and close with it. */
  requestIds: z.array(z.uuid()).max(500).default([]),
  expectedEndAt: z.iso.datetime({ offset: true }).nullish(),
});

export const IncidentResolveSchema = z.object({
  /** What was done, told to the residents and written into the linked requests. */
  note: z.string().trim().min(3).max(2000),
});

export const IncidentSchema = z.object({
  id: z.uuid(),
  category: z.enum(CATEGORIES),
  title: z.string(),
  description: z.string(),
  houses: z.array(z.object({ id: z.uuid(), address: z.string() })),
  requests: z.number().int(),
  startsAt: z.iso.datetime({ offset: true }),
  expectedEndAt: z.iso.datetime({ offset: true }).nullable(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
});

export const PLANNED_WORK_KINDS = ['maintenance', 'current_repair'] as const;

export const PlannedWorkInputSchema = z
  .object({
    houseId: z.uuid(),
    kind: z.enum(PLANNED_WORK_KINDS),
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(4000).default(''),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
  })
  .refine((w) => w.endsOn >= w.startsOn, { path: ['endsOn'], message: 'ends before it starts' });

export const PlannedWorkCompleteSchema = z.object({
  resultNote: z.string().trim().min(3).max(4000),
});

export const PlannedWorksQuerySchema = z.object({
  /** First day of the period shown, YYYY-MM-DD; today by default. */
  from: z.iso.date().optional(),
  /** Last day; 60 days after `from` by default, at most a year. */
  to: z.iso.date().optional(),
  houseId: z.uuid().optional(),
});

export const PlannedWorkSchema = z.object({
  id: z.uuid(),
  house: z.object({ id: z.uuid(), address: z.string() }),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  kind: z.enum(PLANNED_WORK_KINDS),
  title: z.string(),
  description: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  status: z.enum(['planned', 'done', 'cancelled']),
  notifiedAt: z.iso.datetime({ offset: true }).nullable(),
  completedAt: z.iso.datetime({ offset: true }).nullable(),
  resultNote: z.string().nullable(),
});

export const AnalyticsQuerySchema = z.object({
  /** Months back from the current one, 1 to 24; 6 by default. */
  months: z.coerce.number().int().min(1).max(24).default(6),
});

export const AnalyticsSchema = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  total: z.number().int(),
  byCategory: z.array(z.object({ category: z.string(), count: z.number().int() })),
  byHouse: z.array(z.object({ houseId: z.uuid(), address: z.string(), count: z.number().int() })),
  medianFirstResponseMinutes: z.number().nullable(),
  medianCompletionHours: z.number().nullable(),
  /** Completed requests whose every deadline was met, over all completed; null for none. */
  completedInTimeShare: z.number().nullable(),
  averageRating: z.number().nullable(),
  byMonth: z.array(
    z.object({
      month: z.string(),
      filed: z.number().int(),
      completed: z.number().int(),
      completedInTime: z.number().int(),
    }),
  ),
});
