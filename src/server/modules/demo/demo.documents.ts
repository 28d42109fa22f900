import type { Queryable } from '../../platform/db/database.js';
import type { DemoHouse } from './demo.houses.js';

/**
 * The documents part of the demo world; runs inside the demo transaction after the ledger. It
 * files the cards only — the house documents of the first house, the company's licence and an
 * act of inspection addressed to the demo owner — because file bytes live in the storage backend,
 * which this transaction does not reach. The documents module renders their PDFs, stores them and
 * sends the act for signature when the API starts (`completeDemoDocuments`).
 */
export async function seedDemoDocuments(tx: Queryable, houses: DemoHouse[]): Promise<void> {
  const house = houses[0];

  if (!house?.managingOrganisationId) {
    return;
  }

  const [owner] = await tx.query<{ personId: string; userId: string }>(
    `SELECT person_id AS "personId", id AS "userId" FROM users WHERE email = 'owner@mpdom.test'`,
  );
  const [admin] = await tx.query<{ id: string }>(
    `SELECT id FROM users WHERE email = 'uk-admin@mpdom.test'`,
  );
  const org = house.managingOrganisationId;
  const cards: [string, string | null, string, string, string[], string | null][] = [
    [
      'house',
      house.id,
      'contract',
      'Договор управления многоквартирным домом',
      ['договор управления'],
      null,
    ],
    [
      'house',
      house.id,
      'technical',
      'Технический паспорт многоквартирного дома',
      ['техпаспорт'],
      null,
    ],
    [
      'house',
      house.id,
      'protocol',
      'Протокол годового общего собрания собственников',
      ['осс'],
      null,
    ],
    ['organisation', null, 'licence', 'Лицензия на управление многоквартирными домами', [], null],
    [
      'organisation',
      null,
      'act',
      'Акт осмотра общего имущества: стояки ХВС и ГВС в кв. 1',
      ['осмотр'],
      owner?.personId ?? null,
    ],
  ];

  for (const [scope, houseId, kind, title, tags, personId] of cards) {
    await tx.query(
      `INSERT INTO documents (scope, house_id, organisation_id, person_id, kind, title, tags,
         status, created_by, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true)`,
      [
        scope,
        houseId,
        org,
        personId,
        kind,
        title,
        tags,
        personId ? 'awaiting_signature' : 'active',
        admin?.id ?? null,
      ],
    );
  }
}
