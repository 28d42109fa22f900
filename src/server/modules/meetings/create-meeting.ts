import { TZDate } from '@date-fns/tz';

import { decisionKindOn, editionOn } from '../../../domain/meetings/catalogue.js';
import { addDays, checkSchedule, type ScheduleProblem } from '../../../domain/meetings/schedule.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { authorize } from '../access/authorize.js';
import { findManagedHouse } from '../house-register/house-manager.js';
import { dateIn, meetingsClock } from './meetings.clock.js';
import { notifyAnnouncement } from './meeting-notices.js';
import type { CreateMeetingInput } from './meetings.schema.js';
import { findMeeting, insertMeeting, insertQuestions } from './meetings.repo.js';

type Acting = { user: SignedInUser | null; requestId: string };

/** The first instant of a calendar day in the house's time zone. */
export function startOfDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];

  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}

/**
 * Announces a meeting: checks who convenes it (the house's managing organisation, or an owner of
 * a premise in it), the dates against the notice period and the voting bounds, and each question
 * against the catalogue in force on the first day of voting; then stores it, sends the notice to
 * every owner on the platform and records the proof of sending. Nothing is stored on a refusal.
 */
export async function createMeeting(ctx: AppContext, acting: Acting, input: CreateMeetingInput) {
  if (!acting.user) {
    throw new AppError('unauthenticated');
  }

  const user = acting.user;
  const house = await findManagedHouse(ctx.db, input.houseId);

  if (!house) {
    throw new AppError('not_found', { detail: { ru: 'Дом не найден', en: 'No such house' } });
  }

  const initiator = await initiatorOf(ctx, user, house, input.organisationId ?? null);
  const now = meetingsClock.now();
  const noticeOn = dateIn(now, house.timeZone);
  const schedule = {
    form: input.form,
    noticeOn,
    votingStartsOn: input.votingStartsOn,
    votingEndsOn: input.votingEndsOn,
    paperUntilOn: input.paperUntilOn ?? null,
  };
  const problems = checkSchedule(schedule);

  if (problems.length > 0) {
    throw new AppError('meeting_schedule_invalid', {
      detail: describeProblems(problems),
      extra: { problems, noticeOn },
    });
  }

  const edition = editionOn(input.votingStartsOn);
  const questions = input.questions.map((q, index) => {
    const found = decisionKindOn(q.decisionKind, input.votingStartsOn);

    if (!found) {
      throw new AppError('decision_kind_unknown', {
        errors: [
          {
            field: `questions.${index}.decisionKind`,
            rule: 'catalogue',
            message: `${q.decisionKind} is not in the edition in force on ${input.votingStartsOn}`,
          },
        ],
      });
    }

    return {
      position: index + 1,
      title: q.title,
      proposal: q.proposal ?? null,
      decisionKind: found.kind.code,
      majority: found.kind.majority,
    };
  });
  const paperUntilOn = input.paperUntilOn ?? input.votingEndsOn;

  const id = await ctx.db.transaction(async (tx) => {
    const meetingId = await insertMeeting(tx, {
      houseId: house.id,
      form: input.form,
      kind: input.kind,
      title: input.title,
      place: input.place ?? null,
      materials: input.materials ?? null,
      initiatorOrganisationId: initiator.organisationId,
      initiatorPersonId: initiator.personId,
      administratorUserId: user.id,
      createdByUserId: user.id,
      noticeOn,
      votingStartsOn: input.votingStartsOn,
      votingEndsOn: input.votingEndsOn,
      paperUntilOn,
      opensAt: startOfDay(input.votingStartsOn, house.timeZone),
      closesAt: startOfDay(addDays(input.votingEndsOn, 1), house.timeZone),
      paperClosesAt: startOfDay(addDays(paperUntilOn, 1), house.timeZone),
      timeZone: house.timeZone,
      duplicateRule: input.duplicateRule,
      catalogueEdition: edition!.effectiveFrom,
    });

    await insertQuestions(tx, meetingId, questions);

    const meeting = (await findMeeting(tx, meetingId))!;
    const sent = await notifyAnnouncement(
      tx,
      meeting,
      questions.map((q) => q.title),
      now,
    );

    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'meeting.announced',
      objectType: 'meeting',
      objectId: meetingId,
      requestId: acting.requestId,
      after: { houseId: house.id, form: input.form, noticeOn, messages: sent },
    });

    return meetingId;
  });

  return id;
}

async function initiatorOf(
  ctx: AppContext,
  user: SignedInUser,
  house: { id: string; managerId: string | null },
  organisationId: string | null,
): Promise<{ organisationId: string | null; personId: string | null }> {
  if (organisationId) {
    await authorize(ctx, user, 'meetings.organise', { organisationId });

    if (house.managerId !== organisationId) {
      throw new AppError('meeting_initiator_invalid', {
        detail: {
          ru: 'Организация не управляет этим домом',
          en: 'The organisation does not manage this house',
        },
      });
    }

    return { organisationId, personId: null };
  }

  await authorize(ctx, user, 'meetings.vote');

  const [owns] = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ownerships o JOIN premises p ON p.id = o.premise_id
     WHERE p.house_id = $1 AND o.person_id = $2 AND o.ended_on IS NULL`,
    [house.id, user.personId],
  );

  if (!owns?.n) {
    throw new AppError('meeting_initiator_invalid', {
      detail: {
        ru: 'Созвать собрание может собственник помещения в этом доме',
        en: 'A meeting is convened by an owner of a premise in this house',
      },
    });
  }

  return { organisationId: null, personId: user.personId };
}

function describeProblems(problems: ScheduleProblem[]): { ru: string; en: string } {
  const ru: string[] = [];
  const en: string[] = [];

  for (const p of problems) {
    switch (p.code) {
      case 'date_format':
        ru.push(`Неверная дата в поле ${p.field}`);
        en.push(`Invalid date in ${p.field}`);
        break;
      case 'notice_too_late':
        ru.push(
          `Сообщение направляется не позднее чем за ${p.days} дней: голосование может начаться не раньше ${p.earliestStart}`,
        );
        en.push(
          `The notice goes out ${p.days} days ahead: voting may start on ${p.earliestStart} at the earliest`,
        );
        break;
      case 'voting_ends_before_start':
        ru.push('Голосование заканчивается раньше, чем начинается');
        en.push('Voting ends before it starts');
        break;
      case 'voting_too_short':
        ru.push(`Электронное голосование длится не меньше ${p.min} дней, а не ${p.days}`);
        en.push(`Electronic voting lasts at least ${p.min} days, not ${p.days}`);
        break;
      case 'voting_too_long':
        ru.push(`Электронное голосование длится не больше ${p.max} дней, а не ${p.days}`);
        en.push(`Electronic voting lasts at most ${p.max} days, not ${p.days}`);
        break;
      case 'in_person_one_day':
        ru.push('Очное собрание проводится в один день');
        en.push('An in-person meeting is held on one day');
        break;
      case 'paper_cutoff_outside_voting':
        ru.push('Срок приёма бумажных бюллетеней должен быть внутри периода голосования');
        en.push('The paper ballot cut-off must fall within the voting period');
        break;
    }
  }

  return { ru: ru.join('; '), en: en.join('; ') };
}
