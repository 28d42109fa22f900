import type { ContactKind } from '../../../domain/identity/otp-policy.js';
import type { AppContext } from '../../platform/context.js';
import type { NewMessage } from '../../platform/outbox/outbox.schema.js';

/** Texts of the messages the accounts flows send: codes, notices, recovery codes. */

export function codeMessage(
  ctx: AppContext,
  kind: ContactKind,
  contact: string,
  code: string,
  minutes: number,
): NewMessage {
  if (kind === 'phone') {
    const text = ctx.config.sms.template
      .replaceAll('{code}', code)
      .replaceAll('{minutes}', String(minutes));

    return { channel: 'sms', recipient: contact, body: text, metadata: { kind: 'otp' } };
  }

  return {
    channel: 'email',
    recipient: contact,
    subject: 'Код подтверждения МП-дом',
    body:
      `Ваш код подтверждения: ${code}\n\nКод действует ${minutes} мин. Никому его не сообщайте: ` +
      'сотрудники МП-дом его никогда не спрашивают.\n\nЕсли вы не регистрировались на МП-дом, ' +
      'просто удалите это письмо.',
    metadata: { kind: 'otp' },
  };
}

// Sent instead of a code when the contact already has an account: the person who owns it learns
// of the attempt, and the answer to the requester stays the same, so accounts cannot be probed.
export function takenNotice(kind: ContactKind, contact: string): NewMessage {
  const text =
    'МП-дом: с этим контактом уже есть учётная запись. Если это вы, войдите или восстановите ' +
    'доступ. Если нет, ничего делать не нужно.';

  return kind === 'phone'
    ? { channel: 'sms', recipient: contact, body: text, metadata: { kind: 'otp_taken' } }
    : {
        channel: 'email',
        recipient: contact,
        subject: 'Попытка регистрации на МП-дом',
        body: text,
        metadata: { kind: 'otp_taken' },
      };
}

/** Step 2a: send (or resend) a code to one contact of the registration. */
export function recoveryMessage(
  ctx: AppContext,
  kind: 'phone' | 'email',
  contact: string,
  code: string,
  minutes: number,
): NewMessage {
  if (kind === 'phone') {
    const text = ctx.config.sms.template
      .replaceAll('{code}', code)
      .replaceAll('{minutes}', String(minutes));

    return { channel: 'sms', recipient: contact, body: text, metadata: { kind: 'recovery' } };
  }

  return {
    channel: 'email',
    recipient: contact,
    subject: 'Восстановление доступа к МП-дом',
    body:
      `Код для восстановления доступа: ${code}\n\nКод действует ${minutes} мин. Никому его не ` +
      'сообщайте. Если вы не восстанавливали доступ, просто удалите это письмо: пароль не изменится.',
    metadata: { kind: 'recovery' },
  };
}
