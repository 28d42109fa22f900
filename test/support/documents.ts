import type { Platform } from '../../src/server/main.js';
import type { Session } from './access-world.js';
import { multipartBody, type MultipartPart } from './sample-files.js';

/** Sends a multipart form as the session's user, the way the web UI does. */
export function formAs(platform: Platform, session: Session | null) {
  return (url: string, parts: MultipartPart[]) => {
    const { payload, headers } = multipartBody(parts);

    return platform.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        ...headers,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      },
    });
  };
}

/** The card fields of a new document followed by its file part. */
export function documentForm(
  card: Record<string, string>,
  file: { data: Buffer; filename: string; contentType?: string },
): MultipartPart[] {
  return [
    ...Object.entries(card).map(([name, data]) => ({ name, data })),
    { name: 'file', ...file },
  ];
}

/** The latest code sent to a contact, read from the outbox as a tester without a phone would. */
export async function latestCode(platform: Platform, recipient: string): Promise<string> {
  const [row] = await platform.ctx.db.query<{ body: string }>(
    `SELECT body FROM outbox_messages WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`,
    [recipient],
  );
  const code = /\b(\d{4,8})\b/.exec(row?.body ?? '')?.[1];

  if (!code) {
    throw new Error(`no code was sent to ${recipient}`);
  }

  return code;
}

/** A PDF whose trailer names an encryption dictionary, as a password-protected file does. */
export function encryptedPdf(plain: Buffer): Buffer {
  return Buffer.from(
    plain.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 6 0 R'),
    'latin1',
  );
}
