import { dueDate as periodDueDate } from './period.js';

export type AllocationPolicy = 'oldest_first' | 'designated_first';

/** A ledger entry as allocation needs it: positive amounts are debt, negative are payments. */
export type LedgerLine = {
  id: string;
  entryOn: string;
  period: string | null;
  kind: 'accrual' | 'penalty' | 'recalculation' | 'payment' | 'reversal';
  amountKopecks: bigint;
  reversesId: string | null;
};

export type Outstanding = { period: string; dueDate: string; kopecks: bigint };

export type Allocation = {
  /** What is still owed per period, oldest first; periods fully paid are left out. */
  outstanding: Outstanding[];
  /** Money paid beyond every debt (аванс). */
  advanceKopecks: bigint;
  balanceKopecks: bigint;
};

/** Entries that a reversal cancelled, and the reversals themselves, count for nothing. */
export function withoutReversed<T extends Pick<LedgerLine, 'id' | 'reversesId'>>(lines: T[]): T[] {
  const reversed = new Set(lines.map((l) => l.reversesId).filter((id): id is string => !!id));

  return lines.filter((l) => !l.reversesId && !reversed.has(l.id));
}

/**
 * Allocates payments to debts: to the oldest period first, or (designated_first) to the period
 * the payer named, then the oldest. A period's credit (a negative recalculation larger than its
 * charges) works as a payment. Pure and order-independent for oldest_first.
 */
export function allocate(
  lines: LedgerLine[],
  options: { policy?: AllocationPolicy; dueDay?: number } = {},
): Allocation {
  const live = withoutReversed(lines);
  const owed = new Map<string, bigint>();
  const payments: { kopecks: bigint; period: string | null; entryOn: string }[] = [];

  for (const line of live) {
    if (line.kind === 'payment' || line.amountKopecks < 0n) {
      if (line.kind !== 'payment' && line.period) {
        owed.set(line.period, (owed.get(line.period) ?? 0n) + line.amountKopecks);
        continue;
      }

      payments.push({ kopecks: -line.amountKopecks, period: line.period, entryOn: line.entryOn });
      continue;
    }

    const period = line.period ?? line.entryOn.slice(0, 7);

    owed.set(period, (owed.get(period) ?? 0n) + line.amountKopecks);
  }

  // A period left negative by its own recalculations is a credit for the others.
  for (const [period, kopecks] of owed) {
    if (kopecks < 0n) {
      payments.push({ kopecks: -kopecks, period: null, entryOn: `${period}-01` });
      owed.set(period, 0n);
    }
  }

  const periods = [...owed.keys()].sort();
  let advance = 0n;

  payments.sort((a, b) => a.entryOn.localeCompare(b.entryOn));

  for (const payment of payments) {
    let left = payment.kopecks;
    const order =
      options.policy === 'designated_first' && payment.period && owed.has(payment.period)
        ? [payment.period, ...periods.filter((p) => p !== payment.period)]
        : periods;

    for (const period of order) {
      const debt = owed.get(period) ?? 0n;
      const paid = debt < left ? debt : left;

      if (paid > 0n) {
        owed.set(period, debt - paid);
        left -= paid;
      }

      if (left === 0n) {
        break;
      }
    }

    advance += left;
  }

  const outstanding = periods
    .filter((p) => (owed.get(p) ?? 0n) > 0n)
    .map((p) => ({ period: p, dueDate: periodDueDate(p, options.dueDay), kopecks: owed.get(p)! }));
  const balance = live.reduce((sum, l) => sum + l.amountKopecks, 0n);

  return { outstanding, advanceKopecks: advance, balanceKopecks: balance };
}

/** What of the outstanding debt is past its due date on `onDate`. */
export function overdueOn(allocation: Allocation, onDate: string): bigint {
  return allocation.outstanding
    .filter((o) => o.dueDate < onDate)
    .reduce((sum, o) => sum + o.kopecks, 0n);
}
