import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import { findManagedHouse } from '../house-register/house-manager.js';
import { meetingsClock } from './meetings.clock.js';
import type { CreatePollInput } from './polls.schema.js';

type Acting = { user: SignedInUser | null; requestId: string };

type PollRow = {
  id: string;
  houseId: string;
  houseAddress: string;
  question: string;
  options: string[];
  anonymous: boolean;
  closesAt: Date;
  organisationId: string | null;
};

const notFound = () =>
  new AppError('not_found', { detail: { ru: 'Опрос не найден', en: 'No such poll' } });

/** Ownerships of the house the user answers for: their own, or their organisation's. */
async function ownershipsOf(ctx: AppContext, user: SignedInUser, houseId: string) {
  return ctx.db.query<{ id: string }>(
    `SELECT o.id FROM ownerships o JOIN premises p ON p.id = o.premise_id
     WHERE p.house_id = $1 AND o.ended_on IS NULL AND (o.person_id = $2
       OR o.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $3))
     ORDER BY o.id`,
    [houseId, user.personId, user.id],
  );
}

/** A non-binding poll of a house's owners, by its managing organisation (or owners' council). */
export async function createPoll(ctx: AppContext, acting: Acting, input: CreatePollInput) {
  const house = await findManagedHouse(ctx.db, input.houseId);

  if (!house) {
    throw new AppError('not_found', { detail: { ru: 'Дом не найден', en: 'No such house' } });
  }

  await authorize(ctx, acting.user, 'polls.manage', { organisationId: input.organisationId });

  if (house.managerId !== input.organisationId) {
    throw new AppError('forbidden');
  }

  const errors = pollShapeErrors(input, meetingsClock.now());

  if (errors.length > 0) {
    throw new AppError('validation_failed', { errors });
  }

  const [row] = await ctx.db.query<{ id: string }>(
    `INSERT INTO polls (house_id, organisation_id, created_by_user_id, question, options, anonymous,
       closes_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
    [
      house.id,
      input.organisationId,
      acting.user!.id,
      input.question,
      JSON.stringify(input.options),
      input.anonymous,
      new Date(input.closesAt),
    ],
  );

  await recordAudit(ctx.db, {
    actorUserId: acting.user!.id,
    action: 'poll.created',
    objectType: 'poll',
    objectId: row!.id,
    requestId: acting.requestId,
  });

  return getPoll(ctx, acting, row!.id);
}

async function findPoll(ctx: AppContext, id: string) {
  const [poll] = await ctx.db.query<PollRow>(
    `SELECT p.id, p.house_id AS "houseId", h.address AS "houseAddress", p.question, p.options,
       p.anonymous, p.closes_at AS "closesAt", p.organisation_id AS "organisationId"
     FROM polls p JOIN houses h ON h.id = p.house_id WHERE p.id = $1`,
    [id],
  );

  return poll;
}

/**
 * A poll with its counts per option (never who answered what when anonymous), and which of the
 * caller's ownerships have answered. Owners of the house and the organisation's staff see it.
 */
export async function getPoll(ctx: AppContext, acting: Acting, id: string) {
  if (!acting.user) {
    throw new AppError('unauthenticated');
  }

  const poll = await findPoll(ctx, id);

  if (!poll) {
    throw notFound();
  }

  const mine = await ownershipsOf(ctx, acting.user, poll.houseId);
  const staff =
    poll.organisationId !== null &&
    (await authorize(ctx, acting.user, 'meetings.read_org', {
      organisationId: poll.organisationId,
    }).then(
      () => true,
      () => false,
    ));

  if (mine.length === 0 && !staff) {
    throw notFound();
  }

  const counts = await ctx.db.query<{ option: number; n: number }>(
    'SELECT option, count(*)::int AS n FROM poll_votes WHERE poll_id = $1 GROUP BY option',
    [id],
  );
  const answered = await ctx.db.query<{ ownershipId: string }>(
    `SELECT ownership_id AS "ownershipId" FROM poll_votes
     WHERE poll_id = $1 AND ownership_id = ANY($2::uuid[])`,
    [id, mine.map((m) => m.id)],
  );

  return {
    id: poll.id,
    houseId: poll.houseId,
    houseAddress: poll.houseAddress,
    question: poll.question,
    options: poll.options.map((text, index) => ({
      index,
      text,
      votes: counts.find((c) => c.option === index)?.n ?? 0,
    })),
    anonymous: poll.anonymous,
    closesAt: new Date(poll.closesAt).toISOString(),
    open: meetingsClock.now() < new Date(poll.closesAt),
    myOwnerships: mine.length,
    myAnswered: answered.length,
  };
}

/** The polls of the houses the caller owns in. */
export async function listMyPolls(ctx: AppContext, acting: Acting) {
  if (!acting.user) {
    throw new AppError('unauthenticated');
  }

  const rows = await ctx.db.query<{ id: string }>(
    `SELECT DISTINCT pl.id, pl.created_at FROM polls pl JOIN premises p ON p.house_id = pl.house_id
     JOIN ownerships o ON o.premise_id = p.id AND o.ended_on IS NULL
     WHERE o.person_id = $1
       OR o.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $2)
     ORDER BY pl.created_at DESC LIMIT 100`,
    [acting.user.personId, acting.user.id],
  );

  return Promise.all(rows.map((r) => getPoll(ctx, acting, r.id)));
}

/** Answers a poll once for every ownership of the caller that has not answered yet. */
export async function answerPoll(ctx: AppContext, acting: Acting, id: string, option: number) {
  const poll = await getPoll(ctx, acting, id);

  if (!poll.open) {
    throw new AppError('poll_closed');
  }

  if (!poll.options.some((o) => o.index === option)) {
    throw new AppError('poll_option_invalid');
  }

  const mine = await ownershipsOf(ctx, acting.user!, poll.houseId);

  if (mine.length === 0) {
    throw new AppError('poll_not_entitled');
  }

  const inserted = await ctx.db.transaction(async (tx) => {
    let n = 0;

    for (const ownership of mine) {
      const rows = await tx.query(
        `INSERT INTO poll_votes (poll_id, ownership_id, user_id, option) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING poll_id`,
        [id, ownership.id, acting.user!.id, option],
      );

      n += rows.length;
    }

    return n;
  });

  if (inserted === 0) {
    throw new AppError('poll_already_voted');
  }

  return getPoll(ctx, acting, id);
}

/** The polls an organisation runs, newest first, with their counts. */
export async function listOrganisationPolls(ctx: AppContext, acting: Acting, orgId: string) {
  await authorize(ctx, acting.user, 'meetings.read_org', { organisationId: orgId });

  const rows = await ctx.db.query<{ id: string }>(
    'SELECT id FROM polls WHERE organisation_id = $1 ORDER BY created_at DESC LIMIT 100',
    [orgId],
  );

  return Promise.all(rows.map((r) => getPoll(ctx, acting, r.id)));
}

/** Two options with one text cannot be told apart in the results; a poll must close later. */
function pollShapeErrors(input: CreatePollInput, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();

  input.options.forEach((option, index) => {
    const key = option.toLocaleLowerCase('ru').replace(/\s+/g, ' ');

    if (seen.has(key)) {
      errors.push({
        field: `body.options.${index}`,
        rule: 'duplicate',
        message: 'repeats an earlier option',
      });
    }

    seen.add(key);
  });

  if (new Date(input.closesAt) <= now) {
    errors.push({
      field: 'body.closesAt',
      rule: 'in_future',
      message: 'must be later than now',
    });
  }

  return errors;
}
