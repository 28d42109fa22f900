import fs from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sweepMeterReminders } from '../../src/server/modules/meters/reminders.service.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { setWindow } from '../support/meters.js';
import { multipartBody } from '../support/sample-files.js';

const SCAN = fs.readFileSync(new URL('../fixtures/files/scan.jpg', import.meta.url));

describe('meters: reminders through the outbox with opt-outs, and dial photos', () => {
  let world: AccessWorld;
  let owner: Session;
  let admin: Session;

  beforeAll(async () => {
    world = await createAccessWorld();
    owner = await world.openSession('owner@mpdom.test');
    admin = await world.openSession('uk-admin@mpdom.test');
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  const remindersOf = async (userId: string, reminder: string) =>
    (
      await world.platform.ctx.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_messages
         WHERE recipient = $1 AND metadata->>'reminder' = $2`,
        [userId, reminder],
      )
    )[0]!.n;

  it('reminds once when the window opens, and not those who turned that kind off', async () => {
    const db = world.platform.ctx.db;
    const [today] = await db.query<{ day: number }>(
      `SELECT extract(day FROM (now() AT TIME ZONE h.time_zone))::int AS day
       FROM premises p JOIN houses h ON h.id = p.house_id WHERE p.id = $1`,
      [world.ownerFlat],
    );

    // The window opens today, wherever today falls in the month.
    await setWindow(world, admin, world.orgs.managing, {
      windowStartDay: today!.day,
      windowEndDay: 31,
    });

    const off = await requestAs(world.platform, owner)('PUT', '/api/v1/me/meter-reminders', {
      reminders: [{ kind: 'window_open', enabled: false }],
    });

    expect(
      off.json<{ reminders: { kind: string; enabled: boolean }[] }>().reminders,
    ).toContainEqual({ kind: 'window_open', enabled: false });

    await sweepMeterReminders(db);
    expect(await remindersOf(owner.userId, 'window_open')).toBe(0);

    const resident = await world.openSession('resident@mpdom.test');

    expect(await remindersOf(resident.userId, 'window_open')).toBe(1);

    await requestAs(world.platform, owner)('PUT', '/api/v1/me/meter-reminders', {
      reminders: [{ kind: 'window_open', enabled: true }],
    });

    const first = await sweepMeterReminders(db);
    const again = await sweepMeterReminders(db);

    expect(first.sent).toBeGreaterThan(0);
    expect(again.sent).toBe(0);
    expect(await remindersOf(owner.userId, 'window_open')).toBe(1);
  });

  it('reminds 30 days before a verification runs out', async () => {
    const db = world.platform.ctx.db;

    await db.query(
      `UPDATE meters SET next_verification_on = CURRENT_DATE + 20
       WHERE premise_id = $1 AND resource = 'hot_water' AND status = 'active'`,
      [world.ownerFlat],
    );
    await sweepMeterReminders(db);
    expect(await remindersOf(owner.userId, 'verification_due')).toBe(1);
  });

  it('takes a photo of the dial, strips it, attaches it to a reading and serves it to the flat only', async () => {
    const meters = (
      await requestAs(world.platform, owner)('GET', `/api/v1/premises/${world.ownerFlat}/meters`)
    ).json<{
      meters: { id: string; resource: string; last: { value: string }[] }[];
    }>().meters;
    const cold = meters.find((m) => m.resource === 'cold_water')!;
    const send = (data: Buffer) => {
      const { payload, headers } = multipartBody([
        { name: 'file', filename: 'dial.jpg', contentType: 'image/jpeg', data },
      ]);

      return world.platform.app.inject({
        method: 'POST',
        url: `/api/v1/meters/${cold.id}/photos`,
        payload,
        headers: { ...headers, cookie: owner.cookie, 'x-csrf-token': owner.csrf },
      });
    };

    const broken = await send(Buffer.from('not an image at all'));

    expect(broken.statusCode).toBe(422);

    const photo = await send(SCAN);

    expect(photo.statusCode).toBe(201);

    const { fileId } = photo.json<{ fileId: string }>();
    const value = (Number(cold.last[0]!.value) + 1).toFixed(3);
    const submitted = await requestAs(world.platform, owner)(
      'POST',
      `/api/v1/meters/${cold.id}/readings`,
      {
        values: [{ zone: 'single', value }],
        photoFileId: fileId,
      },
    );

    expect(submitted.statusCode).toBe(201);

    const reading = submitted.json<{ readings: { id: string; hasPhoto: boolean }[] }>()
      .readings[0]!;

    expect(reading.hasPhoto).toBe(true);

    const served = await requestAs(world.platform, owner)(
      'GET',
      `/api/v1/meter-readings/${reading.id}/photo`,
    );

    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.rawPayload.includes(Buffer.from('Exif'))).toBe(false);

    const stranger = await world.createUser('stranger-meters@mpdom.test');
    const strangerSession = await world.openSession('stranger-meters@mpdom.test');

    expect(stranger.userId).toBeTruthy();
    expect(
      (
        await requestAs(world.platform, strangerSession)(
          'GET',
          `/api/v1/meter-readings/${reading.id}/photo`,
        )
      ).statusCode,
    ).toBe(403);

    // Somebody else's upload cannot be attached.
    const foreign = await requestAs(world.platform, admin)(
      'POST',
      `/api/v1/meters/${cold.id}/readings`,
      {
        values: [{ zone: 'single', value }],
        photoFileId: fileId,
      },
    );

    expect(foreign.statusCode).toBe(404);
  });
});
