import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createRegistryWorld, registryFixture, type RegistryWorld } from '../support/registry.js';

/** Looking an object up in the registry's local copy by its cadastral number. */
describe('GET /api/v1/registry/objects/:cadastralNumber', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await createRegistryWorld();

    const imported = await world.upload(world.callers.admin, {
      data: registryFixture('extract-small.csv'),
      name: 'extract-small.csv',
    });

    expect(imported.statusCode).toBe(200);
  });

  afterAll(async () => {
    await world?.platform.stop();
  });

  it('should show an object with its house, owners, shares and registrations', async () => {
    const response = await world.lookUp(world.callers.operator, '66:41:0999001:101');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      cadastralNumber: '66:41:0999001:101',
      address: 'обл. Свердловская, г. Екатеринбург, ул. Реестровая, д. 5, кв. 1',
      kind: 'flat',
      premiseNumber: '1',
      area: '45.30',
      extractedOn: '2026-11-01',
      house: {
        id: world.houseId,
        address: 'обл. Свердловская, г. Екатеринбург, ул. Реестровая, д. 5',
      },
      premise: null,
      sharesTotal: '1',
      // Oldest registration first.
      rights: [
        expect.objectContaining({ ownerName: 'Демидова Анна Сергеевна', hasSnils: true }),
        {
          ownerKind: 'person',
          ownerName: 'Демидов Пётр Ильич',
          ownerInn: null,
          hasSnils: false,
          share: { numerator: 1, denominator: 2 },
          shareText: '1/2',
          registrationNumber: '66:41:0999001:101-66/001/2015-2',
          registeredOn: '2015-06-01',
        },
      ],
    });
    // The СНИЛС itself never leaves the server, not even as its digest.
    expect(response.body).not.toMatch(/11223344595|112-233-445/);
    expect(response.body).not.toContain('Digest');
  });

  it('should accept spaces around the colons, as people copy numbers', async () => {
    const response = await world.lookUp(world.callers.admin, ' 66 : 41 : 0999001 : 103 ');

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'non_residential',
      rights: [{ ownerKind: 'company', ownerInn: '6671000017', shareText: '1' }],
    });
  });

  it('should journal every reading of owners’ names', async () => {
    const [row] = await world.db.query<{ n: number; personal: boolean }>(
      `SELECT count(*)::int AS n, bool_and(personal_data_access) AS personal FROM audit_entries
       WHERE action = 'registry_object.viewed' AND actor_user_id = $1`,
      [world.callers.operator!.userId],
    );

    expect(row).toEqual({ n: 1, personal: true });
  });

  it('should answer 404 for a well-formed number the registry lacks', async () => {
    const response = await world.lookUp(world.callers.operator, '66:41:0999009:1', '?lang=en');

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'not_found',
      detail: 'The registry has no object 66:41:0999009:1',
    });
  });

  it.each(['66:41:999:1', 'abc', '66:41:0999001', "66:41:0999001:1' OR '1'='1", '٦٦:٤١:0999001:1'])(
    'should answer 400 problem+json for the malformed number %j',
    async (input) => {
      const response = await world.lookUp(world.callers.operator, input);

      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'params.cadastralNumber', rule: 'format' }],
      });
    },
  );

  it('should answer 400 for a number longer than any cadastral number', async () => {
    const response = await world.lookUp(world.callers.operator, `66:41:0999001:${'1'.repeat(80)}`);

    expect(response.statusCode).toBe(400);
  });

  it('should show nothing to a citizen or an anonymous caller', async () => {
    const citizen = await world.lookUp(world.callers.citizen, '66:41:0999001:101');
    const anonymous = await world.lookUp(world.callers.anonymous, '66:41:0999001:101');

    expect(citizen.statusCode).toBe(403);
    expect(anonymous.statusCode).toBe(401);
    expect(citizen.body + anonymous.body).not.toContain('Демидов');
  });
});
