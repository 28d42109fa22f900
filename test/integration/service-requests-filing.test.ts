import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { insertHouse } from '../support/factories.js';
import { sampleExe, samplePdf } from '../support/sample-files.js';
import {
  createRequestsWorld,
  fixture,
  leak,
  type RequestsWorld,
} from '../support/service-requests.js';

describe('filing service requests', () => {
  let world: RequestsWorld;

  beforeAll(async () => {
    world = await createRequestsWorld({ SERVICE_REQUEST_PHOTO_MAX_BYTES: String(200 * 1024) });
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('should file a leak about the owner’s flat with the 10-working-day deadline', async () => {
    const response = await world.as('owner')('POST', '/api/v1/service-requests', leak(world));

    expect(response.statusCode).toBe(201);

    const body = response.json();

    expect(body).toMatchObject({ status: 'new', priority: 'normal', viewer: 'requester' });
    expect(
      (body.deadlines as { ruleId: string }[]).map((d: { ruleId: string }) => d.ruleId),
    ).toEqual(['pp416_written_10_working_days', 'pp416_written_10_working_days']);
    expect(body.deadlines[0].remainingMs).toBeGreaterThan(5 * 24 * 3600 * 1000);
    expect(body.requester).toBeNull();

    const mine = await world.as('owner')('GET', '/api/v1/service-requests/mine');

    expect(
      mine.json<{ items: { id: string }[] }>().items.map((r: { id: string }) => r.id),
    ).toContain(body.id);
  });

  it('should recognise an emergency from the text and give 10/30-minute deadlines at once', async () => {
    const response = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, { description: 'Прорвало трубу, заливает соседей снизу!' }),
    );
    const body = response.json();

    expect(response.statusCode).toBe(201);
    expect(body.priority).toBe('emergency');
    expect(body.emergencyReasons).toEqual(['flooding']);
    expect(body.emergencyInstructions[0].ru).toContain('Перекройте воду');
    expect(body.deadlines[0]).toMatchObject({ kind: 'response', ruleId: 'pp416_callback_10min' });
    expect(body.deadlines[0].remainingMs).toBeLessThanOrEqual(10 * 60_000);
    expect(body.deadlines[1]).toMatchObject({ kind: 'localisation' });
  });

  it('should replay the assistant answers on the server: frost makes «no heating» an emergency', async () => {
    const script = await world.as('owner')(
      'GET',
      `/api/v1/service-requests/assistant/heating?houseId=${world.houseId}`,
    );

    expect(script.statusCode).toBe(200);
    expect(script.json().questions[0].id).toBe('what');

    const response = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, {
        category: 'heating',
        description: 'Батареи чуть тёплые во всей квартире',
        answers: { what: 'none', frost: 'yes', hacked: 'emergency' },
      }),
    );

    expect(response.json()).toMatchObject({
      priority: 'emergency',
      emergencyReasons: ['no_heating_frost'],
    });
    expect(response.json().transcript).toHaveLength(2);
  });

  it('should give a sewer blockage its 2-hour term and suggest self-help where it fits', async () => {
    const blocked = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, { description: 'Засор в ванной, вода не уходит', answers: { what: 'blockage' } }),
    );

    expect(blocked.json()).toMatchObject({ priority: 'urgent', blockage: 'sewer' });
    expect(blocked.json().deadlines[1].ruleId).toBe('pp416_sewer_blockage_2h');

    const breaker = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, {
        category: 'electricity',
        description: 'Нет света в комнате и на кухне',
        answers: { what: 'flat', breaker: 'tripped' },
      }),
    );

    expect(breaker.json().selfHelp[0].ru).toContain('автомат');
  });

  it('should give a common-area request from another house 30 days (C21)', async () => {
    const response = await world.as('stranger')('POST', '/api/v1/service-requests', {
      houseId: world.houseId,
      location: 'common_area',
      category: 'yard',
      description: 'Во дворе соседнего дома разбит фонарь у детской площадки',
    });

    expect(response.statusCode).toBe(201);
    expect(response.json().deadlines[0].ruleId).toBe('pp416_non_owner_30_days');
  });

  it('should refuse a request about a premise the person has no link to', async () => {
    const response = await world.as('stranger')('POST', '/api/v1/service-requests', leak(world));

    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('service_request_premise_unlinked');

    const other = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, { premiseId: world.otherFlat }),
    );

    expect(other.json().code).toBe('service_request_premise_unlinked');
  });

  it.each([
    ['an empty description', { description: '' }, 'description'],
    ['a too short description', { description: 'течёт' }, 'description'],
    ['an oversized description', { description: 'х'.repeat(4001) }, 'description'],
    ['an unknown category', { category: 'sauna' }, 'category'],
    ['a malformed house id', { houseId: 'not-a-uuid' }, 'houseId'],
    ['a premise without its id', { premiseId: null }, 'premiseId'],
    ['a common area with a premise', { location: 'common_area' }, 'premiseId'],
    ['a hostile phone', { contactPhone: '<script>alert(1)</script>' }, 'contactPhone'],
    [
      'too many photos',
      { photoIds: Array(7).fill('00000000-0000-4000-8000-000000000000') },
      'photoIds',
    ],
  ])('should refuse %s with the field named', async (_name, overrides, field) => {
    const response = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, overrides),
    );

    expect(response.statusCode).toBe(400);
    expect(
      response
        .json<{ errors: { field: string }[] }>()
        .errors.map((e: { field: string }) => e.field.replace('body.', '')),
    ).toContain(field);
  });

  it('should refuse a house nobody manages and one that does not exist', async () => {
    const missing = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, {
        houseId: '00000000-0000-4000-8000-000000000000',
        location: 'common_area',
        premiseId: null,
      }),
    );

    expect(missing.statusCode).toBe(400);

    const unmanaged = await insertHouse(world.platform.ctx.db, { managing_organisation_id: null });
    const response = await world.as('owner')('POST', '/api/v1/service-requests', {
      houseId: unmanaged.id,
      location: 'common_area',
      category: 'roof',
      description: 'Течёт крыша над последним этажом',
    });

    expect(response.json().code).toBe('service_request_no_organisation');
  });

  it('should answer a repeat within minutes with the first request (C24)', async () => {
    const body = leak(world, { description: 'Не закрывается дверь в подвал, ключ не помогает' });
    const first = await world.as('owner')('POST', '/api/v1/service-requests', body);
    const again = await world.as('owner')('POST', '/api/v1/service-requests', {
      ...body,
      description: 'не закрывается дверь в подвал — ключ не помогает!',
    });

    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'service_request_duplicate',
      existingId: first.json().id,
    });
  });

  it('should refuse identical request N+1 of the day and accept it after an admin lifts the limit', async () => {
    const db = world.platform.ctx.db;
    const text = 'Грязно на лестнице у мусоропровода, не убирают';
    const body = {
      houseId: world.houseId,
      location: 'common_area',
      category: 'cleaning',
      description: text,
    };

    for (let i = 0; i < 3; i += 1) {
      const response = await world.as('resident')('POST', '/api/v1/service-requests', body);

      expect(response.statusCode).toBe(201);
      // Older than the duplicate window, still today: only the daily limit applies.
      await db.query(
        `UPDATE service_requests SET created_at = created_at - interval '11 minutes' WHERE id = $1`,
        [response.json().id],
      );
    }

    const refused = await world.as('resident')('POST', '/api/v1/service-requests', body);

    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'service_request_daily_limit', limit: 3 });
    expect(refused.json().detail).toContain('3 одинаковые');

    // The same text to another organisation is a different request (C24).
    const [elsewhere] = await db.query<{ id: string }>(
      'SELECT id FROM houses WHERE managing_organisation_id = $1 LIMIT 1',
      [world.orgs.hoa],
    );
    const other = await world.as('resident')('POST', '/api/v1/service-requests', {
      ...body,
      houseId: elsewhere!.id,
    });

    expect(other.statusCode).toBe(201);

    const lift = await world.as('admin')(
      'POST',
      `/api/v1/organisations/${world.orgs.managing}/service-requests/limit-waivers`,
      { personId: world.sessions.resident.personId, until: '2099-12-31' },
    );

    expect(lift.statusCode).toBe(200);
    expect((await world.as('resident')('POST', '/api/v1/service-requests', body)).statusCode).toBe(
      201,
    );
  });

  it('should strip GPS and apply the EXIF orientation before storing a photo (C22a)', async () => {
    const original = fixture('photo-exif-gps.jpg');

    expect((await exifr.parse(original, { gps: true })).latitude).toBeCloseTo(56.8368, 3);

    const upload = await world.upload('owner', original, 'leak.jpg');

    expect(upload.statusCode).toBe(201);
    expect(upload.json()).toMatchObject({ width: 48, height: 64, mimeType: 'image/jpeg' });

    const filed = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, { photoIds: [upload.json().id] }),
    );

    expect(filed.statusCode).toBe(201);

    const id = filed.json().id;
    const photo = filed.json().photos[0].id;

    for (const who of ['owner', 'dispatcher'] as const) {
      const download = await world.as(who)('GET', `/api/v1/service-requests/${id}/photos/${photo}`);

      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('image/jpeg');
      expect(await exifr.parse(download.rawPayload, { gps: true, xmp: true })).toBeUndefined();
      expect((await sharp(download.rawPayload).metadata()).width).toBe(48);
    }

    const stranger = await world.as('stranger')(
      'GET',
      `/api/v1/service-requests/${id}/photos/${photo}`,
    );

    expect(stranger.statusCode).toBe(404);
  });

  it('should convert a HEIC photo named .jpg by its content (C22b, c)', async () => {
    const upload = await world.upload('owner', fixture('photo.heic'), 'photo.jpg');

    expect(upload.statusCode).toBe(201);
    expect(upload.json()).toMatchObject({ mimeType: 'image/jpeg', converted: true });
  });

  it('should refuse disguised, damaged, empty and oversized files with a readable reason', async () => {
    const exe = await world.upload('owner', sampleExe(), 'photo.jpg');

    expect(exe.statusCode).toBe(415);
    expect(exe.json().detail).toContain('EXE');

    const pdf = await world.upload('owner', samplePdf(), 'photo.jpg');

    expect(pdf.statusCode).toBe(415);

    const broken = Buffer.concat([fixture('photo-exif-gps.jpg').subarray(0, 400)]);
    const damaged = await world.upload('owner', broken, 'broken.jpg');

    expect(damaged.json().code).toBe('image_unreadable');

    const empty = await world.upload('owner', Buffer.alloc(0), 'empty.jpg');

    expect(empty.statusCode).toBe(400);

    const big = Buffer.concat([fixture('photo-exif-gps.jpg'), Buffer.alloc(300 * 1024)]);
    const tooLarge = await world.upload('owner', big, 'big.jpg');

    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().detail).toMatch(/МБ|KB|КБ|MB/);
  });

  it("should refuse to attach a photo that is someone else's or never went through the sanitiser", async () => {
    const upload = await world.upload('resident', fixture('photo-exif-gps.jpg'), 'x.jpg');
    const theirs = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, { photoIds: [upload.json().id] }),
    );

    expect(theirs.json().code).toBe('service_request_photo_unavailable');

    const generic = await world.platform.ctx.db.query<{ id: string }>(
      `SELECT f.id FROM stored_files f WHERE f.uploaded_by = $1
       AND NOT EXISTS (SELECT 1 FROM service_request_photos p WHERE p.file_id = f.id) LIMIT 1`,
      [world.sessions.owner.userId],
    );
    const raw = await world.as('owner')(
      'POST',
      '/api/v1/service-requests',
      leak(world, { photoIds: [generic[0]?.id ?? '00000000-0000-4000-8000-000000000000'] }),
    );

    expect(raw.json().code).toBe('service_request_photo_unavailable');
  });

  it('should offer similar open requests of the house and let a neighbour join one', async () => {
    const filed = await world.as('owner')('POST', '/api/v1/service-requests', {
      houseId: world.houseId,
      location: 'common_area',
      category: 'intercom',
      description: 'Домофон третьего подъезда не звонит в квартиры',
    });
    const similar = await world.as('resident')(
      'GET',
      `/api/v1/service-requests/similar?houseId=${world.houseId}&category=intercom`,
    );

    expect(similar.json<{ id: string }[]>().map((s: { id: string }) => s.id)).toContain(
      filed.json().id,
    );

    const joined = await world.as('resident')(
      'POST',
      `/api/v1/service-requests/${filed.json().id}/join`,
    );

    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ viewer: 'follower', followers: 1 });

    const own = await world.as('owner')('POST', `/api/v1/service-requests/${filed.json().id}/join`);

    expect(own.json().code).toBe('service_request_join_refused');

    const stranger = await world.as('stranger')(
      'POST',
      `/api/v1/service-requests/${filed.json().id}/join`,
    );

    expect(stranger.statusCode).toBe(404);

    const mine = await world.as('resident')('GET', '/api/v1/service-requests/mine');

    expect(
      mine
        .json<{ items: { id: string }[] }>()
        .items.some((r: { id: string }) => r.id === filed.json().id),
    ).toBe(true);
  });
});
