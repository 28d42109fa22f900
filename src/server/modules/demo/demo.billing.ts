import { checkInn } from '../../../domain/identifiers/checksums.js';
import { addMonths, lastDay } from '../../../domain/billing/period.js';
import type { Queryable } from '../../platform/db/database.js';
import { insertRows } from '../../platform/db/insert-rows.js';
import { businessToday } from '../billing/billing-common.js';
import type { DemoHouse } from './demo.houses.js';

/**
 * Demo tariffs, in roubles, for 2026 in the first and second half-year (utility tariffs in Russia
 * change on 1 July). They are of the order of Ekaterinburg's published 2025–2026 tariffs, but
 * illustrative: flagged `is_demo`, not a tariff decision.
 */
const TARIFFS: [service: string, zone: string, firstHalf: string, secondHalf: string][] = [
  ['maintenance', 'single', '32.50', '34.10'],
  ['capital_repair', 'single', '14.03', '14.03'],
  ['cold_water', 'single', '51.58', '57.26'],
  ['hot_water', 'single', '239.61', '265.97'],
  ['sewerage', 'single', '36.56', '40.58'],
  ['electricity', 'single', '5.83', '6.47'],
  ['electricity', 'day', '6.80', '7.55'],
  ['electricity', 'night', '3.60', '4.00'],
  ['heating', 'single', '2451.34', '2721.00'],
];

/** Illustrative norms per person per month (heating: Гкал per m² per month of the season). */
const NORMS: [service: string, basis: string, quantity: string][] = [
  ['cold_water', 'per_person', '4.8500'],
  ['hot_water', 'per_person', '3.5800'],
  ['electricity', 'per_person', '136.0000'],
  ['heating', 'per_m2', '0.0227'],
];

/** Sberbank's Ural bank in Ekaterinburg: a real БИК and correspondent account. */
const BANK = {
  name: 'Уральский банк ПАО Сбербанк',
  bik: '046577674',
  corr: '30101810500000000674',
};

/** A settlement account number whose key digit (the 9th) agrees with the БИК (ЦБ № 515). */
export function withAccountKey(bik: string, account: string): string {
  const weights = [7, 1, 3];

  for (let key = 0; key <= 9; key += 1) {
    const candidate = `${account.slice(0, 8)}${key}${account.slice(9)}`;
    const digits = `${bik.slice(6)}${candidate}`;
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i % 3]!, 0);

    if (sum % 10 === 0) {
      return candidate;
    }
  }

  throw new Error('unreachable: one key digit always fits');
}

/** A company ИНН (10 digits) with a valid check digit, from nine seed digits. */
function innFrom(seed: string): string {
  for (let digit = 0; digit <= 9; digit += 1) {
    if (checkInn(`${seed}${digit}`).valid) {
      return `${seed}${digit}`;
    }
  }

  throw new Error('unreachable');
}

/**
 * The billing part of the demo world: bank details of the organisations managing the demo
 * houses (a real bank, synthetic accounts with valid keys), their tariffs and norms, and an
 * opening debt carried over from the "previous system" on a few accounts, so debtors and
 * penalties have something to show. Runs inside the demo transaction after the ledger.
 */
export async function seedDemoBilling(tx: Queryable, houses: DemoHouse[]): Promise<void> {
  const orgIds = [
    ...new Set(houses.map((h) => h.managingOrganisationId).filter((id): id is string => !!id)),
  ];

  if (orgIds.length === 0) {
    return;
  }

  const orgs = await tx.query<{ id: string; name: string; inn: string | null }>(
    'SELECT id, name, inn FROM organisations WHERE id = ANY($1::uuid[]) ORDER BY name',
    [orgIds],
  );

  await insertRows(
    tx,
    'billing_settings',
    [
      'organisation_id',
      'payee_name',
      'inn',
      'kpp',
      'bank_name',
      'bik',
      'correspondent_account',
      'settlement_account',
      'address',
      'phone',
      'email',
      'website',
      'office_hours',
      'is_demo',
    ],
    orgs.map((org, i) => [
      org.id,
      org.name.slice(0, 160),
      org.inn && checkInn(org.inn).valid && org.inn.length === 10
        ? org.inn
        : innFrom(`66700${String(1000 + i)}`),
      '667001001',
      BANK.name,
      BANK.bik,
      BANK.corr,
      withAccountKey(BANK.bik, `40702810${'0'}1654${String(i).padStart(7, '0')}`),
      'г. Екатеринбург, ул. Малышева, д. 15, офис 1 (демо)',
      '+7 343 000-00-00',
      'uk@mpdom.test',
      'https://mpdom.test',
      'пн–пт 9:00–18:00',
      true,
    ]),
  );

  const year = businessToday().slice(0, 4);

  await insertRows(
    tx,
    'billing_tariffs',
    ['organisation_id', 'service', 'zone', 'rate', 'valid_from', 'valid_to', 'is_demo'],
    orgs.flatMap((org) =>
      TARIFFS.flatMap(([service, zone, first, second]) => [
        [org.id, service, zone, first, `${year}-01-01`, `${year}-06-30`, true],
        [org.id, service, zone, second, `${year}-07-01`, null, true],
      ]),
    ),
  );
  await insertRows(
    tx,
    'billing_norms',
    ['organisation_id', 'service', 'basis', 'quantity', 'valid_from', 'is_demo'],
    orgs.flatMap((org) =>
      NORMS.map(([service, basis, quantity]) => [
        org.id,
        service,
        basis,
        quantity,
        `${year}-01-01`,
        true,
      ]),
    ),
  );

  // A carried-over debt four months old on a few accounts of people without a sign-in.
  const period = addMonths(businessToday().slice(0, 7), -4);
  const debtors = await tx.query<{ id: string }>(
    `SELECT a.id FROM personal_accounts a JOIN premises p ON p.id = a.premise_id
      WHERE p.house_id = $1 AND a.payer_person_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.person_id = a.payer_person_id)
      ORDER BY p.number::text LIMIT 4`,
    [houses[0]!.id],
  );

  await insertRows(
    tx,
    'billing_ledger',
    [
      'personal_account_id',
      'entry_on',
      'period',
      'kind',
      'amount_kopecks',
      'description',
      'source_type',
      'is_demo',
    ],
    debtors.map((d, i) => [
      d.id,
      lastDay(period),
      period,
      'accrual',
      480_000 + i * 123_456,
      'Входящий остаток из прежней системы (демо)',
      'opening_balance',
      true,
    ]),
  );
}
