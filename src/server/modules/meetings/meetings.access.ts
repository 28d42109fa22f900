import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import { advanceMeeting } from './meeting-lifecycle.js';
import type { MeetingRow } from './meetings.repo.js';

export type MeetingRights = {
  /** The administrator, or an admin of the convening or managing organisation. */
  administer: boolean;
  /** Staff of the managing organisation, or the housing inspection. */
  staff: boolean;
  /** An owner of the house (today or in the frozen register), their representative, or a member
   * of an organisation owning a premise there. */
  owner: boolean;
};

export const meetingNotFound = () =>
  new AppError('not_found', { detail: { ru: 'Собрание не найдено', en: 'No such meeting' } });

const allowed = (promise: Promise<unknown>) =>
  promise.then(
    () => true,
    (error: unknown) => {
      if (error instanceof AppError && ['forbidden', 'not_found'].includes(error.code)) {
        return false;
      }

      throw error;
    },
  );

export async function rightsOn(
  ctx: AppContext,
  user: SignedInUser,
  meeting: MeetingRow,
): Promise<MeetingRights> {
  const organisationId = meeting.initiatorOrganisationId ?? meeting.managerId;
  const administer =
    meeting.administratorUserId === user.id ||
    (organisationId !== null &&
      (await allowed(authorize(ctx, user, 'meetings.organise', { organisationId }))));
  const staff =
    administer ||
    (meeting.managerId !== null &&
      (await allowed(
        authorize(ctx, user, 'meetings.read_org', { organisationId: meeting.managerId }),
      ))) ||
    (await allowed(authorize(ctx, user, 'meetings.inspect')));
  const [owner] = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM ownerships o JOIN premises p ON p.id = o.premise_id
       WHERE p.house_id = $1 AND o.ended_on IS NULL AND (o.person_id = $3
         OR o.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $2))
       UNION ALL
       SELECT 1 FROM meeting_register_entries e WHERE e.meeting_id = $4 AND (e.owner_person_id = $3
         OR e.owner_organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $2))
       UNION ALL
       SELECT 1 FROM powers_of_attorney poa JOIN premises p ON p.id = poa.premise_id
       WHERE p.house_id = $1 AND poa.representative_user_id = $2 AND poa.revoked_at IS NULL
     ) x`,
    [meeting.houseId, user.id, user.personId, meeting.id],
  );

  return { administer, staff, owner: (owner?.n ?? 0) > 0 };
}

/**
 * The meeting brought up to date with the clock, with the caller's rights on it. Someone with no
 * relation to the house gets `not_found`, as if the meeting did not exist.
 */
export async function meetingFor(
  ctx: AppContext,
  user: SignedInUser | null,
  id: string,
): Promise<{ meeting: MeetingRow; rights: MeetingRights; user: SignedInUser }> {
  if (!user) {
    throw new AppError('unauthenticated');
  }

  const meeting = await ctx.db.transaction((tx) => advanceMeeting(tx, id));

  if (!meeting) {
    throw meetingNotFound();
  }

  const rights = await rightsOn(ctx, user, meeting);

  if (!rights.administer && !rights.staff && !rights.owner) {
    throw meetingNotFound();
  }

  return { meeting, rights, user };
}

/** As `meetingFor`, for what only the administrator does; others with a view get `forbidden`. */
export async function meetingToAdminister(ctx: AppContext, user: SignedInUser | null, id: string) {
  const found = await meetingFor(ctx, user, id);

  if (!found.rights.administer) {
    throw new AppError('forbidden');
  }

  return found;
}
