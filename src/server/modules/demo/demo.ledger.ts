import { issueSingleAccountNumber } from '../../../domain/accounts/single-account-number.js';
import { DEFAULT_ACCOUNT_REGION } from '../../../domain/accounts/account-region.js';
import { seededRandom } from '../../../domain/demo/synthetic-people.js';
import type { Queryable } from '../../platform/db/database.js';
import { insertRows } from '../../platform/db/insert-rows.js';
import type { DemoHouse } from './demo.houses.js';

/** When the demo houses came under their current management, and the owners' rights began. */
const CONTRACT_SIGNED_ON = '2015-05-15';
const CONTRACT_STARTED_ON = '2015-06-01';

type PremiseOwner = {
  premiseId: string;
  houseId: string;
  startedOn: string | null;
  personId: string | null;
  organisationId: string | null;
};

/**
 * The management side of the demo: entrances, a management contract per house and a personal
 * account for every owned premise, billed by the house's managing organisation.
 *
 * A co-owned flat gets one account, in the name of its first owner (a person with a sign-in
 * first, then the largest share, then by name): one payer for the whole flat is how most shared
 * flats are billed; splitting the account per co-owner is done on the owners' request (ЖК ст. 155,
 * 249), and the register lets staff open those accounts. Run inside the demo transaction, after
 * owners are in place.
 */
export async function seedDemoLedger(tx: Queryable, houses: DemoHouse[]): Promise<void> {
  const houseIds = houses.map((house) => house.id);

  await insertEntrances(tx, houses);
  await insertRows(
    tx,
    'management_contracts',
    ['organisation_id', 'house_id', 'number', 'signed_on', 'started_on', 'is_demo'],
    houses
      .filter((house) => house.managingOrganisationId !== null)
      .map((house) => [
        house.managingOrganisationId,
        house.id,
        `ДУ-${house.portalId}`,
        CONTRACT_SIGNED_ON,
        CONTRACT_STARTED_ON,
        true,
      ]),
  );

  const owners = await tx.query<PremiseOwner>(
    `SELECT DISTINCT ON (o.premise_id) o.premise_id AS "premiseId", p.house_id AS "houseId",
       to_char(o.started_on, 'YYYY-MM-DD') AS "startedOn", o.person_id AS "personId",
       o.organisation_id AS "organisationId"
     FROM ownerships o
     JOIN premises p ON p.id = o.premise_id
     LEFT JOIN persons pe ON pe.id = o.person_id
     WHERE p.house_id = ANY($1::uuid[]) AND o.ended_on IS NULL
     ORDER BY o.premise_id,
       EXISTS (SELECT 1 FROM users u WHERE u.person_id = o.person_id) DESC,
       o.share_numerator::numeric / o.share_denominator DESC,
       pe.surname, pe.name, o.id`,
    [houseIds],
  );
  const managerOf = new Map(houses.map((house) => [house.id, house.managingOrganisationId]));
  const billed = owners.filter((owner) => managerOf.get(owner.houseId));
  const numbers = await freshNumbers(tx, billed.length);

  await insertRows(
    tx,
    'personal_accounts',
    [
      'number',
      'premise_id',
      'organisation_id',
      'payer_person_id',
      'payer_organisation_id',
      'opened_on',
      'is_demo',
    ],
    billed.map((owner, index) => [
      numbers[index],
      owner.premiseId,
      managerOf.get(owner.houseId),
      owner.personId,
      owner.organisationId,
      owner.startedOn ?? CONTRACT_STARTED_ON,
      true,
    ]),
  );
}

/** Entrances 1…N of each house, each as tall as the house or its highest flat. */
async function insertEntrances(tx: Queryable, houses: DemoHouse[]) {
  const tops = await tx.query<{ houseId: string; entrance: number; top: number }>(
    `SELECT house_id AS "houseId", entrance, max(floor)::int AS top FROM premises
     WHERE house_id = ANY($1::uuid[]) AND entrance IS NOT NULL GROUP BY house_id, entrance`,
    [houses.map((house) => house.id)],
  );
  const topOf = new Map(tops.map((t) => [`${t.houseId}:${t.entrance}`, t.top]));
  const rows = houses.flatMap((house) => {
    const count = Math.max(
      house.shape.entrances,
      ...tops.filter((t) => t.houseId === house.id).map((t) => t.entrance),
    );

    return Array.from({ length: count }, (_, i) => [
      house.id,
      i + 1,
      Math.max(house.shape.floors, topOf.get(`${house.id}:${i + 1}`) ?? 0),
      true,
    ]);
  });

  await insertRows(tx, 'entrances', ['house_id', 'number', 'floors', 'is_demo'], rows);
}

/**
 * Distinct account numbers from a seeded generator, so every demo world has the same ones; any
 * that happen to be taken already (an account opened before the demo was built) are drawn again.
 */
async function freshNumbers(tx: Queryable, count: number): Promise<string[]> {
  const random = seededRandom(55_012_026);
  const numbers = new Set<string>();

  for (let round = 0; numbers.size < count && round < 10; round += 1) {
    const drawn: string[] = [];

    while (numbers.size + drawn.length < count) {
      const number = issueSingleAccountNumber(DEFAULT_ACCOUNT_REGION, random);

      if (!numbers.has(number) && !drawn.includes(number)) {
        drawn.push(number);
      }
    }

    const taken = await tx.query<{ number: string }>(
      'SELECT number FROM personal_accounts WHERE number = ANY($1::text[])',
      [drawn],
    );
    const takenSet = new Set(taken.map((row) => row.number));

    drawn.filter((number) => !takenSet.has(number)).forEach((number) => numbers.add(number));
  }

  return [...numbers];
}
