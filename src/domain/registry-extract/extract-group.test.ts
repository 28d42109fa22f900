import { describe, expect, it } from 'vitest';

import { groupExtractRows, type LocatedRow } from './extract-group.js';
import type { ExtractObjectFacts, ExtractRight } from './extract-row.js';
import { problemMessage } from './problems.js';

const FACTS: ExtractObjectFacts = {
  cadastralNumber: '66:41:0204016:1101',
  address: 'г. Екатеринбург, ул. Малышева, д. 15, кв. 1',
  premiseNumber: '1',
  kind: 'flat',
  areaCenti: 4530,
  extractedOn: null,
};

const right = (name: string, numerator: number, denominator: number): ExtractRight => ({
  ownerKind: 'person',
  ownerName: name,
  ownerNameKey: name.toLowerCase(),
  ownerInn: null,
  ownerSnils: null,
  share: { numerator, denominator },
  registrationNumber: `66:41:0204016:1101-66/001/2015-${name.length}`,
  registeredOn: '2015-06-01',
});

const row = (line: number, facts: Partial<ExtractObjectFacts>, r: ExtractRight | null) =>
  ({
    line,
    objectLine: line,
    row: { object: { ...FACTS, ...facts }, right: r },
  }) satisfies LocatedRow;

describe('groupExtractRows', () => {
  it('should gather the rights of an object from its rows, in file order', () => {
    const { objects, problems } = groupExtractRows([
      row(2, {}, right('Анна', 1, 3)),
      row(3, { cadastralNumber: '66:41:0204016:1102' }, null),
      row(4, {}, right('Борис', 2, 3)),
    ]);

    expect(problems).toEqual([]);
    expect(objects.map((o) => [o.cadastralNumber, o.lines, o.rights.map((r) => r.line)])).toEqual([
      ['66:41:0204016:1101', [2, 4], [2, 4]],
      ['66:41:0204016:1102', [3], []],
    ]);
  });

  it('should name rows that disagree with the first row of their object', () => {
    const { problems } = groupExtractRows([
      row(2, {}, right('Анна', 1, 2)),
      row(3, { areaCenti: 4531, kind: 'storage' }, right('Борис', 1, 2)),
    ]);

    expect(problems).toEqual([
      { line: 3, field: 'kind', code: 'conflict', firstLine: 2 },
      { line: 3, field: 'area', code: 'conflict', firstLine: 2 },
    ]);
    expect(problemMessage(problems[1]!).en).toBe('area differs from line 2 of the same object');
  });

  it('should refuse shares adding up to more than one, exactly (1/3 × 3 is one)', () => {
    expect(
      groupExtractRows([
        row(2, {}, right('Анна', 1, 3)),
        row(3, {}, right('Борис', 1, 3)),
        row(4, {}, right('Вера', 1, 3)),
      ]).problems,
    ).toEqual([]);

    expect(
      groupExtractRows([
        row(2, {}, right('Анна', 1, 2)),
        row(3, {}, right('Борис', 1, 2)),
        row(4, {}, right('Вера', 1, 999_983)),
      ]).problems,
    ).toEqual([{ line: 4, field: 'share', code: 'shares_above_one' }]);
  });

  it('should keep sums exact over many different denominators', () => {
    const primes = [999_983, 999_979, 999_961, 999_959, 999_953, 999_931];
    const rows = primes.map((p, i) => row(i + 2, {}, right(`Владелец ${'я'.repeat(i)}`, 1, p)));

    expect(groupExtractRows(rows).problems).toEqual([]);
  });

  it('should accept one owner holding two rights under different registrations', () => {
    const inherited = {
      ...right('Анна', 1, 4),
      registrationNumber: '66:41:0204016:1101-66/001/2019-7',
    };
    const grouped = groupExtractRows([row(2, {}, right('Анна', 1, 4)), row(3, {}, inherited)]);

    expect(grouped.problems).toEqual([]);
    expect(grouped.objects[0]!.rights.map((r) => r.line)).toEqual([2, 3]);
  });

  it('should refuse the same right of an owner listed twice on one object', () => {
    expect(
      groupExtractRows([row(2, {}, right('Анна', 1, 4)), row(5, {}, right('Анна', 1, 4))]).problems,
    ).toEqual([{ line: 5, field: 'owner_name', code: 'duplicate_owner', firstLine: 2 }]);
  });
});
