import fs from 'node:fs';
import path from 'node:path';

import { dictionary } from '@zxcvbn-ts/language-common';

import {
  checkPassword,
  type CommonPasswordList,
} from '../../../domain/identity/password-policy.js';
import { AppError, type Locale } from '../../platform/errors.js';

/** Reference data of the accounts module: common-password lists and the legal texts. */

const DATA_DIR = path.resolve(import.meta.dirname, '../../../../data');

let lists: CommonPasswordList[] | undefined;

/**
 * The international list of @zxcvbn-ts (≈49 000 passwords from public leaks, lower case) and our
 * Russian list (Cyrillic, layout-switched and transliterated words) from data/security/.
 */
export function commonPasswordLists(): CommonPasswordList[] {
  if (!lists) {
    const russian = fs
      .readFileSync(path.join(DATA_DIR, 'security/common-passwords-ru.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.toLocaleLowerCase('ru'));

    lists = [new Set(dictionary['passwords-common']), new Set(russian)];
  }

  return lists;
}

/** Throws the problem of the first password rule broken; the password itself is never logged. */
export function assertAcceptablePassword(password: string): void {
  const verdict = checkPassword(password, commonPasswordLists());

  if (!verdict.ok) {
    throw new AppError(verdict.code, {
      errors: [{ field: 'body.password', rule: verdict.code, message: verdict.code }],
    });
  }
}

type LegalIndexEntry = { version: string; effectiveFrom: string; files: Record<Locale, string> };
type LegalIndex = { personalDataConsent: LegalIndexEntry; userAgreement: LegalIndexEntry };

let legalIndex: LegalIndex | undefined;

function readLegalIndex(): LegalIndex {
  legalIndex ??= JSON.parse(
    fs.readFileSync(path.join(DATA_DIR, 'legal/index.json'), 'utf8'),
  ) as LegalIndex;

  return legalIndex;
}

/** The versions a registration must accept now. */
export function currentLegalVersions(): { personalDataConsent: string; userAgreement: string } {
  const index = readLegalIndex();

  return {
    personalDataConsent: index.personalDataConsent.version,
    userAgreement: index.userAgreement.version,
  };
}

/** The current texts in the caller's language, with their versions. */
export function currentLegalTexts(locale: Locale) {
  const index = readLegalIndex();
  const read = (entry: LegalIndexEntry) => ({
    version: entry.version,
    effectiveFrom: entry.effectiveFrom,
    text: fs.readFileSync(path.join(DATA_DIR, 'legal', entry.files[locale]), 'utf8'),
  });

  return {
    personalDataConsent: read(index.personalDataConsent),
    userAgreement: read(index.userAgreement),
  };
}
