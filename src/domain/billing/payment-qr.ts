import iconv from 'iconv-lite';

import { checkBankAccount, checkBik, checkInn } from '../identifiers/checksums.js';

/**
 * The payment QR of ГОСТ Р 56042-2014: `ST0001`, an encoding digit (1 windows-1251, 2 UTF-8,
 * 3 KOI8-R), a separator, then `Key=Value` pairs — the five mandatory requisites first, in fixed
 * order. Strict in what we print (cases C01, C03, C04, C05c), liberal in what we read (C03d, C05).
 */

export type QrEncoding = 'cp1251' | 'utf8' | 'koi8r';

const FLAG_OF: Record<QrEncoding, string> = { cp1251: '1', utf8: '2', koi8r: '3' };
const ENCODING_OF: Record<string, QrEncoding> = { '1': 'cp1251', '2': 'utf8', '3': 'koi8r' };
const ICONV_NAME: Record<QrEncoding, string> = {
  cp1251: 'win1251',
  utf8: 'utf8',
  koi8r: 'koi8-r',
};

export const MANDATORY = ['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'] as const;

/** Canonical spelling and the longest value of each requisite we know. */
const LIMITS: Record<string, number> = {
  Name: 160,
  PersonalAcc: 20,
  BankName: 45,
  BIC: 9,
  CorrespAcc: 20,
  Sum: 18,
  Purpose: 210,
  PayeeINN: 12,
  PayerINN: 12,
  DrawerStatus: 2,
  KPP: 9,
  CBC: 20,
  OKTMO: 11,
  PaytReason: 2,
  TaxPeriod: 10,
  DocNo: 15,
  DocDate: 10,
  TaxPaytKind: 2,
  LastName: 60,
  FirstName: 60,
  MiddleName: 60,
  PayerAddress: 160,
  PersAcc: 30,
  PaymPeriod: 6,
  Flat: 10,
  Phone: 20,
  Contract: 30,
  PensAcc: 14,
  CounterId: 30,
  CounterVal: 30,
  ServiceName: 30,
  Category: 30,
  QuittId: 30,
  QuittDate: 10,
  PaymTerm: 10,
  AddAmount: 18,
  UIN: 25,
  TechCode: 2,
};

const CANONICAL = new Map(Object.keys(LIMITS).map((key) => [key.toLowerCase(), key]));

export type QrFields = Record<string, string>;
export type QrProblem = { field: string | null; code: string; message: string };

export class QrBuildError extends Error {
  constructor(readonly problems: QrProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'QrBuildError';
  }
}

function problem(field: string | null, code: string, message: string): QrProblem {
  return { field, code, message };
}

function checkForPrint(fields: QrFields, separator: string, checksums: boolean): QrProblem[] {
  const problems: QrProblem[] = [];

  for (const key of MANDATORY) {
    if (!fields[key]) {
      problems.push(problem(key, 'missing', `нет обязательного реквизита ${key}`));
    }
  }

  for (const [key, value] of Object.entries(fields)) {
    const limit = LIMITS[key];

    if (limit === undefined) {
      problems.push(problem(key, 'unknown_field', `неизвестный реквизит ${key}`));
    } else if ([...value].length > limit) {
      problems.push(problem(key, 'too_long', `${key} длиннее ${limit} символов`));
    }

    if (value.includes(separator)) {
      problems.push(
        problem(key, 'separator', `символ-разделитель «${separator}» в значении ${key}`),
      );
    }

    if (/[\r\n]/.test(value)) {
      problems.push(problem(key, 'line_break', `перевод строки в значении ${key}`));
    }
  }

  if (fields.PersonalAcc && !/^\d{20}$/.test(fields.PersonalAcc)) {
    problems.push(problem('PersonalAcc', 'format', 'PersonalAcc — ровно 20 цифр'));
  }

  if (fields.BIC && !checkBik(fields.BIC).valid) {
    problems.push(problem('BIC', 'format', 'BIC — 9 цифр, начинается с 04'));
  } else if (checksums && fields.BIC && fields.PersonalAcc && /^\d{20}$/.test(fields.PersonalAcc)) {
    if (!checkBankAccount(fields.PersonalAcc, fields.BIC).valid) {
      problems.push(problem('PersonalAcc', 'checksum', 'счёт не сходится с БИК по ключу'));
    }
  }

  if (fields.Sum !== undefined && !/^\d{1,18}$/.test(fields.Sum)) {
    problems.push(problem('Sum', 'format', 'Sum — целое число копеек'));
  }

  if (checksums && fields.PayeeINN && !checkInn(fields.PayeeINN).valid) {
    problems.push(problem('PayeeINN', 'checksum', 'ИНН получателя не проходит контрольную сумму'));
  }

  return problems;
}

/**
 * Builds the payload; refuses (QrBuildError listing every problem) rather than print a code a
 * bank would misread: a separator inside a value, a value over its limit, a bad ИНН or account
 * key, a character the chosen encoding cannot carry.
 */
export function buildPaymentQr(
  fields: QrFields,
  options: {
    encoding?: QrEncoding;
    separator?: string;
    /** Off only to reproduce published samples whose ИНН fails its check (C01); on for bills. */
    verifyChecksums?: boolean;
  } = {},
): { text: string; bytes: Buffer } {
  const encoding = options.encoding ?? 'utf8';
  const separator = options.separator ?? '|';
  const problems = checkForPrint(fields, separator, options.verifyChecksums ?? true);

  if (problems.length > 0) {
    throw new QrBuildError(problems);
  }

  const keys = [
    ...MANDATORY,
    ...Object.keys(LIMITS).filter(
      (k) => !(MANDATORY as readonly string[]).includes(k) && fields[k] !== undefined,
    ),
  ];
  const text = `ST0001${FLAG_OF[encoding]}${separator}${keys.map((k) => `${k}=${fields[k]}`).join(separator)}`;
  const bytes = iconv.encode(text, ICONV_NAME[encoding]);

  if (encoding !== 'utf8' && iconv.decode(bytes, ICONV_NAME[encoding]) !== text) {
    throw new QrBuildError([
      problem(null, 'encoding', `символ, которого нет в кодировке ${encoding}`),
    ]);
  }

  return { text, bytes };
}

export type QrParseResult =
  | {
      ok: true;
      encoding: QrEncoding;
      fields: QrFields;
      warnings: QrProblem[];
    }
  | { ok: false; errors: QrProblem[]; warnings: QrProblem[] };

function decode(
  input: string | Uint8Array,
  strict: boolean,
): { text: string; encoding: QrEncoding; warnings: QrProblem[] } | QrProblem {
  const head =
    typeof input === 'string'
      ? input.slice(0, 8)
      : Buffer.from(input.slice(0, 8)).toString('latin1');

  if (!/^ST0001/.test(head) || head.length < 8) {
    return problem(null, 'header', 'нет заголовка ST0001');
  }

  const encoding = ENCODING_OF[head[6]!];

  if (!encoding) {
    return problem(null, 'encoding_flag', `неизвестный признак кодировки «${head[6]}»`);
  }

  if (typeof input === 'string') {
    return { text: input, encoding, warnings: [] };
  }

  if (encoding === 'utf8') {
    try {
      return {
        text: new TextDecoder('utf-8', { fatal: true }).decode(input),
        encoding,
        warnings: [],
      };
    } catch {
      if (strict) {
        return problem(
          null,
          'encoding_mismatch',
          'байты не являются UTF-8, хотя заголовок — ST00012',
        );
      }

      return {
        text: new TextDecoder('utf-8').decode(input),
        encoding,
        warnings: [problem(null, 'encoding_mismatch', 'неверные байты UTF-8 заменены')],
      };
    }
  }

  return { text: iconv.decode(Buffer.from(input), ICONV_NAME[encoding]), encoding, warnings: [] };
}

/**
 * Reads a payload. Keys are matched case-insensitively and written back canonically; values are
 * trimmed; empty segments (`||`, a trailing `|`) are skipped. `strict` also refuses a pair
 * without `=` and mandatory requisites missing or out of order; `tolerant` keeps going and says
 * what it skipped. A failed checksum is a warning, never a refusal (C05a).
 */
export function parsePaymentQr(
  input: string | Uint8Array,
  options: { mode?: 'strict' | 'tolerant' } = {},
): QrParseResult {
  const strict = (options.mode ?? 'strict') === 'strict';
  const decoded = decode(input, strict);

  if ('code' in decoded) {
    return { ok: false, errors: [decoded], warnings: [] };
  }

  const separator = decoded.text[7]!;
  const errors: QrProblem[] = [];
  const warnings = [...decoded.warnings];
  const fields: QrFields = {};
  const order: string[] = [];

  for (const segment of decoded.text.slice(8).split(separator)) {
    if (segment.trim() === '') {
      continue;
    }

    const at = segment.indexOf('=');

    if (at <= 0) {
      (strict ? errors : warnings).push(
        problem(segment, 'pair', `«${segment}» — не пара Ключ=Значение`),
      );
      continue;
    }

    const rawKey = segment.slice(0, at).trim();
    const key = CANONICAL.get(rawKey.toLowerCase()) ?? rawKey;
    const value = segment.slice(at + 1).trim();

    if (value === '') {
      continue;
    }

    fields[key] = value;
    order.push(key);
  }

  const missing = MANDATORY.filter((k) => !fields[k]);

  for (const key of missing) {
    (strict ? errors : warnings).push(
      problem(key, 'missing', `нет обязательного реквизита ${key}`),
    );
  }

  if (strict && missing.length === 0 && MANDATORY.some((k, i) => order[i] !== k)) {
    errors.push(problem(null, 'order', 'обязательные реквизиты идут не в порядке ГОСТ'));
  }

  if (fields.PayeeINN && !checkInn(fields.PayeeINN).valid) {
    warnings.push(problem('PayeeINN', 'checksum', 'ИНН получателя не проходит контрольную сумму'));
  }

  if (errors.length > 0) {
    return { ok: false, errors, warnings };
  }

  return { ok: true, encoding: decoded.encoding, fields, warnings };
}
