import { randomUUID } from 'node:crypto';

import { checkSingleAccountNumber } from '../../../domain/accounts/single-account-number.js';
import { decodeRegistry, fileHash, lineIdentities } from '../../../domain/billing/registry-file.js';
import {
  lineContent,
  MAX_REGISTRY_LINES,
  parseRegistryText,
  singleAccountIn,
  type RegistryLine,
} from '../../../domain/billing/registry-lines.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { offsetOf, type PageQuery } from '../../platform/http/pagination.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import { businessToday, notFound } from './billing-common.js';

type Candidate = { id: string; number: string; localNumber: string | null };

/** The organisation's accounts a registry's lines may name, by ЕЛС or the local number. */
async function candidates(db: Queryable, organisationId: string, lines: RegistryLine[]) {
  const refs = new Set<string>();

  for (const line of lines) {
    for (const text of [
      line.accountRef,
      singleAccountIn(line.purpose),
      singleAccountIn(line.payerName),
    ]) {
      if (text) {
        refs.add(text);
        const check = checkSingleAccountNumber(text);

        if (check.valid) {
          refs.add(check.value);
        }
      }
    }
  }

  const rows = await db.query<Candidate>(
    `SELECT id, number, local_number AS "localNumber" FROM personal_accounts
      WHERE organisation_id = $1 AND (number = ANY($2::text[]) OR local_number = ANY($2::text[]))`,
    [organisationId, [...refs]],
  );
  const byRef = new Map<string, Candidate>();

  for (const row of rows) {
    byRef.set(row.number, row);
    if (row.localNumber) {
      byRef.set(row.localNumber, row);
    }
  }

  return byRef;
}

/** The account a line names: its account field (an ЕЛС or local number), else an ЕЛС in the purpose. */
function matchLine(line: RegistryLine, byRef: Map<string, Candidate>): Candidate | null {
  const ref = line.accountRef?.trim() ?? '';
  const asSingle = ref ? checkSingleAccountNumber(ref) : null;
  const direct = (asSingle?.valid ? byRef.get(asSingle.value) : undefined) ?? byRef.get(ref);

  if (direct) {
    return direct;
  }

  for (const text of [line.purpose, line.payerName]) {
    const found = singleAccountIn(text);
    const check = found ? checkSingleAccountNumber(found) : null;

    if (check?.valid && byRef.has(check.value)) {
      return byRef.get(check.value)!;
    }
  }

  return null;
}

const LINE_COLUMNS = `l.id, l.line_no AS "lineNo", l.status, to_char(l.paid_on, 'YYYY-MM-DD') AS "paidOn",
  l.amount_kopecks AS "amountKopecks", l.fee_kopecks AS "feeKopecks", l.account_ref AS "accountRef",
  l.payer_name AS "payerName", l.purpose, l.problem, l.personal_account_id AS "personalAccountId",
  a.number AS "accountNumber", l.raw`;

const REGISTRY_COLUMNS = `id, organisation_id AS "organisationId", file_name AS "fileName", encoding,
  lines_count AS "linesCount", payments_count AS "paymentsCount", matched_count AS "matchedCount",
  unmatched_count AS "unmatchedCount", error_count AS "errorCount", duplicate_count AS "duplicateCount",
  total_kopecks AS "totalKopecks", declared_total_kopecks AS "declaredTotalKopecks",
  totals_match AS "totalsMatch", to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"`;

/**
 * Imports a bank's payment registry: each readable line matched to an account of the
 * organisation and booked as a payment; a line naming no known account waits in the unmatched
 * queue; a broken line is reported with its reason. The same file again is refused; a line seen
 * in an earlier file is kept as a duplicate and booked nothing.
 */
export async function importRegistry(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  file: { bytes: Buffer; fileName: string },
) {
  await authorize(ctx, acting.user, 'payments.manage', { organisationId });

  const hash = fileHash(file.bytes);
  const [seen] = await ctx.db.query<{ id: string }>(
    'SELECT id FROM billing_registries WHERE organisation_id = $1 AND file_sha256 = $2',
    [organisationId, hash],
  );

  if (seen) {
    throw new AppError('registry_file_duplicate', { extra: { registryId: seen.id } });
  }

  const decoded = decodeRegistry(file.bytes);

  if (!decoded.ok) {
    throw new AppError('registry_file_unreadable', {
      detail: {
        ru: decoded.message,
        en: decoded.code === 'empty' ? 'The file is empty' : 'The file is not text',
      },
    });
  }

  const content = parseRegistryText(decoded.text, businessToday());

  if (content.lines.length === 0 || content.lines.length > MAX_REGISTRY_LINES) {
    throw new AppError('registry_file_unreadable', {
      detail:
        content.lines.length === 0
          ? { ru: 'В файле нет ни одной строки платежа', en: 'The file has no payment lines' }
          : {
              ru: `В файле больше ${MAX_REGISTRY_LINES} строк`,
              en: `More than ${MAX_REGISTRY_LINES} lines`,
            },
    });
  }

  const byRef = await candidates(ctx.db, organisationId, content.lines);
  const identities = lineIdentities(content.lines.map(lineContent));
  const known = new Set(
    (
      await ctx.db.query<{ identity: string }>(
        `SELECT line_identity AS identity FROM billing_registry_lines WHERE organisation_id = $1 AND line_identity = ANY($2::text[])`,
        [organisationId, identities.filter(Boolean)],
      )
    ).map((r) => r.identity),
  );
  const registryId = randomUUID();
  const rows = content.lines.map((line, i) => {
    const identity = identities[i] ?? null;
    const duplicate = identity !== null && known.has(identity);
    const account = line.status === 'payment' && !duplicate ? matchLine(line, byRef) : null;
    const status =
      line.status === 'error'
        ? 'error'
        : duplicate
          ? 'duplicate'
          : account
            ? 'matched'
            : 'unmatched';

    return {
      line,
      id: randomUUID(),
      identity: duplicate ? null : identity,
      status,
      account,
      entryId: account ? randomUUID() : null,
    };
  });
  const total = content.lines.reduce(
    (sum, l) => sum + (l.amountKopecks !== null && l.amountKopecks > 0n ? l.amountKopecks : 0n),
    0n,
  );
  const count = (status: string) => rows.filter((r) => r.status === status).length;

  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO billing_registries (id, organisation_id, file_name, file_sha256, encoding, lines_count,
         payments_count, matched_count, unmatched_count, error_count, duplicate_count, total_kopecks,
         declared_total_kopecks, totals_match, imported_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [
        registryId,
        organisationId,
        file.fileName.slice(0, 200),
        hash,
        decoded.encoding,
        rows.length,
        rows.length - count('error'),
        count('matched'),
        count('unmatched'),
        count('error'),
        count('duplicate'),
        total.toString(),
        content.declaredTotalKopecks?.toString() ?? null,
        content.declaredTotalKopecks === null ? null : content.declaredTotalKopecks === total,
        acting.user!.id,
      ],
    );

    const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);

    await tx.query(
      `INSERT INTO billing_registry_lines (id, registry_id, organisation_id, line_no, raw, line_identity,
         status, paid_on, amount_kopecks, fee_kopecks, account_ref, payer_name, purpose,
         personal_account_id, ledger_entry_id, problem)
       SELECT u.id, $1, $2, u.line_no, u.raw, u.identity, u.status, u.paid_on, u.amount, u.fee, u.ref,
              u.payer, u.purpose, u.account, u.entry, u.problem
         FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::date[], $9::bigint[],
              $10::bigint[], $11::text[], $12::text[], $13::text[], $14::uuid[], $15::uuid[], $16::text[])
           AS u(id, line_no, raw, identity, status, paid_on, amount, fee, ref, payer, purpose, account, entry, problem)`,
      [
        registryId,
        organisationId,
        col((r) => r.id),
        col((r) => r.line.lineNo),
        col((r) => r.line.raw.slice(0, 2000)),
        col((r) => r.identity),
        col((r) => r.status),
        col((r) => r.line.paidOn),
        col((r) => r.line.amountKopecks?.toString() ?? null),
        col((r) => r.line.feeKopecks.toString()),
        col((r) => r.line.accountRef?.slice(0, 100) ?? null),
        col((r) => r.line.payerName?.slice(0, 200) ?? null),
        col((r) => r.line.purpose?.slice(0, 500) ?? null),
        col((r) => r.account?.id ?? null),
        col((r) => r.entryId),
        col((r) => (r.line.error ? `${r.line.error.code}: ${r.line.error.message}` : null)),
      ],
    );

    const matched = rows.filter((r) => r.status === 'matched');

    if (matched.length > 0) {
      await tx.query(
        `INSERT INTO billing_ledger (id, personal_account_id, entry_on, kind, amount_kopecks, description, source_type, source_id, created_by)
         SELECT u.id, u.account, u.paid_on, 'payment', -u.amount, u.description, 'registry_line', u.line, $1
           FROM unnest($2::uuid[], $3::uuid[], $4::date[], $5::bigint[], $6::text[], $7::uuid[])
             AS u(id, account, paid_on, amount, description, line)`,
        [
          acting.user!.id,
          matched.map((r) => r.entryId),
          matched.map((r) => r.account!.id),
          matched.map((r) => r.line.paidOn),
          matched.map((r) => r.line.amountKopecks!.toString()),
          matched.map(
            (r) =>
              `Оплата через банк, реестр «${file.fileName.slice(0, 80)}», строка ${r.line.lineNo}`,
          ),
          matched.map((r) => r.id),
        ],
      );
    }

    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'payment_registry.imported',
      objectType: 'billing_registry',
      objectId: registryId,
      after: {
        fileName: file.fileName,
        hash,
        matched: matched.length,
        unmatched: count('unmatched'),
        errors: count('error'),
      },
    });
  });

  return getRegistryIn(ctx.db, registryId);
}

async function getRegistryIn(db: Queryable, id: string) {
  const [registry] = await db.query<Record<string, unknown> & { organisationId: string }>(
    `SELECT ${REGISTRY_COLUMNS} FROM billing_registries WHERE id = $1`,
    [id],
  );

  if (!registry) {
    throw notFound('Реестр не найден', 'No such registry');
  }

  const lines = await db.query(
    `SELECT ${LINE_COLUMNS} FROM billing_registry_lines l LEFT JOIN personal_accounts a ON a.id = l.personal_account_id
      WHERE l.registry_id = $1 ORDER BY l.line_no`,
    [id],
  );

  return { ...registry, lines };
}

export async function getRegistry(ctx: AppContext, acting: Acting, id: string) {
  const [row] = await ctx.db.query<{ organisationId: string }>(
    'SELECT organisation_id AS "organisationId" FROM billing_registries WHERE id = $1',
    [id],
  );

  if (!row) {
    throw notFound('Реестр не найден', 'No such registry');
  }

  await authorize(ctx, acting.user, 'payments.manage', { organisationId: row.organisationId });

  return getRegistryIn(ctx.db, id);
}

export async function listRegistries(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  query: PageQuery,
) {
  await authorize(ctx, acting.user, 'payments.manage', { organisationId });

  const items = await ctx.db.query(
    `SELECT ${REGISTRY_COLUMNS} FROM billing_registries WHERE organisation_id = $1
      ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
    [organisationId, query.limit, offsetOf(query)],
  );
  const [count] = await ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM billing_registries WHERE organisation_id = $1',
    [organisationId],
  );

  return { items, total: count?.n ?? 0, page: query.page, limit: query.limit };
}

export async function listUnmatched(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  query: PageQuery,
) {
  await authorize(ctx, acting.user, 'payments.manage', { organisationId });

  const items = await ctx.db.query(
    `SELECT ${LINE_COLUMNS}, r.file_name AS "fileName" FROM billing_registry_lines l
       JOIN billing_registries r ON r.id = l.registry_id
       LEFT JOIN personal_accounts a ON a.id = l.personal_account_id
      WHERE l.organisation_id = $1 AND l.status = 'unmatched' ORDER BY l.paid_on, l.line_no
      LIMIT $2 OFFSET $3`,
    [organisationId, query.limit, offsetOf(query)],
  );
  const [count] = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM billing_registry_lines WHERE organisation_id = $1 AND status = 'unmatched'`,
    [organisationId],
  );

  return { items, total: count?.n ?? 0, page: query.page, limit: query.limit };
}

/** Books an unmatched line to the account a person chose (by id or ЕЛС). */
export async function matchLineManually(
  ctx: AppContext,
  acting: Acting,
  lineId: string,
  accountRef: string,
) {
  const [line] = await ctx.db.query<{
    organisationId: string;
    status: string;
    paidOn: string;
    amount: number;
    fileName: string;
    lineNo: number;
  }>(
    `SELECT l.organisation_id AS "organisationId", l.status, to_char(l.paid_on, 'YYYY-MM-DD') AS "paidOn",
            l.amount_kopecks AS amount, r.file_name AS "fileName", l.line_no AS "lineNo"
       FROM billing_registry_lines l JOIN billing_registries r ON r.id = l.registry_id WHERE l.id = $1`,
    [lineId],
  );

  if (!line) {
    throw notFound('Строка реестра не найдена', 'No such registry line');
  }

  await authorize(ctx, acting.user, 'payments.manage', { organisationId: line.organisationId });

  const single = checkSingleAccountNumber(accountRef);
  const [account] = await ctx.db.query<{ id: string; number: string }>(
    `SELECT id, number FROM personal_accounts WHERE organisation_id = $1 AND (id::text = $2 OR number = $3)`,
    [line.organisationId, accountRef, single.valid ? single.value : ''],
  );

  if (!account) {
    throw new AppError('validation_failed', {
      errors: [
        {
          field: 'body.personalAccount',
          rule: 'exists',
          message: 'an account of the organisation (id or ЕЛС)',
        },
      ],
    });
  }

  return ctx.db.transaction(async (tx) => {
    const [locked] = await tx.query<{ status: string }>(
      'SELECT status FROM billing_registry_lines WHERE id = $1 FOR UPDATE',
      [lineId],
    );

    if (locked?.status !== 'unmatched') {
      throw new AppError('registry_line_not_unmatched');
    }

    const [entry] = await tx.query<{ id: string }>(
      `INSERT INTO billing_ledger (personal_account_id, entry_on, kind, amount_kopecks, description, source_type, source_id, created_by)
       VALUES ($1, $2, 'payment', $3, $4, 'registry_line', $5, $6) RETURNING id`,
      [
        account.id,
        line.paidOn,
        -Number(line.amount),
        `Оплата через банк, реестр «${line.fileName.slice(0, 80)}», строка ${line.lineNo} (сопоставлено вручную)`,
        lineId,
        acting.user!.id,
      ],
    );

    await tx.query(
      `UPDATE billing_registry_lines SET status = 'matched', personal_account_id = $2, ledger_entry_id = $3,
         matched_by = $4, matched_at = now() WHERE id = $1`,
      [lineId, account.id, entry!.id, acting.user!.id],
    );
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'registry_line.matched',
      objectType: 'billing_registry_line',
      objectId: lineId,
      after: { accountId: account.id },
    });

    return {
      id: lineId,
      status: 'matched',
      personalAccountId: account.id,
      accountNumber: account.number,
      ledgerEntryId: entry!.id,
    };
  });
}
