import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkSingleAccountNumber } from '../../src/domain/accounts/single-account-number.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';
import { insertHouse } from '../support/factories.js';

const uuid0 = '00000000-0000-4000-8000-000000000000';

type Listed<T> = { items: T[]; total: number };
type Problem = { code?: string; errors?: { field: string; rule?: string }[] };

describe('personal accounts and management contracts', () => {
  let world: AccessWorld;
  let admin: Session;
  let accountant: Session;
  let dispatcher: Session;
  let chair: Session;
  let platformAdmin: Session;
  let residentPersonId: string;
  let ownerAccount: { id: string; number: string };
  let today: string;

  const count = async (sql: string) =>
    (await world.platform.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]!
      .n;

  beforeAll(async () => {
    world = await createAccessWorld();
    admin = await world.openSession('uk-admin@mpdom.test');
    accountant = await world.openSession('accountant@mpdom.test');
    dispatcher = await world.openSession('dispatcher@mpdom.test');
    chair = await world.openSession('tsj@mpdom.test');
    platformAdmin = await world.openSession('admin@mpdom.test');

    const db = world.platform.ctx.db;
    const [resident] = await db.query<{ id: string }>(
      `SELECT person_id AS id FROM users WHERE email = 'resident@mpdom.test'`,
    );
    const [account] = await db.query<{ id: string; number: string }>(
      'SELECT id, number FROM personal_accounts WHERE premise_id = $1',
      [world.ownerFlat],
    );
    const [date] = await db.query<{ today: string }>(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Yekaterinburg')::date, 'YYYY-MM-DD') AS today`,
    );

    residentPersonId = resident!.id;
    ownerAccount = account!;
    today = date!.today;
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  describe('GET /v1/organisations/:orgId/personal-accounts', () => {
    const list = (session: Session, query = '') =>
      requestAs(world.platform, session)(
        'GET',
        `/api/v1/organisations/${world.orgs.managing}/personal-accounts${query}`,
      );

    it('should page through the open accounts the organisation bills', async () => {
      const response = await list(dispatcher, '?limit=5');

      expect(response.statusCode).toBe(200);
      expect(response.json().items).toHaveLength(5);
      expect(response.json().total).toBe(
        await count(
          `personal_accounts WHERE organisation_id = '${world.orgs.managing}' AND closed_on IS NULL`,
        ),
      );
      expect((await list(dispatcher, '?status=closed')).json().total).toBe(0);
    });

    it('should find an account by ЕЛС as people type it, by payer and by address', async () => {
      const typed = ownerAccount.number.toLowerCase().replace(/^(..)(..)/, '$1 $2 ');
      const byNumber = (await list(admin, `?q=${encodeURIComponent(typed)}`)).json<
        Listed<{ id: string }>
      >();

      expect(byNumber.items.map((a) => a.id)).toEqual([ownerAccount.id]);

      const byPayer = (await list(admin, `?q=${encodeURIComponent('демидова анна')}`)).json<
        Listed<{ number: string }>
      >();

      expect(byPayer.items.map((a) => a.number)).toContain(ownerAccount.number);
      expect((await list(admin, `?q=${encodeURIComponent('Тестовая')}`)).json().total).toBe(
        (await list(admin)).json().total,
      );
      expect((await list(admin, `?q=${encodeURIComponent('%_\\')}`)).statusCode).toBe(200);
      expect((await list(admin, '?status=gone')).statusCode).toBe(400);
    });

    it("should not show another organisation's accounts", async () => {
      expect((await list(chair)).statusCode).toBe(403);
    });
  });

  describe('GET /v1/personal-accounts/:id', () => {
    const get = (ref: string, session: Session = dispatcher) =>
      requestAs(world.platform, session)('GET', `/api/v1/personal-accounts/${ref}`);

    it('should find an account by id or ЕЛС, Cyrillic look-alike letters included', async () => {
      const byId = await get(ownerAccount.id);

      expect(byId.statusCode).toBe(200);
      expect(byId.json()).toMatchObject({
        number: ownerAccount.number,
        status: 'open',
        payer: { kind: 'person', name: 'Демидова Анна Сергеевна' },
      });
      expect(byId.json().premiseAccounts).toHaveLength(1);

      const cyrillic = ownerAccount.number.replace(/A/g, 'А').replace(/C/g, 'С');

      expect((await get(encodeURIComponent(cyrillic))).json().id).toBe(ownerAccount.id);
    });

    it('should tell a malformed ЕЛС from an unknown one', async () => {
      const malformed = await get('66-ABC-12');

      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().errors[0].field).toBe('params.id');

      const unknown = ownerAccount.number.startsWith('66ZZ') ? '66ZY000000' : '66ZZ000000';

      expect((await get(unknown)).statusCode).toBe(404);
      expect((await get(uuid0)).statusCode).toBe(404);
      expect((await get(ownerAccount.id, chair)).statusCode).toBe(403);
    });
  });

  describe('POST /v1/personal-accounts and /close', () => {
    const open = (body: unknown, session: Session = accountant) =>
      requestAs(world.platform, session)('POST', '/api/v1/personal-accounts', body);

    it('should open an account for a resident payer with a fresh ЕЛС, then close it', async () => {
      const before = await count('personal_accounts');
      const opened = await open({
        premiseId: world.ownerFlat,
        payerPersonId: residentPersonId,
        openedOn: '2024-02-01',
        localNumber: 'Л-0001',
      });

      expect(opened.statusCode).toBe(201);

      const account = opened.json();

      expect(checkSingleAccountNumber(account.number)).toEqual({
        valid: true,
        value: account.number,
      });
      expect(account).toMatchObject({
        status: 'open',
        localNumber: 'Л-0001',
        organisation: { id: world.orgs.managing },
        payer: { name: 'Демидов Павел Андреевич' },
      });
      expect(account.history).toEqual([
        expect.objectContaining({
          action: 'personal_account.opened',
          actorName: 'Лебедева Ольга Ивановна',
        }),
      ]);
      expect(await count('personal_accounts')).toBe(before + 1);

      const again = await open({
        premiseId: world.ownerFlat,
        payerPersonId: residentPersonId,
        openedOn: '2024-03-01',
      });

      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'personal_account_duplicate',
        existingNumber: account.number,
      });

      const close = (body: unknown) =>
        requestAs(world.platform, accountant)(
          'POST',
          `/api/v1/personal-accounts/${account.number}/close`,
          body,
        );

      expect(
        (await close({ closedOn: '2024-01-31', reason: 'Выезд' })).json().errors[0],
      ).toMatchObject({ field: 'body.closedOn', rule: 'before_open' });
      expect((await close({ closedOn: '2999-01-01', reason: 'Выезд' })).statusCode).toBe(400);
      expect((await close({ closedOn: today, reason: '   ' })).statusCode).toBe(400);

      const closed = await close({ closedOn: today, reason: 'Снят с регистрационного учёта' });

      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({
        status: 'closed',
        closedOn: today,
        closeReason: 'Снят с регистрационного учёта',
      });
      expect(closed.json<{ history: { action: string }[] }>().history.map((h) => h.action)).toEqual(
        ['personal_account.opened', 'personal_account.closed'],
      );
      expect((await close({ closedOn: today, reason: 'Ещё раз' })).json().code).toBe(
        'personal_account_closed',
      );
      // Once closed, the same payer may have a new account for the premise.
      expect(
        (
          await open({
            premiseId: world.ownerFlat,
            payerPersonId: residentPersonId,
            openedOn: today,
          })
        ).statusCode,
      ).toBe(201);
    });

    it('should refuse payers unrelated to the premise, bad dates and bad bodies, storing nothing', async () => {
      const before = await count('personal_accounts');
      const field = async (body: unknown) => {
        const response = await open(body);
        const problem = response.json<Problem>();

        return [response.statusCode, problem.errors?.[0]?.field ?? problem.code];
      };

      expect(
        await field({
          premiseId: world.otherFlat,
          payerPersonId: residentPersonId,
          openedOn: today,
        }),
      ).toEqual([400, 'body.payerPersonId']);
      expect(
        await field({
          premiseId: world.ownerFlat,
          payerPersonId: residentPersonId,
          payerOrganisationId: world.orgs.municipality,
          openedOn: today,
        }),
      ).toEqual([400, 'body.payerPersonId']);
      expect(
        await field({
          premiseId: world.ownerFlat,
          payerPersonId: residentPersonId,
          openedOn: '2999-01-01',
        }),
      ).toEqual([400, 'body.openedOn']);
      expect(
        await field({
          premiseId: world.ownerFlat,
          payerPersonId: residentPersonId,
          openedOn: '1899-12-31',
        }),
      ).toEqual([400, 'body.openedOn']);
      expect(
        await field({
          premiseId: world.ownerFlat,
          payerPersonId: residentPersonId,
          openedOn: '2024-02-30',
        }),
      ).toEqual([400, 'body.openedOn']);
      expect(
        await field({ premiseId: uuid0, payerPersonId: residentPersonId, openedOn: today }),
      ).toEqual([404, 'not_found']);
      expect(
        await field({ premiseId: world.ownerFlat, payerPersonId: "1' OR '1'='1", openedOn: today }),
      ).toEqual([400, 'body.payerPersonId']);
      expect(
        await field({
          premiseId: world.ownerFlat,
          payerPersonId: residentPersonId,
          openedOn: today,
          number: '66AA000001',
        }),
      ).toEqual([400, 'body']);
      expect(await count('personal_accounts')).toBe(before);
    });

    it('should let only the office of the managing organisation open and close', async () => {
      const body = { premiseId: world.ownerFlat, payerPersonId: residentPersonId, openedOn: today };

      expect((await open(body, dispatcher)).statusCode).toBe(403);
      expect((await open(body, chair)).statusCode).toBe(403);
      expect(
        (
          await requestAs(world.platform, dispatcher)(
            'POST',
            `/api/v1/personal-accounts/${ownerAccount.id}/close`,
            { closedOn: today, reason: 'Нет' },
          )
        ).statusCode,
      ).toBe(403);
    });
  });

  describe('management contracts', () => {
    let houseId: string;
    const url = () => `/api/v1/houses/${houseId}/management-contracts`;

    beforeAll(async () => {
      ({ id: houseId } = await insertHouse(world.platform.ctx.db, {
        managing_organisation_id: world.orgs.managing,
      }));
    });

    it('should register contracts one after another and refuse an overlap, naming it', async () => {
      const as = requestAs(world.platform, admin);
      const first = await as('POST', url(), {
        organisationId: world.orgs.managing,
        number: 'ДУ-1/2020',
        signedOn: '2019-12-20',
        startedOn: '2020-01-01',
        endedOn: '2022-12-31',
      });

      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ number: 'ДУ-1/2020', inForce: false });

      const overlap = await as('POST', url(), {
        organisationId: world.orgs.managing,
        startedOn: '2022-12-31',
      });

      expect(overlap.statusCode).toBe(409);
      expect(overlap.json()).toMatchObject({
        code: 'management_contract_overlap',
        overlapsWith: [{ id: first.json().id, number: 'ДУ-1/2020' }],
      });
      expect(overlap.json().detail).toContain('ДУ-1/2020');

      const next = await as('POST', url(), {
        organisationId: world.orgs.managing,
        number: 'ДУ-2/2023',
        startedOn: '2023-01-01',
      });

      expect(next.statusCode).toBe(201);
      expect(next.json().inForce).toBe(true);

      const listed = (await requestAs(world.platform, dispatcher)('GET', url())).json<
        Listed<{ number: string }>
      >();

      expect(listed.items.map((c) => c.number)).toEqual(['ДУ-2/2023', 'ДУ-1/2020']);
    });

    it('should refuse bad periods, strangers and a takeover by another organisation', async () => {
      const as = requestAs(world.platform, admin);

      expect(
        (
          await as('POST', url(), {
            organisationId: world.orgs.managing,
            startedOn: '2030-01-02',
            endedOn: '2030-01-01',
          })
        ).json().errors[0].field,
      ).toBe('body.endedOn');
      expect(
        (await as('POST', url(), { organisationId: world.orgs.managing, startedOn: 'вчера' }))
          .statusCode,
      ).toBe(400);

      const takeover = await requestAs(world.platform, platformAdmin)('POST', url(), {
        organisationId: world.orgs.inspection,
        startedOn: '1990-01-01',
        endedOn: '1990-12-31',
      });

      expect(takeover.json().errors[0]).toMatchObject({
        field: 'body.organisationId',
        rule: 'kind',
      });

      const hoaAdmin = await requestAs(world.platform, chair)('POST', url(), {
        organisationId: world.orgs.hoa,
        startedOn: '1990-01-01',
        endedOn: '1990-12-31',
      });

      expect(hoaAdmin.statusCode).toBe(403);
      expect(
        (
          await requestAs(world.platform, accountant)('POST', url(), {
            organisationId: world.orgs.managing,
            startedOn: '1990-01-01',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('should end a contract, after which the house has no manager until a new contract', async () => {
      const as = requestAs(world.platform, admin);
      const current = (await as('GET', url())).json().items[0];
      const end = (body: unknown) => as('POST', `${url()}/${current.id}/end`, body);

      expect(
        (await end({ endedOn: '2022-12-31', reason: 'Решение ОСС' })).json().errors[0].rule,
      ).toBe('before_start');
      expect((await end({ endedOn: '2024-01-01' })).statusCode).toBe(400);

      const ended = await end({ endedOn: '2024-06-30', reason: 'Решение общего собрания' });

      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toMatchObject({ endedOn: '2024-06-30', inForce: false });
      expect((await end({ endedOn: '2024-06-30', reason: 'Ещё раз' })).json().code).toBe(
        'management_contract_ended',
      );

      const houses = (
        await as('GET', `/api/v1/organisations/${world.orgs.managing}/houses?limit=100`)
      ).json<Listed<{ id: string }>>();

      expect(houses.items.map((h) => h.id)).not.toContain(houseId);
      expect((await as('GET', `/api/v1/houses/${houseId}/register`)).statusCode).toBe(403);
      expect(
        (
          await requestAs(world.platform, platformAdmin)(
            'GET',
            `/api/v1/houses/${houseId}/register`,
          )
        ).statusCode,
      ).toBe(200);

      // Nobody manages it now, so the organisation may register its new contract itself.
      const renewed = await as('POST', url(), {
        organisationId: world.orgs.managing,
        startedOn: '2024-07-01',
      });

      expect(renewed.statusCode).toBe(201);
      expect((await as('GET', `/api/v1/houses/${houseId}/register`)).statusCode).toBe(200);
    });
  });
});
