import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { insertRows } from '../../src/server/platform/db/insert-rows.js';
import {
  createAccessWorld,
  requestAs,
  type AccessWorld,
  type Session,
} from '../support/access-world.js';

type Cell = {
  id: string;
  number: string;
  kind: string;
  owners: { name: string; share: string; kind: string }[];
  sharesTotal: string;
  residentsCount: number;
  accounts: { number: string; payerName: string }[];
};
type Register = {
  house: { id: string; managingOrganisation: { id: string } | null };
  entrances: { entrance: number | null; floors: { floor: number | null; premises: Cell[] }[] }[];
  other: { kind: string; premises: Cell[] }[];
  totals: { premises: number; owned: number; accountsOpen: number; residents: number };
};

type Problem = { code?: string; errors?: { field: string; rule?: string }[] };

const cellsOf = (register: Register) => [
  ...register.entrances.flatMap((e) => e.floors.flatMap((f) => f.premises)),
  ...register.other.flatMap((row) => row.premises),
];

describe('house register: houses, chessboard, passport, premise card and edits', () => {
  let world: AccessWorld;
  let admin: Session;
  let dispatcher: Session;
  let chair: Session;
  let houseId: string;
  let hoaHouseId: string;

  beforeAll(async () => {
    world = await createAccessWorld();
    admin = await world.openSession('uk-admin@mpdom.test');
    dispatcher = await world.openSession('dispatcher@mpdom.test');
    chair = await world.openSession('tsj@mpdom.test');

    const db = world.platform.ctx.db;
    const [row] = await db.query<{ id: string }>(
      'SELECT house_id AS id FROM premises WHERE id = $1',
      [world.ownerFlat],
    );
    const [hoa] = await db.query<{ id: string }>(
      'SELECT id FROM houses WHERE managing_organisation_id = $1',
      [world.orgs.hoa],
    );

    houseId = row!.id;
    hoaHouseId = hoa!.id;
  });

  afterAll(async () => {
    await world.platform.stop();
  });

  describe('GET /v1/organisations/:orgId/houses', () => {
    it("should list the organisation's houses with their counts", async () => {
      const response = await requestAs(world.platform, admin)(
        'GET',
        `/api/v1/organisations/${world.orgs.managing}/houses`,
      );

      expect(response.statusCode).toBe(200);

      const body = response.json();

      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({
        id: houseId,
        managedBy: 'contract',
        premisesCount: 26,
        contract: { number: expect.stringMatching(/^ДУ-\d+$/), endedOn: null },
      });
      expect(body.items[0].accountsCount).toBe(body.items[0].ownedCount);
    });

    it('should search by address, page, and treat hostile text as plain text', async () => {
      const as = requestAs(world.platform, dispatcher);
      const url = `/api/v1/organisations/${world.orgs.managing}/houses`;

      expect((await as('GET', `${url}?q=Тестовая`)).json().total).toBe(1);
      expect((await as('GET', `${url}?q=Несуществующая`)).json().total).toBe(0);

      const hostile = await as('GET', `${url}?q=${encodeURIComponent("%'; DROP TABLE houses;--")}`);

      expect(hostile.statusCode).toBe(200);
      expect(hostile.json().items).toEqual([]);
      expect((await as('GET', `${url}?limit=0`)).statusCode).toBe(400);
      expect((await as('GET', `${url}?q=${'д'.repeat(201)}`)).statusCode).toBe(400);
    });

    it("should refuse another organisation's staff, strangers and bad ids", async () => {
      const url = `/api/v1/organisations/${world.orgs.managing}/houses`;

      expect((await requestAs(world.platform, chair)('GET', url)).statusCode).toBe(403);
      expect((await requestAs(world.platform, null)('GET', url)).statusCode).toBe(401);

      const as = requestAs(world.platform, admin);

      expect((await as('GET', '/api/v1/organisations/not-a-uuid/houses')).statusCode).toBe(400);
      expect(
        (await as('GET', '/api/v1/organisations/00000000-0000-4000-8000-000000000000/houses'))
          .statusCode,
      ).toBe(404);

      const hoa = await requestAs(world.platform, chair)(
        'GET',
        `/api/v1/organisations/${world.orgs.hoa}/houses`,
      );

      expect(hoa.json<{ items: { id: string }[] }>().items.map((h) => h.id)).toEqual([hoaHouseId]);
    });
  });

  describe('GET /v1/houses/:houseId/register', () => {
    it('should lay out flats by entrance and floor with owners, shares and accounts', async () => {
      const response = await requestAs(world.platform, dispatcher)(
        'GET',
        `/api/v1/houses/${houseId}/register`,
      );

      expect(response.statusCode).toBe(200);

      const register: Register = response.json();

      expect(register.house.managingOrganisation?.id).toBe(world.orgs.managing);
      expect(register.entrances.map((e) => e.entrance)).toEqual([1, 2]);
      expect(register.entrances[0]!.floors.map((f) => f.floor)).toEqual([5, 4, 3, 2, 1]);
      expect(register.other.map((r) => [r.kind, r.premises.length])).toEqual([
        ['non_residential', 2],
      ]);
      expect(register.totals.premises).toBe(26);

      const owners = cellsOf(register).find((c) => c.id === world.ownerFlat)!;

      expect(owners.owners).toEqual([
        expect.objectContaining({ name: 'Демидова Анна Сергеевна', share: '1', kind: 'person' }),
      ]);
      expect(owners.sharesTotal).toBe('1');
      expect(owners.residentsCount).toBeGreaterThanOrEqual(2);
      expect(owners.accounts).toEqual([
        expect.objectContaining({
          number: expect.stringMatching(/^66[A-Z]{2}\d{6}$/),
          payerName: 'Демидова Анна Сергеевна',
        }),
      ]);

      // Flats of a floor read left to right in number order.
      for (const entrance of register.entrances) {
        for (const floor of entrance.floors) {
          const numbers = floor.premises.map((p) => Number(p.number));

          expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        }
      }
    });

    it('should show shared flats with every share, to the house’s own organisation only', async () => {
      const register: Register = (
        await requestAs(world.platform, chair)('GET', `/api/v1/houses/${hoaHouseId}/register`)
      ).json();
      const shared = cellsOf(register).find((c) =>
        c.owners.some((o) => o.name === 'Демидова Анна Сергеевна'),
      )!;

      expect(shared.owners.map((o) => o.share)).toEqual(['1/2', '1/2']);
      expect(shared.sharesTotal).toBe('1');
      expect(shared.accounts).toHaveLength(1);

      const denied = await requestAs(world.platform, admin)(
        'GET',
        `/api/v1/houses/${hoaHouseId}/register`,
      );

      expect(denied.statusCode).toBe(403);
      expect(
        (await requestAs(world.platform, admin)('GET', '/api/v1/houses/x/register')).statusCode,
      ).toBe(400);
      expect(
        (
          await requestAs(world.platform, admin)(
            'GET',
            '/api/v1/houses/00000000-0000-4000-8000-000000000000/register',
          )
        ).statusCode,
      ).toBe(404);
    });

    it('should read the whole chessboard in the same statements however large the house', async () => {
      const db = world.platform.ctx.db;
      const original = db.query.bind(db);
      const count = async () => {
        const seen: string[] = [];

        db.query = async (text: string, params?: unknown[]) => {
          seen.push(text);

          return original(text, params);
        };

        try {
          const response = await requestAs(world.platform, admin)(
            'GET',
            `/api/v1/houses/${houseId}/register`,
          );

          expect(response.statusCode).toBe(200);
        } finally {
          db.query = original;
        }

        return seen;
      };

      const before = await count();

      await insertRows(
        db,
        'premises',
        ['house_id', 'number', 'kind', 'floor', 'entrance', 'area_total'],
        Array.from({ length: 40 }, (_, i) => [houseId, `М${i + 1}`, 'parking', -1, null, '13.25']),
      );

      const after = await count();

      expect(after.length).toBe(before.length);
      // The premises themselves come in one statement: no query per premise.
      expect(after.filter((sql) => /FROM premises p WHERE p\.house_id/.test(sql))).toHaveLength(1);

      await db.query(`DELETE FROM premises WHERE house_id = $1 AND kind = 'parking'`, [houseId]);
    });
  });

  describe('GET /v1/houses/:houseId/passport', () => {
    it("should compare the premises' areas with the registry's and count owners and accounts", async () => {
      const response = await requestAs(world.platform, admin)(
        'GET',
        `/api/v1/houses/${houseId}/passport`,
      );

      expect(response.statusCode).toBe(200);

      const passport = response.json<{
        managedBy: string;
        contracts: unknown[];
        entrances: { number: number }[];
        areaCheck: unknown[];
        ownersCount: number;
        accountsOpen: number;
        premisesWithoutOwners: number;
      }>();

      expect(passport.managedBy).toBe('contract');
      expect(passport.contracts).toHaveLength(1);
      expect(passport.entrances.map((e) => e.number)).toEqual([1, 2]);
      expect(passport.areaCheck).toEqual([
        {
          part: 'residential',
          registry: '1500.50',
          premises: '1500.50',
          difference: '0.00',
          registryCount: 24,
          premisesCount: 24,
        },
        {
          part: 'non_residential',
          registry: '120.00',
          premises: '120.00',
          difference: '0.00',
          registryCount: 2,
          premisesCount: 2,
        },
        {
          part: 'parking',
          registry: null,
          premises: '0',
          difference: null,
          registryCount: null,
          premisesCount: 0,
        },
      ]);
      expect(passport.ownersCount).toBeGreaterThan(20);
      expect(passport.accountsOpen).toBe(26 - passport.premisesWithoutOwners);
    });
  });

  describe('GET /v1/premises/:id/register-card and PATCH /v1/premises/:id', () => {
    it("should show a premise's owners, residents and accounts", async () => {
      const response = await requestAs(world.platform, dispatcher)(
        'GET',
        `/api/v1/premises/${world.ownerFlat}/register-card`,
      );

      expect(response.statusCode).toBe(200);

      const card = response.json<{
        owners: { name: string }[];
        history: unknown[];
        residents: { name: string }[];
        accounts: unknown[];
      }>();

      expect(card.owners.map((o) => o.name)).toEqual(['Демидова Анна Сергеевна']);
      expect(card.history).toEqual([]);
      expect(card.residents.map((r) => r.name)).toEqual(
        expect.arrayContaining(['Демидов Павел Андреевич', 'Демидова Анна Сергеевна']),
      );
      expect(card.accounts).toHaveLength(1);
    });

    it('should correct the areas, journal it, and show the difference in the passport', async () => {
      const as = requestAs(world.platform, admin);
      const card = (await as('GET', `/api/v1/premises/${world.otherFlat}/register-card`)).json();
      const bigger = (Number(card.premise.areaTotal) + 1).toFixed(2);
      const response = await as('PATCH', `/api/v1/premises/${world.otherFlat}`, {
        areaTotal: bigger.replace('.', ','),
        cadastralNumber: ' 66 : 41 : 0702013 : 77 ',
      });

      expect(response.statusCode).toBe(200);
      expect(response.json().premise).toMatchObject({
        areaTotal: bigger,
        cadastralNumber: '66:41:0702013:77',
      });

      const passport = (await as('GET', `/api/v1/houses/${houseId}/passport`)).json();

      expect(passport.areaCheck[0]).toMatchObject({ premises: '1501.50', difference: '1.00' });

      const [entry] = await world.platform.ctx.db.query<{ action: string }>(
        `SELECT action FROM audit_entries WHERE object_id = $1 ORDER BY seq DESC LIMIT 1`,
        [world.otherFlat],
      );

      expect(entry?.action).toBe('premise.updated');

      await as('PATCH', `/api/v1/premises/${world.otherFlat}`, {
        areaTotal: card.premise.areaTotal,
      });
    });

    it('should refuse malformed, hostile and inconsistent edits, naming the field', async () => {
      const as = requestAs(world.platform, admin);
      const url = `/api/v1/premises/${world.otherFlat}`;
      const before = (await as('GET', `${url}/register-card`)).json().premise;
      const field = async (body: unknown) => {
        const response = await as('PATCH', url, body);

        return [response.statusCode, response.json<Problem>().errors?.[0]?.field];
      };

      expect(await field({ areaTotal: 'abc' })).toEqual([400, 'body.areaTotal']);
      expect(await field({ areaTotal: '0' })).toEqual([400, 'body.areaTotal']);
      expect(await field({ areaLiving: '9999' })).toEqual([400, 'body.areaLiving']);
      expect(await field({ number: '<script>' })).toEqual([400, 'body.number']);
      expect(await field({ floor: 6 })).toEqual([400, 'body.floor']);
      expect(await field({ floor: 1.5 })).toEqual([400, 'body.floor']);
      expect(await field({ entrance: 7 })).toEqual([400, 'body.entrance']);
      expect(await field({ cadastralNumber: '66-41-0702013-77' })).toEqual([
        422,
        'body.cadastralNumber',
      ]);
      expect(await field({ number: before.number === '1' ? '2' : '1' })).toEqual([
        409,
        'body.number',
      ]);
      expect((await as('PATCH', url, {})).statusCode).toBe(400);
      expect((await as('PATCH', url, { houseId })).statusCode).toBe(400);

      const after = (await as('GET', `${url}/register-card`)).json().premise;

      expect(after).toEqual(before);
    });

    it('should let only the office of the managing organisation edit', async () => {
      const url = `/api/v1/premises/${world.otherFlat}`;

      expect(
        (await requestAs(world.platform, dispatcher)('PATCH', url, { floor: 2 })).statusCode,
      ).toBe(403);
      expect((await requestAs(world.platform, chair)('PATCH', url, { floor: 2 })).statusCode).toBe(
        403,
      );
      expect((await requestAs(world.platform, null)('PATCH', url, { floor: 2 })).statusCode).toBe(
        401,
      );
    });
  });
});
