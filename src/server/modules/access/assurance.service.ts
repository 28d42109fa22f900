import { createHmac, hkdfSync } from 'node:crypto';

import { missingSteps, type AssuranceLevel } from '../../../domain/access/assurance.js';
import {
  checkDepartmentCode,
  checkPassport,
  checkSnils,
} from '../../../domain/identifiers/checksums.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { SignedInUser } from '../../platform/http/auth-types.js';
import { createSecretSealer } from '../security/secret-sealing.js';
import { presentDocuments } from './access.presenter.js';
import type { IdentityDocumentsInput } from './access.schema.js';
import {
  expireOverdue,
  findAssurance,
  findContacts,
  findLatestVerifications,
  findProfile,
  lockAssurance,
  saveDocuments,
  snilsVerifiedElsewhere,
  type ProfileRow,
} from './assurance.repo.js';
import { authorize, type AccessContext } from './authorize.js';
import { listRoleGrants } from './roles.service.js';

// The first Russian internal passports of the current kind were issued in October 1997.
const FIRST_PASSPORT_DAY = '1997-10-01';

export function personalDataSealer(ctx: AccessContext) {
  return createSecretSealer(ctx.config.access.personalDataKey, 'mpdom/personal-data/v1');
}

/** The keyed digest that finds a СНИЛС on other accounts; see `identity_assurances`. */
export function snilsDigestOf(ctx: Pick<AccessContext, 'config'>, snils: string): string {
  const key = Buffer.from(
    hkdfSync('sha256', ctx.config.access.personalDataKey, 'mpdom', 'mpdom/snils-index/v1', 32),
  );

  return createHmac('sha256', key).update(snils).digest('hex');
}

/** Refuses to verify a second account of a person whose СНИЛС is verified elsewhere. */
export async function ensureSnilsUnclaimed(tx: Queryable, userId: string, digest?: string) {
  if (await snilsVerifiedElsewhere(tx, userId, digest)) {
    throw new AppError('snils_taken');
  }
}

/** The signed-in person's profile: contacts, identity level and what is missing, roles. */
export async function getMe(ctx: AccessContext, user: SignedInUser | null) {
  await authorize(ctx, user, 'profile.read');

  const me = user!;
  const profile = await findProfile(ctx.db, me.id);

  if (!profile) {
    throw new AppError('unauthenticated');
  }

  await expireOverdue(ctx.db);

  const assurance = await findAssurance(ctx.db, me.id);
  const level = (assurance?.level ?? 'basic') as AssuranceLevel;
  const recent = await findLatestVerifications(ctx.db, me.id);
  const pending = recent.find((r) => r.status === 'pending');
  const rejected = level === 'verified' ? undefined : recent[0];

  return {
    id: me.id,
    displayName: me.displayName,
    contacts: await contactsOf(ctx, profile),
    assurance: {
      level,
      missing: missingSteps(level),
      pendingVerification: pending
        ? {
            id: pending.id,
            method: pending.method as 'document_scan',
            createdAt: new Date(pending.createdAt).toISOString(),
          }
        : null,
      lastRejection:
        rejected && (rejected.status === 'rejected' || rejected.status === 'expired')
          ? {
              reason: rejected.reason,
              decidedAt: new Date(rejected.decidedAt ?? rejected.expiresAt).toISOString(),
            }
          : null,
      verifiedBy: (assurance?.verifiedBy ?? null) as 'document_scan' | null,
    },
    identityDocuments: presentDocuments(assurance),
    roles: await listRoleGrants(ctx.db, me),
  };
}

/**
 * Contacts from registration; accounts made without it (the demo's, the ones an administrator
 * created) have their sign-in contacts only, which count as confirmed.
 */
async function contactsOf(ctx: AccessContext, profile: ProfileRow) {
  const recorded = await findContacts(ctx.db, profile.personId);

  if (recorded.length > 0) {
    return recorded;
  }

  return [
    ...(profile.phone ? [{ kind: 'phone' as const, value: profile.phone, confirmed: true }] : []),
    ...(profile.email ? [{ kind: 'email' as const, value: profile.email, confirmed: true }] : []),
  ];
}

/**
 * Stores the person's passport and СНИЛС, encrypted, and raises the level to standard. Changing
 * the documents of a verified person drops them back to standard: the verification was of the
 * old documents.
 */
export async function submitIdentityDocuments(
  ctx: AccessContext,
  user: SignedInUser | null,
  input: IdentityDocumentsInput,
  requestId: string,
) {
  await authorize(ctx, user, 'identity_documents.submit');

  const me = user!;
  const docs = validateDocuments(input);
  const sealer = personalDataSealer(ctx);
  const snilsDigest = snilsDigestOf(ctx, docs.snils);

  await ctx.db.transaction(async (tx) => {
    await ensureSnilsUnclaimed(tx, me.id, snilsDigest);

    const before = await lockAssurance(tx, me.id);
    const same =
      before.passportCipher !== null &&
      before.snilsCipher !== null &&
      sealer.unseal(before.passportCipher) === docs.passport &&
      sealer.unseal(before.snilsCipher) === docs.snils;
    const keepVerified = before.level === 'verified' && same;
    const after = {
      level: keepVerified ? 'verified' : 'standard',
      passportCipher: sealer.seal(docs.passport),
      passportTail: docs.passport.slice(-6),
      passportIssuedOn: input.passportIssuedOn,
      departmentCode: docs.departmentCode,
      snilsCipher: sealer.seal(docs.snils),
      snilsTail: docs.snils.slice(-5),
      snilsDigest,
      verifiedBy: keepVerified ? before.verifiedBy : null,
    };

    await saveDocuments(tx, me.id, after);
    await recordAudit(tx, {
      actorUserId: me.id,
      action: 'identity_documents.submitted',
      objectType: 'identity_assurance',
      objectId: me.id,
      requestId,
      before: { level: before.level, documents: presentDocuments(before) },
      after: { level: after.level, documents: presentDocuments({ ...before, ...after }) },
    });
  });

  return getMe(ctx, me);
}

function validateDocuments(input: IdentityDocumentsInput) {
  const passport = checkPassport(input.passportSeriesNumber);
  const department = checkDepartmentCode(input.departmentCode);
  const snils = checkSnils(input.snils);
  const today = new Date().toISOString().slice(0, 10);
  const passportErrors = [
    ...(passport.valid
      ? []
      : [{ field: 'passportSeriesNumber', rule: passport.reason, message: '4 + 6 digits' }]),
    ...(department.valid
      ? []
      : [{ field: 'departmentCode', rule: department.reason, message: 'format 123-456' }]),
    ...(input.passportIssuedOn > today || input.passportIssuedOn < FIRST_PASSPORT_DAY
      ? [
          {
            field: 'passportIssuedOn',
            rule: 'range',
            message: `between ${FIRST_PASSPORT_DAY} and today`,
          },
        ]
      : []),
  ];

  if (passportErrors.length > 0) {
    throw new AppError('passport_invalid', { errors: passportErrors });
  }

  if (!snils.valid) {
    throw new AppError('snils_invalid', {
      detail:
        snils.reason === 'checksum'
          ? {
              ru: 'Контрольное число СНИЛС не сходится: проверьте цифры',
              en: 'The SNILS check digits do not match; check the digits',
            }
          : { ru: 'СНИЛС — 11 цифр: 123-456-789 01', en: 'A SNILS is 11 digits: 123-456-789 01' },
      errors: [{ field: 'snils', rule: snils.reason, message: 'invalid SNILS' }],
    });
  }

  return {
    passport: passport.valid ? passport.value : '',
    departmentCode: department.valid ? department.value : '',
    snils: snils.value,
  };
}
