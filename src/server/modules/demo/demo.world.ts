import {
  planDemoPremises,
  type PlannedPremise,
} from '../../../domain/premises/plan-demo-premises.js';
import { fromCenti } from '../../../domain/premises/split-area.js';
import { seededRandom, syntheticPerson } from '../../../domain/demo/synthetic-people.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import { insertRows } from '../../platform/db/insert-rows.js';
import { hashPassword } from '../identity/password.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo.accounts.js';
import { selectDemoHouses, type DemoHouse } from './demo.houses.js';
import { seedDemoLedger } from './demo.ledger.js';
import { seedDemoModules } from './demo.modules.js';

export type DemoWorld = { houses: DemoHouse[]; premises: number; persons: number };

type DemoOrganisations = Record<'inspection' | 'municipality' | 'operator', string>;

const AUTHORITIES: { key: keyof DemoOrganisations; kind: string; name: string }[] = [
  {
    key: 'inspection',
    kind: 'authority',
    name: 'Департамент государственного жилищного надзора (демо)',
  },
  { key: 'municipality', kind: 'authority', name: 'Администрация города (демо)' },
  { key: 'operator', kind: 'operator', name: 'Оператор МП-дом (демо)' },
];

/**
 * Builds the demo world on a few real houses of the registry: premises that add up to the
 * registry's areas, synthetic owners and residents, demo organisations and the demo sign-ins.
 * Everything it writes is flagged `is_demo`. Returns null when there is already a demo world.
 */
export async function buildDemoWorld(ctx: AppContext): Promise<DemoWorld | null> {
  const [existing] = await ctx.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM users WHERE is_demo',
  );

  if ((existing?.n ?? 0) > 0) {
    return null;
  }

  const houses = await selectDemoHouses(ctx.db);
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));

  return ctx.db.transaction(async (tx) => {
    const orgs = await createAuthorities(tx);
    const random = seededRandom(20_260_915);
    let premisesCount = 0;
    let personsCount = 0;
    const firstFlats: string[] = [];

    for (const house of houses) {
      const plan = planDemoPremises(house.shape, random);
      const premiseIds = await insertPremises(tx, house.id, plan);
      const people = await populate(tx, premiseIds, plan, random, orgs.municipality);

      premisesCount += plan.length;
      personsCount += people;
      firstFlats.push(premiseIds[0] ?? '');
    }

    await createAccounts(tx, { houses, orgs, firstFlats, hashes });

    const world = { houses, premises: premisesCount, persons: personsCount + DEMO_ACCOUNTS.length };

    await seedDemoLedger(tx, houses);
    await seedDemoModules(tx, houses);

    await recordAudit(tx, {
      actorUserId: null,
      action: 'demo.built',
      objectType: 'demo_world',
      objectId: null,
      after: {
        houseIds: houses.map((house) => house.id),
        premises: world.premises,
        persons: world.persons,
      },
    });

    return world;
  });
}

async function createAuthorities(tx: Queryable): Promise<DemoOrganisations> {
  const rows = await insertRows<{ id: string }>(
    tx,
    'organisations',
    ['kind', 'name', 'normalized_name', 'is_demo'],
    AUTHORITIES.map((a) => [a.kind, a.name, `demo:${a.key}`, true]),
    { returning: 'id' },
  );

  return Object.fromEntries(AUTHORITIES.map((a, i) => [a.key, rows[i]?.id])) as DemoOrganisations;
}

async function insertPremises(tx: Queryable, houseId: string, plan: PlannedPremise[]) {
  const rows = await insertRows<{ id: string }>(
    tx,
    'premises',
    ['house_id', 'number', 'kind', 'floor', 'entrance', 'area_total', 'area_living', 'is_demo'],
    plan.map((p) => [
      houseId,
      p.number,
      p.kind,
      p.floor,
      p.entrance,
      fromCenti(p.areaTotalCenti),
      p.areaLivingCenti === null ? null : fromCenti(p.areaLivingCenti),
      true,
    ]),
    { returning: 'id' },
  );

  return rows.map((r) => r.id);
}

/**
 * Gives every premise its owners and residents: mostly one owner, some shared by halves or
 * thirds, a few municipal flats; non-residential premises belong to one person each.
 */
async function populate(
  tx: Queryable,
  premiseIds: string[],
  plan: PlannedPremise[],
  random: () => number,
  municipalityId: string,
): Promise<number> {
  const people: unknown[][] = [];
  const owners: { premise: number; person: number | null; of: number }[] = [];
  const residents: { premise: number; person: number }[] = [];

  plan.forEach((premise, index) => {
    const dice = random();
    const coOwners =
      premise.kind !== 'flat' ? 1 : dice < 0.06 ? 0 : dice < 0.2 ? 2 : dice < 0.25 ? 3 : 1;

    if (coOwners === 0) {
      owners.push({ premise: index, person: null, of: 1 });
    }

    for (let k = 0; k < coOwners; k += 1) {
      const p = syntheticPerson(random);

      people.push([p.surname, p.name, p.patronymic, true]);
      owners.push({ premise: index, person: people.length - 1, of: coOwners });

      if (premise.kind === 'flat' && k === 0) {
        residents.push({ premise: index, person: people.length - 1 });
      }
    }

    const extraResidents = premise.kind === 'flat' ? Math.floor(random() * 3) : 0;

    for (let k = 0; k < extraResidents; k += 1) {
      const p = syntheticPerson(random);

      people.push([p.surname, p.name, p.patronymic, true]);
      residents.push({ premise: index, person: people.length - 1 });
    }
  });

  const personIds = (
    await insertRows<{ id: string }>(
      tx,
      'persons',
      ['surname', 'name', 'patronymic', 'is_demo'],
      people,
      { returning: 'id' },
    )
  ).map((r) => r.id);

  await insertRows(
    tx,
    'ownerships',
    [
      'premise_id',
      'person_id',
      'organisation_id',
      'share_numerator',
      'share_denominator',
      'title_document',
      'started_on',
      'is_demo',
    ],
    owners.map((o) => [
      premiseIds[o.premise],
      o.person === null ? null : personIds[o.person],
      o.person === null ? municipalityId : null,
      1,
      o.of,
      'Выписка из ЕГРН (демо)',
      '2015-06-01',
      true,
    ]),
  );

  await insertRows(
    tx,
    'residents',
    ['premise_id', 'person_id', 'registered_on', 'is_demo'],
    residents.map((r) => [premiseIds[r.premise], personIds[r.person], '2015-06-01', true]),
  );

  return people.length;
}

async function createAccounts(
  tx: Queryable,
  input: { houses: DemoHouse[]; orgs: DemoOrganisations; firstFlats: string[]; hashes: string[] },
) {
  const managing = input.houses[0]?.managingOrganisationId ?? input.orgs.operator;
  const hoa = input.houses[1]?.managingOrganisationId ?? managing;
  const organisationOf = (account: DemoAccount): string | null => {
    if (!('organisation' in account.role)) {
      return null;
    }

    return {
      managing,
      hoa,
      inspection: input.orgs.inspection,
      municipality: input.orgs.municipality,
    }[account.role.organisation];
  };

  for (const [index, account] of DEMO_ACCOUNTS.entries()) {
    const [person] = await tx.query<{ id: string }>(
      `INSERT INTO persons (surname, name, patronymic, email, phone, is_demo)
       VALUES ($1, $2, $3, $4, $5, true) RETURNING id`,
      [
        account.person.surname,
        account.person.name,
        account.person.patronymic,
        account.login,
        `+7900000${String(index + 1).padStart(4, '0')}`,
      ],
    );
    const platformRole = 'platform' in account.role ? account.role.platform : 'citizen';
    const [user] = await tx.query<{ id: string }>(
      `INSERT INTO users (person_id, email, phone, password_hash, platform_role, is_demo)
       VALUES ($1, $2, $3, $4, $5, true) RETURNING id`,
      [
        person?.id,
        account.login,
        `+7900000${String(index + 1).padStart(4, '0')}`,
        input.hashes[index],
        platformRole,
      ],
    );
    const organisationId = organisationOf(account);

    if (organisationId && 'organisation' in account.role) {
      await tx.query(
        'INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, $3)',
        [user?.id, organisationId, account.role.role],
      );
    }

    if (account.key === 'owner') {
      await claimOwnerFlats(tx, person?.id ?? '', input.firstFlats);
    }

    if (account.key === 'resident' && input.firstFlats[0]) {
      await tx.query(
        `INSERT INTO residents (premise_id, person_id, registered_on, is_demo)
         VALUES ($1, $2, '2019-03-01', true)`,
        [input.firstFlats[0], person?.id],
      );
    }
  }
}

/** The demo owner owns flat 1 of the first house outright and half of flat 1 of the second. */
async function claimOwnerFlats(tx: Queryable, personId: string, firstFlats: string[]) {
  const [whole, half] = firstFlats;

  if (whole) {
    await tx.query('DELETE FROM ownerships WHERE premise_id = $1', [whole]);
    await tx.query(
      `INSERT INTO ownerships (premise_id, person_id, share_numerator, share_denominator,
         title_document, started_on, is_demo)
       VALUES ($1, $2, 1, 1, 'Договор купли-продажи (демо)', '2018-04-12', true)`,
      [whole, personId],
    );
    await tx.query(
      `INSERT INTO residents (premise_id, person_id, registered_on, is_demo)
       VALUES ($1, $2, '2018-05-01', true)`,
      [whole, personId],
    );
  }

  if (half) {
    await tx.query('DELETE FROM ownerships WHERE premise_id = $1', [half]);

    const partner = syntheticPerson(seededRandom(42));
    const [other] = await tx.query<{ id: string }>(
      `INSERT INTO persons (surname, name, patronymic, is_demo) VALUES ($1, $2, $3, true)
       RETURNING id`,
      [partner.surname, partner.name, partner.patronymic],
    );

    await insertRows(
      tx,
      'ownerships',
      [
        'premise_id',
        'person_id',
        'share_numerator',
        'share_denominator',
        'title_document',
        'started_on',
        'is_demo',
      ],
      [
        [half, personId, 1, 2, 'Свидетельство о праве на наследство (демо)', '2020-09-01', true],
        [half, other?.id, 1, 2, 'Свидетельство о праве на наследство (демо)', '2020-09-01', true],
      ],
    );
  }
}
