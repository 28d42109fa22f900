import http from 'node:http';
import type { AddressInfo } from 'node:net';

import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/server/config.js';
import type { Platform } from '../../src/server/main.js';
import { deliverPending } from '../../src/server/platform/outbox/outbox.service.js';
import {
  EmlFileTransport,
  SmsFileTransport,
  createTransports,
} from '../../src/server/platform/outbox/outbox.transports.js';
import {
  SmsGatewayTransport,
  SmtpTransport,
} from '../../src/server/platform/outbox/outbox.gateways.js';
import { createTestPlatform } from '../support/platform.js';
import { nextIp, post, useFakeClock } from '../support/accounts.js';

type Received = { headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

/** A real HTTP server standing in for the SMS operator's gateway. */
async function startGateway(status = 200) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let raw = '';

    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(raw) });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(status === 200 ? '{"status":"queued"}' : '{"error":"no balance"}');
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.address() as AddressInfo;

  return { url: `http://127.0.0.1:${port}/send`, received, close: () => server.close() };
}

/** A real SMTP server that keeps what it receives. */
async function startSmtp() {
  const mails: { from: string; to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';

      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const { port } = server.server.address() as AddressInfo;

  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => server.close() };
}

describe('delivery of codes', () => {
  let platform: Platform;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    gateway = await startGateway();
    smtp = await startSmtp();
    platform = await createTestPlatform({
      SMS_GATEWAY_URL: gateway.url,
      SMS_GATEWAY_TOKEN: 'secret-token',
      SMS_SENDER: 'MPDOM',
      SMS_TEMPLATE: 'Код МП-дом: {code}. Действует {minutes} мин.',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'МП-дом <no-reply@mpdom.test>',
    });
  });

  afterAll(async () => {
    await platform.stop();
    gateway.close();
    smtp.close();
  });

  it('should choose the file transports without configuration and real ones with it', () => {
    const plain = createTransports(loadConfig({ NODE_ENV: 'test' }));

    expect(plain.email).toBeInstanceOf(EmlFileTransport);
    expect(plain.sms).toBeInstanceOf(SmsFileTransport);

    const real = createTransports(platform.ctx.config);

    expect(real.email).toBeInstanceOf(SmtpTransport);
    expect(real.sms).toBeInstanceOf(SmsGatewayTransport);
    (real.email as SmtpTransport).close();
  });

  it('should post a registration code to the SMS gateway with the template and token', async () => {
    useFakeClock();

    const ip = nextIp();
    const id = (
      await post(
        platform,
        '/api/v1/registrations',
        { phone: '+79030000001', surname: 'А', name: 'Б' },
        ip,
      )
    ).json().registrationId;

    await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'phone' }, ip);

    const transports = createTransports(platform.ctx.config);
    const report = await deliverPending(platform.ctx, transports);

    (transports.email as SmtpTransport).close();

    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(gateway.received).toHaveLength(1);
    expect(gateway.received[0]!.headers.authorization).toBe('Bearer secret-token');
    expect(gateway.received[0]!.body).toMatchObject({
      to: '+79030000001',
      sender: 'MPDOM',
      text: expect.stringMatching(/^Код МП-дом: \d{4}\. Действует 1 мин\.$/),
    });
  });

  it('should send an e-mail code over SMTP', async () => {
    useFakeClock();

    const ip = nextIp();
    const id = (
      await post(
        platform,
        '/api/v1/registrations',
        { email: 'smtp@example.ru', surname: 'А', name: 'Б' },
        ip,
      )
    ).json().registrationId;

    await post(platform, `/api/v1/registrations/${id}/codes`, { kind: 'email' }, ip);

    const transports = createTransports(platform.ctx.config);
    const report = await deliverPending(platform.ctx, transports);

    (transports.email as SmtpTransport).close();

    expect(report.sent).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['smtp@example.ru']);
    expect(smtp.mails[0]!.from).toBe('no-reply@mpdom.test');
    const parsed = await PostalMime.parse(smtp.mails[0]!.raw);
    const [row] = await platform.ctx.db.query<{ body: string }>(
      `SELECT body FROM outbox_messages WHERE recipient = 'smtp@example.ru'`,
    );

    expect(parsed.subject).toBe('Код подтверждения МП-дом');
    expect(parsed.text?.trim()).toBe(row!.body.trim());
    expect(parsed.text).toMatch(/Ваш код подтверждения: \d{6}/);
  });

  it('should leave a message for retry when the gateway refuses it', async () => {
    const failing = await startGateway(402);
    const transport = new SmsGatewayTransport({ url: failing.url, token: undefined, sender: 'X' });
    const message = {
      id: '00000000-0000-4000-8000-000000000001',
      seq: 1,
      channel: 'sms' as const,
      recipient: '+79030000002',
      subject: null,
      body: 'test',
      status: 'pending' as const,
      attempts: 1,
      lastError: null,
      metadata: null,
      createdAt: new Date(),
      sentAt: null,
      nextAttemptAt: new Date(),
    };

    await expect(transport.send(message)).rejects.toThrow('SMS gateway answered 402');
    expect(failing.received[0]!.headers.authorization).toBeUndefined();
    failing.close();
  });
});
