import fs from 'node:fs';
import path from 'node:path';

import PostalMime from 'postal-mime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  deliverPending,
  enqueueMessage,
  listMessages,
} from '../../src/server/platform/outbox/outbox.service.js';
import { createTransports } from '../../src/server/platform/outbox/outbox.transports.js';
import { appErrorOf } from '../support/errors.js';
import { createServiceContext } from '../support/service-context.js';

const CODE_EMAIL = {
  channel: 'email',
  recipient: 'ivan.petrov@example.ru',
  subject: 'Код подтверждения МП-дом',
  body: 'Ваш код: 482915.\nНикому его не сообщайте.',
  metadata: { purpose: 'registration' },
} as const;

const CODE_SMS = {
  channel: 'sms',
  recipient: '+79001234567',
  body: 'МП-дом: код 731204, действует 5 минут',
} as const;

describe('outbox', () => {
  let ctx: Awaited<ReturnType<typeof createServiceContext>>;

  beforeAll(async () => {
    ctx = await createServiceContext();
  });

  beforeEach(async () => {
    await ctx.db.query('DELETE FROM outbox_messages');
    fs.rmSync(ctx.config.outboxDir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await ctx.close();
  });

  const statusOf = async (id: string) =>
    (
      await ctx.db.query<{ status: string; attempts: number; lastError: string | null }>(
        `SELECT status, attempts, last_error AS "lastError" FROM outbox_messages WHERE id = $1`,
        [id],
      )
    )[0]!;

  describe('enqueueMessage', () => {
    it("should write the message inside the caller's committed transaction", async () => {
      const message = await ctx.db.transaction((tx) => enqueueMessage(tx, CODE_EMAIL));
      const { items, total } = await listMessages(ctx.db);

      expect(total).toBe(1);
      expect(items[0]).toMatchObject({
        id: message.id,
        ...CODE_EMAIL,
        status: 'pending',
        attempts: 0,
        lastError: null,
        sentAt: null,
      });
      expect(items[0]!.createdAt).toBeInstanceOf(Date);
    });

    it('should leave no message when the transaction rolls back', async () => {
      await expect(
        ctx.db.transaction(async (tx) => {
          await enqueueMessage(tx, CODE_SMS);
          throw new Error('the registration failed after the code was queued');
        }),
      ).rejects.toThrow('registration failed');

      expect((await listMessages(ctx.db)).total).toBe(0);
    });

    it.each([
      [{ ...CODE_EMAIL, recipient: 'not-an-address' }, 'recipient'],
      [{ ...CODE_EMAIL, recipient: 'a@example.ru, b@example.ru' }, 'recipient'],
      [{ ...CODE_EMAIL, subject: 'Код\r\nBcc: spy@example.ru' }, 'subject'],
      [{ ...CODE_EMAIL, body: '' }, 'body'],
      [{ ...CODE_SMS, recipient: '89001234567' }, 'recipient'],
      [{ ...CODE_SMS, body: 'x'.repeat(1001) }, 'body'],
      [{ channel: 'in_app', recipient: 'user-1', body: 'hi' }, 'recipient'],
      [{ channel: 'pigeon', recipient: 'roof', body: 'coo' }, 'channel'],
    ])('should refuse %j, naming the field', async (message, field) => {
      const failure = await appErrorOf(enqueueMessage(ctx.db, message as never));

      expect(failure.code).toBe('validation_failed');
      expect(failure.options.errors?.map((error) => error.field)).toContain(field);
      expect((await listMessages(ctx.db)).total).toBe(0);
    });
  });

  describe('listMessages', () => {
    it('should filter by channel and recipient and page newest first', async () => {
      // Written faster than the clock ticks, so creation times tie; the order must not.
      for (let i = 0; i < 12; i += 1) {
        await enqueueMessage(ctx.db, { ...CODE_SMS, body: `код ${i}` });
      }

      await enqueueMessage(ctx.db, CODE_EMAIL);

      const sms = await listMessages(ctx.db, { channel: 'sms', limit: 10 });
      const byEmail = await listMessages(ctx.db, { recipient: 'IVAN.PETROV@example.ru' });
      const second = await listMessages(ctx.db, { channel: 'sms', limit: 10, page: 2 });

      expect(sms.total).toBe(12);
      expect(sms.items.map((m) => m.body)).toEqual(
        [11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => `код ${i}`),
      );
      expect(second.items.map((m) => m.body)).toEqual(['код 1', 'код 0']);
      expect(byEmail.items.map((m) => m.channel)).toEqual(['email']);
    });
  });

  describe('deliverPending with the local transports', () => {
    it('should write a real .eml that a MIME parser reads back, and mark it sent', async () => {
      const message = await enqueueMessage(ctx.db, CODE_EMAIL);
      const report = await deliverPending(ctx, createTransports(ctx.config));
      const files = fs.readdirSync(ctx.config.outboxDir);
      const raw = fs.readFileSync(path.join(ctx.config.outboxDir, files[0]!));
      const parsed = await PostalMime.parse(raw);

      expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(files).toEqual([expect.stringMatching(new RegExp(`_email_${message.id}\\.eml$`))]);
      expect(raw.every((byte) => byte < 0x80)).toBe(true); // 7-bit clean, as RFC 5322 asks
      expect(raw.toString('latin1')).toContain('\r\nMIME-Version: 1.0\r\n');
      expect(parsed.subject).toBe(CODE_EMAIL.subject);
      expect(parsed.text?.trimEnd()).toBe(CODE_EMAIL.body);
      expect(parsed.to).toEqual([{ name: '', address: CODE_EMAIL.recipient }]);
      expect(parsed.from).toEqual({ name: 'МП-дом', address: 'no-reply@mpdom.local' });
      expect(parsed.messageId).toBe(`<${message.id}@mpdom.local>`);
      expect(new Date(parsed.date!).getTime()).toBe(
        Math.floor(message.createdAt.getTime() / 1000) * 1000,
      );
      expect(await statusOf(message.id)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('should write an SMS as text and mark in-app messages sent without a file', async () => {
      const sms = await enqueueMessage(ctx.db, CODE_SMS);
      const note = await enqueueMessage(ctx.db, {
        channel: 'in_app',
        recipient: '6f1c2a4e-8d3b-4c9a-9e2f-1a2b3c4d5e6f',
        subject: 'Заявка принята',
        body: 'Ваша заявка № 17 принята в работу',
      });

      await deliverPending(ctx, createTransports(ctx.config));

      const files = fs.readdirSync(ctx.config.outboxDir);
      const text = fs.readFileSync(path.join(ctx.config.outboxDir, files[0]!), 'utf8');

      expect(files).toEqual([expect.stringMatching(new RegExp(`_sms_${sms.id}\\.txt$`))]);
      expect(text).toBe(
        `To: +79001234567\nDate: ${sms.createdAt.toISOString()}\nMessage-Id: ${sms.id}\n\n` +
          `${CODE_SMS.body}\n`,
      );
      expect((await statusOf(note.id)).status).toBe('sent');
    });

    it('should deliver nothing twice', async () => {
      await enqueueMessage(ctx.db, CODE_SMS);

      const first = await deliverPending(ctx, createTransports(ctx.config));
      const second = await deliverPending(ctx, createTransports(ctx.config));

      expect(first.sent).toBe(1);
      expect(second).toEqual({ sent: 0, retrying: 0, failed: 0 });
    });
  });
});
