import { describe, expect, it } from 'vitest';

import { comparePremiseNumbers, layoutChessboard, type BoardPremise } from './chessboard.js';

const flat = (number: string, entrance: number | null, floor: number | null): BoardPremise => ({
  number,
  kind: 'flat',
  entrance,
  floor,
});

describe('comparePremiseNumbers', () => {
  it('should order numbers as people read them', () => {
    const numbers = ['10', '2', '12б', '1', '12', '12а', '100', 'Н10', 'Н2', '03'];

    expect([...numbers].sort(comparePremiseNumbers)).toEqual([
      '1',
      '2',
      '03',
      '10',
      '12',
      '12а',
      '12б',
      '100',
      'Н2',
      'Н10',
    ]);
  });

  it('should keep a stable order for numbers that read the same', () => {
    expect(comparePremiseNumbers('7', '07')).not.toBe(0);
    expect(comparePremiseNumbers('7', '7')).toBe(0);
  });
});

describe('layoutChessboard', () => {
  it('should stack floors top first and sort flats of a floor by number', () => {
    const board = layoutChessboard([
      flat('3', 1, 2),
      flat('10', 1, 1),
      flat('1', 1, 1),
      flat('2', 1, 1),
      flat('4', 1, 2),
    ]);

    expect(board.entrances).toHaveLength(1);
    expect(
      board.entrances[0]!.floors.map((f) => [f.floor, f.premises.map((p) => p.number)]),
    ).toEqual([
      [2, ['3', '4']],
      [1, ['1', '2', '10']],
    ]);
    expect(board.entrances[0]!.premisesCount).toBe(5);
  });

  it('should put non-residential premises, parking and storage in rows of their own', () => {
    const board = layoutChessboard([
      flat('1', 1, 2),
      { number: 'М10', kind: 'parking', entrance: null, floor: -1 },
      { number: 'Н2', kind: 'non_residential', entrance: null, floor: 1 },
      { number: 'К1', kind: 'storage', entrance: 1, floor: -1 },
      { number: 'М2', kind: 'parking', entrance: null, floor: -1 },
      { number: 'Н1', kind: 'non_residential', entrance: 1, floor: 1 },
    ]);

    expect(board.other.map((row) => [row.kind, row.premises.map((p) => p.number)])).toEqual([
      ['non_residential', ['Н1', 'Н2']],
      ['parking', ['М2', 'М10']],
      ['storage', ['К1']],
    ]);
    // The shops on the ground floor leave floor 1 of the entrance visibly empty.
    expect(board.entrances[0]!.floors.map((f) => [f.floor, f.premises.length])).toEqual([
      [2, 1],
      [1, 0],
    ]);
  });

  it('should show declared entrances and floors even when empty, and unknowns last', () => {
    const board = layoutChessboard(
      [flat('7', 2, 3), flat('99', null, null), flat('1', 1, null)],
      [
        { number: 1, floors: 2 },
        { number: 2, floors: 3 },
        { number: 3, floors: 2 },
      ],
    );

    expect(board.entrances.map((e) => e.entrance)).toEqual([1, 2, 3, null]);
    expect(board.entrances[0]!.floors.map((f) => f.floor)).toEqual([2, 1, null]);
    expect(board.entrances[1]!.floors.map((f) => f.floor)).toEqual([3, 2, 1]);
    expect(board.entrances[2]!.floors.map((f) => [f.floor, f.premises.length])).toEqual([
      [2, 0],
      [1, 0],
    ]);
    expect(board.entrances[3]!.floors.map((f) => f.floor)).toEqual([null]);
  });

  it('should keep basement floors and not draw hundreds of rows for a typo', () => {
    const basement = layoutChessboard([flat('1', 1, -1), flat('2', 1, 2)]);

    expect(basement.entrances[0]!.floors.map((f) => f.floor)).toEqual([2, 1, 0, -1]);

    const typo = layoutChessboard([flat('1', 1, 900), flat('2', 1, 2)]);

    expect(typo.entrances[0]!.floors.map((f) => f.floor)).toEqual([900, 2]);
  });

  it('should lay out an empty house as nothing', () => {
    expect(layoutChessboard([])).toEqual({ entrances: [], other: [] });
  });
});
