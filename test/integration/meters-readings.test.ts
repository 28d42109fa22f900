import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  listBillableConsumption,
  listMetersWithoutReading,
  lockReadingPeriod,
  unlockReadingPeriod,
} from '../../src/server/modules/meters/billing-consumption.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { createMeter, dayOf, monthsAgo, setWindow } from '../support/meters.js';

type Problem = { code: string; zones?: { zone: string; code: string }[]; hint?: string };

describe('meters: readings, the rules with reasons, and the billing contract (C10, C11, C13)', () => {
  let world: AccessWorld;
  let admin: Session;
  let owner: Session;
  let houseId: string;
  let submit: (meterId: string, body: object) => ReturnType<ReturnType<typeof requestAs>>;

  beforeAll(async () => {
    world = await createAccessWorld();
    admin = await world.openSession('uk-admin@mpdom.test');
    owner = await world.openSession('owner@mpdom.test');

    const [row] = await world.platform.ctx.db.query<{ id: string }>(
      'SELECT house_id AS id FROM premises WHERE id = $1',
      [world.ownerFlat],
    );

    houseId = row!.id;
    await setWindow(world, admin, world.orgs.managing);
    submit = (meterId, body) =>
      requestAs(world.platform, owner)('POST', `/api/v1/meters/${meterId}/readings`, body);
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  const one = (value: string, takenOn: string, extra: object = {}) => ({
    takenOn,
    values: [{ zone: 'single', value }],
    ...extra,
  });

  it('C10: accepts an equal reading with zero consumption and refuses a lower one with the reason', async () => {
    const meter = await createMeter(world, admin, world.ownerFlat, {
      serialNumber: 'ХВ-C10',
      initialValues: [{ zone: 'single', value: '240' }],
    });

    const first = await submit(meter.id, one('245,3', dayOf(monthsAgo(2), 10)));

    expect(first.statusCode).toBe(201);
    expect(first.json().readings[0].consumption).toBe('5.300');

    const equal = await submit(meter.id, one('245.300', dayOf(monthsAgo(1), 10)));

    expect(equal.statusCode).toBe(201);
    expect(equal.json().readings[0]).toMatchObject({ consumption: '0', value: '245.3' });

    const lower = await submit(meter.id, one('244,900', dayOf(monthsAgo(0), 1)));
    const problem = lower.json<Problem>();

    expect(lower.statusCode).toBe(422);
    expect(problem.code).toBe('reading_lower_than_previous');
    expect(problem.zones?.[0]).toMatchObject({ zone: 'single', previous: '245.300' });

    const billed = await listBillableConsumption(world.platform.ctx.db, {
      houseIds: [houseId],
      period: monthsAgo(1),
    });

    expect(billed.find((b) => b.meterId === meter.id)).toMatchObject({
      quantity: '0',
      billable: true,
      reason: null,
      zone: 'single',
      resource: 'cold_water',
      premiseId: world.ownerFlat,
    });
  });

  it('C10 4: checks each tariff zone on its own — a night decrease is refused though the total grew', async () => {
    const meter = await createMeter(world, admin, world.ownerFlat, {
      resource: 'electricity',
      zones: 2,
      serialNumber: 'Э-C10',
      integerDigits: 6,
      fractionDigits: 1,
      initialValues: [
        { zone: 'day', value: '1000' },
        { zone: 'night', value: '700' },
      ],
    });
    const values = (day: string, night: string) => [
      { zone: 'day', value: day },
      { zone: 'night', value: night },
    ];

    expect(
      (await submit(meter.id, { takenOn: dayOf(monthsAgo(1), 5), values: values('1200', '800') }))
        .statusCode,
    ).toBe(201);

    const response = await submit(meter.id, {
      takenOn: dayOf(monthsAgo(0), 1),
      values: values('1250', '790'),
    });
    const problem = response.json<Problem>();

    expect(response.statusCode).toBe(422);
    expect(problem.code).toBe('reading_lower_than_previous');
    expect(problem.zones?.map((z) => z.zone)).toEqual(['night']);

    const missingZone = await submit(meter.id, {
      takenOn: dayOf(monthsAgo(0), 1),
      values: [{ zone: 'day', value: '1300' }],
    });

    expect(missingZone.json().code).toBe('reading_zone_missing');

    const billed = await listBillableConsumption(world.platform.ctx.db, {
      houseIds: [houseId],
      period: monthsAgo(1),
    });

    expect(billed.filter((b) => b.meterId === meter.id).map((b) => [b.zone, b.quantity])).toEqual([
      ['day', '200.0'],
      ['night', '100.0'],
    ]);
  });

  it('C11: a meter replaced mid-period bills the old part plus the new one, 3.983 m³', async () => {
    const june = monthsAgo(1);
    const old = await createMeter(world, admin, world.ownerFlat, {
      resource: 'hot_water',
      serialNumber: 'ГВ-0001',
      installedOn: dayOf(monthsAgo(3), 1),
      initialValues: [{ zone: 'single', value: '300' }],
    });

    expect((await submit(old.id, one('312,450', dayOf(monthsAgo(2), 20)))).statusCode).toBe(201);

    const taken = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/premises/${world.ownerFlat}/meters`,
      {
        resource: 'hot_water',
        serialNumber: 'ГВ-0001',
        integerDigits: 5,
        fractionDigits: 3,
        installedOn: dayOf(june, 1),
        initialValues: [{ zone: 'single', value: '0' }],
      },
    );

    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('meter_serial_taken');

    const replaced = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/meters/${old.id}/replacement`,
      {
        replacedOn: dayOf(june, 3),
        finalValues: [{ zone: 'single', value: '314,100' }],
        newMeter: {
          serialNumber: 'ГВ-0002',
          integerDigits: 5,
          fractionDigits: 3,
          initialValues: [{ zone: 'single', value: '0,007' }],
        },
      },
    );

    expect(replaced.statusCode).toBe(201);

    const fresh = replaced.json<{ id: string; installedOn: string; replacesMeterId: string }>();

    expect(fresh).toMatchObject({ installedOn: dayOf(june, 3), replacesMeterId: old.id });

    const againstOld = await submit(old.id, one('2,340', dayOf(june, 25)));

    expect(againstOld.statusCode).toBe(422);
    expect(againstOld.json()).toMatchObject({
      code: 'reading_lower_than_previous',
      hint: 'meter_replaced',
    });

    expect((await submit(fresh.id, one('2,340', dayOf(june, 25)))).statusCode).toBe(201);

    const billed = await listBillableConsumption(world.platform.ctx.db, {
      houseIds: [houseId],
      period: june,
    });

    expect(billed.find((b) => b.meterId === fresh.id)).toMatchObject({
      quantity: '3.983',
      billable: true,
      reason: 'meter_replaced_in_period',
    });
    expect(billed.find((b) => b.meterId === old.id)).toBeUndefined();

    // The number is free again once the old meter is no longer active.
    const reused = await createMeter(world, admin, world.otherFlat, {
      resource: 'hot_water',
      serialNumber: 'ГВ-0001',
      initialValues: [{ zone: 'single', value: '0' }],
    });

    expect(reused.id).toBeTruthy();
  });

  it('C13: window 20–25 — on time, late to the next period, frozen after billing, bad window days', async () => {
    const meter = await createMeter(world, admin, world.ownerFlat, {
      serialNumber: 'ХВ-C13',
      installedOn: dayOf(monthsAgo(4), 1),
      initialValues: [{ zone: 'single', value: '100' }],
    });

    await setWindow(world, admin, world.orgs.managing, { windowStartDay: 20, windowEndDay: 25 });

    const march = monthsAgo(2);
    const onTime = await submit(meter.id, one('101,5', dayOf(march, 23)));

    expect(onTime.statusCode).toBe(201);
    expect(onTime.json()).toMatchObject({ period: march, late: false });

    const late = await submit(meter.id, one('102.0', dayOf(march, 26)));

    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ period: monthsAgo(1), late: true });
    expect(late.json().readings[0].takenOn).toBe(dayOf(march, 26));

    const form = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/premises/${world.ownerFlat}/meters`,
    );

    expect(form.json().form).toMatchObject({ latePolicy: 'next_period' });

    await lockReadingPeriod(world.platform.ctx.db, {
      houseId,
      period: march,
      billingRunId: crypto.randomUUID(),
    });
    await lockReadingPeriod(world.platform.ctx.db, {
      houseId,
      period: march,
      billingRunId: crypto.randomUUID(),
    });

    const correction = await submit(meter.id, one('101,2', dayOf(march, 24)));

    expect(correction.statusCode).toBe(409);
    expect(correction.json()).toMatchObject({
      code: 'reading_period_locked',
      nextPeriod: monthsAgo(1),
    });

    await unlockReadingPeriod(world.platform.ctx.db, { houseId, period: march });
    expect((await submit(meter.id, one('101,2', dayOf(march, 24)))).statusCode).toBe(201);

    // Billing the month after freezes March too: a closed bill must keep agreeing with readings.
    await lockReadingPeriod(world.platform.ctx.db, {
      houseId,
      period: monthsAgo(1),
      billingRunId: crypto.randomUUID(),
    });

    const backdated = await submit(meter.id, one('101,3', dayOf(march, 24)));

    expect(backdated.statusCode).toBe(409);
    expect(backdated.json().code).toBe('reading_period_locked');

    await unlockReadingPeriod(world.platform.ctx.db, { houseId, period: monthsAgo(1) });

    for (const days of [{ windowStartDay: 32 }, { windowEndDay: 0 }, { windowStartDay: 26 }]) {
      const response = await requestAs(world.platform, admin)(
        'PUT',
        `/api/v1/organisations/${world.orgs.managing}/meter-settings`,
        {
          windowStartDay: 20,
          windowEndDay: 25,
          latePolicy: 'next_period',
          decreasePolicy: 'flag',
          jumpFactor: 5,
          imbalanceTolerancePercent: 10,
          ...days,
        },
      );

      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('meter_settings_invalid');
    }

    await setWindow(world, admin, world.orgs.managing, {
      windowStartDay: 20,
      windowEndDay: 25,
      latePolicy: 'not_counted',
    });

    const refused = await submit(meter.id, one('103', dayOf(monthsAgo(1), 27)));

    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('reading_window_closed');

    await setWindow(world, admin, world.orgs.managing);
  });

  it('refuses malformed values, future dates and values beyond the dial, each with its code', async () => {
    const meter = await createMeter(world, admin, world.ownerFlat, {
      serialNumber: 'ХВ-BAD',
      initialValues: [{ zone: 'single', value: '99990' }],
      integerDigits: 5,
    });
    const today = new Date().toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const cases: [string, string, number, string][] = [
      ['12a', today, 422, 'reading_not_a_number'],
      ['1e5', today, 422, 'reading_not_a_number'],
      ['1,2,3', today, 422, 'reading_not_a_number'],
      ['', today, 422, 'reading_not_a_number'],
      ['-5', today, 422, 'reading_negative'],
      ['99999999999', today, 422, 'reading_exceeds_capacity'],
      ['99991,1234', today, 422, 'reading_exceeds_capacity'],
      ['99995', soon, 422, 'reading_in_future'],
      ['99995', '2000-01-01', 422, 'reading_before_installation'],
      ['99995', '2999-01-01', 400, 'validation_failed'],
    ];

    for (const [value, takenOn, status, code] of cases) {
      const response = await submit(meter.id, one(value, takenOn));

      expect([value, response.statusCode, response.json().code]).toEqual([value, status, code]);
    }

    const number = await submit(meter.id, {
      takenOn: today,
      values: [{ zone: 'single', value: 5 }],
    });

    expect(number.statusCode).toBe(400);
    expect(
      (await requestAs(world.platform, owner)('GET', `/api/v1/meters/${meter.id}/readings`)).json()
        .items,
    ).toHaveLength(1);
  });

  it('asks to confirm a rollover past the last digit and counts it after confirmation', async () => {
    const meter = await createMeter(world, admin, world.ownerFlat, {
      serialNumber: 'ХВ-ROLL',
      initialValues: [{ zone: 'single', value: '99990' }],
    });
    const takenOn = dayOf(monthsAgo(1), 15);
    const unconfirmed = await submit(meter.id, one('5', takenOn));

    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json()).toMatchObject({ code: 'reading_rollover_unconfirmed' });

    const confirmed = await submit(meter.id, one('5', takenOn, { confirm: { rollover: true } }));

    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().readings[0]).toMatchObject({
      consumption: '15.000',
      confirmed: 'rollover',
    });
  });

  it('stores a reading of a meter past verification as not billable and says why', async () => {
    const meter = await createMeter(world, admin, world.ownerFlat, {
      serialNumber: 'ХВ-OLD',
      installedOn: '2015-01-10',
      verifiedOn: '2015-01-10',
      verificationIntervalMonths: 72,
      initialValues: [{ zone: 'single', value: '10' }],
    });
    const period = monthsAgo(1);
    const response = await submit(meter.id, one('20', dayOf(period, 15)));

    expect(response.statusCode).toBe(201);
    expect(response.json().warnings[0].code).toBe('meter_verification_expired');
    expect(response.json().readings[0]).toMatchObject({
      billable: false,
      notBillableReason: 'verification_expired',
    });

    const db = world.platform.ctx.db;
    const billed = await listBillableConsumption(db, { houseIds: [houseId], period });
    const missing = await listMetersWithoutReading(db, { houseIds: [houseId], period });

    expect(billed.find((b) => b.meterId === meter.id)).toMatchObject({
      quantity: '10.000',
      billable: false,
      reason: 'verification_expired',
    });
    expect(missing.find((m) => m.meterId === meter.id)?.reason).toBe('verification_expired');
  });

  it('lets nobody outside the premise submit, and keeps another flat private', async () => {
    const meter = await createMeter(world, admin, world.otherFlat, {
      serialNumber: 'ХВ-OTHER',
      initialValues: [{ zone: 'single', value: '1' }],
    });
    const response = await submit(meter.id, one('2', dayOf(monthsAgo(0), 1)));

    expect(response.statusCode).toBe(403);
    expect(
      (await requestAs(world.platform, null)('GET', `/api/v1/meters/${meter.id}/readings`))
        .statusCode,
    ).toBe(401);
    expect((await submit(crypto.randomUUID(), one('2', dayOf(monthsAgo(0), 1)))).statusCode).toBe(
      404,
    );
  });
});
