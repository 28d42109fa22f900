import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addMonths } from '../../src/domain/billing/period.js';
import { businessToday } from '../../src/server/modules/billing/billing-common.js';
import { renderEpdBatch } from '../../src/server/modules/billing/epd-batch.service.js';
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

describe('billing rules: settings, tariffs, recalculations, penalties, payments', () => {
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

  it('should refuse bank details whose ИНН or account keys fail, naming each field', async () => {
    const as = requestAs(world.platform, admin);
    const current = (await as('GET', `/api/v1/organisations/${house.orgId}/billing-settings`)).json<
      Record<string, string>
    >();
    const body = {
      payeeName: current.payeeName,
      inn: '6200098765',
      bankName: current.bankName,
      bik: current.bik,
      correspondentAccount: current.correspondentAccount,
      settlementAccount: current.settlementAccount!.replace(/\d$/, (d: string) =>
        String((Number(d) + 1) % 10),
      ),
    };
    const response = await as('PUT', `/api/v1/organisations/${house.orgId}/billing-settings`, body);

    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'body.inn',
      'body.settlementAccount',
    ]);

    const malformed = await as('PUT', `/api/v1/organisations/${house.orgId}/billing-settings`, {
      ...body,
      bik: '123',
      extra: 1,
    });

    expect(malformed.json().code).toBe('validation_failed');
    expect(
      (await as('GET', `/api/v1/organisations/${house.orgId}/billing-settings`)).json().inn,
    ).toBe(current.inn);
  });

  it('should version tariffs: a new one ends the open one, an overlap is refused', async () => {
    const as = requestAs(world.platform, admin);
    const year = Number(businessToday().slice(0, 4)) + 1;
    const created = await as('POST', `/api/v1/organisations/${house.orgId}/tariffs`, {
      service: 'maintenance',
      rate: '36,20',
      validFrom: `${year}-01-01`,
    });

    expect(created.statusCode).toBe(201);
    expect(created.json().rate).toBe('36.2000');

    const list = (await as('GET', `/api/v1/organisations/${house.orgId}/tariffs`)).json<{
      items: { service: string; validFrom: string; validTo: string | null }[];
    }>();
    const versions = list.items
      .filter((t) => t.service === 'maintenance')
      .map((t) => [t.validFrom, t.validTo]);

    expect(versions[0]).toEqual([`${year}-01-01`, null]);
    expect(versions[1]).toEqual([`${year - 1}-07-01`, `${year - 1}-12-31`]);

    for (const [payload, code] of [
      [{ service: 'maintenance', rate: '1', validFrom: `${year - 1}-09-01` }, 'tariff_overlap'],
      [{ service: 'maintenance', rate: '-1', validFrom: `${year}-02-01` }, 'validation_failed'],
      [{ service: 'gas', rate: '1', validFrom: `${year}-02-01` }, 'validation_failed'],
      [
        { service: 'cold_water', zone: 'night', rate: '1', validFrom: `${year}-02-01` },
        'validation_failed',
      ],
      [{ service: 'maintenance', rate: '1', validFrom: `${year}-02-30` }, 'validation_failed'],
      [{ service: 'maintenance', rate: '1e3', validFrom: `${year}-02-01` }, 'validation_failed'],
    ] as const) {
      const response = await as('POST', `/api/v1/organisations/${house.orgId}/tariffs`, payload);

      expect([response.statusCode, response.json().code]).toEqual([
        response.json().code === 'tariff_overlap' ? 409 : 400,
        code,
      ]);
    }
  });

  it('should refuse runs of malformed periods and of houses the organisation does not manage', async () => {
    const as = requestAs(world.platform, admin);

    for (const period of ['2026-13', '26-01', '2026-1', '', '1999-12']) {
      const response = await as('POST', `/api/v1/organisations/${house.orgId}/billing-runs`, {
        houseId: house.houseId,
        period,
      });

      expect(response.json().code).toBe('validation_failed');
    }

    const [other] = await world.platform.ctx.db.query<{ id: string }>(
      'SELECT id FROM houses WHERE managing_organisation_id IS DISTINCT FROM $1 LIMIT 1',
      [house.orgId],
    );

    expect(
      (
        await as('POST', `/api/v1/organisations/${house.orgId}/billing-runs`, {
          houseId: other!.id,
          period,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('should charge penalties on an old debt and show how they were counted', async () => {
    const db = world.platform.ctx.db;
    const old = addMonths(period, -3);

    await db.query(
      `INSERT INTO billing_ledger (personal_account_id, entry_on, period, kind, amount_kopecks, description, source_type)
       VALUES ($1, ($2 || '-28')::date, $2, 'accrual', 1000000, 'долг', 'manual')`,
      [house.accountId, old],
    );
    await runAndClose(world, admin, house.orgId, house.houseId, period);

    const bill = (
      await requestAs(world.platform, owner)(
        'GET',
        `/api/v1/personal-accounts/${house.accountId}/bills/${period}`,
      )
    ).json();

    expect(bill.penalties.kopecks).toBeGreaterThan(0);
    expect(bill.penalties.explanations[0]).toMatch(
      /Пени \(ЖК РФ ст\. 155 ч\. 14\).*10\u202f000,00 ₽ × [\d,]+ % × 1\/(300|130) × \d+ дн\./,
    );
    expect(bill.debtAtStartKopecks).toBe(1000000);
  });

  it('should put a recalculation of a closed period into the next run, with its ground', async () => {
    const as = requestAs(world.platform, admin);
    const refused = await as('POST', `/api/v1/organisations/${house.orgId}/recalculations`, {
      personalAccountId: house.accountId,
      service: 'maintenance',
      correctsPeriod: addMonths(period, 1),
      amountKopecks: -5000,
      ground: 'акт о непредоставлении услуги',
    });

    expect(refused.statusCode).toBe(400);

    const ordered = await as('POST', `/api/v1/organisations/${house.orgId}/recalculations`, {
      personalAccountId: house.accountId,
      service: 'maintenance',
      correctsPeriod: period,
      amountKopecks: -5000,
      ground: 'акт о непредоставлении услуги',
    });

    expect(ordered.statusCode).toBe(201);

    const next = addMonths(period, 1);

    await runAndClose(world, admin, house.orgId, house.houseId, next);

    const bill = (
      await requestAs(world.platform, owner)(
        'GET',
        `/api/v1/personal-accounts/${house.accountId}/bills/${next}`,
      )
    ).json();

    expect(bill.recalculations).toEqual([
      {
        service: 'maintenance',
        correctsPeriod: period,
        ground: 'акт о непредоставлении услуги',
        kopecks: -5000,
      },
    ]);
    expect(
      (bill.lines as { service: string; recalculationKopecks: number }[]).find(
        (l) => l.service === 'maintenance',
      )!.recalculationKopecks,
    ).toBe(-5000);
  });

  it('should render the whole house as one PDF in the background', async () => {
    const as = requestAs(world.platform, admin);
    const started = await as('POST', `/api/v1/organisations/${house.orgId}/epd-batches`, {
      houseId: house.houseId,
      period,
    });

    expect(started.statusCode).toBe(202);

    const id = started.json<{ id: string }>().id;

    expect((await as('GET', `/api/v1/epd-batches/${id}/file`)).statusCode).toBe(409);
    await renderEpdBatch(world.platform.ctx, id);

    const batch = (await as('GET', `/api/v1/epd-batches/${id}`)).json();
    const file = await as('GET', `/api/v1/epd-batches/${id}/file`);
    const text = pdfText(file.rawPayload);

    expect(batch.status).toBe('done');
    expect(batch.done).toBe(batch.total);
    expect(text.split('Единый платёжный документ').length - 1).toBe(batch.total);
    expect(text).toContain(house.number);
  });

  it('should leave the balance alone when the bank declines or never answers', async () => {
    const as = requestAs(world.platform, owner);
    const today = businessToday();
    const before = await getAccountBalance(world.platform.ctx.db, {
      personalAccountId: house.accountId,
      onDate: today,
    });

    for (const amountKopecks of [0, -100, 1.5, 10_000_000_01]) {
      const response = await as(
        'POST',
        `/api/v1/personal-accounts/${house.accountId}/online-payments`,
        { amountKopecks },
      );

      expect(response.statusCode).toBe(400);
    }

    const declined = (
      await as('POST', `/api/v1/personal-accounts/${house.accountId}/online-payments`, {
        amountKopecks: 10000,
      })
    ).json();

    await world.platform.app.inject({
      method: 'POST',
      url: `${declined.redirectUrl}/decision`,
      payload: { outcome: 'decline' },
    });
    expect((await deliverCallback(world, declined.providerPaymentId)).json().result).toBe(
      'declined',
    );
    expect((await as('GET', `/api/v1/online-payments/${declined.id}`)).json().status).toBe(
      'declined',
    );
    expect((await as('GET', `/api/v1/online-payments/${declined.id}/receipt.pdf`)).statusCode).toBe(
      409,
    );

    const silent = (
      await as('POST', `/api/v1/personal-accounts/${house.accountId}/online-payments`, {
        amountKopecks: 10000,
      })
    ).json();

    await world.platform.app.inject({
      method: 'POST',
      url: `${silent.redirectUrl}/decision`,
      payload: { outcome: 'timeout' },
    });
    expect(
      (
        await world.platform.app.inject({
          method: 'POST',
          url: `${silent.redirectUrl}/decision`,
          payload: { outcome: 'success' },
        })
      ).json().code,
    ).toBe('acquirer_payment_decided');
    await world.platform.ctx.db.query(
      `UPDATE billing_online_payments SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [silent.id],
    );
    expect((await as('GET', `/api/v1/online-payments/${silent.id}`)).json().status).toBe('expired');

    const after = await getAccountBalance(world.platform.ctx.db, {
      personalAccountId: house.accountId,
      onDate: today,
    });

    expect(after.balanceKopecks).toBe(before.balanceKopecks);
  });

  it('should refuse a callback whose amount differs from the payment', async () => {
    const as = requestAs(world.platform, owner);
    const started = (
      await as('POST', `/api/v1/personal-accounts/${house.accountId}/online-payments`, {
        amountKopecks: 2000,
      })
    ).json();

    await world.platform.app.inject({
      method: 'POST',
      url: `${started.redirectUrl}/decision`,
      payload: { outcome: 'success' },
    });
    await world.platform.ctx.db.query(
      'UPDATE sandbox_acquirer_payments SET amount_kopecks = 1 WHERE id = $1',
      [started.providerPaymentId],
    );
    expect((await deliverCallback(world, started.providerPaymentId)).json().code).toBe(
      'payment_amount_invalid',
    );
    expect((await as('GET', `/api/v1/online-payments/${started.id}`)).json().status).toBe(
      'pending',
    );
  });
});
