import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parsePaymentQr } from '../../src/domain/billing/payment-qr.js';
import { getAccountBalance } from '../../src/server/modules/billing/account-balance.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import {
  deliverCallback,
  lastMonth,
  ownersBilling,
  pdfText,
  runAndClose,
} from '../support/billing.js';

describe('billing: run, bill, pay', () => {
  let world: AccessWorld;
  let admin: Session;
  let owner: Session;
  let house: Awaited<ReturnType<typeof ownersBilling>>;
  const period = lastMonth();

  beforeAll(async () => {
    world = await createAccessWorld();
    admin = await world.openSession('uk-admin@mpdom.test');
    owner = await world.openSession('owner@mpdom.test');
    house = await ownersBilling(world);
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  it('should bill every open account of the house and explain each line', async () => {
    const as = requestAs(world.platform, admin);
    const runId = await runAndClose(world, admin, house.orgId, house.houseId, period, false);
    const run = (await as('GET', `/api/v1/billing-runs/${runId}`)).json();

    expect(run.status).toBe('draft');
    expect(run.accountsDone).toBe(run.accountsTotal);
    expect(run.accountsTotal).toBeGreaterThan(10);
    expect(run.chargedKopecks).toBeGreaterThan(0);

    const charges = (await as('GET', `/api/v1/billing-runs/${runId}/charges?limit=100`)).json<{
      items: { service: string; method: string; explanation: string }[];
    }>();
    const maintenance = charges.items.find((c) => c.service === 'maintenance')!;

    expect(maintenance.explanation).toMatch(/по площади: [\d,]+ м² × 34,10 ₽\/м² = /);
    expect(charges.items.some((c) => ['metered', 'norm', 'average'].includes(c.method))).toBe(true);
  });

  it('should replace the draft on a rerun instead of adding to it', async () => {
    const as = requestAs(world.platform, admin);
    const [before] = await world.platform.ctx.db.query<{ n: number; sum: number }>(
      `SELECT count(*)::int AS n, sum(amount_kopecks)::bigint AS sum FROM billing_charges c
         JOIN billing_runs r ON r.id = c.run_id WHERE r.house_id = $1 AND r.period = $2`,
      [house.houseId, period],
    );
    const runId = await runAndClose(world, admin, house.orgId, house.houseId, period, false);
    const [after] = await world.platform.ctx.db.query<{ n: number; sum: number }>(
      'SELECT count(*)::int AS n, sum(amount_kopecks)::bigint AS sum FROM billing_charges WHERE run_id = $1',
      [runId],
    );

    expect(after).toEqual(before);
    expect((await as('GET', `/api/v1/billing-runs/${runId}`)).json().status).toBe('draft');
  });

  it('should close the period, refuse a rerun and lock the readings', async () => {
    const as = requestAs(world.platform, admin);
    const [run] = await world.platform.ctx.db.query<{ id: string }>(
      'SELECT id FROM billing_runs WHERE house_id = $1 AND period = $2',
      [house.houseId, period],
    );
    const closed = await as('POST', `/api/v1/billing-runs/${run!.id}/close`);

    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect((await as('POST', `/api/v1/billing-runs/${run!.id}/close`)).json().code).toBe(
      'billing_period_closed',
    );

    const rerun = await as('POST', `/api/v1/organisations/${house.orgId}/billing-runs`, {
      houseId: house.houseId,
      period,
    });

    expect(rerun.statusCode).toBe(409);
    expect(rerun.json().code).toBe('billing_period_closed');

    const locks = await world.platform.ctx.db.query(
      'SELECT 1 FROM meter_period_locks WHERE house_id = $1 AND period = $2',
      [house.houseId, period],
    );

    expect(locks).toHaveLength(1);
  });

  it('should give the owner an ЕПД whose QR names the payee and the amount due', async () => {
    const as = requestAs(world.platform, owner);
    const bill = (
      await as('GET', `/api/v1/personal-accounts/${house.accountId}/bills/${period}`)
    ).json();

    expect(bill.totalDueKopecks).toBeGreaterThan(0);
    expect(bill.lines.length).toBeGreaterThan(2);

    const qr = parsePaymentQr(bill.qr.text);

    expect(qr.ok).toBe(true);
    expect(qr.ok && qr.fields.Name).toBe(bill.executor.payeeName);
    expect(qr.ok && qr.fields.PersonalAcc).toBe(bill.executor.settlementAccount);
    expect(qr.ok && qr.fields.Sum).toBe(String(bill.totalDueKopecks));
    expect(qr.ok && qr.fields.PersAcc).toBe(house.number);

    const pdf = await as(
      'GET',
      `/api/v1/personal-accounts/${house.accountId}/bills/${period}/epd.pdf`,
    );

    expect(pdf.headers['content-type']).toBe('application/pdf');

    const text = pdfText(pdf.rawPayload);

    expect(text).toContain('Единый платёжный документ');
    expect(text).toContain('Раздел 3. Расчёт размера платы');
    expect(text).toContain(house.number);
    expect(text).toContain(bill.executor.settlementAccount);
  });

  it('should refuse the bill to a person of another flat and to staff of another organisation', async () => {
    const chair = await world.openSession('tsj@mpdom.test');
    const response = await requestAs(world.platform, chair)(
      'GET',
      `/api/v1/personal-accounts/${house.accountId}/bills/${period}`,
    );

    expect(response.statusCode).toBe(403);
  });

  it('should take the payment through the sandbox bank and settle the balance once', async () => {
    const as = requestAs(world.platform, owner);
    const bill = (
      await as('GET', `/api/v1/personal-accounts/${house.accountId}/bills/${period}`)
    ).json();
    const started = await as(
      'POST',
      `/api/v1/personal-accounts/${house.accountId}/online-payments`,
      {
        amountKopecks: bill.totalDueKopecks,
        period,
      },
    );

    expect(started.statusCode).toBe(201);

    const { id, redirectUrl, providerPaymentId } = started.json();
    const page = await world.platform.app.inject({ method: 'GET', url: redirectUrl });

    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Оплатить (успешно)');

    const decided = await world.platform.app.inject({
      method: 'POST',
      url: `${redirectUrl}/decision`,
      payload: { outcome: 'success' },
    });

    expect(decided.statusCode).toBe(200);
    expect((await as('GET', `/api/v1/online-payments/${id}`)).json().status).toBe('pending');

    const first = await deliverCallback(world, providerPaymentId);
    const again = await deliverCallback(world, providerPaymentId);

    expect(first.json().result).toBe('succeeded');
    expect(again.json().result).toBe('duplicate');

    const payment = (await as('GET', `/api/v1/online-payments/${id}`)).json();
    const balance = await getAccountBalance(world.platform.ctx.db, {
      personalAccountId: house.accountId,
      onDate: new Date().toISOString().slice(0, 10),
    });

    expect(payment.status).toBe('succeeded');
    expect(payment.receiptNumber).toMatch(/^\d{8}-[0-9A-F]{8}$/);
    expect(balance.balanceKopecks).toBe(0n);

    const receipt = await as('GET', `/api/v1/online-payments/${id}/receipt.pdf`);

    expect(pdfText(receipt.rawPayload)).toContain(payment.receiptNumber);
  });

  it('should ignore a callback whose signature does not verify', async () => {
    const response = await world.platform.app.inject({
      method: 'POST',
      url: '/api/v1/acquiring/sandbox/callbacks',
      headers: { 'content-type': 'application/json', 'x-sandbox-signature': 'ab'.repeat(32) },
      payload: JSON.stringify({
        eventId: 'x',
        paymentId: 'x',
        orderId: 'x',
        status: 'succeeded',
        amountKopecks: '1',
      }),
    });

    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('acquirer_signature_invalid');
  });
});
