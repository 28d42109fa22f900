import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import { getAccountBalance } from './account-balance.js';
import { composeBill } from './bill-data.js';
import { businessToday, requireAccountRef, toNumber } from './billing-common.js';
import { renderEpdPdf } from './epd-pdf.js';

/**
 * The accounts a signed-in person pays or may see: as payer, owner, registered resident or
 * representative under a power of attorney in force, with the balance of each today.
 */
export async function listMyBillingAccounts(ctx: AppContext, acting: Acting) {
  await authorize(ctx, acting.user, 'my_premises.read');

  const personId = acting.user!.personId;
  const rows = await ctx.db.query<{
    id: string;
    number: string;
    premiseId: string;
    premiseNumber: string;
    houseAddress: string;
    organisationName: string;
    lastPeriod: string | null;
  }>(
    `SELECT a.id, a.number, a.premise_id AS "premiseId", p.number AS "premiseNumber",
            h.address AS "houseAddress", o.name AS "organisationName",
            (SELECT max(r.period) FROM billing_runs r WHERE r.house_id = p.house_id AND r.status = 'closed') AS "lastPeriod"
       FROM personal_accounts a JOIN premises p ON p.id = a.premise_id JOIN houses h ON h.id = p.house_id
       JOIN organisations o ON o.id = a.organisation_id
      WHERE a.closed_on IS NULL AND (
        a.payer_person_id = $1
        OR EXISTS (SELECT 1 FROM ownerships w WHERE w.premise_id = p.id AND w.person_id = $1 AND w.ended_on IS NULL)
        OR EXISTS (SELECT 1 FROM residents r WHERE r.premise_id = p.id AND r.person_id = $1 AND r.deregistered_on IS NULL)
        OR EXISTS (SELECT 1 FROM powers_of_attorney pa WHERE pa.premise_id = p.id
                    AND pa.representative_user_id = $2 AND pa.revoked_at IS NULL
                    AND pa.valid_from <= CURRENT_DATE AND pa.valid_until >= CURRENT_DATE))
      ORDER BY h.address, p.number`,
    [personId, acting.user!.id],
  );
  const today = businessToday();
  const items = await Promise.all(
    rows.map(async (row) => {
      const balance = await getAccountBalance(ctx.db, { personalAccountId: row.id, onDate: today });

      return {
        ...row,
        balanceKopecks: toNumber(balance.balanceKopecks),
        overdueKopecks: toNumber(balance.overdueKopecks),
        lastPaymentOn: balance.lastPaymentOn,
      };
    }),
  );

  return { items };
}

async function authorizeAccount(ctx: AppContext, acting: Acting, accountId: string) {
  const account = await requireAccountRef(ctx.db, accountId);
  const access = await authorize(ctx, acting.user, 'bills.read', { premiseId: account.premiseId });

  return { account, access };
}

/** The periods billed to the account (closed runs), newest first, with their sums. */
export async function listBills(ctx: AppContext, acting: Acting, accountId: string) {
  const { account } = await authorizeAccount(ctx, acting, accountId);
  const items = await ctx.db.query<{
    period: string;
    chargedKopecks: number;
    penaltyKopecks: number;
  }>(
    `SELECT c.period, sum(c.amount_kopecks) FILTER (WHERE c.kind <> 'penalty')::bigint AS "chargedKopecks",
            coalesce(sum(c.amount_kopecks) FILTER (WHERE c.kind = 'penalty'), 0)::bigint AS "penaltyKopecks"
       FROM billing_charges c JOIN billing_runs r ON r.id = c.run_id AND r.status = 'closed'
      WHERE c.personal_account_id = $1 GROUP BY c.period ORDER BY c.period DESC`,
    [account.id],
  );
  const balance = await getAccountBalance(ctx.db, {
    personalAccountId: account.id,
    onDate: businessToday(),
  });

  return {
    account: { id: account.id, number: account.number },
    balanceKopecks: toNumber(balance.balanceKopecks),
    overdueKopecks: toNumber(balance.overdueKopecks),
    lastPaymentOn: balance.lastPaymentOn,
    items: items.map((i) => ({
      ...i,
      chargedKopecks: toNumber(i.chargedKopecks ?? 0),
      penaltyKopecks: toNumber(i.penaltyKopecks),
    })),
  };
}

async function journalRead(
  ctx: AppContext,
  acting: Acting,
  accountId: string,
  onBehalf: string | null,
  what: string,
) {
  // Staff reading a payer's bill is access to another person's personal data: journaled.
  await ctx.db.transaction((tx) =>
    recordAudit(tx, {
      actorUserId: acting.user!.id,
      onBehalfOfPersonId: onBehalf,
      requestId: acting.requestId,
      action: what,
      objectType: 'personal_account',
      objectId: accountId,
      personalDataAccess: true,
    }),
  );
}

export async function getBill(ctx: AppContext, acting: Acting, accountId: string, period: string) {
  const { account, access } = await authorizeAccount(ctx, acting, accountId);
  const bill = await composeBill(ctx.db, account.id, period);

  if (!['owner', 'resident', 'representative'].some((r) => access.roles.has(r))) {
    await journalRead(ctx, acting, account.id, access.onBehalfOfPersonId, 'bill.read');
  }

  return bill;
}

export async function getBillPdf(
  ctx: AppContext,
  acting: Acting,
  accountId: string,
  period: string,
) {
  const bill = await getBill(ctx, acting, accountId, period);

  return { fileName: `epd-${bill.documentId}.pdf`, bytes: await renderEpdPdf(bill) };
}

/** The account's ledger, newest first, with the running balance of each entry. */
export async function listLedger(ctx: AppContext, acting: Acting, accountId: string) {
  const { account } = await authorizeAccount(ctx, acting, accountId);
  const rows = await ctx.db.query<{
    id: string;
    entryOn: string;
    period: string | null;
    kind: string;
    amountKopecks: number;
    service: string | null;
    description: string;
    reversesId: string | null;
    reversedBy: string | null;
  }>(
    `SELECT l.id, to_char(l.entry_on, 'YYYY-MM-DD') AS "entryOn", l.period, l.kind,
            l.amount_kopecks AS "amountKopecks", l.service, l.description, l.reverses_id AS "reversesId",
            (SELECT x.id FROM billing_ledger x WHERE x.reverses_id = l.id) AS "reversedBy"
       FROM billing_ledger l WHERE l.personal_account_id = $1 ORDER BY l.entry_on, l.created_at`,
    [account.id],
  );
  let running = 0;
  const items = rows.map((row) => {
    running += toNumber(row.amountKopecks);

    return { ...row, amountKopecks: toNumber(row.amountKopecks), balanceKopecks: running };
  });
  const balance = await getAccountBalance(ctx.db, {
    personalAccountId: account.id,
    onDate: businessToday(),
  });

  return {
    account: { id: account.id, number: account.number },
    balanceKopecks: toNumber(balance.balanceKopecks),
    overdueKopecks: toNumber(balance.overdueKopecks),
    items: items.reverse(),
  };
}
