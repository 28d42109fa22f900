import { randomUUID } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';

import MailComposer from 'nodemailer/lib/mail-composer';

import type { Config } from '../../config.js';
import { SmsGatewayTransport, SmtpTransport } from './outbox.gateways.js';
import type { Channel, OutboxMessage } from './outbox.schema.js';

/**
 * Hands a message to its channel. Resolve once the channel accepted it; throw to have it retried
 * later. A real SMTP or SMS-gateway transport implements the same contract and is chosen in
 * `createTransports` by configuration.
 */
export interface Transport {
  send(message: OutboxMessage): Promise<void>;
}

export type Transports = Partial<Record<Channel, Transport>>;

/**
 * The transports the configuration selects. Without SMTP or an SMS gateway configured (the
 * embedded default and the demo), e-mail and SMS are written as files to `config.outboxDir`,
 * where `mpdom outbox` reads them; with SMTP_URL or SMS_GATEWAY_URL set they go out for real.
 */
export function createTransports(
  config: Pick<Config, 'outboxDir' | 'mail'> & { sms?: Config['sms'] },
): Transports {
  const { smtpUrl } = config.mail;
  const gatewayUrl = config.sms?.gatewayUrl;

  return {
    email: smtpUrl
      ? new SmtpTransport(smtpUrl, config.mail.from)
      : new EmlFileTransport(config.outboxDir, config.mail.from),
    sms:
      config.sms && gatewayUrl
        ? new SmsGatewayTransport({
            url: gatewayUrl,
            token: config.sms.gatewayToken,
            sender: config.sms.sender,
          })
        : new SmsFileTransport(config.outboxDir),
    in_app: inAppTransport,
  };
}

/** E-mail as a complete RFC 5322 message (`.eml`), openable in any mail client. */
export class EmlFileTransport implements Transport {
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}

  async send(message: OutboxMessage): Promise<void> {
    const composer = new MailComposer({
      from: this.from,
      to: message.recipient,
      subject: message.subject ?? '',
      text: message.body,
      date: message.createdAt,
      messageId: `<${message.id}@${domainOf(this.from)}>`,
      headers: { 'X-Outbox-Message-Id': message.id },
    });

    await writeAtomically(
      this.dir,
      outboxFileName(message, 'eml'),
      await composer.compile().build(),
    );
  }
}

/** SMS as a small text file: a few header lines, a blank line, then the text as sent. */
export class SmsFileTransport implements Transport {
  constructor(private readonly dir: string) {}

  async send(message: OutboxMessage): Promise<void> {
    const text =
      `To: ${message.recipient}\n` +
      `Date: ${message.createdAt.toISOString()}\n` +
      `Message-Id: ${message.id}\n` +
      '\n' +
      `${message.body}\n`;

    await writeAtomically(this.dir, outboxFileName(message, 'txt'), text);
  }
}

/** In-app messages are read from the table itself, so storing one is delivering it. */
export const inAppTransport: Transport = {
  async send() {},
};

/**
 * `<created>_<sequence>_<channel>_<id>.<ext>`: names sort in the order the messages were written,
 * and a retry of the same message rewrites the same file instead of adding a second one.
 */
export function outboxFileName(message: OutboxMessage, extension: 'eml' | 'txt'): string {
  const stamp = message.createdAt.toISOString().replaceAll(':', '-');
  const sequence = String(message.seq).padStart(12, '0');

  return `${stamp}_${sequence}_${message.channel}_${message.id}.${extension}`;
}

// A reader (`mpdom outbox`, a person's mail client) never sees half a file.
async function writeAtomically(dir: string, name: string, content: string | Buffer) {
  const temp = path.join(dir, `.${randomUUID()}.part`);

  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(temp, content, { flush: true });
  await fsp.rename(temp, path.join(dir, name));
}

function domainOf(address: string): string {
  return /@([^\s>]+)>?\s*$/.exec(address)?.[1] ?? 'mpdom.local';
}
