import { InvalidArgumentError, Option, type Command } from 'commander';

import { loadConfig, type Config } from '../../server/config.js';
import { prepareDataDir } from '../../server/platform/data-dir.js';
import {
  checkPgliteDir,
  DataDirError,
  openDatabase,
  type Database,
} from '../../server/platform/db/database.js';
import { readOutboxFiles } from '../../server/platform/outbox/outbox.files.js';
import type { Channel } from '../../server/platform/outbox/outbox.schema.js';
import { listMessages } from '../../server/platform/outbox/outbox.service.js';

export type OutboxOptions = {
  channel?: Channel;
  recipient?: string;
  limit: number;
  source?: 'db' | 'files';
};

/** A message as printed, from either source. */
type Printable = {
  date: Date | null;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  status?: string;
  attempts?: number;
  lastError?: string | null;
};

const CHANNEL_LABELS: Record<string, string> = { email: 'e-mail', sms: 'SMS', in_app: 'in-app' };

export function outboxCommand(program: Command) {
  program
    .command('outbox')
    .description('print the latest outgoing messages, newest first (e.g. one-time codes in a demo)')
    .addOption(
      new Option('--channel <channel>', 'only this channel').choices(['email', 'sms', 'in_app']),
    )
    .option('--recipient <address>', 'only messages to this e-mail, phone (+7…) or user id')
    .option('--limit <n>', 'how many messages to print (1–1000)', parseLimit, 10)
    .addOption(
      new Option(
        '--source <source>',
        'read the database (with pending and failed messages) or the files the local ' +
          'transports wrote; by default the database, or the files while a running server ' +
          'holds the embedded database',
      ).choices(['db', 'files']),
    )
    .action(async (options: OutboxOptions) => {
      process.stdout.write(await showOutbox(loadConfig(), options));
    });
}

/** The text `mpdom outbox` prints. */
export async function showOutbox(
  config: Config,
  options: OutboxOptions,
  open: (config: Config) => Promise<Database | null> = openForReading,
): Promise<string> {
  let note = '';

  if (options.source !== 'files') {
    try {
      const db = await open(config);

      if (db) {
        return await fromDatabase(db, options);
      }

      if (options.source === 'db') {
        return 'No database yet: the platform has not been started with this configuration.\n';
      }
    } catch (error) {
      // The embedded database serves one process; while the server has it, its files still tell.
      if (options.source === 'db' || !(error instanceof DataDirError)) {
        throw error;
      }

      note = `(${error.message}; showing the delivered e-mail and SMS files instead)\n\n`;
    }
  }

  if (options.channel === 'in_app') {
    return `${note}In-app messages live only in the database: stop the server or add --source db.\n`;
  }

  const files = await readOutboxFiles(config.outboxDir, {
    channel: options.channel,
    recipient: options.recipient,
    limit: options.limit,
  });

  return note + render(files, `in ${config.outboxDir}`);
}

async function fromDatabase(db: Database, options: OutboxOptions): Promise<string> {
  try {
    const { items } = await listMessages(db, {
      channel: options.channel,
      recipient: options.recipient,
      limit: options.limit,
    });

    return render(
      items.map((message) => ({ ...message, date: message.createdAt })),
      'in the database',
    );
  } finally {
    await db.close();
  }
}

/**
 * Opens the configured database for a short read. The embedded one is taken with the data
 * directory's lock (so never while a server runs on it) and never created where none exists.
 */
async function openForReading(config: Config): Promise<Database | null> {
  if (config.database.kind === 'pglite' && checkPgliteDir(config.database.dir) === 'new') {
    return null;
  }

  const release = prepareDataDir(config);

  try {
    const db = await openDatabase(config);

    return {
      ...db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function render(messages: Printable[], where: string): string {
  if (messages.length === 0) {
    return `No messages ${where}.\n`;
  }

  return messages.map(formatMessage).join('\n');
}

function formatMessage(message: Printable): string {
  const date = message.date ? message.date.toISOString().replace('T', ' ').slice(0, 19) : '—';
  const channel = CHANNEL_LABELS[message.channel] ?? message.channel;
  const state =
    message.status === undefined
      ? ''
      : `  [${message.status}${message.attempts ? `, attempts: ${message.attempts}` : ''}]`;
  const lines = [`${date} UTC  ${channel} → ${message.recipient}${state}`];

  if (message.subject) {
    lines.push(`    Subject: ${message.subject}`);
  }

  lines.push(...message.body.split(/\r?\n/).map((line) => `    ${line}`));

  if (message.lastError) {
    lines.push(`    Last error: ${message.lastError}`);
  }

  return `${lines.join('\n')}\n`;
}

function parseLimit(value: string): number {
  const limit = Number(value);

  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  }

  return limit;
}
