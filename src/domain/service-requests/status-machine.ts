/**
 * The life of a request. A dispatcher accepts, assigns and rejects; an executor starts, waits for
 * the resident and completes; the resident reopens a completed request within the organisation's
 * reopening period when the problem is not fixed. Everything else is out of order and refused.
 */

export const STATUSES = [
  'new',
  'accepted',
  'in_progress',
  'waiting_resident',
  'done',
  'rejected',
  'reopened',
] as const;

export type Status = (typeof STATUSES)[number];

export const STATUS_ACTIONS = [
  'accept',
  'start',
  'wait',
  'resume',
  'complete',
  'reject',
  'reopen',
] as const;

export type StatusAction = (typeof STATUS_ACTIONS)[number];

/** Who may take an action: the organisation's dispatch, the assigned executor, the requester. */
export type Actor = 'dispatch' | 'executor' | 'requester';

const TRANSITIONS: Record<StatusAction, { from: readonly Status[]; to: Status; by: Actor[] }> = {
  accept: { from: ['new', 'reopened'], to: 'accepted', by: ['dispatch'] },
  start: {
    from: ['accepted', 'reopened'],
    to: 'in_progress',
    by: ['dispatch', 'executor'],
  },
  wait: {
    from: ['accepted', 'in_progress'],
    to: 'waiting_resident',
    by: ['dispatch', 'executor'],
  },
  resume: { from: ['waiting_resident'], to: 'in_progress', by: ['dispatch', 'executor'] },
  complete: { from: ['in_progress'], to: 'done', by: ['dispatch', 'executor'] },
  reject: {
    from: ['new', 'accepted', 'in_progress', 'waiting_resident', 'reopened'],
    to: 'rejected',
    by: ['dispatch'],
  },
  reopen: { from: ['done'], to: 'reopened', by: ['requester'] },
};

/** Statuses in which the organisation still owes work. */
export const OPEN_STATUSES: readonly Status[] = [
  'new',
  'accepted',
  'in_progress',
  'waiting_resident',
  'reopened',
];

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Actions that need a reason in words: a rejection, a wait for the resident, a reopening. */
export const REASON_REQUIRED: readonly StatusAction[] = ['reject', 'wait', 'reopen'];

export type TransitionResult =
  | { ok: true; to: Status }
  | { ok: false; reason: 'out_of_order' | 'not_yours' | 'reason_required' };

/** Decides one status change; pure, so both the service and the UI ask the same question. */
export function transition(
  from: Status,
  action: StatusAction,
  actor: Actor,
  reason?: string | null,
): TransitionResult {
  const rule = TRANSITIONS[action];

  if (!rule.by.includes(actor)) {
    return { ok: false, reason: 'not_yours' };
  }

  if (!rule.from.includes(from)) {
    return { ok: false, reason: 'out_of_order' };
  }

  if (REASON_REQUIRED.includes(action) && !reason?.trim()) {
    return { ok: false, reason: 'reason_required' };
  }

  return { ok: true, to: rule.to };
}

/** The actions an actor may take on a request in this status, for buttons and API hints. */
export function availableActions(from: Status, actor: Actor): StatusAction[] {
  return STATUS_ACTIONS.filter(
    (action) => TRANSITIONS[action].from.includes(from) && TRANSITIONS[action].by.includes(actor),
  );
}

/** Whether a completed request may still be reopened: within `days` of its completion. */
export function mayReopen(completedAt: Date | null, now: Date, days: number): boolean {
  if (!completedAt) {
    return false;
  }

  return now.getTime() - completedAt.getTime() <= days * 24 * 3600 * 1000;
}
