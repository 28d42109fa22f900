import { DEADLINE_RULES, type DeadlineRuleId } from '../../../domain/service-requests/deadlines.js';
import {
  EMERGENCY_INSTRUCTIONS,
  type EmergencyReason,
} from '../../../domain/service-requests/emergency.js';
import { availableActions, type Status } from '../../../domain/service-requests/status-machine.js';
import type { DeadlineRow, RequestRow } from './service-requests.repo.js';

export type Viewer = 'requester' | 'follower' | 'dispatch' | 'executor';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** What a viewer may do now, beyond reading: the UI shows exactly these buttons. */
export function actionsFor(row: RequestRow, viewer: Viewer, extra: { mayReopen: boolean }) {
  const status = row.status as Status;

  if (viewer === 'dispatch') {
    const actions: string[] = availableActions(status, 'dispatch');

    return [
      ...actions,
      ...(row.status === 'done' || row.status === 'rejected' ? [] : ['assign']),
      'comment',
      'comment_internal',
    ];
  }

  if (viewer === 'executor') {
    return [...availableActions(status, 'executor'), 'comment', 'comment_internal'];
  }

  if (viewer === 'requester') {
    return [
      ...(extra.mayReopen ? availableActions(status, 'requester') : []),
      ...(row.status === 'done' && row.rating === null ? ['rate'] : []),
      'comment',
    ];
  }

  return ['comment'];
}

/**
 * A request as its viewer sees it: the organisation sees the requester's name; residents see
 * the executor and the deadlines, never internal notes (they are left out by the repo).
 */
export function presentRequest(
  row: RequestRow,
  context: {
    viewer: Viewer;
    deadlines: DeadlineRow[];
    photos: { requestId: string; id: string; width: number; height: number }[];
    now: Date;
    mayReopen: boolean;
  },
) {
  const deadlines = context.deadlines
    .filter((d) => d.requestId === row.id)
    .map((d) => {
      const due = new Date(d.dueAt);
      const overdue = !d.metAt && due.getTime() < context.now.getTime();

      return {
        kind: d.kind as 'response' | 'localisation' | 'resolution',
        dueAt: due.toISOString(),
        ruleId: d.ruleId,
        rule: DEADLINE_RULES[d.ruleId as DeadlineRuleId]?.ru ?? d.ruleId,
        metAt: iso(d.metAt),
        overdue,
        remainingMs: due.getTime() - context.now.getTime(),
      };
    });
  const organisationSide = context.viewer === 'dispatch' || context.viewer === 'executor';
  const reasons = row.emergencyReasons as EmergencyReason[];

  return {
    id: row.id,
    number: row.number,
    organisation: { id: row.organisationId, name: row.organisationName },
    house: { id: row.houseId, address: row.houseAddress, timeZone: row.timeZone },
    premise: row.premiseId ? { id: row.premiseId, number: row.premiseNumber ?? '' } : null,
    location: row.location,
    category: row.category as never,
    kind: row.kind as never,
    priority: row.priority as never,
    blockage: row.blockage as never,
    emergencyReasons: reasons,
    emergencyInstructions: reasons.map((reason) => EMERGENCY_INSTRUCTIONS[reason]),
    description: row.description,
    transcript: row.assistantTranscript,
    preferredVisit: row.preferredVisit,
    contactPhone: organisationSide || context.viewer === 'requester' ? row.contactPhone : null,
    status: row.status as never,
    requester: organisationSide
      ? { id: row.requesterPersonId, displayName: row.requesterName }
      : null,
    executor: row.executorUserId
      ? { id: row.executorUserId, displayName: row.executorName ?? '' }
      : null,
    incident: row.incidentId ? { id: row.incidentId, title: row.incidentTitle ?? '' } : null,
    deadlines,
    overdue: deadlines.some((d) => d.overdue),
    escalatedAt: iso(row.escalatedAt),
    photos: context.photos
      .filter((p) => p.requestId === row.id)
      .map((p) => ({ id: p.id, width: p.width, height: p.height })),
    rating: row.rating,
    feedback: row.feedback,
    rejectionReason: row.rejectionReason,
    completedAt: iso(row.completedAt),
    followers: row.followers,
    actions: actionsFor(row, context.viewer, { mayReopen: context.mayReopen }),
    viewer: context.viewer,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
