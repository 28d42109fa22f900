import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { createTestPlatform } from '../support/platform.js';
import {
  LEGAL,
  latestCode,
  nextIp,
  post,
  registerUpToPassword,
  useFakeClock,
} from '../support/accounts.js';

describe('registration', () => {
  let platform: Platform;
  let clock: ReturnType<typeof useFakeClock>;

  beforeAll(async () => {
    platform = await createTestPlatform();
  });

  beforeEach(() => {
    clock = useFakeClock();
  });

  afterAll(async () => {
    await platform.stop();
  });

  const count = async (table: string) => {
    const [row] = await platform.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table}`,
    );

    return row!.n;
  };

  async function start(body: Record<string, unknown>, ip = nextIp()) {
    return post(platform, '/api/v1/registrations', body, ip);
  }

  it('should register through every step and sign in with the new password', async () => {
    const ip = nextIp();
    const started = await start(
      { phone: '8 (901) 000-00-01', email: 'Maria@Example.RU', surname: 'Иванова', name: 'Мария' },
      ip,
    );

    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({
      contacts: [
        { kind: 'phone', value: '+79010000001', confirmed: false },
        { kind: 'email', value: 'maria@example.ru', confirmed: false },
      ],
      nextStep: 'confirm',
    });

    const id = started.json().registrationId;
    const sent = await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({
      sentTo: '+7 901 ***-**-01',
      expiresAt: '2026-12-03T09:01:00.000Z',
      resendAvailableAt: '2026-12-03T09:01:00.000Z',
      attemptsLeft: 10,
    });

    const smsCode = await latestCode(platform, '+79010000001');
    const [stored] = await platform.ctx.db.query<{ codeHash: string }>(
      'SELECT code_hash AS "codeHash" FROM otp_challenges ORDER BY created_at DESC LIMIT 1',
    );

    expect(smsCode).toMatch(/^\d{4}$/);
    expect(stored!.codeHash).not.toContain(smsCode);

    const phoneOk = await post(
      platform,
      `/api/v1/registrations/${id}/confirmations`,
      { kind: 'phone', code: smsCode },
      ip,
    );

    expect(phoneOk.json().nextStep).toBe('confirm');

    await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'email' }, ip);

    const mailCode = await latestCode(platform, 'maria@example.ru');
    const emailOk = await post(
      platform,
      `/api/v1/registrations/${id}/confirmations`,
      { kind: 'email', code: mailCode },
      ip,
    );

    expect(mailCode).toMatch(/^\d{6}$/);
    expect(emailOk.json().nextStep).toBe('consents');

    const early = await post(platform, `/api/v1/registrations/${id}/password`, {
      password: 'Kx7#mPq2vv',
    });

    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'registration_incomplete', missing: ['consents'] });

    const consents = await post(platform, `/api/v1/registrations/${id}/consents`, LEGAL, ip);

    expect(consents.json().nextStep).toBe('password');

    const done = await post(platform, `/api/v1/registrations/${id}/password`, {
      password: 'Kx7#mPq2vv',
    });

    expect(done.statusCode).toBe(201);
    expect(done.json().user.displayName).toBe('Иванова Мария');
    expect(String(done.headers['set-cookie'])).toContain('HttpOnly');

    const consentRows = await platform.ctx.db.query<{
      kind: string;
      textVersion: string;
      ip: string;
    }>(
      `SELECT c.kind, c.text_version AS "textVersion", c.ip FROM consents c
       JOIN users u ON u.person_id = c.person_id WHERE u.email = 'maria@example.ru' ORDER BY kind`,
    );

    expect(consentRows).toEqual([
      { kind: 'personal_data', textVersion: 'pd-2026-12-01', ip },
      { kind: 'user_agreement', textVersion: 'ua-2026-12-01', ip },
    ]);

    const signIn = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: '+7 901 000 00 01', password: 'Kx7#mPq2vv' },
    });

    expect(signIn.statusCode).toBe(201);

    const again = await post(platform, `/api/v1/registrations/${id}/password`, {
      password: 'Kx7#mPq2vv',
    });

    expect(again.json().code).toBe('registration_not_found');
  });

  it('should describe every accounts endpoint in the OpenAPI document', async () => {
    const document = (await platform.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();

    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/registrations',
        '/api/v1/registrations/{id}/codes',
        '/api/v1/registrations/{id}/confirmations',
        '/api/v1/registrations/{id}/consents',
        '/api/v1/registrations/{id}/password',
        '/api/v1/legal-texts/current',
        '/api/v1/recoveries',
        '/api/v1/recoveries/{id}/confirmations',
        '/api/v1/recoveries/{id}/password',
        '/api/v1/notifications',
        '/api/v1/outbox-messages',
        '/api/v1/otp-counters',
      ]),
    );
  });

  it('should refuse a consent to an outdated text version', async () => {
    const started = await start({ phone: '+79010000002', surname: 'А', name: 'Б' });
    const id = started.json().registrationId;
    const outdated = await post(platform, `/api/v1/registrations/${id}/consents`, {
      ...LEGAL,
      personalDataConsentVersion: 'pd-2020-01-01',
    });

    expect(outdated.statusCode).toBe(409);
    expect(outdated.json().code).toBe('legal_text_outdated');
  });

  it('should serve the current legal texts in both languages', async () => {
    const ru = await platform.app.inject({ method: 'GET', url: '/api/v1/legal-texts/current' });
    const en = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/legal-texts/current',
      headers: { 'accept-language': 'en' },
    });

    expect(ru.json().personalDataConsent.version).toBe(LEGAL.personalDataConsentVersion);
    expect(ru.json().personalDataConsent.text).toContain('152-ФЗ');
    expect(ru.json().userAgreement.text).toContain('63-ФЗ');
    expect(en.json().userAgreement.text).toContain('Duty to keep the key secret');
  });

  describe('C26 expected values', () => {
    it('case 1: 10 wrong codes, then the right one is refused as exhausted', async () => {
      const ip = nextIp();
      const id = (await start({ phone: '+79010000011', surname: 'А', name: 'Б' }, ip)).json()
        .registrationId;

      await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

      const right = await latestCode(platform, '+79010000011');
      const wrong = right === '0000' ? '1111' : '0000';
      const answers = [];

      for (let i = 0; i < 10; i += 1) {
        const response = await post(
          platform,
          `/api/v1/registrations/${id}/confirmations`,
          { kind: 'phone', code: wrong },
          ip,
        );

        answers.push(response.json());
        clock.advance(2);
      }

      expect(answers[0]).toMatchObject({ code: 'otp_invalid', status: 400, attemptsLeft: 9 });
      expect(answers[8]).toMatchObject({ code: 'otp_invalid', attemptsLeft: 1 });
      expect(answers[9]).toMatchObject({ code: 'otp_exhausted', status: 429 });

      const eleventh = await post(
        platform,
        `/api/v1/registrations/${id}/confirmations`,
        { kind: 'phone', code: right },
        ip,
      );

      expect(eleventh.json().code).toBe('otp_exhausted');
      expect(eleventh.json().detail).toContain('запросите новый код');
    });

    it('case 2: the right code at 12:01:30 for a code sent at 12:00:00 is expired', async () => {
      clock.set('2026-12-03T09:00:00Z');

      const ip = nextIp();
      const id = (await start({ phone: '+79010000012', surname: 'А', name: 'Б' }, ip)).json()
        .registrationId;

      await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);
      clock.set('2026-12-03T09:01:30Z');

      const late = await post(
        platform,
        `/api/v1/registrations/${id}/confirmations`,
        { kind: 'phone', code: await latestCode(platform, '+79010000012') },
        ip,
      );

      expect(late.statusCode).toBe(410);
      expect(late.json().code).toBe('otp_expired');
      expect(late.json().detail).toBe('Срок действия кода истёк, запросите код повторно');
    });

    it('case 3a: the 11th code a day to one phone is refused with the reset time', async () => {
      clock.set('2026-12-03T09:00:00Z');

      const answers = [];

      for (let i = 0; i < 11; i += 1) {
        const ip = nextIp();
        const id = (await start({ phone: '+79010000013', surname: 'А', name: 'Б' }, ip)).json()
          .registrationId;

        answers.push(
          await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip),
        );
      }

      expect(answers.slice(0, 10).map((r) => r.statusCode)).toEqual(Array(10).fill(202));
      expect(answers[10]!.statusCode).toBe(429);
      expect(answers[10]!.json()).toMatchObject({
        code: 'otp_limit',
        limit: 'phone_daily',
        resetsAt: '2026-12-03T21:00:00.000Z',
      });
      expect(answers[10]!.json().detail).toContain('04.12, 00:00:00 МСК');
    });

    it('case 3b: the 11th phone from one IP is refused with the reset time', async () => {
      clock.set('2026-12-03T10:00:00Z');

      const ip = '10.200.0.1';
      const answers = [];

      for (let i = 0; i < 11; i += 1) {
        const phone = `+7902000${String(i).padStart(4, '0')}`;
        const id = (await start({ phone, surname: 'А', name: 'Б' }, ip)).json().registrationId;

        answers.push(
          await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip),
        );
      }

      expect(answers[9]!.statusCode).toBe(202);
      expect(answers[10]!.json()).toMatchObject({
        code: 'otp_limit',
        limit: 'ip_daily',
        resetsAt: '2026-12-03T21:00:00.000Z',
      });
    });

    it('case 4: password rules by example', async () => {
      const examples = [
        ['aaaaaaa1', 422, 'password_too_simple'],
        ['x'.repeat(100) + 'Qwerty12345678901234567890123', 422, 'password_too_long'],
        ['Kx7#mP', 422, 'password_too_short'],
        ['qwerty123', 422, 'password_common'],
        ['ЙЦУКЕН123', 422, 'password_common'],
        ['gfhjkm123', 422, 'password_common'],
      ] as const;

      expect(examples[1][0]).toHaveLength(129);

      const id = await registerUpToPassword(platform, { phone: '+79010000014' });

      for (const [password, status, code] of examples) {
        const response = await post(platform, `/api/v1/registrations/${id}/password`, {
          password,
        });

        expect(response.statusCode, password).toBe(status);
        expect(response.json().code, password).toBe(code);
      }

      const accepted = await post(platform, `/api/v1/registrations/${id}/password`, {
        password: 'Qwerty12',
      });

      expect(accepted.statusCode).toBe(201);
    });
  });

  it('should answer a taken contact exactly like a new one and send the owner a notice', async () => {
    const taken = await registerUpToPassword(platform, { phone: '+79010000021' });

    await post(platform, `/api/v1/registrations/${taken}/password`, { password: 'Kx7#mPq2vv' });

    const codesFor = async (phone: string) => {
      const ip = nextIp();
      const id = (await start({ phone, surname: 'А', name: 'Б' }, ip)).json().registrationId;
      const response = await post(
        platform,
        `/api/v1/registrations/${id}/codes`,
        { kind: 'phone' },
        ip,
      );

      return { id, ip, response };
    };
    const existing = await codesFor('+79010000021');
    const fresh = await codesFor('+79010000022');

    expect(existing.response.statusCode).toBe(fresh.response.statusCode);
    expect(Object.keys(existing.response.json())).toEqual(Object.keys(fresh.response.json()));

    const [notice] = await platform.ctx.db.query<{ body: string }>(
      `SELECT body FROM outbox_messages WHERE recipient = '+79010000021' ORDER BY seq DESC LIMIT 1`,
    );

    expect(notice!.body).toContain('уже есть учётная запись');
    expect(notice!.body).not.toMatch(/\d{4}/);
  });

  it('should store script in names as text and leave nothing behind on bad input', async () => {
    const before = {
      users: await count('users'),
      persons: await count('persons'),
      contacts: await count('contacts'),
      consents: await count('consents'),
    };
    const hostile = await start({
      phone: '+79010000031',
      surname: '<script>alert(1)</script>',
      name: '"; DROP TABLE users; --',
    });

    expect(hostile.statusCode).toBe(201);

    const [row] = await platform.ctx.db.query<{ surname: string; name: string }>(
      'SELECT surname, name FROM registrations WHERE id = $1',
      [hostile.json().registrationId],
    );

    expect(row).toEqual({ surname: '<script>alert(1)</script>', name: '"; DROP TABLE users; --' });

    const bad = [
      await start({ phone: '+79010000032', surname: 'x'.repeat(101), name: 'Б' }),
      await start({ phone: 'not a phone', surname: 'А', name: 'Б' }),
      await start({ email: 'nobody@', surname: 'А', name: 'Б' }),
      await start({ surname: 'А', name: 'Б' }),
      await start({ phone: '+79010000033', surname: 'А\u0000', name: 'Б' }),
      await platform.app.inject({
        method: 'POST',
        url: '/api/v1/registrations',
        headers: { 'content-type': 'application/json' },
        payload: '{"surname":',
      }),
    ];

    expect(bad.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(bad.map((r) => r.json<{ code: string }>().code)).toEqual([
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'malformed_request',
    ]);
    expect(bad[0]!.json().errors[0].field).toBe('body.surname');
    expect(bad[1]!.json().errors[0].field).toBe('body.phone');

    // A weak password at the last step and a wrong registration id create nothing.
    const id = await registerUpToPassword(platform, { phone: '+79010000034' });

    await post(platform, `/api/v1/registrations/${id}/password`, { password: 'aaaaaaa1' });
    await post(platform, '/api/v1/registrations/00000000-0000-4000-8000-000000000000/password', {
      password: 'Kx7#mPq2vv',
    });

    expect({
      users: await count('users'),
      persons: await count('persons'),
      contacts: await count('contacts'),
      consents: await count('consents'),
    }).toEqual(before);
  });

  it('should refuse a used code and a code for an expired registration', async () => {
    const ip = nextIp();
    const id = (await start({ phone: '+79010000041', surname: 'А', name: 'Б' }, ip)).json()
      .registrationId;

    await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    const code = await latestCode(platform, '+79010000041');
    const first = await post(
      platform,
      `/api/v1/registrations/${id}/confirmations`,
      { kind: 'phone', code },
      ip,
    );
    const resend = await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    expect(first.statusCode).toBe(200);
    expect(resend.statusCode).toBe(409);

    clock.advance(25 * 3600);

    const gone = await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    expect(gone.json().code).toBe('registration_not_found');
  });

  it('should take concurrent guesses on one code one at a time', async () => {
    const ip = nextIp();
    const id = (await start({ phone: '+79010000051', surname: 'А', name: 'Б' }, ip)).json()
      .registrationId;

    await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    const right = await latestCode(platform, '+79010000051');
    const wrong = right === '0000' ? '1111' : '0000';
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        post(
          platform,
          `/api/v1/registrations/${id}/confirmations`,
          { kind: 'phone', code: wrong },
          ip,
        ),
      ),
    );
    const codes = answers.map((r) => r.json<{ code: string }>().code).sort();
    const [challenge] = await platform.ctx.db.query<{ attempts: number }>(
      'SELECT attempts FROM otp_challenges WHERE subject_id = $1',
      [id],
    );

    expect(codes).toEqual(['otp_invalid', ...Array(7).fill('otp_pause')]);
    expect(challenge!.attempts).toBe(1);
  });

  it('should hold a resend for the countdown', async () => {
    const ip = nextIp();
    const id = (await start({ email: 'resend@example.ru', surname: 'А', name: 'Б' }, ip)).json()
      .registrationId;
    const first = await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'email' }, ip);

    clock.advance(30);

    const early = await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'email' }, ip);

    clock.advance(30);

    const onTime = await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'email' }, ip);

    expect(early.statusCode).toBe(429);
    expect(early.json()).toMatchObject({
      limit: 'resend_pause',
      resetsAt: first.json().resendAvailableAt,
    });
    expect(onTime.statusCode).toBe(202);
  });
});
