import { allocate, overdueOn } from '../../../domain/billing/allocation.js';
import { daysBetween } from '../../../domain/billing/period.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import { ledgerLinesOf } from './account-balance.js';
import { businessToday, notFound } from './billing-common.js';
import { findSettings } from './settings.service.js';

/**
 * Reverses a payment or recalculation entry: a new entry with the opposite amount that points at
 * it. The entry itself stays as it was (the table refuses edits). A registry payment reversed goes
 * back to the unmatched queue, so it can be matched to the right account.
 */
export async function reverseEntry(ctx: AppContext, acting: Acting, id: string, reason: string) {
  const [entry] = await ctx.db.query<{
    id: string;
    accountId: string;
    organisationId: string;
    kind: string;
    amountKopecks: number;
    period: string | null;
    sourceType: string;
    sourceId: string | null;
    reversesId: string | null;
  }>(
    `SELECT l.id, l.personal_account_id AS "accountId", a.organisation_id AS "organisationId", l.kind,
            l.amount_kopecks AS "amountKopecks", l.period, l.source_type AS "sourceType",
            l.source_id AS "sourceId", l.reverses_id AS "reversesId"
       FROM billing_ledger l JOIN personal_accounts a ON a.id = l.personal_account_id WHERE l.id = $1`,
    [id],
  );

  if (!entry) {
    throw notFound('Запись не найдена', 'No such ledger entry');
  }

  await authorize(ctx, acting.user, 'payments.manage', { organisationId: entry.organisationId });

  if (!['payment', 'recalculation'].includes(entry.kind) || entry.reversesId) {
    throw new AppError('ledger_entry_not_reversible');
  }

  return ctx.db.transaction(async (tx) => {
    const [reversal] = await tx.query<{ id: string }>(
      `INSERT INTO billing_ledger (personal_account_id, entry_on, period, kind, amount_kopecks,
         description, source_type, source_id, reverses_id, created_by)
       VALUES ($1, $2, $3, 'reversal', $4, $5, 'manual', NULL, $6, $7)
       ON CONFLICT (reverses_id) DO NOTHING RETURNING id`,
      [
        entry.accountId,
        businessToday(),
        entry.period,
        -Number(entry.amountKopecks),
        `Сторно: ${reason}`,
        entry.id,
        acting.user!.id,
      ],
    );

    if (!reversal) {
      throw new AppError('ledger_entry_not_reversible', {
        detail: { ru: 'Запись уже сторнирована', en: 'The entry is reversed already' },
      });
    }

    if (entry.sourceType === 'registry_line' && entry.sourceId) {
      await tx.query(
        `UPDATE billing_registry_lines SET status = 'unmatched', personal_account_id = NULL,
           ledger_entry_id = NULL, matched_by = NULL, matched_at = NULL WHERE id = $1`,
        [entry.sourceId],
      );
    }

    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'ledger_entry.reversed',
      objectType: 'billing_ledger',
      objectId: entry.id,
      after: { reversalId: reversal.id, reason },
    });

    return { id: reversal.id, reversesId: entry.id, amountKopecks: -Number(entry.amountKopecks) };
  });
}

/** Accounts of the organisation in debt today, with how old the oldest unpaid period is. */
export async function listDebtors(
  ctx: AppContext,
  acting: Acting,
  organisationId: string,
  houseId?: string,
) {
  await authorize(ctx, acting.user, 'billing.read', { organisationId });

  const today = businessToday();
  const settings = await findSettings(ctx.db, organisationId);
  const rows = await ctx.db.query<{
    id: string;
    number: string;
    premiseNumber: string;
    houseAddress: string;
    payer: string | null;
  }>(
    `SELECT a.id, a.number, p.number AS "premiseNumber", h.address AS "houseAddress",
            coalesce(pe.surname || ' ' || left(pe.name, 1) || '.', po.name) AS payer
       FROM personal_accounts a JOIN premises p ON p.id = a.premise_id JOIN houses h ON h.id = p.house_id
       LEFT JOIN persons pe ON pe.id = a.payer_person_id LEFT JOIN organisations po ON po.id = a.payer_organisation_id
      WHERE a.organisation_id = $1 AND ($2::uuid IS NULL OR p.house_id = $2)
        AND (SELECT coalesce(sum(amount_kopecks), 0) FROM billing_ledger l WHERE l.personal_account_id = a.id) > 0
      ORDER BY h.address, p.number LIMIT 500`,
    [organisationId, houseId ?? null],
  );
  const items = [];

  for (const row of rows) {
    const allocation = allocate(await ledgerLinesOf(ctx.db, row.id, today), {
      policy: settings?.allocation ?? 'oldest_first',
      dueDay: settings?.paymentDueDay ?? 10,
    });
    const oldest = allocation.outstanding[0];

    items.push({
      ...row,
      balanceKopecks: Number(allocation.balanceKopecks),
      overdueKopecks: Number(overdueOn(allocation, today)),
      oldestPeriod: oldest?.period ?? null,
      daysOverdue: oldest && oldest.dueDate < today ? daysBetween(oldest.dueDate, today) : 0,
    });
  }

  items.sort((a, b) => b.daysOverdue - a.daysOverdue || b.balanceKopecks - a.balanceKopecks);

  return { items, onDate: today };
}
