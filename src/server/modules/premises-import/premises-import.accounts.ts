import type { ImportRow } from '../../../domain/premises-import/row.js';
import type { OwnerRef, Plan, Ref, ReportRow } from './premises-import.plan.js';
import type { StoredAccount } from './premises-import.repo.js';

/**
 * The personal account a row describes: one already stored (by its ЕЛС, or the payer's open
 * account on the premise), checked to belong to this premise, payer and organisation; or a new
 * one, whose ЕЛС the commit issues when the file leaves it empty.
 */

export type AccountIndex = {
  byNumber: Map<string, StoredAccount>;
  /** The organisation's accounts by local number, folded to lower case. */
  byLocal: Map<string, StoredAccount>;
  /** The organisation's open accounts by premise. */
  openByPremise: Map<string, StoredAccount[]>;
};

type Scope = { organisationId: string; index: AccountIndex; plan: Plan };

type Subject = {
  row: ImportRow;
  report: ReportRow;
  premise: Ref;
  storedPremiseId: string | null;
  payer: OwnerRef;
};

export function matchAccount(scope: Scope, subject: Subject): void {
  const { row, report, payer } = subject;
  const account = row.account!;
  const problems = report.problems.length;
  const matched = account.number
    ? byNumber(scope, subject, account.number)
    : byPayer(scope, subject, account.localNumber);
  const local = account.localNumber?.toLowerCase();
  const holder = local ? scope.index.byLocal.get(local) : undefined;

  if (holder && holder.id !== matched?.id) {
    report.problems.push({
      field: 'localAccountNumber',
      code: 'local_account_taken',
      params: { value: account.localNumber! },
    });
  }

  if (report.problems.length > problems) {
    return;
  }

  if (matched) {
    report.accountNumber = matched.number;
    updateAccount(scope, report, matched, account);

    return;
  }

  if (!account.openedOn) {
    report.problems.push({ field: 'accountOpenedOn', code: 'account_opened_required' });

    return;
  }

  scope.plan.accounts.push({
    line: row.line,
    number: account.number,
    localNumber: account.localNumber,
    premise: subject.premise,
    payer,
    openedOn: account.openedOn,
  });
  report.actions.push('account.create');
}

function byNumber(scope: Scope, subject: Subject, number: string): StoredAccount | undefined {
  const stored = scope.index.byNumber.get(number);
  const { report } = subject;
  const fail = (code: ReportRow['problems'][number]['code'], params: Record<string, string>) =>
    report.problems.push({ field: 'accountNumber', code, params: { value: number, ...params } });

  if (!stored) {
    return undefined;
  }

  if (stored.organisationId !== scope.organisationId) {
    fail('account_other_organisation', {});
  } else if (stored.premiseId !== subject.storedPremiseId) {
    fail('account_other_premise', { premise: stored.premiseLabel });
  } else if (!samePayer(stored, subject.payer)) {
    fail('account_other_payer', {});
  } else if (stored.closedOn) {
    fail('account_closed', { closedOn: stored.closedOn });
  }

  return stored;
}

/** Without a ЕЛС in the file, the payer's open account on the premise is the one meant. */
function byPayer(
  scope: Scope,
  subject: Subject,
  localNumber: string | null,
): StoredAccount | undefined {
  if (!subject.storedPremiseId) {
    return undefined;
  }

  const candidates = (scope.index.openByPremise.get(subject.storedPremiseId) ?? []).filter(
    (account) => samePayer(account, subject.payer),
  );

  if (!localNumber) {
    return candidates[0];
  }

  const local = localNumber.toLowerCase();

  return (
    candidates.find((account) => account.localNumber?.toLowerCase() === local) ??
    candidates.find((account) => !account.localNumber)
  );
}

function samePayer(account: StoredAccount, payer: OwnerRef): boolean {
  if (!('id' in payer.ref)) {
    return false;
  }

  return payer.kind === 'person'
    ? account.payerPersonId === payer.ref.id
    : account.payerOrganisationId === payer.ref.id;
}

function updateAccount(
  scope: Scope,
  report: ReportRow,
  stored: StoredAccount,
  account: NonNullable<ImportRow['account']>,
) {
  const changes = (
    [
      ['localAccountNumber', stored.localNumber, account.localNumber],
      ['accountOpenedOn', stored.openedOn, account.openedOn],
    ] as const
  )
    // A local number differing only in case is the same number.
    .filter(([, from, to]) => to !== null && from?.toLowerCase() !== to.toLowerCase())
    .map(([field, from, to]) => ({ field, from, to }));

  if (changes.length === 0) {
    return;
  }

  scope.plan.accountUpdates.push({
    id: stored.id,
    localNumber: account.localNumber ?? stored.localNumber,
    openedOn: account.openedOn ?? stored.openedOn,
  });
  report.actions.push('account.update');
  report.changes.push(...changes);
}
