import { createTransport } from 'nodemailer';

import type { Transport } from './outbox.transports.js';
import type { OutboxMessage } from './outbox.schema.js';

/**
 * Real delivery channels, chosen by `createTransports` when configured: e-mail over SMTP through
 * nodemailer, and SMS through an HTTP gateway.
 */

/** E-mail through an SMTP server given as a URL (smtp:// or smtps://, credentials inside). */
export class SmtpTransport implements Transport {
  private readonly mailer: ReturnType<typeof createTransport>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.mailer = createTransport(smtpUrl);
  }

  async send(message: OutboxMessage): Promise<void> {
    await this.mailer.sendMail({
      from: this.from,
      to: message.recipient,
      subject: message.subject ?? '',
      text: message.body,
      date: message.createdAt,
      headers: { 'X-Outbox-Message-Id': message.id },
    });
  }

  close(): void {
    this.mailer.close();
  }
}

export type SmsGatewaySettings = {
  url: string;
  token: string | undefined;
  sender: string;
  /** Gives up on a gateway that does not answer; the outbox retries later. */
  timeoutMs?: number;
};

/**
 * SMS through an HTTP gateway: POST JSON `{to, text, sender, reference}` with a bearer token.
 * Any 2xx means accepted; anything else throws so the outbox retries with backoff. `reference`
 * is the outbox message id, so a gateway that deduplicates drops a retried duplicate.
 */
export class SmsGatewayTransport implements Transport {
  constructor(private readonly settings: SmsGatewaySettings) {}

  async send(message: OutboxMessage): Promise<void> {
    const response = await fetch(this.settings.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
      },
      body: JSON.stringify({
        to: message.recipient,
        text: message.body,
        sender: this.settings.sender,
        reference: message.id,
      }),
      signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
    });

    if (!response.ok) {
      const text = (await response.text()).slice(0, 300);

      throw new Error(`SMS gateway answered ${response.status}: ${text}`);
    }
  }
}
