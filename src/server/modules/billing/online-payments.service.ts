import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../access/authorize.js';
import type { Acting } from '../house-register/acting.js';
import type { Acquirer } from './acquirer.js';
import { businessToday, notFound, requireAccountRef } from './billing-common.js';
import { platformBaseUrl, sandboxAcquirer } from './sandbox-acquirer.js';

/** A payment page left unanswered this long is given up (the acquirer's own limit is similar). */
const PAYMENT_LIFETIME_MINUTES = 15;
export const MAX_ONLINE_PAYMENT_KOPECKS = 10_000_000_00;

/** The acquirer of the platform. Only the sandbox is built in; a bank is another adapter. */
export function acquirerFor(ctx: Pick<AppContext, 'db' | 'config'>): Acquirer {
  return sandboxAcquirer(ctx);
}

export type OnlinePayment = {
  id: string;
  personalAccountId: string;
  accountNumber: string;
  premiseId: string;
  amountKopecks: number;
  period: string | null;
  status: 'created' | 'pending' | 'succeeded' | 'declined' | 'expired';
  provider: string;
  providerPaymentId: string | null;
  declineReason: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
  receiptNumber: string | null;
  expired: boolean;
};

const COLUMNS = `o.id, o.personal_account_id AS "personalAccountId", a.number AS "accountNumber",
  a.premise_id AS "premiseId", o.amount_kopecks AS "amountKopecks", o.period, o.status, o.provider,
  o.provider_payment_id AS "providerPaymentId", o.decline_reason AS "declineReason",
  to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(o.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "expiresAt",
  to_char(o.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "paidAt",
  o.receipt_number AS "receiptNumber", (o.expires_at < now()) AS expired`;

async function findPayment(db: Queryable, where: string, value: string, lock = false) {
  const [row] = await db.query<OnlinePayment>(
    `SELECT ${COLUMNS} FROM billing_online_payments o JOIN personal_accounts a ON a.id = o.personal_account_id
      WHERE ${where} = $1${lock ? ' FOR UPDATE OF o' : ''}`,
    [value],
  );

  return row ?? null;
}

function present(p: OnlinePayment) {
  const rest: Partial<OnlinePayment> = { ...p };

  delete rest.expired;
  delete rest.premiseId;

  return { ...rest, amountKopecks: Number(p.amountKopecks) };
}

export async function startOnlinePayment(
  ctx: AppContext,
  acting: Acting,
  accountId: string,
  input: { amountKopecks: number; period?: string | undefined },
) {
  const account = await requireAccountRef(ctx.db, accountId);

  await authorize(ctx, acting.user, 'bills.pay', { premiseId: account.premiseId });

  if (
    !Number.isSafeInteger(input.amountKopecks) ||
    input.amountKopecks <= 0 ||
    input.amountKopecks > MAX_ONLINE_PAYMENT_KOPECKS
  ) {
    throw new AppError('payment_amount_invalid');
  }

  const acquirer = acquirerFor(ctx);
  const [created] = await ctx.db.query<{ id: string }>(
    `INSERT INTO billing_online_payments (personal_account_id, amount_kopecks, period, provider, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6)) RETURNING id`,
    [
      account.id,
      input.amountKopecks,
      input.period ?? null,
      acquirer.provider,
      acting.user!.id,
      PAYMENT_LIFETIME_MINUTES,
    ],
  );
  const id = created!.id;
  const { providerPaymentId, redirectUrl } = await acquirer.createPayment({
    orderId: id,
    amountKopecks: BigInt(input.amountKopecks),
    description: `Оплата ЖКУ, л/с ${account.number}`,
    returnUrl: `/owner/bills/${account.id}/payments/${id}`,
    callbackUrl: `${platformBaseUrl(ctx.config)}/api/v1/acquiring/${acquirer.provider}/callbacks`,
  });

  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `UPDATE billing_online_payments SET status = 'pending', provider_payment_id = $2 WHERE id = $1`,
      [id, providerPaymentId],
    );
    await recordAudit(tx, {
      actorUserId: acting.user!.id,
      requestId: acting.requestId,
      action: 'online_payment.started',
      objectType: 'billing_online_payment',
      objectId: id,
      after: { accountId: account.id, amountKopecks: input.amountKopecks },
    });
  });

  return { ...present((await findPayment(ctx.db, 'o.id', id))!), redirectUrl };
}

export async function requireOnlinePayment(ctx: AppContext, acting: Acting, id: string) {
  const payment = await findPayment(ctx.db, 'o.id', id);

  if (!payment) {
    throw notFound('Платёж не найден', 'No such payment');
  }

  await authorize(ctx, acting.user, 'bills.read', { premiseId: payment.premiseId });

  return payment;
}

/** A payment's state; one left pending past its lifetime is asked about once, then expired. */
export async function getOnlinePayment(ctx: AppContext, acting: Acting, id: string) {
  const payment = await requireOnlinePayment(ctx, acting, id);

  if (payment.status === 'pending' && payment.expired && payment.providerPaymentId) {
    const status = await acquirerFor(ctx).getStatus(payment.providerPaymentId);

    if (status === 'pending' || status === 'unknown') {
      await ctx.db.query(
        `UPDATE billing_online_payments SET status = 'expired' WHERE id = $1 AND status = 'pending'`,
        [id],
      );

      return present({ ...payment, status: 'expired' });
    }
  }

  return present(payment);
}

/**
 * An acquirer's callback: verified over the raw body, journaled once per event id, and applied
 * once — a repeated or late delivery changes nothing. A success books the payment in the ledger
 * on today's date and issues the receipt number.
 */
export async function handleAcquirerCallback(
  ctx: AppContext,
  provider: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
) {
  const acquirer = acquirerFor(ctx);

  if (provider !== acquirer.provider) {
    throw notFound('Неизвестный эквайер', 'Unknown acquirer');
  }

  const event = acquirer.verifyCallback(headers, rawBody);

  return ctx.db.transaction(async (tx) => {
    const [fresh] = await tx.query<{ id: string }>(
      `INSERT INTO billing_acquirer_events (provider, event_id, provider_payment_id, outcome, payload)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (provider, event_id) DO NOTHING RETURNING id`,
      [provider, event.eventId, event.providerPaymentId, event.status, JSON.parse(rawBody)],
    );

    if (!fresh) {
      return { result: 'duplicate' as const };
    }

    const payment = await findPayment(tx, 'o.provider_payment_id', event.providerPaymentId, true);

    if (!payment || payment.id !== event.orderId) {
      throw notFound('Платёж не найден', 'No such payment');
    }

    if (payment.status === 'succeeded' || payment.status === 'declined') {
      return { result: 'already_final' as const };
    }

    if (BigInt(payment.amountKopecks) !== event.amountKopecks) {
      throw new AppError('payment_amount_invalid', {
        detail: {
          ru: 'Сумма уведомления не совпадает с платежом',
          en: 'The callback amount differs from the payment',
        },
      });
    }

    if (event.status === 'declined') {
      await tx.query(
        `UPDATE billing_online_payments SET status = 'declined', decline_reason = $2 WHERE id = $1`,
        [payment.id, event.declineReason],
      );

      return { result: 'declined' as const };
    }

    const today = businessToday();
    const receipt = `${today.replaceAll('-', '')}-${payment.id.slice(0, 8).toUpperCase()}`;
    const [entry] = await tx.query<{ id: string }>(
      `INSERT INTO billing_ledger (personal_account_id, entry_on, period, kind, amount_kopecks,
         description, source_type, source_id)
       VALUES ($1, $2, $3, 'payment', $4, $5, 'online_payment', $6) RETURNING id`,
      [
        payment.personalAccountId,
        today,
        payment.period,
        -Number(payment.amountKopecks),
        `Оплата онлайн, квитанция № ${receipt}`,
        payment.id,
      ],
    );

    await tx.query(
      `UPDATE billing_online_payments SET status = 'succeeded', paid_at = now(), receipt_number = $2,
         ledger_entry_id = $3 WHERE id = $1`,
      [payment.id, receipt, entry!.id],
    );
    await recordAudit(tx, {
      actorUserId: null,
      action: 'online_payment.succeeded',
      objectType: 'billing_online_payment',
      objectId: payment.id,
      after: { receipt, amountKopecks: Number(payment.amountKopecks), provider },
    });

    return { result: 'succeeded' as const };
  });
}
