import {
  checkOwnershipChange,
  type ChangeProblem,
} from '../../../domain/premises/ownership-change.js';
import { formatShare } from '../../../domain/shares/fraction.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { actor, type Acting } from './acting.js';
import {
  authorizeOnHouse,
  lockPremise,
  requirePremise,
  type ManagedHouse,
} from './house-manager.js';
import { premiseCard } from './house-register.service.js';
import {
  closeAccountsOfFormerOwners,
  endRights,
  existingIds,
  findLiveRights,
  insertPersons,
  insertRights,
  type LiveRightRow,
  type NewRightRow,
} from './ownership-changes.repo.js';
import type { OwnershipChangeInput } from './ownership-changes.schema.js';
import { openAccountIn } from './personal-accounts.service.js';

const SHARE_RULES = new Set(['format', 'zero', 'above_one', 'too_large']);

/** One problem type per kind of fault, every field named: shares, the whole, or the rest. */
function changeRefused(problems: ChangeProblem[]): AppError {
  const errors: FieldError[] = problems.map((p) => ({ ...p, field: `body.${p.field}` }));

  if (problems.some((p) => SHARE_RULES.has(p.rule))) {
    return new AppError('share_invalid', { errors });
  }

  if (problems.every((p) => p.rule === 'exceeds_whole')) {
    return new AppError('shares_exceed_whole', { errors });
  }

  return new AppError('validation_failed', { errors });
}

/**
 * A change of owner of a premise, in one transaction: the ending rights get their end date and
 * reason (the history stays), new owners are created when the platform does not know them yet,
 * the new rights start, and accounts are closed and opened as asked. Any refusal stores nothing.
 */
export async function changeOwnership(
  ctx: AppContext,
  acting: Acting,
  premiseId: string,
  input: OwnershipChangeInput,
) {
  const premise = await requirePremise(ctx.db, premiseId);
  const auth = await authorizeOnHouse(ctx, acting.user, 'ownership.change', premise.house);
  const me = actor(acting);

  const result = await ctx.db.transaction(async (tx) => {
    await lockPremise(tx, premiseId);

    const live = await findLiveRights(tx, premiseId);
    const check = checkOwnershipChange({
      reason: input.reason,
      date: input.date,
      live: live.map((r) => ({
        id: r.id,
        share: { numerator: r.n, denominator: r.d },
        startedOn: r.startedOn,
      })),
      ending: input.ending,
      starting: input.starting.map((right) => ({
        share: right.share,
        holder: right.personId ?? right.organisationId,
      })),
      today: premise.house.today,
    });
    const problems = [
      ...(check.ok ? [] : check.problems),
      ...(await referenceProblems(tx, input, premise.house)),
    ];

    if (!check.ok || problems.length > 0) {
      throw changeRefused(problems);
    }

    const newPeople = input.starting.flatMap((r) => (r.person ? [r.person] : []));
    const personIds = await insertPersons(tx, newPeople);
    let nextNew = 0;
    const rights: NewRightRow[] = input.starting.map((r, i) => ({
      personId: r.person ? personIds[nextNew++]! : (r.personId ?? null),
      organisationId: r.organisationId ?? null,
      share: check.plan.shares[i]!,
      titleDocument: r.titleDocument ?? null,
      rightNumber: r.rightNumber ?? null,
      rightRegisteredOn: r.rightRegisteredOn ?? null,
    }));

    await endRights(tx, input.ending, input.date, input.reason);

    const started = await insertRights(tx, premiseId, input.date, rights);
    const ended = live.filter((r) => input.ending.includes(r.id));
    const accountsClosed = input.closeAccounts
      ? await closeAccountsOfFormerOwners(
          tx,
          premiseId,
          holdersOf(ended),
          input.date,
          `ownership_change.${input.reason}`,
        )
      : [];
    const accountsOpened: string[] = [];

    for (const index of [...new Set(input.openAccountFor)]) {
      const right = rights[index]!;

      accountsOpened.push(
        await openAccountIn(tx, {
          premiseId,
          organisationId: premise.house.managerId!,
          payerPersonId: right.personId,
          payerOrganisationId: right.organisationId,
          openedOn: input.date,
          localNumber: null,
        }),
      );
    }

    const change = { ended: input.ending, started, accountsClosed, accountsOpened };

    await journal(tx, {
      me: me.id,
      onBehalfOf: auth.onBehalfOfPersonId,
      requestId: acting.requestId,
      premiseId,
      input,
      live,
      rights,
      change,
    });

    return change;
  });

  return { change: result, card: await premiseCard(ctx.db, premiseId, premise.house) };
}

function holdersOf(rights: LiveRightRow[]) {
  return {
    personIds: rights.flatMap((r) => (r.personId ? [r.personId] : [])),
    organisationIds: rights.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
  };
}

/** Owners that must exist, accounts that can be opened, dates that cannot be in the future. */
async function referenceProblems(
  db: Queryable,
  input: OwnershipChangeInput,
  house: ManagedHouse,
): Promise<ChangeProblem[]> {
  const problems: ChangeProblem[] = [];
  const persons = await existingIds(
    db,
    'persons',
    input.starting.flatMap((r) => (r.personId ? [r.personId] : [])),
  );
  const organisations = await existingIds(
    db,
    'organisations',
    input.starting.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
  );

  input.starting.forEach((right, i) => {
    if (right.personId && !persons.has(right.personId)) {
      problems.push({
        field: `starting.${i}.personId`,
        rule: 'not_live',
        message: 'no such person',
      });
    }

    if (right.organisationId && !organisations.has(right.organisationId)) {
      problems.push({
        field: `starting.${i}.organisationId`,
        rule: 'not_live',
        message: 'no such organisation',
      });
    }

    if (right.rightRegisteredOn && right.rightRegisteredOn > house.today) {
      problems.push({
        field: `starting.${i}.rightRegisteredOn`,
        rule: 'future',
        message: 'the right cannot be registered after today',
      });
    }
  });

  input.openAccountFor.forEach((index, i) => {
    if (index >= input.starting.length) {
      problems.push({
        field: `openAccountFor.${i}`,
        rule: 'not_live',
        message: 'no new owner with this index',
      });
    }
  });

  if (input.openAccountFor.length > 0 && !house.managerId) {
    problems.push({
      field: 'openAccountFor',
      rule: 'required',
      message: 'the house has no managing organisation to bill an account',
    });
  }

  return problems;
}

async function journal(
  tx: Queryable,
  entry: {
    me: string;
    onBehalfOf: string | null;
    requestId: string;
    premiseId: string;
    input: OwnershipChangeInput;
    live: LiveRightRow[];
    rights: NewRightRow[];
    change: {
      ended: string[];
      started: string[];
      accountsClosed: string[];
      accountsOpened: string[];
    };
  },
) {
  const who = { actorUserId: entry.me, onBehalfOfPersonId: entry.onBehalfOf };
  const right = (r: { personId: string | null; organisationId: string | null }) => ({
    personId: r.personId,
    organisationId: r.organisationId,
  });

  await recordAudit(tx, {
    ...who,
    action: 'ownership.changed',
    objectType: 'premise',
    objectId: entry.premiseId,
    requestId: entry.requestId,
    before: {
      rights: entry.live.map((r) => ({
        id: r.id,
        ...right(r),
        share: formatShare({ numerator: r.n, denominator: r.d }),
      })),
    },
    after: {
      reason: entry.input.reason,
      date: entry.input.date,
      ended: entry.change.ended,
      started: entry.rights.map((r, i) => ({
        id: entry.change.started[i],
        ...right(r),
        share: formatShare(r.share),
      })),
      accountsClosed: entry.change.accountsClosed,
      accountsOpened: entry.change.accountsOpened,
    },
  });

  // Each account gets its own entry too, so its history shows why it opened or closed.
  for (const id of entry.change.accountsClosed) {
    await recordAudit(tx, {
      ...who,
      action: 'personal_account.closed',
      objectType: 'personal_account',
      objectId: id,
      requestId: entry.requestId,
      after: { closeReason: `ownership_change.${entry.input.reason}` },
    });
  }

  for (const id of entry.change.accountsOpened) {
    await recordAudit(tx, {
      ...who,
      action: 'personal_account.opened',
      objectType: 'personal_account',
      objectId: id,
      requestId: entry.requestId,
      after: { premiseId: entry.premiseId, reason: `ownership_change.${entry.input.reason}` },
    });
  }
}
