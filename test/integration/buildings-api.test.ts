import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Platform } from '../../src/server/main.js';
import { importHouses } from '../../src/server/modules/buildings/buildings.import.js';
import { createTestPlatform } from '../support/platform.js';

const REGISTRY = path.resolve(import.meta.dirname, '../../data/houses/ekaterinburg-2016-09.csv.gz');

type Summary = {
  id: string;
  portalId: number;
  address: string;
  managingOrganisation: { id: string; name: string } | null;
};
type Page = { items: Summary[]; total: number; page: number; limit: number };

describe('GET /api/v1/buildings on the real registry', () => {
  let platform: Platform;
  let addresses: string[];

  const get = async (url: string, headers: Record<string, string> = {}) =>
    platform.app.inject({ method: 'GET', url, headers });
  const search = async (q: string, extra = ''): Promise<Page> => {
    const response = await get(`/api/v1/buildings?q=${encodeURIComponent(q)}${extra}`);

    expect(response.statusCode, response.body).toBe(200);

    return response.json();
  };
  const all = async (q: string): Promise<Summary[]> => (await search(q, '&limit=100')).items;

  beforeAll(async () => {
    platform = await createTestPlatform();
    await importHouses(platform.ctx, REGISTRY);
    addresses = (
      await platform.ctx.db.query<{ address: string }>('SELECT address FROM houses')
    ).map((row) => row.address);
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('should find every house on Малышева street and only those', async () => {
    const page = await search('Малышева', '&limit=100');
    const expected = addresses.filter((address) => address.toLowerCase().includes('малышева'));

    expect(page.total).toBe(expected.length);
    expect(page.total).toBeGreaterThan(90);
    expect(page.items.every((item) => item.address.includes('Малышева'))).toBe(true);
  });

  it('should give the same houses however the address is typed', async () => {
    const ids = async (q: string) => (await all(q)).map((item) => item.id);
    const plain = await ids('малышева 3');

    expect(await ids('3 Малышева')).toEqual(plain);
    expect(await ids('ул. малышева, д. 3')).toEqual(plain);
    expect(await ids('УЛИЦА МАЛЫШЕВА ДОМ 3')).toEqual(plain);
    expect((await search('ул. малышева')).total).toBe((await search('малышева')).total);
  });

  it('should put the exact house first and keep other house numbers out', async () => {
    const found = (await all('малышева 3')).map((item) => item.address);

    expect(found[0]).toBe('обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 3');
    expect(found).toContain('обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 3, стр. 1');
    expect(found).not.toContain('обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 30');
    expect(found).not.toContain('обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 35');
  });

  it('should fold ё into е', async () => {
    const withYo = await search('Лётчиков');

    expect(withYo.total).toBe((await search('летчиков')).total);
    expect(withYo.total).toBe(addresses.filter((a) => a.includes('Летчиков')).length);
  });

  it('should order the list without a query by address, numbers by value', async () => {
    const page = await search('', '&limit=100');
    const malysheva = await all('малышева');
    const numbers = malysheva
      .map((item) => /ул\. Малышева, д\. (\d+)$/.exec(item.address)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);

    expect(page.total).toBe(addresses.length);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('should treat hostile queries as plain text', async () => {
    for (const q of ['%', '_', '%%%', "' OR '1'='1", "малышева' OR '1'='1"]) {
      const page = await search(q);

      expect(page.total, q).toBe(0);
    }

    expect((await search('малышева; DROP TABLE houses; --')).total).toBe(0);
    expect((await search('малышева')).total).toBeGreaterThan(0);
  });

  it('should refuse an overlong query with a problem naming the field', async () => {
    const response = await get(`/api/v1/buildings?q=${'ж'.repeat(10_000)}`, {
      'accept-language': 'en',
    });

    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(response.json().errors[0].field).toBe('querystring.q');
    expect((await get(`/api/v1/buildings?q=${'ж'.repeat(201)}`)).statusCode).toBe(400);
    expect((await get(`/api/v1/buildings?q=${'ж'.repeat(200)}`)).statusCode).toBe(200);
  });

  it('should paginate with a stable total', async () => {
    const first = await search('ленина', '&limit=7&page=1');
    const second = await search('ленина', '&limit=7&page=2');
    const beyond = await search('ленина', '&limit=7&page=9999');

    expect(first.items).toHaveLength(7);
    expect(second.total).toBe(first.total);
    expect(second.items.some((item) => first.items.some((seen) => seen.id === item.id))).toBe(
      false,
    );
    expect(beyond).toEqual({ items: [], total: first.total, page: 9999, limit: 7 });

    for (const bad of ['limit=0', 'limit=101', 'page=0', 'page=x']) {
      expect((await get(`/api/v1/buildings?${bad}`)).statusCode, bad).toBe(400);
    }
  });

  it('should filter by managing organisation', async () => {
    const remp = await platform.app.inject({ method: 'GET', url: '/api/v1/organisations?q=рэмп' });
    const organisation = remp
      .json<{ items: { id: string; name: string }[] }>()
      .items.find((item) => item.name === 'ЗАО «УК «РЭМП»»');
    const houses = await search('', `&organisationId=${organisation?.id}&limit=100`);

    expect(houses.total).toBe(452);
    expect(houses.items.every((item) => item.managingOrganisation?.id === organisation?.id)).toBe(
      true,
    );
  });

  describe('GET /api/v1/buildings/:id', () => {
    it('should show what the registry knows, areas as exact strings', async () => {
      // The portal lists this address twice (7706895 and 9100559): two records of one house.
      const found = (await search('40-летия Октября 47')).items.find(
        (item) => item.portalId === 9100559,
      );
      const response = await get(`/api/v1/buildings/${found?.id}`);

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        portalId: 9100559,
        yearBuilt: 1948,
        floorsMax: 2,
        entrances: 2,
        premisesCount: 16,
        areaTotal: '827.50',
        areaNonResidential: '0.00',
        isEmergency: false,
        cadastralNumber: null,
        managingOrganisation: { name: 'АО «УК «ЕРЦ»»' },
        portalUpdatedAt: '2016-04-29T05:45:00.000Z',
        serviceStartedOn: '2015-12-17',
        timeZone: 'Asia/Yekaterinburg',
        demo: { premises: 0 },
      });
    });

    it('should count the premises of the house', async () => {
      const [found] = (await search('40-летия Октября 47')).items;

      await platform.ctx.db.query(
        `INSERT INTO premises (house_id, number, area_total, is_demo)
         VALUES ($1, '1', 40.5, true), ($1, '2', 41.5, true)`,
        [found?.id],
      );

      expect((await get(`/api/v1/buildings/${found?.id}`)).json().demo).toEqual({ premises: 2 });
    });

    it('should answer 404 and 400 with problem documents', async () => {
      const missing = await get('/api/v1/buildings/0b6c1a4e-52d1-4c5e-9a51-6b0f1a2c3d4e', {
        'accept-language': 'en',
      });
      const malformed = await get('/api/v1/buildings/not-a-uuid');

      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.json()).toMatchObject({ code: 'not_found', detail: 'No such house' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ code: 'validation_failed' });
      expect(malformed.json().errors[0].field).toBe('params.id');
    });
  });

  describe('organisations', () => {
    it('should find organisations by name words whatever the quotes and case', async () => {
      const response = await get(`/api/v1/organisations?q=${encodeURIComponent('"тсж наш ДОМ"')}`);
      const body = response.json<{ items: { name: string; kind: string }[]; total: number }>();

      expect(response.statusCode).toBe(200);
      expect(body.total).toBe(6);
      expect(
        body.items.every(
          (item) =>
            item.name === 'ТСЖ «Наш дом»' ||
            item.name === 'ТСЖ «НАШ ДОМ»' ||
            item.name === 'ТСЖ «Наш Дом»',
        ),
      ).toBe(true);
      expect(body.items.every((item) => item.kind === 'hoa')).toBe(true);
    });

    it('should show an organisation with its houses count', async () => {
      const list = await get('/api/v1/organisations?q=рэмп&limit=100');
      const remp = list
        .json<{ items: { id: string; name: string; housesCount: number }[] }>()
        .items.find((item) => item.name === 'ЗАО «УК «РЭМП»»');
      const detail = await get(`/api/v1/organisations/${remp?.id}`);

      expect(remp?.housesCount).toBe(452);
      expect(detail.json()).toEqual({
        id: remp?.id,
        name: 'ЗАО «УК «РЭМП»»',
        kind: 'management_company',
        inn: null,
        ogrn: null,
        portalLink: 'http://www.reformagkh.ru/mymanager/profile/7559694/',
        housesCount: 452,
      });
    });

    it('should page through all organisations and refuse bad input', async () => {
      const page = await get('/api/v1/organisations?limit=5&page=2');

      expect(page.json()).toMatchObject({ total: 923, page: 2, limit: 5 });
      expect(page.json().items).toHaveLength(5);
      expect((await get('/api/v1/organisations?q=%25')).json().total).toBe(0);
      expect((await get(`/api/v1/organisations?q=${'x'.repeat(300)}`)).statusCode).toBe(400);
      expect(
        (await get('/api/v1/organisations/00000000-0000-4000-8000-000000000000')).statusCode,
      ).toBe(404);
      expect((await get('/api/v1/organisations/1')).statusCode).toBe(400);
    });
  });

  it('should describe the routes in the OpenAPI document', async () => {
    const paths = Object.keys((await get('/api/openapi.json')).json().paths);

    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/buildings',
        '/api/v1/buildings/{id}',
        '/api/v1/organisations',
        '/api/v1/organisations/{id}',
      ]),
    );
  });
});
