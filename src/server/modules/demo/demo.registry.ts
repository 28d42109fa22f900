import fs from 'node:fs';
import path from 'node:path';

import { checkInn } from '../../../domain/identifiers/checksums.js';
import { formatExtractCsv } from '../../../domain/registry-extract/extract-csv.js';
import type { RawExtractRow } from '../../../domain/registry-extract/extract-row.js';
import type { AppContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/database.js';
import {
  importRegistryExtract,
  type RegistryImportReport,
} from '../registry/registry-import.service.js';
import { DEMO_ACCOUNTS } from './demo.accounts.js';
import type { DemoHouse } from './demo.houses.js';

/** The day the demo extract was "issued"; every registration in it is older. */
export const DEMO_EXTRACT_DATE = '2026-09-15';

/** Where the first start leaves the extract, under DATA_DIR, for people to look at or re-import. */
export const DEMO_EXTRACT_PATH = path.join('demo', 'registry-extract.csv');

type Kind = 'flat' | 'non_residential' | 'parking' | 'storage';

/**
 * Objects the registry lists in the first demo house that the platform does not know yet: the
 * demo users claim them (docs/demo-world.md). The owner is a demo account, by its key.
 */
export const DEMO_REGISTRY_ONLY: {
  kind: Kind;
  number: string;
  area: string;
  account: string;
  registeredOn: string;
}[] = [
  { kind: 'storage', number: 'К-1', area: '4.20', account: 'resident', registeredOn: '2021-03-15' },
  { kind: 'parking', number: 'М-7', area: '13.25', account: 'owner', registeredOn: '2022-07-08' },
];

/**
 * The object whose registry area differs from the platform's: flat 2 of the first demo house,
 * re-measured after a balcony was glazed in, while the platform still has the old figure.
 */
export const DEMO_AREA_DIFFERS = { kind: 'flat' as Kind, number: '2', extraCenti: 80 };

/** How the registry names the kinds: its own words, as a real extract spells them. */
const KIND_WORDS: Record<Kind, { object: string; tail: string }> = {
  flat: { object: 'квартира', tail: 'кв.' },
  non_residential: { object: 'нежилое помещение', tail: 'пом.' },
  parking: { object: 'машино-место', tail: 'машино-место' },
  storage: { object: 'кладовая', tail: 'кладовая' },
};

type OwnedPremise = {
  id: string;
  houseId: string;
  number: string;
  kind: Kind;
  area: string;
  numerator: number;
  denominator: number;
  startedOn: string;
  person: string | null;
  organisation: string | null;
};

export type DemoExtract = {
  rows: RawExtractRow[];
  /** Platform premise id → the cadastral number the extract gives it. */
  cadastral: Map<string, string>;
};

/**
 * The registry extract of the demo houses: every premise with its current owners exactly as the
 * demo world records them, plus the documented disagreements. Deterministic: the same demo world
 * gives the same file, byte for byte.
 */
export async function buildDemoExtract(db: Queryable, houses: DemoHouse[]): Promise<DemoExtract> {
  const owned = await db.query<OwnedPremise>(
    `SELECT p.id, p.house_id AS "houseId", p.number, p.kind, p.area_total::text AS area,
       o.share_numerator AS numerator, o.share_denominator AS denominator,
       to_char(o.started_on, 'YYYY-MM-DD') AS "startedOn",
       CASE WHEN pe.id IS NOT NULL THEN concat_ws(' ', pe.surname, pe.name, pe.patronymic) END
         AS person,
       org.name AS organisation
     FROM premises p
     JOIN ownerships o ON o.premise_id = p.id AND o.ended_on IS NULL
     LEFT JOIN persons pe ON pe.id = o.person_id
     LEFT JOIN organisations org ON org.id = o.organisation_id
     WHERE p.house_id = ANY($1::uuid[])
     ORDER BY p.kind COLLATE "C", length(p.number), p.number COLLATE "C",
       o.share_numerator DESC, pe.surname COLLATE "C", pe.name COLLATE "C",
       pe.patronymic COLLATE "C", org.name COLLATE "C"`,
    [houses.map((house) => house.id)],
  );
  const rows: RawExtractRow[] = [];
  const cadastral = new Map<string, string>();

  for (const [index, house] of houses.entries()) {
    // One cadastral quarter per house; objects numbered in the order the extract lists them.
    const quarter = `66:41:07040${String(index + 1).padStart(2, '0')}`;
    let next = 101;
    let previous = '';
    let right = 0;

    for (const premise of owned.filter((p) => p.houseId === house.id)) {
      // Rows of one object come together (the query's order); rights are numbered within it.
      right = premise.id === previous ? right + 1 : 1;
      previous = premise.id;

      if (right === 1) {
        cadastral.set(premise.id, `${quarter}:${next}`);
        next += 1;
      }

      const number = cadastral.get(premise.id) ?? '';
      const differs =
        index === 0 &&
        premise.kind === DEMO_AREA_DIFFERS.kind &&
        premise.number === DEMO_AREA_DIFFERS.number;

      rows.push({
        ...objectFields(house, number, premise.kind, premise.number),
        area: differs ? addCenti(premise.area, DEMO_AREA_DIFFERS.extraCenti) : premise.area,
        owner_kind: premise.person ? 'физическое лицо' : 'муниципальное образование',
        owner_name: premise.person ?? premise.organisation ?? '',
        owner_inn: namesakes(owned, premise) ? personalInn(`${number}/${right}`) : '',
        share: `${premise.numerator}/${premise.denominator}`,
        registration_number: `${number}-66/199/${premise.startedOn.slice(0, 4)}-${right}`,
        registered_on: premise.startedOn,
      });
    }

    if (index === 0) {
      for (const extra of DEMO_REGISTRY_ONLY) {
        const number = `${quarter}:${next}`;

        next += 1;
        rows.push({
          ...objectFields(house, number, extra.kind, extra.number),
          area: extra.area,
          owner_kind: 'физическое лицо',
          owner_name: accountOwnerName(extra.account),
          share: '1/1',
          registration_number: `${number}-66/199/${extra.registeredOn.slice(0, 4)}-1`,
          registered_on: extra.registeredOn,
        });
      }
    }
  }

  return { rows, cadastral };
}

/**
 * Co-owners of one flat may share a full name (a father and his son): the registry tells them
 * apart by their ИНН, and so must the extract, or the importer reads them as one owner twice.
 */
function namesakes(owned: OwnedPremise[], premise: OwnedPremise): boolean {
  return (
    premise.person !== null &&
    owned.filter((other) => other.id === premise.id && other.person === premise.person).length > 1
  );
}

/** A made-up personal ИНН (12 digits, Sverdlovsk region) with valid check digits, from a seed. */
function personalInn(seed: string): string {
  let hash = 0;

  for (const char of seed) {
    hash = (hash * 31 + char.charCodeAt(0)) % 100_000_000;
  }

  const body = `66${String(hash).padStart(8, '0')}`;

  for (let control = 0; control < 100; control += 1) {
    const inn = `${body}${String(control).padStart(2, '0')}`;

    if (checkInn(inn).valid) {
      return inn;
    }
  }

  // Each body has exactly one valid pair of check digits, so the loop always returns.
  throw new Error(`no check digits fit ${body}`);
}

function objectFields(house: DemoHouse, cadastral: string, kind: Kind, number: string) {
  return {
    cadastral_number: cadastral,
    address: `${house.address}, ${KIND_WORDS[kind].tail} ${number}`,
    premise_number: number,
    kind: KIND_WORDS[kind].object,
    extracted_on: DEMO_EXTRACT_DATE,
  } satisfies RawExtractRow;
}

function accountOwnerName(key: string): string {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.key === key);

  if (!account) {
    throw new Error(`no demo account ${key}`);
  }

  const { surname, name, patronymic } = account.person;

  return `${surname} ${name} ${patronymic}`;
}

/** «45.30» plus 80 hundredths → «46.10», in whole hundredths so nothing is lost to floats. */
function addCenti(area: string, centi: number): string {
  const [whole = '0', fraction = ''] = area.split('.');
  const total = Number(whole) * 100 + Number(fraction.padEnd(2, '0')) + centi;

  return `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
}

/**
 * Gives the demo houses their registry: the platform premises get the extract's cadastral
 * numbers, the extract is written to DATA_DIR/demo/registry-extract.csv and imported through
 * the ordinary importer, so the demo's registry is exactly what an operator's upload would give.
 */
export async function seedDemoRegistry(
  ctx: AppContext,
  houses: DemoHouse[],
): Promise<{ file: string; report: RegistryImportReport }> {
  const extract = await buildDemoExtract(ctx.db, houses);
  const bytes = Buffer.from(formatExtractCsv(extract.rows), 'utf8');
  const file = path.join(ctx.config.dataDir, DEMO_EXTRACT_PATH);

  await ctx.db.transaction(async (tx) => {
    for (const [premiseId, number] of extract.cadastral) {
      await tx.query('UPDATE premises SET cadastral_number = $2 WHERE id = $1', [
        premiseId,
        number,
      ]);
    }
  });

  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);

  const report = await importRegistryExtract(
    ctx,
    { bytes, fileName: path.basename(file) },
    // A machine whose clock is behind the extract's date would find the extract "from the future".
    {
      locale: 'ru',
      demo: true,
      today: latest(DEMO_EXTRACT_DATE, new Date().toISOString().slice(0, 10)),
    },
  );

  if (report.status !== 'imported') {
    // The demo builds its own file: a refusal is a bug here, not bad input.
    throw new Error(`the demo registry extract was refused: ${JSON.stringify(report.errors)}`);
  }

  return { file, report };
}

function latest(a: string, b: string): string {
  return a > b ? a : b;
}
