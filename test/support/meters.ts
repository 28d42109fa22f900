import { addMonths } from '../../src/domain/meters/periods.js';
import type { AccessWorld, Session } from './access-world.js';
import { requestAs } from './access-world.js';

/** Periods relative to this month, so the tests hold on any day they run. */
export function monthsAgo(n: number): string {
  return addMonths(new Date().toISOString().slice(0, 7), -n);
}

export function dayOf(period: string, day: number): string {
  return `${period}-${String(day).padStart(2, '0')}`;
}

export type MeterInput = {
  resource?: string;
  zones?: number;
  serialNumber: string;
  integerDigits?: number;
  fractionDigits?: number;
  installedOn?: string;
  verifiedOn?: string;
  verificationIntervalMonths?: number;
  initialValues: { zone: string; value: string }[];
};

export async function createMeter(
  world: AccessWorld,
  staff: Session,
  premiseId: string,
  input: MeterInput,
): Promise<{ id: string }> {
  const response = await requestAs(world.platform, staff)(
    'POST',
    `/api/v1/premises/${premiseId}/meters`,
    {
      resource: 'cold_water',
      integerDigits: 5,
      fractionDigits: 3,
      installedOn: dayOf(monthsAgo(6), 1),
      ...input,
    },
  );

  if (response.statusCode !== 201) {
    throw new Error(`meter not created: ${response.statusCode} ${response.body}`);
  }

  return response.json<{ id: string }>();
}

/** Sets the organisation's window (all month by default) through the API. */
export async function setWindow(
  world: AccessWorld,
  admin: Session,
  orgId: string,
  settings: Partial<{
    windowStartDay: number;
    windowEndDay: number;
    latePolicy: string;
    decreasePolicy: string;
    jumpFactor: number;
  }> = {},
) {
  const response = await requestAs(world.platform, admin)(
    'PUT',
    `/api/v1/organisations/${orgId}/meter-settings`,
    {
      windowStartDay: 1,
      windowEndDay: 31,
      latePolicy: 'next_period',
      decreasePolicy: 'flag',
      jumpFactor: 5,
      imbalanceTolerancePercent: 10,
      norms: { cold_water: '4.9', hot_water: '3.5' },
      ...settings,
    },
  );

  if (response.statusCode !== 200) {
    throw new Error(`settings not saved: ${response.statusCode} ${response.body}`);
  }

  return response.json<Record<string, unknown>>();
}
