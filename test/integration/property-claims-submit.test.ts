import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { insertHouse } from '../support/factories.js';
import {
  claimCounts,
  insertRegistryObject,
  nextCadastral,
  uploadScan,
} from '../support/property-claims.js';

/**
 * POST /api/v1/property-claims: the registry check end to end on the access world (the demo on
 * two test houses), with registry rows written by the test itself.
 */
describe('property claims: submitting', () => {
  let world: AccessWorld;
  let owner: Session;
  let resident: Session;
  let houseId: string;
  let houseAddress: string;
  let ownerScan: string;
  let residentScan: string;

  const db = () => world.platform.ctx.db;
  const post = (session: Session | null, payload: unknown) =>
    requestAs(world.platform, session)('POST', '/api/v1/property-claims', payload);

  const claim = (overrides: Record<string, unknown> = {}) => ({
    houseId,
    premiseNumber: 'К-1',
    premiseKind: 'storage',
    cadastralNumber: '66:41:0799001:1',
    area: '4,2',
    share: '1',
    titleKind: 'sale_contract',
    titleNumber: '66/001-2020',
    titleDate: '2020-03-01',
    fileIds: [ownerScan],
    ...overrides,
  });

  beforeAll(async () => {
    world = await createAccessWorld();
    owner = await world.openSession('owner@mpdom.test');
    resident = await world.openSession('resident@mpdom.test');
    await world.setLevel(owner.userId, 'standard');
    await world.setLevel(resident.userId, 'standard');

    const [house] = await db().query<{ id: string; address: string }>(
      `SELECT h.id, h.address FROM premises p JOIN houses h ON h.id = p.house_id WHERE p.id = $1`,
      [world.ownerFlat],
    );

    houseId = house!.id;
    houseAddress = house!.address;
    ownerScan = await uploadScan(world.platform.app, owner);
    residentScan = await uploadScan(world.platform.app, resident);
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('should confirm a claim that matches the registry and record the ownership at once', async () => {
    const cadastralNumber = nextCadastral();

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId,
      premiseNumber: 'К-1',
      kind: 'storage',
      area: '4.20',
      rights: [{ ownerName: 'Демидова Анна Сергеевна', share: [1, 1], registrationNumber: 'R-1' }],
    });

    const answer = await post(owner, claim({ cadastralNumber, premiseNumber: 'к1' }));

    expect(answer.statusCode).toBe(201);

    const body = answer.json();

    expect(body).toMatchObject({
      status: 'confirmed',
      mismatches: [],
      area: '4.20',
      share: '1',
      house: { id: houseId, address: houseAddress },
      files: [{ id: ownerScan, mimeType: 'image/jpeg' }],
    });
    expect(body.premiseId).toBeTruthy();

    const [ownership] = await db().query<Record<string, unknown>>(
      `SELECT o.person_id AS "personId", o.share_numerator AS n, o.share_denominator AS d,
              o.source, o.claim_id AS "claimId", o.right_number AS "rightNumber",
              to_char(o.right_registered_on, 'YYYY-MM-DD') AS "registeredOn", o.title_document AS title,
              p.cadastral_number AS cadastral, p.area_total::text AS area, p.kind, p.number
       FROM ownerships o JOIN premises p ON p.id = o.premise_id WHERE o.id = $1`,
      [body.ownershipId],
    );

    expect(ownership).toEqual({
      personId: owner.personId,
      n: 1,
      d: 1,
      source: 'claim',
      claimId: body.id,
      rightNumber: 'R-1',
      registeredOn: '2020-03-15',
      title: 'Договор купли-продажи № 66/001-2020 от 01.03.2020',
      cadastral: cadastralNumber,
      // The premise comes from the registry's figures, not from how the owner spelled them.
      area: '4.20',
      kind: 'storage',
      number: 'К-1',
    });

    const notices = await db().query<{ channel: string; recipient: string; body: string }>(
      `SELECT channel, recipient, body FROM outbox_messages
       WHERE metadata->>'claimId' = $1 ORDER BY seq`,
      [body.id],
    );

    expect(notices.map((n) => [n.channel, n.recipient])).toEqual([
      ['in_app', owner.userId],
      ['email', 'owner@mpdom.test'],
    ]);
    expect(notices[0]!.body).toContain('совпали с реестром');

    const [audit] = await db().query<{ action: string }>(
      `SELECT action FROM audit_entries WHERE object_id = $1`,
      [body.id],
    );

    expect(audit?.action).toBe('property_claim.confirmed');
  });

  it('should attach to the platform premise that already exists instead of making another', async () => {
    const cadastralNumber = nextCadastral();
    const [premise] = await db().query<{ id: string }>(
      `INSERT INTO premises (house_id, number, kind, area_total) VALUES ($1, 'М-40', 'parking', 14.1)
       RETURNING id`,
      [houseId],
    );

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId,
      premiseNumber: 'М-40',
      kind: 'parking',
      area: '14.10',
      rights: [{ ownerName: 'Демидов Павел Андреевич', share: [1, 1] }],
    });

    const answer = await post(
      resident,
      claim({
        cadastralNumber,
        premiseNumber: 'М-40',
        premiseKind: 'parking',
        area: '14.1',
        fileIds: [residentScan],
      }),
    );

    expect(answer.json()).toMatchObject({ status: 'confirmed', premiseId: premise!.id });

    const [stored] = await db().query<{ cadastral: string }>(
      'SELECT cadastral_number AS cadastral FROM premises WHERE id = $1',
      [premise!.id],
    );

    expect(stored?.cadastral).toBe(cadastralNumber);
  });

  it('should store a conflict with the area named and route it to the house manager', async () => {
    const cadastralNumber = nextCadastral();

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId,
      premiseNumber: 'М-7',
      kind: 'parking',
      area: '15.30',
      rights: [{ ownerName: 'Демидов Павел Андреевич', share: [1, 1] }],
    });

    const before = await claimCounts(db());
    const answer = await post(
      resident,
      claim({
        cadastralNumber,
        premiseNumber: 'М-7',
        premiseKind: 'parking',
        area: '18.00',
        fileIds: [residentScan],
      }),
    );

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'area', claimed: '18.00', found: '15.30' }],
      routedOrganisation: { id: world.orgs.managing },
      premiseId: null,
      ownershipId: null,
    });

    const after = await claimCounts(db());

    expect(after).toMatchObject({
      claims: before.claims + 1,
      ownerships: before.ownerships,
      premises: before.premises,
      messages: before.messages + 2,
    });

    const [notice] = await db().query<{ body: string }>(
      `SELECT body FROM outbox_messages WHERE channel = 'in_app' AND recipient = $1
       ORDER BY seq DESC LIMIT 1`,
      [resident.userId],
    );

    expect(notice?.body).toContain('площадь: указано 18,00 м², в реестре 15,30 м²');
  });

  it('should match an area within the tolerance and refuse one a hundredth beyond it', async () => {
    // 15.30 m²: 1 % is 0.153 m², tighter than the absolute 0.5 m².
    const within = nextCadastral();
    const beyond = nextCadastral();

    for (const [cadastralNumber, number] of [
      [within, 'М-41'],
      [beyond, 'М-42'],
    ] as const) {
      await insertRegistryObject(db(), {
        cadastralNumber,
        houseId,
        premiseNumber: number,
        kind: 'parking',
        area: '15.30',
        rights: [{ ownerName: 'Демидов Павел Андреевич', share: [1, 1] }],
      });
    }

    const base = { premiseKind: 'parking', fileIds: [residentScan] };
    const ok = await post(
      resident,
      claim({ ...base, cadastralNumber: within, premiseNumber: 'М-41', area: '15,45' }),
    );
    const off = await post(
      resident,
      claim({ ...base, cadastralNumber: beyond, premiseNumber: 'М-42', area: '15,46' }),
    );

    expect(ok.json()).toMatchObject({ status: 'confirmed' });
    expect(off.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'area', claimed: '15.46', found: '15.30' }],
    });
  });

  it('should name an object the registry does not know, and still keep the claim for a person to decide', async () => {
    const answer = await post(
      owner,
      claim({ cadastralNumber: nextCadastral(), premiseNumber: 'К-90' }),
    );

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'not_in_registry' }],
    });
  });

  it('should route a claim to the manager of the registry’s house, not of the address picked', async () => {
    const cadastralNumber = nextCadastral();
    const [hoaHouse] = await db().query<{ id: string }>(
      'SELECT id FROM houses WHERE managing_organisation_id = $1 LIMIT 1',
      [world.orgs.hoa],
    );

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId: hoaHouse!.id,
      premiseNumber: 'К-9',
      kind: 'storage',
      area: '4.20',
      rights: [{ ownerName: 'Демидова Анна Сергеевна', share: [1, 1] }],
    });

    // The owner picks her managed house; approval would place the premise in the HOA's house,
    // so only the HOA may decide it.
    const answer = await post(owner, claim({ cadastralNumber, premiseNumber: 'К-9' }));

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'address' }],
      routedOrganisation: { id: world.orgs.hoa },
    });
  });

  it('should name every mismatch of a claim that disagrees in many ways', async () => {
    const cadastralNumber = nextCadastral();
    const [other] = await db().query<{ id: string }>(
      `SELECT id FROM houses WHERE id <> $1 ORDER BY portal_id LIMIT 1`,
      [houseId],
    );

    await insertRegistryObject(db(), {
      cadastralNumber,
      houseId: other!.id,
      premiseNumber: '12',
      kind: 'flat',
      area: '45.00',
      rights: [{ ownerName: 'Иванов Иван Иванович', share: [1, 1] }],
    });

    const answer = await post(owner, claim({ cadastralNumber, share: '1/2' }));

    expect(answer.json<{ mismatches: { code: string }[] }>().mismatches.map((m) => m.code)).toEqual(
      [
        'address',
        'premise_number',
        'kind',
        'area',
        'claimant_not_owner',
        // The registry's flat 12 is a demo flat with its owners on the platform already.
        'shares_exceed_whole',
      ],
    );
  });

  it('should let shares reach exactly one and name a share sum above it', async () => {
    const exact = nextCadastral();
    const over = nextCadastral();

    for (const [cadastralNumber, number] of [
      [exact, '70'],
      [over, '71'],
    ] as const) {
      const [premise] = await db().query<{ id: string }>(
        `INSERT INTO premises (house_id, number, kind, area_total, cadastral_number)
         VALUES ($1, $2, 'non_residential', 30, $3) RETURNING id`,
        [houseId, number, cadastralNumber],
      );
      const [stranger] = await db().query<{ id: string }>(
        `INSERT INTO persons (surname, name) VALUES ('Посторонний', 'Пётр') RETURNING id`,
      );

      await db().query(
        `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator)
         VALUES ($1, $2, $3, 2)`,
        [premise!.id, stranger!.id, number === '70' ? 1 : 2],
      );
      await insertRegistryObject(db(), {
        cadastralNumber,
        houseId,
        premiseNumber: number,
        kind: 'non_residential',
        area: '30.00',
        rights: [
          { ownerName: 'Демидова Анна Сергеевна', share: [1, 2] },
          { ownerName: 'Посторонний Пётр', share: [1, 2] },
        ],
      });
    }

    const base = { premiseKind: 'non_residential', area: '30', share: '1/2' };
    const fits = await post(owner, claim({ ...base, cadastralNumber: exact, premiseNumber: '70' }));
    const exceeds = await post(
      owner,
      claim({ ...base, cadastralNumber: over, premiseNumber: '71' }),
    );

    expect(fits.json()).toMatchObject({ status: 'confirmed', share: '1/2' });
    expect(exceeds.json()).toMatchObject({
      status: 'conflict',
      mismatches: [{ code: 'shares_exceed_whole', claimed: '1/2', found: '1' }],
    });
  });

  it('should route a conflict on a house without a manager to the platform operator', async () => {
    const house = await insertHouse(db(), { managing_organisation_id: null });
    const [operatorOrg] = await db().query<{ id: string }>(
      `SELECT id FROM organisations WHERE kind = 'operator' ORDER BY created_at LIMIT 1`,
    );
    const answer = await post(
      owner,
      claim({ houseId: house.id, cadastralNumber: nextCadastral(), premiseNumber: '5' }),
    );

    expect(answer.json()).toMatchObject({
      status: 'conflict',
      routedOrganisation: { id: operatorOrg!.id },
    });
  });

  describe('refusals that store nothing', () => {
    const refusals: [string, () => Record<string, unknown>, number, string, string?][] = [
      [
        'a malformed cadastral number',
        () => ({ cadastralNumber: '66:41:07:1' }),
        422,
        'cadastral_number_invalid',
        'cadastralNumber',
      ],
      [
        'a cadastral number with letters',
        () => ({ cadastralNumber: '66:41:0702013:12a' }),
        422,
        'cadastral_number_invalid',
        'cadastralNumber',
      ],
      ['a share of 3/2', () => ({ share: '3/2' }), 422, 'share_invalid', 'share'],
      ['a share of 0', () => ({ share: '0' }), 422, 'share_invalid', 'share'],
      ['a share of 1/0', () => ({ share: '1/0' }), 422, 'share_invalid', 'share'],
      ['a share in words', () => ({ share: 'половина' }), 422, 'share_invalid', 'share'],
      ['an area of 0', () => ({ area: '0,00' }), 400, 'validation_failed', 'area'],
      ['an area with three decimals', () => ({ area: '15.305' }), 400, 'validation_failed', 'area'],
      [
        'a title dated in the future',
        () => ({ titleDate: '2999-01-01' }),
        400,
        'validation_failed',
        'titleDate',
      ],
      [
        'an unknown house',
        () => ({ houseId: '00000000-0000-4000-8000-000000000001' }),
        400,
        'validation_failed',
        'houseId',
      ],
      ['no scans', () => ({ fileIds: [] }), 400, 'validation_failed', 'body.fileIds'],
      [
        'an unknown kind of premise',
        () => ({ premiseKind: 'garage' }),
        400,
        'validation_failed',
        'body.premiseKind',
      ],
      [
        'a premise number of 21 characters',
        () => ({ premiseNumber: '1'.repeat(21) }),
        400,
        'validation_failed',
        'body.premiseNumber',
      ],
      [
        'an unknown title kind',
        () => ({ titleKind: 'rumour' }),
        400,
        'validation_failed',
        'body.titleKind',
      ],
      [
        'an unknown file id',
        () => ({ fileIds: ['00000000-0000-4000-8000-000000000002'] }),
        422,
        'claim_file_unavailable',
        'fileIds.0',
      ],
      [
        "someone else's scan",
        () => ({ fileIds: [residentScan] }),
        422,
        'claim_file_unavailable',
        'fileIds.0',
      ],
      [
        'a file id that is not a uuid',
        () => ({ fileIds: ["1' OR '1'='1"] }),
        400,
        'validation_failed',
        'body.fileIds.0',
      ],
    ];

    it.each(refusals)('should refuse %s', async (_name, change, status, code, field) => {
      const before = await claimCounts(db());
      const answer = await post(owner, claim({ cadastralNumber: nextCadastral(), ...change() }));

      expect(answer.statusCode).toBe(status);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json().code).toBe(code);

      if (field) {
        expect(answer.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
          field,
        );
      }

      expect(await claimCounts(db())).toEqual(before);
    });

    it('should list every field problem at once, under the code of the first', async () => {
      const answer = await post(owner, claim({ cadastralNumber: 'x', share: '3/2', area: '-1' }));

      expect(answer.json().code).toBe('cadastral_number_invalid');
      expect(answer.json().errors).toEqual([
        expect.objectContaining({ field: 'cadastralNumber', rule: 'format' }),
        expect.objectContaining({ field: 'share', rule: 'above_one' }),
        expect.objectContaining({ field: 'area', rule: 'format' }),
      ]);
    });

    it('should refuse a stored file of another kind, and one over the size limit', async () => {
      const [text, huge] = await db().query<{ id: string }>(
        `INSERT INTO stored_files (storage_key, original_name, mime_type, size_bytes, sha256, uploaded_by)
         VALUES ('x/1', 'notes.txt', 'text/plain', 10, 'aa', $1),
                ('x/2', 'big.pdf', 'application/pdf', $2, 'bb', $1)
         RETURNING id`,
        [owner.userId, world.platform.ctx.config.uploads.maxBytes + 1],
      );
      const before = await claimCounts(db());
      const wrongKind = await post(
        owner,
        claim({ cadastralNumber: nextCadastral(), fileIds: [ownerScan, text!.id] }),
      );
      const tooLarge = await post(
        owner,
        claim({ cadastralNumber: nextCadastral(), fileIds: [huge!.id] }),
      );

      expect(wrongKind.statusCode).toBe(415);
      expect(wrongKind.json()).toMatchObject({ code: 'unsupported_media_type', fileId: text!.id });
      expect(wrongKind.json().detail).toContain('notes.txt');
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toMatchObject({ code: 'payload_too_large', fileId: huge!.id });
      expect(await claimCounts(db())).toEqual(before);
    });

    it('should refuse a second live claim for the same object, even two sent at once', async () => {
      const cadastralNumber = nextCadastral();
      const first = await post(owner, claim({ cadastralNumber, premiseNumber: 'К-91' }));

      expect(first.json().status).toBe('conflict');

      const before = await claimCounts(db());
      const again = await post(owner, claim({ cadastralNumber, premiseNumber: 'К-91' }));

      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('property_claim_duplicate');
      expect(await claimCounts(db())).toEqual(before);

      const racing = nextCadastral();
      const both = await Promise.all([
        post(owner, claim({ cadastralNumber: racing, premiseNumber: 'К-92' })),
        post(owner, claim({ cadastralNumber: racing, premiseNumber: 'К-92' })),
      ]);

      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    });

    it('should refuse a claim to a premise the person already owns on the platform', async () => {
      const cadastralNumber = nextCadastral();

      await db().query('UPDATE premises SET cadastral_number = $2 WHERE id = $1', [
        world.ownerFlat,
        cadastralNumber,
      ]);

      const answer = await post(
        owner,
        claim({ cadastralNumber, premiseKind: 'flat', premiseNumber: '1' }),
      );

      expect(answer.statusCode).toBe(409);
      expect(answer.json().code).toBe('property_claim_duplicate');
    });

    it('should ask for the standard identity level, and refuse strangers', async () => {
      const login = `basic-${Date.now()}@mpdom.test`;

      await world.createUser(login);

      const weak = await world.openSession(login);
      const before = await claimCounts(db());
      const refused = await post(weak, claim({ cadastralNumber: nextCadastral() }));
      const anonymous = await post(null, claim({ cadastralNumber: nextCadastral() }));

      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'assurance_required',
        requiredLevel: 'standard',
        currentLevel: 'basic',
      });
      expect(anonymous.statusCode).toBe(401);
      expect(await claimCounts(db())).toEqual(before);
    });

    it('should refuse broken JSON and a body of the wrong type', async () => {
      const broken = await world.platform.app.inject({
        method: 'POST',
        url: '/api/v1/property-claims',
        payload: '{"houseId": ',
        headers: {
          cookie: owner.cookie,
          'x-csrf-token': owner.csrf,
          'content-type': 'application/json',
        },
      });
      const array = await post(owner, [claim()]);

      expect(broken.statusCode).toBe(400);
      expect(array.statusCode).toBe(400);
      expect(array.json().code).toBe('validation_failed');
    });
  });

  it('should keep hostile text as plain text, and refuse it where a premise number goes', async () => {
    const refused = await post(
      owner,
      claim({ cadastralNumber: nextCadastral(), premiseNumber: "1'; DROP--" }),
    );

    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      errors: [{ field: 'body.premiseNumber' }],
    });

    const answer = await post(
      owner,
      claim({
        cadastralNumber: nextCadastral(),
        premiseNumber: 'К-77',
        titleNumber: "<script>alert(1)</script>'; DROP--",
      }),
    );

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({
      premiseNumber: 'К-77',
      title: { number: "<script>alert(1)</script>'; DROP--" },
    });

    const [count] = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM premises');

    expect(count!.n).toBeGreaterThan(0);
  });

  it('should refuse a NUL character, which PostgreSQL text cannot hold, storing nothing', async () => {
    const before = await claimCounts(db());
    const answer = await post(
      owner,
      claim({ cadastralNumber: nextCadastral(), premiseNumber: '🏠\u0000' }),
    );

    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'body.premiseNumber', rule: 'nul_character' }],
    });
    expect(await claimCounts(db())).toEqual(before);
  });
});
