/**
 * The law's catalogue of decision kinds (ч. 2 ст. 44, ч. 1 ст. 46 ЖК РФ, ст. 36 ч. 3, ст. 40
 * ч. 2): which item of the owners' competence a question falls under and the majority it takes.
 * Versioned data keyed by the date an edition took effect: a meeting takes the edition in force
 * on the first day of its voting, and the administrator picks a kind, never a threshold.
 */

/**
 * `two_thirds_of_all`: at least 2/3 of the votes of ALL owners; `more_than_half_of_all`: strictly
 * more than 1/2 of all votes; `majority_of_participants`: strictly more than half of the votes of
 * the owners taking part; `unanimous`: every owner's vote (100 % of all votes).
 */
export type Majority =
  'two_thirds_of_all' | 'more_than_half_of_all' | 'majority_of_participants' | 'unanimous';

export const MAJORITIES: readonly Majority[] = [
  'two_thirds_of_all',
  'more_than_half_of_all',
  'majority_of_participants',
  'unanimous',
];

export type DecisionKind = {
  /** Stable code: `p1_1_1` is item 1.1-1 of ч. 2 ст. 44. */
  code: string;
  /** Where the law puts it, as a protocol cites it. */
  basis: { ru: string; en: string };
  title: { ru: string; en: string };
  majority: Majority;
};

export type CatalogueEdition = {
  /** First day the edition applies (YYYY-MM-DD). */
  effectiveFrom: string;
  /** What changed, for the docs and the protocol. */
  source: string;
  kinds: DecisionKind[];
};

const item = (number: string, majority: Majority, ru: string, en: string): DecisionKind => ({
  code: `p${number.replaceAll('.', '_').replaceAll('-', '_')}`,
  basis: {
    ru: `п. ${number} ч. 2 ст. 44 ЖК РФ`,
    en: `item ${number}, art. 44 part 2 Housing Code`,
  },
  title: { ru, en },
  majority,
});

const COMMON: DecisionKind[] = [
  item(
    '1',
    'two_thirds_of_all',
    'Реконструкция, капитальный ремонт, фонд капремонта',
    'Reconstruction, capital repair, the capital repair fund',
  ),
  item(
    '1.1',
    'more_than_half_of_all',
    'Способ формирования фонда капитального ремонта',
    'How the capital repair fund is formed',
  ),
  item(
    '1.1-1',
    'two_thirds_of_all',
    'Взнос на капремонт выше минимального размера',
    'Capital repair contribution above the minimum',
  ),
  item(
    '1.2',
    'two_thirds_of_all',
    'Кредит или заём на капитальный ремонт',
    'A loan for capital repair',
  ),
  item(
    '2',
    'two_thirds_of_all',
    'Пределы использования земельного участка',
    'Use of the land plot',
  ),
  item(
    '3',
    'two_thirds_of_all',
    'Пользование общим имуществом иными лицами',
    'Use of common property by third parties',
  ),
  item(
    '3.1',
    'two_thirds_of_all',
    'Лица, уполномоченные заключать договоры об использовании общего имущества',
    'Who may sign contracts on the use of common property',
  ),
  item(
    '4',
    'more_than_half_of_all',
    'Выбор способа управления домом',
    'Choice of the management method',
  ),
  item(
    '4.2',
    'more_than_half_of_all',
    'Прямые договоры с ресурсоснабжающими организациями',
    'Direct contracts with utility providers',
  ),
  item('4.3', 'two_thirds_of_all', 'Вопрос по п. 4.3 ч. 2 ст. 44 ЖК РФ', 'Question under item 4.3'),
  item(
    '4.7',
    'more_than_half_of_all',
    'Вопрос по п. 4.7 ч. 2 ст. 44 ЖК РФ',
    'Question under item 4.7',
  ),
];

const OTHER: DecisionKind = {
  code: 'other',
  basis: { ru: 'ч. 1 ст. 46 ЖК РФ', en: 'art. 46 part 1 Housing Code' },
  title: {
    ru: 'Иные вопросы (председатель, секретарь, счётная комиссия, текущие вопросы)',
    en: 'Other questions (chair, secretary, counting commission, day-to-day matters)',
  },
  majority: 'majority_of_participants',
};

const UNANIMOUS: DecisionKind[] = [
  {
    code: 'common_property_reduction',
    basis: { ru: 'ч. 3 ст. 36 ЖК РФ', en: 'art. 36 part 3 Housing Code' },
    title: { ru: 'Уменьшение размера общего имущества', en: 'Reducing the common property' },
    majority: 'unanimous',
  },
  {
    code: 'common_property_attachment',
    basis: { ru: 'ч. 2 ст. 40 ЖК РФ', en: 'art. 40 part 2 Housing Code' },
    title: {
      ru: 'Присоединение части общего имущества к помещению',
      en: 'Attaching part of the common property to a premise',
    },
    majority: 'unanimous',
  },
];

/**
 * Editions, oldest first. The 2022 text had no items 1.3 and 3.8; ч. 1 ст. 46 in force from
 * 01.09.2024 added them to the two-thirds list (domain-rules §1). Per-entrance items 4.5 and 4.6
 * count their quorum by entrance and are not offered (see docs/meetings.md).
 */
export const CATALOGUE: readonly CatalogueEdition[] = [
  {
    effectiveFrom: '2022-01-01',
    source: 'ЖК РФ ч. 1 ст. 46 (ред. 2022)',
    kinds: [...COMMON, OTHER, ...UNANIMOUS],
  },
  {
    effectiveFrom: '2024-09-01',
    source: 'ЖК РФ ч. 1 ст. 46 (ред. с 01.09.2024)',
    kinds: [
      ...COMMON.slice(0, 4),
      item(
        '1.3',
        'two_thirds_of_all',
        'Вопрос по п. 1.3 ч. 2 ст. 44 ЖК РФ',
        'Question under item 1.3',
      ),
      ...COMMON.slice(4, 7),
      item(
        '3.8',
        'two_thirds_of_all',
        'Вопрос по п. 3.8 ч. 2 ст. 44 ЖК РФ',
        'Question under item 3.8',
      ),
      ...COMMON.slice(7),
      OTHER,
      ...UNANIMOUS,
    ],
  },
];

/** The edition in force on a date, or null before the earliest one the platform carries. */
export function editionOn(date: string, catalogue = CATALOGUE): CatalogueEdition | null {
  let found: CatalogueEdition | null = null;

  for (const edition of catalogue) {
    if (edition.effectiveFrom <= date) {
      found = edition;
    }
  }

  return found;
}

/** A kind of the edition in force on the date, or null when that edition has no such kind. */
export function decisionKindOn(
  code: string,
  date: string,
  catalogue = CATALOGUE,
): { edition: CatalogueEdition; kind: DecisionKind } | null {
  const edition = editionOn(date, catalogue);
  const kind = edition?.kinds.find((k) => k.code === code);

  return edition && kind ? { edition, kind } : null;
}

/** The protocol form for a meeting that ended on the date: 266/пр from 01.09.2025, else 44/пр. */
export type ProtocolForm = '44/пр' | '266/пр';

export const FORM_266_FROM = '2025-09-01';

export function protocolFormFor(meetingEndedOn: string): ProtocolForm {
  return meetingEndedOn >= FORM_266_FROM ? '266/пр' : '44/пр';
}
