import { attributeReading, isWindowOpen } from '../../../domain/meters/window.js';
import { addMonths, dayIn, periodOf } from '../../../domain/meters/periods.js';
import type { Queryable } from '../../platform/db/database.js';
import { isPeriodLocked } from './meters.repo.js';
import { findSettings } from './settings.repo.js';

/**
 * What the reading form tells a person before they submit: the period a reading given today
 * counts for, whether that is because the window has closed, and the window's days (case C13).
 */
export async function readingForm(
  db: Queryable,
  input: { houseId: string; organisationId: string | null; today: string },
) {
  const settings = await findSettings(db, input.organisationId);
  const attribution = attributeReading(input.today, settings);
  const windowOpen = isWindowOpen(input.today, settings);

  if (!attribution.ok) {
    const next = addMonths(periodOf(input.today), 1);

    return {
      targetPeriod: null,
      late: false,
      opensOn: attribution.nextOpensOn,
      closesOn:
        input.today > attribution.closesOn ? dayIn(next, settings.endDay) : attribution.closesOn,
      windowOpen,
      latePolicy: settings.latePolicy,
      today: input.today,
    };
  }

  let { period, late } = attribution;

  while (await isPeriodLocked(db, input.houseId, period)) {
    period = addMonths(period, 1);
    late = true;
  }

  return {
    targetPeriod: period,
    late,
    opensOn: attribution.opensOn,
    closesOn: attribution.closesOn,
    windowOpen,
    latePolicy: settings.latePolicy,
    today: input.today,
  };
}
