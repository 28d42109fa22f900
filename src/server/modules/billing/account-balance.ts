import { allocate, overdueOn, type LedgerLine } from '../../../domain/billing/allocation.js';
import type { Queryable } from '../../platform/db/database.js';

type LedgerRow = {
  id: string;
  entryOn: string;
  period: string | null;
  kind: LedgerLine['kind'];
  amountKopecks: number | string;
  reversesId: string | null;
};

/** The account's ledger up to a date, as allocation reads it. */
export async function ledgerLinesOf(
  db: Queryable,
  personalAccountId: string,
  onDate: string,
): Promise<LedgerLine[]> {
  const rows = await db.query<LedgerRow>(
    `SELECT id, to_char(entry_on, 'YYYY-MM-DD') AS "entryOn", period, kind,
            amount_kopecks AS "amountKopecks", reverses_id AS "reversesId"
       FROM billing_ledger WHERE personal_account_id = $1 AND entry_on <= $2::date
      ORDER BY entry_on, created_at`,
    [personalAccountId, onDate],
  );

  return rows.map((row) => ({ ...row, amountKopecks: BigInt(row.amountKopecks) }));
}

/** The organisation's payment due day for the account (the 10th unless its settings say else). */
async function dueDayOf(db: Queryable, personalAccountId: string) {
  const [row] = await db.query<{ dueDay: number | null; allocation: string | null }>(
    `SELECT s.payment_due_day AS "dueDay", s.allocation
       FROM personal_accounts a LEFT JOIN billing_settings s ON s.organisation_id = a.organisation_id
      WHERE a.id = $1`,
    [personalAccountId],
  );

  return {
    dueDay: row?.dueDay ?? 10,
    policy:
      row?.allocation === 'designated_first'
        ? ('designated_first' as const)
        : ('oldest_first' as const),
  };
}

/**
 * The account's balance from the ledger on a date: positive = debt, negative = advance.
 * `overdueKopecks` is the part of the debt past its due date, with payments allocated the way
 * the organisation allocates them (oldest debt first by default). Reversed entries count for
 * nothing. Contract for the documents module's no-debt certificate.
 */
export async function getAccountBalance(
  db: Queryable,
  input: { personalAccountId: string; onDate: string },
): Promise<{
  personalAccountId: string;
  balanceKopecks: bigint;
  overdueKopecks: bigint;
  lastPaymentOn: string | null;
}> {
  const lines = await ledgerLinesOf(db, input.personalAccountId, input.onDate);
  const { dueDay, policy } = await dueDayOf(db, input.personalAccountId);
  const allocation = allocate(lines, { policy, dueDay });
  const reversed = new Set(lines.map((l) => l.reversesId).filter(Boolean));
  const payments = lines.filter((l) => l.kind === 'payment' && !reversed.has(l.id));

  return {
    personalAccountId: input.personalAccountId,
    balanceKopecks: allocation.balanceKopecks,
    overdueKopecks: overdueOn(allocation, input.onDate),
    lastPaymentOn: payments.at(-1)?.entryOn ?? null,
  };
}
