import { normalizeEmail, normalizeRussianPhone } from '../../../domain/contacts/phone.js';
import type { ContactKind } from '../../../domain/identity/otp-policy.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { currentLegalVersions } from './accounts.data.js';
import { codeMessage, takenNotice } from './accounts.messages.js';
import {
  presentCodeSent,
  presentRegistration,
  registrationContacts,
} from './accounts.presenter.js';
import {
  contactBelongsToUser,
  findRegistration,
  insertRegistration,
  markContactConfirmed,
  saveRegistrationConsents,
  type RegistrationRow,
} from './accounts.repo.js';
import type { StartRegistrationInput } from './accounts.schema.js';
import { accountsClock } from './clock.js';
import { checkCode, issueCode, throwOtpVerdict } from './otp.service.js';

/** A registration left unfinished this long is gone. */
const REGISTRATION_TTL_MS = 24 * 60 * 60 * 1000;

export type RequestMeta = { ip: string; userAgent: string | null; requestId: string };

function invalidField(field: string, message: string): AppError {
  return new AppError('validation_failed', { errors: [{ field, rule: 'format', message }] });
}

/** Step 1: who the person is and how to reach them. Only a pending row is written. */
export async function startRegistration(
  ctx: AppContext,
  input: StartRegistrationInput,
  meta: RequestMeta,
) {
  const phone = input.phone === undefined ? null : normalizeRussianPhone(input.phone);
  const email = input.email === undefined ? null : normalizeEmail(input.email);

  if (input.phone !== undefined && !phone) {
    throw invalidField('body.phone', 'must be a Russian phone number, e.g. +7 900 123-45-67');
  }

  if (input.email !== undefined && !email) {
    throw invalidField('body.email', 'must be an e-mail address');
  }

  const now = accountsClock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertRegistration(tx, {
      surname: input.surname,
      name: input.name,
      patronymic: input.patronymic ?? null,
      phone,
      email,
      ip: meta.ip,
      createdAt: now,
      expiresAt: new Date(now.getTime() + REGISTRATION_TTL_MS),
    });

    await recordAudit(tx, {
      actorUserId: null,
      requestId: meta.requestId,
      action: 'registration.started',
      objectType: 'registration',
      objectId: inserted.id,
      after: { surname: input.surname, name: input.name, phone, email },
    });

    return inserted;
  });

  return presentRegistration(row);
}

export async function openRegistration(ctx: AppContext, id: string): Promise<RegistrationRow> {
  const row = await findRegistration(ctx.db, id);

  if (!row || row.completedAt || row.expiresAt <= accountsClock.now()) {
    throw new AppError('registration_not_found');
  }

  return row;
}

function contactOf(row: RegistrationRow, kind: ContactKind): string {
  const value = kind === 'phone' ? row.phone : row.email;

  if (!value) {
    throw new AppError('validation_failed', {
      errors: [{ field: 'body.kind', rule: 'absent', message: `the registration has no ${kind}` }],
    });
  }

  return value;
}

export async function requestRegistrationCode(
  ctx: AppContext,
  id: string,
  kind: ContactKind,
  meta: RequestMeta,
) {
  const row = await openRegistration(ctx, id);
  const contact = contactOf(row, kind);

  if (registrationContacts(row).find((c) => c.kind === kind)?.confirmed) {
    throw new AppError('conflict', {
      detail: { ru: 'Этот контакт уже подтверждён', en: 'This contact is already confirmed' },
    });
  }

  const taken = await contactBelongsToUser(ctx.db, kind, contact);
  const issued = await ctx.db.transaction(async (tx) => {
    const result = await issueCode(tx, {
      secret: ctx.config.cookieSecret,
      purpose: 'registration',
      subjectId: row.id,
      kind,
      contact,
      ip: meta.ip,
      now: accountsClock.now(),
      compose: (code, minutes) =>
        taken ? takenNotice(kind, contact) : codeMessage(ctx, kind, contact, code, minutes),
    });

    await recordAudit(tx, {
      actorUserId: null,
      requestId: meta.requestId,
      action: 'otp.code_sent',
      objectType: 'registration',
      objectId: row.id,
      after: { kind, contact, expiresAt: result.expiresAt },
    });

    return result;
  });

  return presentCodeSent(kind, contact, issued);
}

/** Step 2b: the code that came to the contact. */
export async function confirmRegistrationContact(
  ctx: AppContext,
  id: string,
  input: { kind: ContactKind; code: string },
  meta: RequestMeta,
) {
  const row = await openRegistration(ctx, id);

  contactOf(row, input.kind);

  const now = accountsClock.now();
  const verdict = await ctx.db.transaction(async (tx) => {
    const result = await checkCode(tx, {
      secret: ctx.config.cookieSecret,
      purpose: 'registration',
      subjectId: row.id,
      kind: input.kind,
      code: input.code,
      now,
    });

    if (result.ok) {
      await markContactConfirmed(tx, row.id, input.kind, now);
      await recordAudit(tx, {
        actorUserId: null,
        requestId: meta.requestId,
        action: 'registration.contact_confirmed',
        objectType: 'registration',
        objectId: row.id,
        after: { kind: input.kind },
      });
    }

    return result;
  });

  throwOtpVerdict(verdict);

  return presentRegistration(await openRegistration(ctx, id));
}

/** Step 3: the two separate consents, each to the current text version (152-ФЗ, 63-ФЗ). */
export async function acceptRegistrationConsents(
  ctx: AppContext,
  id: string,
  input: { personalDataConsentVersion: string; userAgreementVersion: string },
  meta: RequestMeta,
) {
  const row = await openRegistration(ctx, id);
  const current = currentLegalVersions();

  if (
    input.personalDataConsentVersion !== current.personalDataConsent ||
    input.userAgreementVersion !== current.userAgreement
  ) {
    throw new AppError('legal_text_outdated', { extra: { current } });
  }

  await ctx.db.transaction(async (tx) => {
    await saveRegistrationConsents(tx, row.id, {
      ...input,
      at: accountsClock.now(),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    });
    await recordAudit(tx, {
      actorUserId: null,
      requestId: meta.requestId,
      action: 'registration.consents_accepted',
      objectType: 'registration',
      objectId: row.id,
      after: { ...input, ip: meta.ip },
    });
  });

  return presentRegistration(await openRegistration(ctx, id));
}
