import { parseRoubles } from './money.js';
import { isDate } from './period.js';

/**
 * The lines of a payment registry (case C16). Fields are `;`-separated; `#…` lines are header
 * metadata (`#FILESUM 2500.00` declares the total), a `=count;sum` line is the bank's summary.
 * Two payment layouts are read:
 *
 *   A  `01.03.2025;12:10;<account>;<branch>;<op>;1500,00;<fee>;<payer>[;<purpose>]`
 *   B  `<branch>;<op>;…;…;1000.00;15.00;CLIENTNO: <account>;12/03/2025;…;CLIENTDOCNO: 77;…`
 *
 * A line that cannot be read becomes an error line with its reason; its amount still counts
 * toward the file's total when it could be read, so a broken line is never silently dropped.
 */

export type RegistryLine = {
  lineNo: number;
  raw: string;
  status: 'payment' | 'error';
  paidOn: string | null;
  amountKopecks: bigint | null;
  feeKopecks: bigint;
  accountRef: string | null;
  payerName: string | null;
  purpose: string | null;
  docNo: string | null;
  counterValues: { index: number; value: string }[];
  error: { code: string; message: string } | null;
};

export type RegistryContent = {
  lines: RegistryLine[];
  declaredTotalKopecks: bigint | null;
  declaredCount: number | null;
  service: string | null;
};

export const MAX_REGISTRY_LINES = 100_000;
const MAX_LINE_LENGTH = 2_000;
const SINGLE_ACCOUNT = /(?<![\dA-ZА-Я])(\d{2}[A-ZА-Я]{2}\d{6})(?![\dA-ZА-Я])/iu;

/** dd.mm.yyyy or dd/mm/yyyy → yyyy-mm-dd, when it is a real date. */
function readDate(text: string): string | null {
  const match = /^(\d{2})[./](\d{2})[./](\d{4})$/.exec(text.trim());
  const iso = match ? `${match[3]}-${match[2]}-${match[1]}` : '';

  return isDate(iso) ? iso : null;
}

/** An ЕЛС written anywhere in a text (the payment purpose), upper-cased with Latin letters. */
export function singleAccountIn(text: string | null): string | null {
  const found = text ? SINGLE_ACCOUNT.exec(text) : null;

  return found ? found[1]!.toUpperCase() : null;
}

function blank(lineNo: number, raw: string): RegistryLine {
  return {
    lineNo,
    raw,
    status: 'payment',
    paidOn: null,
    amountKopecks: null,
    feeKopecks: 0n,
    accountRef: null,
    payerName: null,
    purpose: null,
    docNo: null,
    counterValues: [],
    error: null,
  };
}

function fail(line: RegistryLine, code: string, message: string): RegistryLine {
  return { ...line, status: 'error', error: line.error ?? { code, message } };
}

function readAmount(line: RegistryLine, text: string | undefined): RegistryLine {
  const amount = parseRoubles(text ?? '');

  if (amount === null) {
    return fail(line, 'bad_amount', `сумма «${text ?? ''}» не читается`);
  }

  if (amount <= 0n) {
    return fail({ ...line, amountKopecks: amount }, 'bad_amount', 'сумма должна быть больше нуля');
  }

  return { ...line, amountKopecks: amount };
}

function layoutA(line: RegistryLine, fields: string[]): RegistryLine {
  let next = readAmount({ ...line, paidOn: readDate(fields[0]!) }, fields[5]);
  const fee = fields[6]?.trim() ? parseRoubles(fields[6]) : 0n;

  next = {
    ...next,
    accountRef: fields[2]?.trim() || null,
    payerName: fields[7]?.trim() || null,
    purpose: fields.slice(8).join(';').trim() || null,
    feeKopecks: fee ?? 0n,
  };

  if (fee === null || fee < 0n) {
    next = fail(next, 'bad_fee', `комиссия «${fields[6]}» не читается`);
  }

  return next;
}

function layoutB(line: RegistryLine, fields: string[]): RegistryLine {
  const tags = new Map<string, string>();
  let next = readAmount(line, fields[4]);

  for (const field of fields) {
    const tag = /^([A-Za-z_][\w]*)\s*:\s*(.*)$/.exec(field.trim());

    if (tag) {
      tags.set(tag[1]!.toUpperCase(), tag[2]!.trim());
    }
  }

  const fee = fields[5]?.trim() ? parseRoubles(fields[5]) : 0n;
  const date = fields.map((f) => readDate(f)).find((d) => d !== null) ?? null;
  const counters = [...tags]
    .filter(([key]) => /^COUNTERVAL_\d+$/.test(key))
    .map(([key, value]) => ({ index: Number(key.slice(11)), value: value.replace(',', '.') }));

  next = {
    ...next,
    paidOn: date,
    feeKopecks: fee ?? 0n,
    accountRef: tags.get('CLIENTNO') || null,
    docNo: tags.get('CLIENTDOCNO') || null,
    payerName: tags.get('FIO') || null,
    purpose: tags.get('PURPOSE') || null,
    counterValues: counters,
  };

  if (fee === null || fee < 0n) {
    next = fail(next, 'bad_fee', `комиссия «${fields[5]}» не читается`);
  }

  if (!next.accountRef) {
    next = fail(next, 'no_account', 'нет номера лицевого счёта (CLIENTNO)');
  }

  return next;
}

function readPayment(lineNo: number, raw: string, today: string): RegistryLine {
  const line = blank(lineNo, raw);

  if (raw.length > MAX_LINE_LENGTH) {
    return fail(line, 'line_too_long', `строка длиннее ${MAX_LINE_LENGTH} символов`);
  }

  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 && c !== '\t')) {
    return fail(line, 'control_chars', 'строка содержит управляющие символы');
  }

  const fields = raw.split(';');
  let read: RegistryLine;

  if (/^\d{2}[./]\d{2}[./]\d{4}$/.test(fields[0]!.trim())) {
    read = layoutA(line, fields);
  } else if (fields.some((f) => /^\s*CLIENTNO\s*:/i.test(f))) {
    read = layoutB(line, fields);
  } else if (fields.length >= 6) {
    read = layoutB(line, fields);
  } else {
    return fail(line, 'unknown_layout', 'строка не похожа на платёж ни одного известного формата');
  }

  if (!read.paidOn) {
    read = fail(read, 'bad_date', 'дата платежа не читается или не существует');
  } else if (read.paidOn > today) {
    read = fail(read, 'future_date', `дата платежа ${read.paidOn} ещё не наступила`);
  }

  return read;
}

/** Splits and reads the decoded text of a registry; `today` bounds payment dates. */
export function parseRegistryText(text: string, today: string): RegistryContent {
  const content: RegistryContent = {
    lines: [],
    declaredTotalKopecks: null,
    declaredCount: null,
    service: null,
  };
  const rows = text.split(/\r\n|\n|\r/);

  rows.forEach((row, index) => {
    const raw = row.trim();

    if (raw === '') {
      return;
    }

    if (raw.startsWith('#')) {
      const [tag = '', ...rest] = raw.slice(1).split(/\s+/);
      const value = rest.join(' ');

      if (/^FILESUM$/i.test(tag)) {
        content.declaredTotalKopecks = parseRoubles(value);
      } else if (/^SERVICE$/i.test(tag)) {
        content.service = value || null;
      }

      return;
    }

    if (raw.startsWith('=')) {
      const [count, sum] = raw.slice(1).split(';');

      content.declaredCount = /^\d+$/.test(count?.trim() ?? '') ? Number(count) : null;
      content.declaredTotalKopecks = parseRoubles(sum ?? '') ?? content.declaredTotalKopecks;

      return;
    }

    content.lines.push(readPayment(index + 1, raw, today));
  });

  return content;
}

/**
 * The content that identifies a payment line among files (see lineIdentities): the line as the
 * bank wrote it, since banks repeat a payment's line verbatim when they resend it.
 */
export function lineContent(line: RegistryLine): string | null {
  return line.status === 'payment' ? line.raw : null;
}
