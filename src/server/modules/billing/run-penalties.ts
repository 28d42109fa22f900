import { allocate, type LedgerLine } from '../../../domain/billing/allocation.js';
import { calculatePenalties } from '../../../domain/billing/penalties.js';
import { firstDay, lastDay } from '../../../domain/billing/period.js';
import type { Queryable } from '../../platform/db/database.js';
import type { ChargeLine } from './run-lines.js';

type Row = {
  accountId: string;
  id: string;
  entryOn: string;
  period: string | null;
  kind: LedgerLine['kind'];
  amountKopecks: number | string;
  reversesId: string | null;
};

/**
 * Penalty lines of a batch of accounts for the period: debts outstanding at its start (payments
 * allocated as the organisation allocates them), payments of the period reducing them day by
 * day. One query for the whole batch; accounts without a ledger cost nothing.
 */
export async function penaltyLinesOf(
  db: Queryable,
  accountIds: string[],
  period: string,
  options: { dueDay: number; policy: 'oldest_first' | 'designated_first' },
): Promise<ChargeLine[]> {
  const from = firstDay(period);
  const to = lastDay(period);
  const rows = await db.query<Row>(
    `SELECT personal_account_id AS "accountId", id, to_char(entry_on, 'YYYY-MM-DD') AS "entryOn",
            period, kind, amount_kopecks AS "amountKopecks", reverses_id AS "reversesId"
       FROM billing_ledger WHERE personal_account_id = ANY($1::uuid[]) AND entry_on <= $2::date
      ORDER BY entry_on, created_at`,
    [accountIds, to],
  );
  const byAccount = new Map<string, LedgerLine[]>();

  for (const row of rows) {
    const lines = byAccount.get(row.accountId) ?? [];

    lines.push({ ...row, amountKopecks: BigInt(row.amountKopecks) });
    byAccount.set(row.accountId, lines);
  }

  const out: ChargeLine[] = [];

  for (const [accountId, lines] of byAccount) {
    const before = lines.filter((l) => l.entryOn < from);
    const { outstanding } = allocate(before, options);

    if (outstanding.length === 0) {
      continue;
    }

    const reversed = new Set(lines.map((l) => l.reversesId).filter(Boolean));
    const payments = lines
      .filter((l) => l.entryOn >= from && l.kind === 'payment' && !reversed.has(l.id))
      .map((l) => ({ paidOn: l.entryOn, kopecks: -l.amountKopecks }));
    const result = calculatePenalties({ debts: outstanding, payments, from, to });

    for (const penalty of result.lines) {
      if (penalty.amountKopecks <= 0n) {
        continue;
      }

      out.push({
        accountId,
        service: 'penalties',
        zone: 'single',
        kind: 'penalty',
        method: 'penalty',
        quantity: null,
        unit: null,
        rate: null,
        amountKopecks: penalty.amountKopecks,
        explanation: `Пени (ЖК РФ ст. 155 ч. 14), ставка ${result.rate!.keyRate.percent} % с ${result.rate!.keyRate.from}${result.rate!.cap ? `, ограничена ${result.rate!.cap.percent} % (${result.rate!.cap.act})` : ''}. ${penalty.explanation}`,
        ground: null,
        correctsPeriod: penalty.period,
      });
    }
  }

  return out;
}
