import { randomUUID } from 'node:crypto';

import type { Platform } from '../../src/server/main.js';
import { hashPassword } from '../../src/server/modules/identity/password.js';

export const TEST_PASSWORD = 'Correct-Horse-42';

/** A person with a sign-in, straight in the database; returns the login and user id. */
export async function insertUser(
  platform: Platform,
  password = TEST_PASSWORD,
): Promise<{ userId: string; login: string }> {
  const login = `user-${randomUUID().slice(0, 8)}@mpdom.test`;
  const [person] = await platform.ctx.db.query<{ id: string }>(
    `INSERT INTO persons (surname, name) VALUES ('Проверкина', 'Вера') RETURNING id`,
  );
  const [user] = await platform.ctx.db.query<{ id: string }>(
    `INSERT INTO users (person_id, email, password_hash) VALUES ($1, $2, $3) RETURNING id`,
    [person!.id, login, await hashPassword(password)],
  );

  return { userId: user!.id, login };
}

type InjectResponse = Awaited<ReturnType<Platform['app']['inject']>>;

/** A browser's view of one session: its cookie and CSRF token, sent with every request. */
export class SessionClient {
  constructor(
    private readonly platform: Platform,
    readonly cookie: string,
    readonly csrfToken: string,
    readonly userAgent: string,
  ) {}

  request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
    return this.platform.app.inject({
      method,
      url,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
        'user-agent': this.userAgent,
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  }
}

export function cookieOf(response: InjectResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;

  return String(first).split(';')[0] ?? '';
}

export const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/126.0.0.0 Safari/537.36';
export const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like ' +
  'Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

export function sessionFrom(platform: Platform, response: InjectResponse, userAgent: string) {
  return new SessionClient(platform, cookieOf(response), response.json().csrfToken, userAgent);
}

/** Signs in with a password the way a browser does; the response must be a new session. */
export async function signInAs(
  platform: Platform,
  login: string,
  password = TEST_PASSWORD,
  userAgent = CHROME_WINDOWS,
): Promise<SessionClient> {
  const response = await platform.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    headers: { 'user-agent': userAgent },
    payload: { login, password },
  });

  if (response.statusCode !== 201) {
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  }

  return sessionFrom(platform, response, userAgent);
}
