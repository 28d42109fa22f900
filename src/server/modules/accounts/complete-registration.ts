import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword } from '../identity/password.js';
import { assertAcceptablePassword } from './accounts.data.js';
import { registrationContacts } from './accounts.presenter.js';
import {
  completeRegistration,
  contactBelongsToUser,
  findRegistration,
  insertConfirmedContact,
  insertConsent,
  insertPersonAndUser,
} from './accounts.repo.js';
import { accountsClock } from './clock.js';
import { clearThrottles } from './lockout.repo.js';
import { accountLoginKeys } from './lockout.service.js';
import { openRegistration, type RequestMeta } from './registrations.service.js';

/**
 * Step 4: the password. Person, user, confirmed contacts and both consents are created in one
 * transaction, so a failure at any point leaves no half account behind.
 */
export async function completeRegistrationWithPassword(
  ctx: AppContext,
  id: string,
  password: string,
  meta: RequestMeta,
): Promise<{ login: string }> {
  const pending = await openRegistration(ctx, id);
  const missing = [
    ...registrationContacts(pending)
      .filter((contact) => !contact.confirmed)
      .map((contact) => `confirm_${contact.kind}`),
    ...(pending.consentedAt ? [] : ['consents']),
  ];

  if (missing.length > 0) {
    throw new AppError('registration_incomplete', { extra: { missing } });
  }

  assertAcceptablePassword(password);

  const passwordHash = await hashPassword(password);
  const now = accountsClock.now();

  await createAccount(ctx, id, passwordHash, now, meta).catch((error: unknown) => {
    // Two registrations of one contact finishing at the same moment: the unique index decides.
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('contact_taken', { cause: error });
    }

    throw error;
  });

  return { login: (pending.email ?? pending.phone)! };
}

async function createAccount(
  ctx: AppContext,
  id: string,
  passwordHash: string,
  now: Date,
  meta: RequestMeta,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Locked so that two submissions of the last step cannot both create an account.
    const row = await findRegistration(tx, id, { lock: true });

    if (!row || row.completedAt) {
      throw new AppError('registration_not_found');
    }

    for (const contact of registrationContacts(row)) {
      if (await contactBelongsToUser(tx, contact.kind, contact.value)) {
        throw new AppError('contact_taken', { extra: { kind: contact.kind } });
      }
    }

    const { personId, userId } = await insertPersonAndUser(tx, { ...row, passwordHash, at: now });

    for (const contact of registrationContacts(row)) {
      const confirmedAt = (contact.kind === 'phone' ? row.phoneConfirmedAt : row.emailConfirmedAt)!;

      await insertConfirmedContact(tx, { personId, userId, ...contact, confirmedAt });
    }

    for (const [kind, textVersion] of [
      ['personal_data', row.personalDataConsentVersion],
      ['user_agreement', row.userAgreementVersion],
    ] as const) {
      await insertConsent(tx, {
        personId,
        kind,
        textVersion: textVersion!,
        acceptedAt: row.consentedAt!,
        ip: row.consentIp,
        userAgent: row.consentUserAgent,
      });
    }

    await completeRegistration(tx, row.id, userId, now);
    await clearThrottles(tx, accountLoginKeys(row));
    await recordAudit(tx, {
      actorUserId: userId,
      requestId: meta.requestId,
      action: 'user.registered',
      objectType: 'user',
      objectId: userId,
      after: {
        personId,
        surname: row.surname,
        name: row.name,
        patronymic: row.patronymic,
        phone: row.phone,
        email: row.email,
        personalDataConsentVersion: row.personalDataConsentVersion,
        userAgreementVersion: row.userAgreementVersion,
      },
    });
  });
}
