import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AccessWorld, Session } from '../support/access-world.js';
import {
  claimBody,
  openClaimsBench,
  postClaim,
  type ClaimsBench,
} from '../support/claims-bench.js';
import { claimCounts, nextCadastral } from '../support/property-claims.js';

/**
 * POST /api/v1/property-claims, what is refused: malformed, hostile and boundary claims get a
 * precise problem and store nothing.
 */
describe('property claims: refusals that store nothing', () => {
  let bench: ClaimsBench;
  let world: AccessWorld;
  let owner: Session;
  let ownerScan: string;
  let residentScan: string;

  const db = () => world.platform.ctx.db;
  const post = (session: Session | null, payload: unknown) => postClaim(bench, session, payload);
  const claim = (overrides: Record<string, unknown> = {}) => claimBody(bench, overrides);

  beforeAll(async () => {
    bench = await openClaimsBench();
    ({ world, owner, ownerScan, residentScan } = bench);
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

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
