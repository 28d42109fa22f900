import { toScaled, type Scaled } from '../../../domain/meters/decimal.js';
import { monthsBetween, type HistoryPoint } from '../../../domain/meters/plausibility.js';
import type { ReadingRow } from './readings.repo.js';

export type ZoneContext = {
  previous: Scaled | null;
  previousPeriod: string | null;
  next: Scaled | null;
  existing: ReadingRow | undefined;
  history: HistoryPoint[];
  months: number;
};

/**
 * What the rules compare a new reading of `zone` for `period` with: the reading before it (a
 * new meter's initial value counts), a later one already stored, this period's own reading if it
 * is an edit, and the history for the average. A flagged decrease is never a base.
 */
export function zoneContext(readings: ReadingRow[], zone: string, period: string): ZoneContext {
  const own = readings.filter(
    (r) => r.zone === zone && r.notBillableReason !== 'lower_than_previous',
  );
  const before = own.filter(
    (r) => r.period < period || (r.period === period && r.kind === 'initial'),
  );
  const last = before.at(-1);
  const next = own.find((r) => r.period > period && r.kind === 'regular');

  return {
    previous: last ? toScaled(last.value) : null,
    previousPeriod: last?.period ?? null,
    next: next ? toScaled(next.value) : null,
    existing: readings.find((r) => r.zone === zone && r.period === period && r.kind === 'regular'),
    history: before
      .filter((r) => r.confirmed !== 'rollover')
      .map((r) => ({ period: r.period, value: toScaled(r.value) })),
    months: last ? Math.max(1, monthsBetween(last.period, period)) : 1,
  };
}
