import { divRoundHalfUp, formatRoubles } from './money.js';
import {
  DEFAULT_RATE_TABLES,
  moratoriumOn,
  penaltyRateOn,
  type PenaltyRate,
  type RateTables,
} from './key-rates.js';
import { addDays, daysBetween } from './period.js';

/**
 * Penalties (пени) under ЖК ст. 155 ч. 14: nothing for the first 30 days after the due date;
 * 1/300 of the rate per day from day 31 to day 90; 1/130 from day 91. Days under a moratorium
 * accrue nothing but still count toward the 31st and 91st day.
 */
export type PenaltyRules = { graceDays: number; firstStepLastDay: number };

export const PENALTY_RULES: PenaltyRules = { graceDays: 30, firstStepLastDay: 90 };

export type PenaltyDebt = { period: string; dueDate: string; kopecks: bigint };
export type PenaltyPayment = { paidOn: string; kopecks: bigint };

export type PenaltySegment = {
  from: string;
  to: string;
  days: number;
  baseKopecks: bigint;
  /** 300 or 130: the day's share of the rate is 1/divisor. */
  divisor: 300 | 130;
  amountKopecks: bigint;
};

export type PenaltyLine = {
  period: string;
  dueDate: string;
  segments: PenaltySegment[];
  amountKopecks: bigint;
  /** Words for the bill: each segment as its formula. */
  explanation: string;
};

export type PenaltyResult = { rate: PenaltyRate | null; lines: PenaltyLine[]; total: bigint };

/** base × rate × days / divisor, rounded half up to a kopeck, once per segment. */
export function segmentKopecks(base: bigint, basisPoints: bigint, days: number, divisor: bigint) {
  return divRoundHalfUp(base * basisPoints * BigInt(days), 10_000n * divisor);
}

function percentText(bp: bigint): string {
  const whole = bp / 100n;
  const fraction = (bp % 100n).toString().padStart(2, '0');

  return `${whole},${fraction} %`;
}

/**
 * The penalties accrued from `from` to `to` (inclusive) on debts outstanding at `from`, with the
 * payments of the window allocated to the oldest debt first. A payment reduces the debt from the
 * day after it is made. The rate is the one in force on `to` (the day of calculation).
 */
export function calculatePenalties(input: {
  debts: PenaltyDebt[];
  payments?: PenaltyPayment[];
  from: string;
  to: string;
  tables?: RateTables;
  rules?: PenaltyRules;
}): PenaltyResult {
  const tables = input.tables ?? DEFAULT_RATE_TABLES;
  const rules = input.rules ?? PENALTY_RULES;
  const rate = penaltyRateOn(input.to, tables);
  const debts = [...input.debts]
    .filter((d) => d.kopecks > 0n)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((d) => ({ ...d, left: d.kopecks, segments: [] as PenaltySegment[] }));

  if (!rate) {
    return { rate: null, lines: [], total: 0n };
  }

  const payments = [...(input.payments ?? [])].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  const days = daysBetween(input.from, input.to) + 1;

  for (let i = 0; i < days; i += 1) {
    const day = addDays(input.from, i);

    for (const debt of debts) {
      const delay = daysBetween(debt.dueDate, day);

      if (debt.left <= 0n || delay <= rules.graceDays || moratoriumOn(day, debt.dueDate, tables)) {
        continue;
      }

      const divisor = delay <= rules.firstStepLastDay ? 300 : 130;
      const last = debt.segments.at(-1);

      if (
        last &&
        last.divisor === divisor &&
        last.baseKopecks === debt.left &&
        addDays(last.to, 1) === day
      ) {
        last.to = day;
        last.days += 1;
      } else {
        debt.segments.push({
          from: day,
          to: day,
          days: 1,
          baseKopecks: debt.left,
          divisor,
          amountKopecks: 0n,
        });
      }
    }

    // Payments made today reduce the debt from tomorrow on, oldest debt first.
    for (const payment of payments.filter((p) => p.paidOn === day)) {
      let left = payment.kopecks;

      for (const debt of debts) {
        const paid = debt.left < left ? debt.left : left;

        debt.left -= paid;
        left -= paid;
      }
    }
  }

  const lines = debts
    .filter((d) => d.segments.length > 0)
    .map((debt) => {
      for (const s of debt.segments) {
        s.amountKopecks = segmentKopecks(
          s.baseKopecks,
          rate.basisPoints,
          s.days,
          BigInt(s.divisor),
        );
      }

      const amount = debt.segments.reduce((sum, s) => sum + s.amountKopecks, 0n);
      const explanation = debt.segments
        .map(
          (s) =>
            `${formatRoubles(s.baseKopecks)} ₽ × ${percentText(rate.basisPoints)} × 1/${s.divisor} × ${s.days} дн. (${s.from} — ${s.to}) = ${formatRoubles(s.amountKopecks)} ₽`,
        )
        .join('; ');

      return {
        period: debt.period,
        dueDate: debt.dueDate,
        segments: debt.segments,
        amountKopecks: amount,
        explanation: `Долг за ${debt.period}, срок оплаты ${debt.dueDate}: ${explanation}`,
      };
    });

  return { rate, lines, total: lines.reduce((sum, l) => sum + l.amountKopecks, 0n) };
}
