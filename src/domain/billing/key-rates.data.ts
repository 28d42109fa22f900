/**
 * The Bank of Russia key rate and the government's measures on utility penalties, as data with
 * the dates they take effect. Add a new decision as one line; never edit a past one.
 *
 * Source of the rates: the Bank of Russia's published key-rate history
 * (cbr.ru → «Ключевая ставка Банка России», the table of decisions by effective date). The list
 * ends at the last decision this release was checked against (27.10.2025); a later decision must
 * be appended here, or penalties keep using the last rate listed (docs/billing.md says how).
 */
export type KeyRate = { from: string; percent: string };

export const KEY_RATES: readonly KeyRate[] = [
  { from: '2021-12-20', percent: '8.50' },
  { from: '2022-02-14', percent: '9.50' },
  { from: '2022-02-28', percent: '20.00' },
  { from: '2022-04-11', percent: '17.00' },
  { from: '2022-05-04', percent: '14.00' },
  { from: '2022-05-27', percent: '11.00' },
  { from: '2022-06-14', percent: '9.50' },
  { from: '2022-07-25', percent: '8.00' },
  { from: '2022-09-19', percent: '7.50' },
  { from: '2023-07-24', percent: '8.50' },
  { from: '2023-08-15', percent: '12.00' },
  { from: '2023-09-18', percent: '13.00' },
  { from: '2023-10-30', percent: '15.00' },
  { from: '2023-12-18', percent: '16.00' },
  { from: '2024-07-29', percent: '18.00' },
  { from: '2024-09-16', percent: '19.00' },
  { from: '2024-10-28', percent: '21.00' },
  { from: '2025-06-09', percent: '20.00' },
  { from: '2025-07-28', percent: '18.00' },
  { from: '2025-09-15', percent: '17.00' },
  { from: '2025-10-27', percent: '16.50' },
];

/**
 * Days on which no penalty accrues. `debtsDueBefore`: the measure covers only debts that fell
 * due before that date (the 2022 bankruptcy moratorium covered obligations arising before it).
 */
export type Moratorium = { from: string; to: string; act: string; debtsDueBefore?: string };

export const MORATORIA: readonly Moratorium[] = [
  // ПП РФ от 02.04.2020 № 424: penalties for housing and utilities suspended until 01.01.2021.
  { from: '2020-04-06', to: '2020-12-31', act: 'ПП РФ от 02.04.2020 № 424' },
  // ПП РФ от 28.03.2022 № 497: the moratorium of 01.04.2022–01.10.2022 on earlier obligations.
  {
    from: '2022-04-01',
    to: '2022-10-01',
    act: 'ПП РФ от 28.03.2022 № 497',
    debtsDueBefore: '2022-04-01',
  },
];

/**
 * Periods in which the rate used for penalties may not exceed a fixed one: the key rate of
 * 27.02.2022 (9.5 %), or the current one if lower.
 */
export type RateCap = { from: string; to: string; percent: string; act: string };

export const RATE_CAPS: readonly RateCap[] = [
  { from: '2022-02-28', to: '2022-12-31', percent: '9.50', act: 'ПП РФ от 26.03.2022 № 474' },
  {
    from: '2024-03-18',
    to: '2025-12-31',
    percent: '9.50',
    act: 'ПП РФ от 18.03.2024 № 329 (продлено до 31.12.2025)',
  },
];
