import { describe, expect, it } from 'vitest';

import { coOwnerSummary, premiseView, shareOf, type HeldShare } from './premise-view.js';

const half = { numerator: 1, denominator: 2 };
const quarter = { numerator: 1, denominator: 4 };
const third = { numerator: 1, denominator: 3 };

describe('premiseView', () => {
  it('should show an owner the shares and the residents by name', () => {
    expect(premiseView(new Set(['owner']))).toEqual({ shares: true, residentNames: true });
    expect(premiseView(new Set(['owner', 'resident']))).toEqual({
      shares: true,
      residentNames: true,
    });
  });

  it('should show a representative the shares but not who lives there', () => {
    expect(premiseView(new Set(['representative']))).toEqual({
      shares: true,
      residentNames: false,
    });
  });

  it('should show a resident who owns nothing neither shares nor names', () => {
    expect(premiseView(new Set(['resident']))).toEqual({ shares: false, residentNames: false });
  });
});

describe('coOwnerSummary', () => {
  const rights: HeldShare[] = [
    { holder: 'me', share: quarter },
    { holder: 'me', share: quarter },
    { holder: 'sister', share: quarter },
    { holder: 'city', share: quarter },
  ];

  it('should count the other owners once each and add up every share exactly', () => {
    expect(coOwnerSummary(rights, new Set(['me']))).toEqual({
      others: 2,
      total: { numerator: 1, denominator: 1 },
    });
  });

  it('should leave out every owner the viewer speaks for', () => {
    expect(coOwnerSummary(rights, new Set(['me', 'sister'])).others).toBe(1);
  });

  it('should show a shortfall when the registered shares do not add up to one', () => {
    expect(
      coOwnerSummary(
        [
          { holder: 'me', share: third },
          { holder: 'brother', share: third },
        ],
        new Set(['me']),
      ),
    ).toEqual({ others: 1, total: { numerator: 2, denominator: 3 } });
  });
});

describe('shareOf', () => {
  it('should add up the rights of one person and ignore the others', () => {
    expect(
      shareOf(
        [
          { holder: 'me', share: quarter },
          { holder: 'me', share: quarter },
          { holder: 'other', share: half },
        ],
        'me',
      ),
    ).toEqual(half);
  });

  it('should answer null for a person without a right', () => {
    expect(shareOf([{ holder: 'other', share: half }], 'me')).toBeNull();
  });
});
