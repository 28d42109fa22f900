import fs from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { storeUpload } from '../../src/server/platform/files/files.service.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';

const SCAN = fs.readFileSync(new URL('../fixtures/files/scan.jpg', import.meta.url));
const DOCS = {
  passportSeriesNumber: '65 12 123456',
  passportIssuedOn: '2015-04-20',
  departmentCode: '660-001',
  snils: '112-233-445 95',
};

describe('identity assurance and verification', () => {
  let world: AccessWorld;
  let person: Session;
  let operator: Session;

  beforeAll(async () => {
    world = await createAccessWorld();
    await world.createUser('person@mpdom.test', 'Пётр');
    person = await world.signIn('person@mpdom.test');
    operator = await world.signIn('operator@mpdom.test');
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  const upload = async (userId: string) =>
    storeUpload(world.platform.ctx, {
      body: SCAN,
      originalName: 'passport.jpg',
      uploadedBy: userId,
    });

  it('should start at basic and say what is missing', async () => {
    const me = await requestAs(world.platform, person)('GET', '/api/v1/users/me');

    expect(me.statusCode).toBe(200);
    expect(me.json().assurance).toMatchObject({
      level: 'basic',
      missing: ['identity_documents', 'verification'],
      pendingVerification: null,
    });
    expect(me.json().contacts).toContainEqual({
      kind: 'email',
      value: 'person@mpdom.test',
      confirmed: true,
    });
  });

  it('should show the contacts registration recorded, confirmed or not', async () => {
    const registered = await world.createUser('registered@mpdom.test');

    await world.platform.ctx.db.query(
      `INSERT INTO contacts (person_id, user_id, kind, value, confirmed_at) VALUES
         ($1, $2, 'email', 'registered@mpdom.test', now()), ($1, $2, 'phone', '+79120000001', NULL)`,
      [registered.personId, registered.userId],
    );

    const session = await world.openSession('registered@mpdom.test');
    const me = await requestAs(world.platform, session)('GET', '/api/v1/users/me');

    expect(me.json().contacts).toEqual([
      { kind: 'phone', value: '+79120000001', confirmed: false },
      { kind: 'email', value: 'registered@mpdom.test', confirmed: true },
    ]);
  });

  it('should refuse verification below standard with what to do, in both languages', async () => {
    const file = await upload(person.userId);
    const as = requestAs(world.platform, person);
    const ru = await as('POST', '/api/v1/verification-requests', { fileId: file.id });

    expect(ru.statusCode).toBe(403);
    expect(ru.json()).toMatchObject({
      code: 'assurance_required',
      requiredLevel: 'standard',
      currentLevel: 'basic',
      missing: ['identity_documents'],
    });
    expect(ru.json().detail).toContain('паспорт и СНИЛС');
    expect(ru.json().how.en).toContain('passport');
  });

  it('should refuse a bad СНИЛС checksum and a malformed passport, storing nothing', async () => {
    const as = requestAs(world.platform, person);
    const badSnils = await as('PUT', '/api/v1/users/me/identity-documents', {
      ...DOCS,
      snils: '112-233-445 96',
    });
    const badPassport = await as('PUT', '/api/v1/users/me/identity-documents', {
      ...DOCS,
      passportSeriesNumber: '65 12 12345<script>',
    });
    const future = await as('PUT', '/api/v1/users/me/identity-documents', {
      ...DOCS,
      passportIssuedOn: '2999-01-01',
    });

    expect(badSnils.statusCode).toBe(422);
    expect(badSnils.json()).toMatchObject({
      code: 'snils_invalid',
      errors: [{ rule: 'checksum' }],
    });
    expect(badPassport.json().code).toBe('passport_invalid');
    expect(future.json().errors[0].field).toBe('passportIssuedOn');

    const [row] = await world.platform.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM identity_assurances WHERE user_id = $1 AND snils_cipher IS NOT NULL',
      [person.userId],
    );

    expect(row?.n).toBe(0);
  });

  it('should reach standard with valid documents, store them encrypted and show them masked', async () => {
    const as = requestAs(world.platform, person);
    const response = await as('PUT', '/api/v1/users/me/identity-documents', DOCS);

    expect(response.statusCode).toBe(200);
    expect(response.json().assurance.level).toBe('standard');
    expect(response.json().identityDocuments).toEqual({
      passport: '•••• 123456',
      passportIssuedOn: '2015-04-20',
      departmentCode: '660-001',
      snils: '•••-•••-445 95',
    });
    expect(response.body).not.toContain('6512');
    expect(response.body).not.toContain('11223344595');

    const [stored] = await world.platform.ctx.db.query<Record<string, string>>(
      'SELECT passport_cipher, snils_cipher FROM identity_assurances WHERE user_id = $1',
      [person.userId],
    );

    expect(JSON.stringify(stored)).not.toContain('123456');
    expect(JSON.stringify(stored)).not.toContain('11223344595');
  });

  it('should queue a scan, let an operator refuse it with a reason and notify the person', async () => {
    const as = requestAs(world.platform, person);
    const file = await upload(person.userId);
    const created = await as('POST', '/api/v1/verification-requests', { fileId: file.id });

    expect(created.statusCode).toBe(201);
    expect(created.json().status).toBe('pending');

    const again = await as('POST', '/api/v1/verification-requests', { fileId: file.id });

    expect(again.json().code).toBe('verification_pending');

    const queue = await requestAs(world.platform, operator)(
      'GET',
      '/api/v1/verification-requests?status=pending',
    );

    expect(queue.statusCode).toBe(200);
    expect(queue.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(
      created.json().id,
    );
    expect(queue.body).not.toContain('6512');

    const scan = await requestAs(world.platform, operator)(
      'GET',
      `/api/v1/verification-requests/${created.json().id}/scan`,
    );

    expect(scan.statusCode).toBe(200);
    expect(scan.rawPayload.equals(SCAN)).toBe(true);

    const journaled = await world.platform.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries
       WHERE actor_user_id = $1 AND object_id = $2 AND personal_data_access`,
      [operator.userId, created.json().id],
    );

    expect(journaled[0]?.n).toBeGreaterThanOrEqual(2);

    const noReason = await requestAs(world.platform, operator)(
      'POST',
      `/api/v1/verification-requests/${created.json().id}/decision`,
      { approved: false },
    );

    expect(noReason.statusCode).toBe(400);

    const refused = await requestAs(world.platform, operator)(
      'POST',
      `/api/v1/verification-requests/${created.json().id}/decision`,
      { approved: false, reason: 'Скан нечитаем' },
    );

    expect(refused.statusCode).toBe(200);
    expect(refused.json().status).toBe('rejected');

    const messages = await world.platform.ctx.db.query<{ channel: string; body: string }>(
      `SELECT channel, body FROM outbox_messages WHERE recipient IN ($1, 'person@mpdom.test')`,
      [person.userId],
    );

    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'in_app']);
    expect(messages[0]?.body).toContain('Скан нечитаем');

    const me = await as('GET', '/api/v1/users/me');

    expect(me.json().assurance).toMatchObject({
      level: 'standard',
      pendingVerification: null,
      lastRejection: { reason: 'Скан нечитаем' },
    });
  });

  it('should let a refused person retry by an in-person code, with attempts bounded', async () => {
    const operatorAs = requestAs(world.platform, operator);
    const issued = await operatorAs('POST', '/api/v1/verification-requests/in-person-codes', {
      login: 'PERSON@mpdom.test',
    });

    expect(issued.statusCode).toBe(201);
    expect(issued.json().code).toMatch(/^\d{8}$/);

    const as = requestAs(world.platform, person);
    const wrong = issued.json().code === '00000000' ? '00000001' : '00000000';

    for (let i = 0; i < 4; i += 1) {
      expect(
        (await as('POST', '/api/v1/users/me/in-person-code', { code: wrong })).json().code,
      ).toBe('in_person_code_invalid');
    }

    const right = await as('POST', '/api/v1/users/me/in-person-code', { code: issued.json().code });

    expect(right.statusCode).toBe(204);
    expect((await as('GET', '/api/v1/users/me')).json().assurance).toMatchObject({
      level: 'verified',
      verifiedBy: 'in_person_code',
      missing: [],
    });

    const replay = await as('POST', '/api/v1/users/me/in-person-code', {
      code: issued.json().code,
    });

    expect(replay.json().code).toBe('in_person_code_invalid');
  });

  it('should refuse a СНИЛС already verified on another account', async () => {
    await world.createUser('twin@mpdom.test');

    const twin = requestAs(world.platform, await world.openSession('twin@mpdom.test'));
    const taken = await twin('PUT', '/api/v1/users/me/identity-documents', DOCS);

    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('snils_taken');
    expect(taken.body).not.toContain('445 95');

    const other = await twin('PUT', '/api/v1/users/me/identity-documents', {
      ...DOCS,
      snils: '123-456-789 64',
    });

    expect(other.statusCode).toBe(200);
    expect(other.json().assurance.level).toBe('standard');

    const [digests] = await world.platform.ctx.db.query<{ n: number }>(
      `SELECT count(DISTINCT snils_digest)::int AS n FROM identity_assurances
       WHERE snils_digest IS NOT NULL`,
    );

    expect(digests?.n).toBe(2);
  });

  it('should burn an in-person code after five wrong attempts', async () => {
    const other = await world.createUser('other@mpdom.test');

    await world.setLevel(other.userId, 'standard');

    const session = await world.signIn('other@mpdom.test');
    const issued = await requestAs(world.platform, operator)(
      'POST',
      '/api/v1/verification-requests/in-person-codes',
      { login: 'other@mpdom.test' },
    );
    const as = requestAs(world.platform, session);
    const wrong = issued.json().code === '00000000' ? '00000001' : '00000000';

    for (let i = 0; i < 5; i += 1) {
      await as('POST', '/api/v1/users/me/in-person-code', { code: wrong });
    }

    const late = await as('POST', '/api/v1/users/me/in-person-code', { code: issued.json().code });

    expect(late.json().code).toBe('in_person_code_invalid');
  });

  it('should approve a scan and expire unanswered requests so another way can be tried', async () => {
    const someone = await world.createUser('scan@mpdom.test');

    await world.setLevel(someone.userId, 'standard');

    const session = await world.signIn('scan@mpdom.test');
    const as = requestAs(world.platform, session);
    const first = await as('POST', '/api/v1/verification-requests', {
      fileId: (await upload(someone.userId)).id,
    });

    await world.platform.ctx.db.query(
      `UPDATE verification_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [first.json().id],
    );

    const me = await as('GET', '/api/v1/users/me');

    expect(me.json().assurance.pendingVerification).toBeNull();

    const second = await as('POST', '/api/v1/verification-requests', {
      fileId: (await upload(someone.userId)).id,
    });

    expect(second.statusCode).toBe(201);

    const approved = await requestAs(world.platform, operator)(
      'POST',
      `/api/v1/verification-requests/${second.json().id}/decision`,
      { approved: true },
    );

    expect(approved.json().status).toBe('approved');
    expect((await as('GET', '/api/v1/users/me')).json().assurance.level).toBe('verified');
  });

  it("should not accept someone else's file or let an operator decide their own request", async () => {
    const foreign = await upload(operator.userId);
    const as = requestAs(world.platform, person);

    await world.setLevel(person.userId, 'standard');
    expect(
      (await as('POST', '/api/v1/verification-requests', { fileId: foreign.id })).statusCode,
    ).toBe(404);

    await world.setLevel(operator.userId, 'standard');

    const own = await requestAs(world.platform, operator)('POST', '/api/v1/verification-requests', {
      fileId: foreign.id,
    });
    const self = await requestAs(world.platform, operator)(
      'POST',
      `/api/v1/verification-requests/${own.json().id}/decision`,
      { approved: true },
    );

    expect(self.statusCode).toBe(403);
  });

  it('should honour a configured level override', async () => {
    const strict = await createAccessWorld({ ACCESS_ASSURANCE: 'profile.read=verified' });

    try {
      const session = await strict.signIn('owner@mpdom.test');
      const me = await requestAs(strict.platform, session)('GET', '/api/v1/users/me');

      expect(me.statusCode).toBe(403);
      expect(me.json()).toMatchObject({ requiredLevel: 'verified', currentLevel: 'basic' });
    } finally {
      await strict.platform.stop();
    }
  });
});
