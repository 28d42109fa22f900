import { deflateSync, crc32 } from 'node:zlib';

import { expect, request, type APIRequestContext } from '@playwright/test';

/** The demo identity operator; the demo world creates it on the first start. */
export const OPERATOR = { login: 'operator@mpdom.test', password: 'demo-2026-mpdom' };

/** A phone number and e-mail address no other journey uses. */
export function uniqueContacts() {
  const stamp = `${Date.now()}`.slice(-7);

  return {
    phone: `+7 916 ${stamp.slice(0, 3)}-${stamp.slice(3, 5)}-${stamp.slice(5)}`,
    email: `person-${stamp}@example.ru`,
    phoneDigits: `+7916${stamp}`,
  };
}

/** An API client signed in as the demo operator, writes carrying its CSRF token. */
export async function operatorApi(baseURL: string | undefined): Promise<APIRequestContext> {
  const signIn = await request.newContext({ baseURL });
  const answer = await signIn.post('/api/v1/sessions', { data: OPERATOR });

  expect(answer.status(), 'the demo operator signs in').toBe(201);

  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  const state = await signIn.storageState();

  await signIn.dispose();

  return request.newContext({
    baseURL,
    storageState: state,
    extraHTTPHeaders: { 'x-csrf-token': csrfToken },
  });
}

type OutboxPage = { items: { recipient: string; body: string; createdAt: string }[] };

/**
 * The latest code sent to a recipient, read from the demo outbox the way an operator reads it.
 * Waits for a message newer than `after`, so a resent code is never confused with an old one.
 */
export async function latestCode(api: APIRequestContext, recipient: string, after = 0) {
  let code = '';

  await expect
    .poll(
      async () => {
        const answer = await api.get('/api/v1/outbox-messages', {
          params: { recipient, limit: 5 },
        });

        expect(answer.status()).toBe(200);

        const page = (await answer.json()) as OutboxPage;
        const fresh = page.items.find((item) => new Date(item.createdAt).getTime() >= after);
        const match = fresh ? /код[^\d]*(\d{4,8})/i.exec(fresh.body) : null;

        code = match?.[1] ?? '';

        return code;
      },
      { message: `a code for ${recipient} in the outbox`, timeout: 15_000 },
    )
    .not.toBe('');

  return code;
}

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);

  length.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(body));

  return Buffer.concat([length, body, crc]);
}

/** A real PNG (grey, `width`×`height`, 8-bit greyscale) built byte by byte for the upload. */
export function passportScanPng(width = 64, height = 40): Buffer {
  const header = Buffer.alloc(13);

  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 0;

  // Each row starts with filter byte 0, then one grey byte per pixel: a simple gradient.
  const rows = Buffer.alloc((width + 1) * height);

  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      rows[y * (width + 1) + 1 + x] = (x * 4 + y * 2) % 256;
    }
  }

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A СНИЛС no demo person has: a random body with the check number the domain rule accepts. */
export function randomSnils(valid: (input: string) => boolean): string {
  const body = String(100_000_000 + Math.floor(Math.random() * 800_000_000));

  for (let control = 0; control < 100; control += 1) {
    const digits = `${body}${String(control).padStart(2, '0')}`;

    if (valid(digits)) {
      return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9)}`;
    }
  }

  throw new Error(`no check number fits ${body}`);
}

/**
 * A person registered through the API (start, e-mail code from the outbox, consents, password),
 * for journeys about what comes after registration.
 */
export async function registerThroughApi(
  anonymous: APIRequestContext,
  operator: APIRequestContext,
  person: { email: string; surname: string; name: string; password: string },
) {
  const started = Date.now() - 1000;
  const answer = await anonymous.post('/api/v1/registrations', {
    data: { email: person.email, surname: person.surname, name: person.name },
  });

  expect(answer.status()).toBe(201);

  const { registrationId } = (await answer.json()) as { registrationId: string };
  const path = `/api/v1/registrations/${registrationId}`;

  expect((await anonymous.post(`${path}/codes`, { data: { kind: 'email' } })).status()).toBe(202);

  const code = await latestCode(operator, person.email, started);
  const texts = (await (await anonymous.get('/api/v1/legal-texts/current')).json()) as {
    personalDataConsent: { version: string };
    userAgreement: { version: string };
  };
  const confirmed = await anonymous.post(`${path}/confirmations`, {
    data: { kind: 'email', code },
  });

  expect(confirmed.status()).toBe(200);

  const consents = await anonymous.post(`${path}/consents`, {
    data: {
      personalDataConsentVersion: texts.personalDataConsent.version,
      userAgreementVersion: texts.userAgreement.version,
    },
  });

  expect(consents.status()).toBe(200);
  expect(
    (await anonymous.post(`${path}/password`, { data: { password: person.password } })).status(),
  ).toBe(201);
}
