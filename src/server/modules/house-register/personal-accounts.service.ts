import { randomInt } from 'node:crypto';

import { accountRegionCode } from '../../../domain/accounts/account-region.js';
import {
  checkSingleAccountNumber,
  issueSingleAccountNumber,
} from '../../../domain/accounts/single-account-number.js';
import { searchQueryTokens } from '../../../domain/address/address-search.js';
import type { AppContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { authorize } from '../access/authorize.js';
import { actor, type Acting } from './acting.js';
import { lockPremise, requirePremise } from './house-manager.js';
import { presentAccount, presentHistoryEntry } from './personal-accounts.presenter.js';
import {
  closeAccount,
  findAccount,
  findAccountHistory,
  findCadastralNumbers,
  findOpenAccountOf,
  findPremiseAccounts,
  insertAccount,
  numberTaken,
  payerRelation,
  searchAccounts,
} from './personal-accounts.repo.js';
import type {
  AccountsQuery,
  CloseAccountInput,
  OpenAccountInput,
} from './personal-accounts.schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uniform draw in [0, 1) from the system's secure generator: account numbers are not guessable. */
const secureRandom = () => randomInt(0, 2 ** 48 - 1) / 2 ** 48;

export async function listAccounts(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  query: AccountsQuery,
) {
  await authorize(ctx, acting.user, 'house_register.read', { organisationId });

  const number = query.q ? checkSingleAccountNumber(query.q) : undefined;
  const rows = await searchAccounts(ctx.db, {
    organisationId,
    status: query.status,
    houseId: query.houseId,
    number: number?.valid ? number.value : undefined,
    words: number?.valid || !query.q ? [] : searchQueryTokens(query.q, 6),
    limit: query.limit,
    offset: offsetOf(query),
  });

  return {
    items: rows.map(presentAccount),
    total: rows[0]?.total ?? 0,
    page: query.page,
    limit: query.limit,
  };
}

/** Finds an account by its id or by its ЕЛС, typed as people type it (lower case, Cyrillic А). */
async function requireAccount(db: Queryable, ref: string) {
  let by: { id: string } | { number: string };

  if (UUID.test(ref)) {
    by = { id: ref };
  } else {
    const check = checkSingleAccountNumber(ref);

    if (!check.valid) {
      throw new AppError('validation_failed', {
        errors: [
          {
            field: 'params.id',
            rule: 'format',
            message: 'an account id, or an ЕЛС of two digits, two letters and six digits',
          },
        ],
      });
    }

    by = { number: check.value };
  }

  const account = await findAccount(db, by);

  if (!account) {
    throw new AppError('not_found', {
      detail: { ru: 'Лицевой счёт не найден', en: 'No such personal account' },
    });
  }

  return account;
}

export async function getAccount(ctx: AppContext, acting: Acting, ref: string) {
  const account = await requireAccount(ctx.db, ref);

  await authorize(ctx, acting.user, 'house_register.read', {
    organisationId: account.organisationId,
  });

  const [history, premiseAccounts] = await Promise.all([
    findAccountHistory(ctx.db, account.id),
    findPremiseAccounts(ctx.db, account.premiseId),
  ]);

  return {
    ...presentAccount(account),
    history: history.map(presentHistoryEntry),
    premiseAccounts: premiseAccounts.map(presentAccount),
  };
}

export type NewAccount = {
  premiseId: string;
  organisationId: string;
  payerPersonId: string | null;
  payerOrganisationId: string | null;
  openedOn: string;
  localNumber: string | null;
};

/**
 * Opens an account inside the caller's transaction (the premise row already locked): refuses a
 * second open account of the same payer for the premise with the organisation, and issues an ЕЛС
 * no other account has.
 */
export async function openAccountIn(tx: Queryable, input: NewAccount): Promise<string> {
  const existing = await findOpenAccountOf(tx, input);

  if (existing) {
    throw new AppError('personal_account_duplicate', {
      detail: {
        ru: `У плательщика уже открыт лицевой счёт ${existing.number} по этому помещению`,
        en: `The payer already has open account ${existing.number} for this premise`,
      },
      extra: { existingAccountId: existing.id, existingNumber: existing.number },
    });
  }

  const cadastral = await findCadastralNumbers(tx, input.premiseId);
  const region = accountRegionCode(cadastral.premise, cadastral.house);

  for (let attempt = 0; attempt < 20; attempt += 1) {
    const number = issueSingleAccountNumber(region, secureRandom);

    if (!(await numberTaken(tx, number))) {
      return insertAccount(tx, { ...input, number });
    }
  }

  // 24² × 10⁶ numbers per region: twenty taken draws in a row means something else is wrong.
  throw new AppError('internal_error', {
    detail: {
      ru: 'Не удалось выдать номер лицевого счёта',
      en: 'Could not issue an account number',
    },
  });
}

export async function openAccount(ctx: AppContext, acting: Acting, input: OpenAccountInput) {
  const premise = await requirePremise(ctx.db, input.premiseId);
  const organisationId = premise.house.managerId;

  if (!organisationId) {
    await authorize(ctx, acting.user, 'personal_accounts.manage', {});
    throw new AppError('house_unmanaged');
  }

  await authorize(ctx, acting.user, 'personal_accounts.manage', { organisationId });

  const today = premise.house.today;
  const payer = {
    personId: input.payerPersonId ?? null,
    organisationId: input.payerOrganisationId ?? null,
  };
  const relation = await payerRelation(ctx.db, premise.premiseId, payer, today);
  const field = payer.personId ? 'body.payerPersonId' : 'body.payerOrganisationId';

  if (!relation.owner && !relation.resident) {
    throw new AppError('validation_failed', {
      errors: [
        {
          field,
          rule: 'not_related',
          message: 'the payer must own the premise or be registered in it',
        },
      ],
    });
  }

  if (input.openedOn > today) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.openedOn', rule: 'future', message: 'cannot open after today' }],
    });
  }

  const id = await ctx.db.transaction(async (tx) => {
    await lockPremise(tx, premise.premiseId);

    const created = await openAccountIn(tx, {
      premiseId: premise.premiseId,
      organisationId,
      payerPersonId: payer.personId,
      payerOrganisationId: payer.organisationId,
      openedOn: input.openedOn,
      localNumber: input.localNumber ?? null,
    });

    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      action: 'personal_account.opened',
      objectType: 'personal_account',
      objectId: created,
      requestId: acting.requestId,
      after: { ...input, organisationId },
    });

    return created;
  });

  return getAccount(ctx, acting, id);
}

export async function closeAccountBy(
  ctx: AppContext,
  acting: Acting,
  ref: string,
  input: CloseAccountInput,
) {
  const account = await requireAccount(ctx.db, ref);

  await authorize(ctx, acting.user, 'personal_accounts.manage', {
    organisationId: account.organisationId,
  });

  if (account.closedOn) {
    throw new AppError('personal_account_closed', {
      detail: {
        ru: `Лицевой счёт ${account.number} закрыт ${account.closedOn}`,
        en: `Account ${account.number} was closed on ${account.closedOn}`,
      },
    });
  }

  const premise = await requirePremise(ctx.db, account.premiseId);
  const problem = (rule: string, message: string) =>
    new AppError('validation_failed', { errors: [{ field: 'body.closedOn', rule, message }] });

  if (input.closedOn < account.openedOn) {
    throw problem('before_open', `the account was opened on ${account.openedOn}`);
  }

  if (input.closedOn > premise.house.today) {
    throw problem('future', 'cannot close after today');
  }

  await ctx.db.transaction(async (tx) => {
    if (!(await closeAccount(tx, account.id, input.closedOn, input.reason))) {
      throw new AppError('personal_account_closed');
    }

    await recordAudit(tx, {
      actorUserId: actor(acting).id,
      action: 'personal_account.closed',
      objectType: 'personal_account',
      objectId: account.id,
      requestId: acting.requestId,
      before: { closedOn: null, closeReason: null },
      after: { closedOn: input.closedOn, closeReason: input.reason },
    });
  });

  return getAccount(ctx, acting, account.id);
}
