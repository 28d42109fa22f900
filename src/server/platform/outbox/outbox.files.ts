import fsp from 'node:fs/promises';
import path from 'node:path';

import PostalMime from 'postal-mime';

/** A message as the local file transports wrote it. */
export type OutboxFile = {
  file: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  date: Date | null;
};

const FILE_NAME = /^[\dTZ.-]+_\d+_(?<channel>email|sms)_[\w-]+\.(eml|txt)$/;

/**
 * The newest messages in the local outbox folder, read back the way a person would: e-mail
 * decoded by a MIME parser (subject and body in plain text), SMS as written. Only as many files
 * as needed are parsed.
 */
export async function readOutboxFiles(
  dir: string,
  filter: { channel?: 'email' | 'sms' | undefined; recipient?: string | undefined; limit: number },
): Promise<OutboxFile[]> {
  const names = await fsp.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      return [] as string[];
    }

    throw error;
  });
  const candidates = names
    .map((name) => ({ name, match: FILE_NAME.exec(name) }))
    .filter(({ match }) => match && (!filter.channel || match.groups!.channel === filter.channel))
    .sort((a, b) => (a.name < b.name ? 1 : -1));
  const wanted = filter.recipient?.toLowerCase();
  const found: OutboxFile[] = [];

  for (const { name, match } of candidates) {
    if (found.length >= filter.limit) {
      break;
    }

    const content = await fsp.readFile(path.join(dir, name));
    const message =
      match!.groups!.channel === 'email'
        ? await readEml(content)
        : readSms(content.toString('utf8'));

    if (!wanted || message.recipient.toLowerCase() === wanted) {
      found.push({ file: name, ...message });
    }
  }

  return found;
}

async function readEml(content: Buffer): Promise<Omit<OutboxFile, 'file'>> {
  const email = await PostalMime.parse(content);
  const to = email.to?.flatMap((entry) => (entry.group ? entry.group : [entry])) ?? [];

  return {
    channel: 'email',
    recipient: to.map((mailbox) => mailbox.address).join(', '),
    subject: email.subject ?? null,
    body: (email.text ?? '').trimEnd(),
    date: email.date ? new Date(email.date) : null,
  };
}

function readSms(content: string): Omit<OutboxFile, 'file'> {
  const split = content.indexOf('\n\n');
  const head = split >= 0 ? content.slice(0, split) : content;
  const headers = new Map(
    head.split('\n').map((line) => {
      const colon = line.indexOf(':');

      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
    }),
  );
  const date = headers.get('date');

  return {
    channel: 'sms',
    recipient: headers.get('to') ?? '',
    subject: null,
    body: split >= 0 ? content.slice(split + 2).trimEnd() : '',
    date: date ? new Date(date) : null,
  };
}
