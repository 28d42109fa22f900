import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Acquirer, AcquirerEvent } from './acquirer.js';
import { notFound } from './billing-common.js';

export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';

type SandboxConfig = Pick<AppContext['config'], 'cookieSecret' | 'http'>;

/** The sandbox's callback key, derived from the platform's secret so each install has its own. */
export function sandboxSecret(config: Pick<SandboxConfig, 'cookieSecret'>): Buffer {
  return createHmac('sha256', config.cookieSecret).update('mpdom-sandbox-acquirer-v1').digest();
}

export function sandboxSign(config: Pick<SandboxConfig, 'cookieSecret'>, body: string): string {
  return createHmac('sha256', sandboxSecret(config)).update(body).digest('hex');
}

/** Where the platform is reachable from its own worker. */
export function platformBaseUrl(config: SandboxConfig): string {
  return (config.http.publicUrl ?? `http://127.0.0.1:${config.http.port}`).replace(/\/$/, '');
}

type SandboxPayment = {
  id: string;
  merchantOrderId: string;
  amountKopecks: number;
  description: string;
  returnUrl: string;
  callbackUrl: string;
  status: 'awaiting' | 'succeeded' | 'declined' | 'timeout';
};

const COLUMNS = `id, merchant_order_id AS "merchantOrderId", amount_kopecks AS "amountKopecks",
  description, return_url AS "returnUrl", callback_url AS "callbackUrl", status`;

export async function findSandboxPayment(db: Queryable, id: string): Promise<SandboxPayment> {
  const [row] = await db.query<SandboxPayment>(
    `SELECT ${COLUMNS} FROM sandbox_acquirer_payments WHERE id = $1`,
    [id],
  );

  if (!row) {
    throw notFound('Платёж в тестовом банке не найден', 'No such sandbox payment');
  }

  return row;
}

/** The sandbox as the platform's acquirer adapter. */
export function sandboxAcquirer(ctx: Pick<AppContext, 'db' | 'config'>): Acquirer {
  return {
    provider: 'sandbox',

    async createPayment(request) {
      const id = `sbx_${randomBytes(12).toString('hex')}`;

      await ctx.db.query(
        `INSERT INTO sandbox_acquirer_payments (id, merchant_order_id, amount_kopecks, description, return_url, callback_url)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          id,
          request.orderId,
          request.amountKopecks.toString(),
          request.description,
          request.returnUrl,
          request.callbackUrl,
        ],
      );

      return { providerPaymentId: id, redirectUrl: `/api/v1/sandbox-acquirer/payments/${id}` };
    },

    verifyCallback(headers, rawBody) {
      const given = String(headers[SANDBOX_SIGNATURE_HEADER] ?? '');
      const expected = sandboxSign(ctx.config, rawBody);
      const ok =
        /^[0-9a-f]{64}$/.test(given) &&
        timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));

      if (!ok) {
        throw new AppError('acquirer_signature_invalid');
      }

      let body: Record<string, unknown>;

      try {
        body = JSON.parse(rawBody) as Record<string, unknown>;
      } catch {
        throw new AppError('malformed_request');
      }

      const status = body.status;

      if (
        typeof body.eventId !== 'string' ||
        typeof body.paymentId !== 'string' ||
        typeof body.orderId !== 'string' ||
        (status !== 'succeeded' && status !== 'declined') ||
        typeof body.amountKopecks !== 'string' ||
        !/^\d{1,15}$/.test(body.amountKopecks)
      ) {
        throw new AppError('malformed_request');
      }

      const event: AcquirerEvent = {
        eventId: body.eventId,
        providerPaymentId: body.paymentId,
        orderId: body.orderId,
        status,
        amountKopecks: BigInt(body.amountKopecks),
        declineReason: typeof body.declineReason === 'string' ? body.declineReason : null,
      };

      return event;
    },

    async getStatus(providerPaymentId) {
      const [row] = await ctx.db.query<{ status: string }>(
        'SELECT status FROM sandbox_acquirer_payments WHERE id = $1',
        [providerPaymentId],
      );

      if (!row) {
        return 'unknown';
      }

      return row.status === 'succeeded' || row.status === 'declined' ? row.status : 'pending';
    },
  };
}

/** The bank's answer to the payer's choice on its page; a timeout never calls back. */
export async function decideSandboxPayment(
  ctx: Pick<AppContext, 'db' | 'jobs'>,
  id: string,
  outcome: 'success' | 'decline' | 'timeout',
) {
  const status = { success: 'succeeded', decline: 'declined', timeout: 'timeout' }[outcome];
  const [row] = await ctx.db.query<{ returnUrl: string }>(
    `UPDATE sandbox_acquirer_payments SET status = $2, decided_at = now()
      WHERE id = $1 AND status = 'awaiting' RETURNING return_url AS "returnUrl"`,
    [id, status],
  );

  if (!row) {
    await findSandboxPayment(ctx.db, id);
    throw new AppError('acquirer_payment_decided');
  }

  if (outcome !== 'timeout') {
    await ctx.jobs.send('sandbox-acquirer-callback', { paymentId: id });
  }

  return { returnUrl: row.returnUrl, status };
}

/** The signed request the sandbox sends to the platform about a decided payment. */
export async function sandboxCallbackRequest(ctx: Pick<AppContext, 'db' | 'config'>, id: string) {
  const payment = await findSandboxPayment(ctx.db, id);
  const body = JSON.stringify({
    eventId: `${payment.id}:${payment.status}`,
    paymentId: payment.id,
    orderId: payment.merchantOrderId,
    status: payment.status,
    amountKopecks: String(payment.amountKopecks),
    declineReason: payment.status === 'declined' ? 'insufficient_funds' : null,
  });

  return {
    url: payment.callbackUrl,
    body,
    headers: {
      'content-type': 'application/json',
      [SANDBOX_SIGNATURE_HEADER]: sandboxSign(ctx.config, body),
    },
  };
}

/** The callback job: posts the outcome; a refused delivery throws, so pg-boss retries it. */
export async function deliverSandboxCallback(
  ctx: Pick<AppContext, 'db' | 'config' | 'logger'>,
  id: string,
) {
  const request = await sandboxCallbackRequest(ctx, id);
  const response = await fetch(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });

  if (!response.ok) {
    throw new Error(`callback refused with ${response.status}`);
  }

  ctx.logger.info({ module: 'billing', sandboxPaymentId: id }, 'sandbox callback delivered');
}
