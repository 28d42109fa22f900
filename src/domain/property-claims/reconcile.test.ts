import { describe, expect, it } from 'vitest';

import type { Share } from '../shares/fraction.js';
import {
  areaWithinTolerance,
  isClaimantsRight,
  reconcileClaim,
  type ClaimFacts,
  type RegistryFacts,
  type RightFacts,
} from './reconcile.js';

const HOUSE = { id: 'house-1', address: 'г. Екатеринбург, ул. Малышева, д. 15' };
const half: Share = { numerator: 1, denominator: 2 };
const third: Share = { numerator: 1, denominator: 3 };
const whole: Share = { numerator: 1, denominator: 1 };

function claim(overrides: Partial<ClaimFacts> = {}): ClaimFacts {
  return {
    cadastralNumber: '66:41:0702013:1234',
    house: HOUSE,
    premiseNumber: 'М-7',
    premiseKind: 'parking',
    areaCenti: 1530,
    share: whole,
    claimant: { nameKey: 'демидов павел андреевич', snilsDigest: null },
    ...overrides,
  };
}

function right(overrides: Partial<RightFacts> = {}): RightFacts {
  return {
    ownerKind: 'person',
    ownerNameKey: 'демидов павел андреевич',
    ownerSnilsDigest: null,
    share: whole,
    ...overrides,
  };
}

function registry(overrides: Partial<RegistryFacts> = {}): RegistryFacts {
  return {
    address: 'Свердловская обл., г. Екатеринбург, ул. Малышева, д. 15',
    houseId: HOUSE.id,
    premiseNumber: 'М-7',
    kind: 'parking',
    areaCenti: 1530,
    rights: [right()],
    ...overrides,
  };
}

const codes = (result: { mismatches: { code: string }[] }) => result.mismatches.map((m) => m.code);

describe('reconcileClaim', () => {
  it('should match a claim that agrees with the registry in every fact', () => {
    const result = reconcileClaim(claim(), registry(), []);

    expect(result.outcome).toBe('match');
    expect(result.mismatches).toEqual([]);
    expect(result.claimantRights).toHaveLength(1);
  });

  it('should refuse to look further when the cadastral number is malformed', () => {
    for (const bad of ['66:41:070201:', '66-41-0702013-1', '6:41:0702013:1', '66:41:07020:1', '']) {
      const result = reconcileClaim(claim({ cadastralNumber: bad }), registry(), []);

      expect(result.outcome).toBe('conflict');
      expect(result.mismatches).toEqual([{ code: 'cadastral_format', claimed: bad, found: null }]);
    }
  });

  it('should accept both quarter lengths of the cadastral format', () => {
    expect(
      reconcileClaim(claim({ cadastralNumber: '66:41:070201:5' }), registry(), []).outcome,
    ).toBe('match');
    expect(
      reconcileClaim(claim({ cadastralNumber: '66:41:0702013:12345678' }), registry(), []).outcome,
    ).toBe('match');
  });

  it('should name an object the registry does not have', () => {
    const result = reconcileClaim(claim(), null, []);

    expect(result.mismatches).toEqual([
      { code: 'not_in_registry', claimed: '66:41:0702013:1234', found: null },
    ]);
  });

  it('should name a different house with both addresses', () => {
    const result = reconcileClaim(claim(), registry({ houseId: 'house-2' }), []);

    expect(result.mismatches).toEqual([
      { code: 'address', claimed: HOUSE.address, found: registry().address },
    ]);
  });

  it('should treat an address the registry could not match to a house as a mismatch', () => {
    expect(codes(reconcileClaim(claim(), registry({ houseId: null }), []))).toEqual(['address']);
  });

  it('should compare premise numbers by their key, not their spelling', () => {
    for (const spelling of ['м-7', 'M7', 'М 7', 'м.7', 'М–7']) {
      expect(reconcileClaim(claim({ premiseNumber: spelling }), registry(), []).outcome).toBe(
        'match',
      );
    }

    expect(reconcileClaim(claim({ premiseNumber: 'М-8' }), registry(), []).mismatches).toEqual([
      { code: 'premise_number', claimed: 'М-8', found: 'М-7' },
    ]);
    expect(codes(reconcileClaim(claim(), registry({ premiseNumber: null }), []))).toEqual([
      'premise_number',
    ]);
  });

  it('should name a different kind of premise', () => {
    expect(reconcileClaim(claim({ premiseKind: 'storage' }), registry(), []).mismatches).toEqual([
      { code: 'kind', claimed: 'storage', found: 'parking' },
    ]);
  });

  it('should name a wrong area with both figures', () => {
    expect(reconcileClaim(claim({ areaCenti: 1800 }), registry(), []).mismatches).toEqual([
      { code: 'area', claimed: '18.00', found: '15.30' },
    ]);
  });

  it('should name a claimant the registry does not list', () => {
    const result = reconcileClaim(
      claim({ claimant: { nameKey: 'иванов иван иванович', snilsDigest: null } }),
      registry(),
      [],
    );

    expect(result.mismatches).toEqual([{ code: 'claimant_not_owner', claimed: '1', found: null }]);
    expect(result.claimantRights).toEqual([]);
  });

  it('should name a share that differs from the registered one', () => {
    const result = reconcileClaim(claim({ share: half }), registry(), []);

    expect(result.mismatches).toEqual([{ code: 'share_differs', claimed: '1/2', found: '1' }]);
  });

  it("should add up the claimant's several registrations before comparing the share", () => {
    const quarter = { numerator: 1, denominator: 4 };
    const rights = [
      right({ share: quarter }),
      right({ share: quarter }),
      right({ ownerNameKey: 'x' }),
    ];

    const result = reconcileClaim(claim({ share: half }), registry({ rights }), []);

    expect(result.outcome).toBe('match');
    expect(result.claimantRights).toHaveLength(2);
  });

  it('should let the platform shares reach exactly one, and not one bit more', () => {
    const rights = [right({ share: third })];

    expect(
      reconcileClaim(claim({ share: third }), registry({ rights }), [third, third]).outcome,
    ).toBe('match');
    expect(
      reconcileClaim(claim({ share: third }), registry({ rights }), [third, half]).mismatches,
    ).toEqual([{ code: 'shares_exceed_whole', claimed: '1/3', found: '5/6' }]);

    // 1/1000 over: exact fractions notice what floats would round away.
    const tiny = { numerator: 1, denominator: 1000 };

    expect(
      codes(
        reconcileClaim(claim({ share: third }), registry({ rights }), [
          { numerator: 667, denominator: 1000 },
          tiny,
        ]),
      ),
    ).toEqual(['shares_exceed_whole']);
  });

  it('should check the share sum even when the registry has no such object', () => {
    expect(codes(reconcileClaim(claim(), null, [whole]))).toEqual([
      'not_in_registry',
      'shares_exceed_whole',
    ]);
  });

  it('should list every mismatch at once, in a stable order', () => {
    const result = reconcileClaim(
      claim({
        premiseNumber: '8',
        premiseKind: 'flat',
        areaCenti: 4000,
        claimant: { nameKey: 'другой человек', snilsDigest: null },
      }),
      registry({ houseId: 'house-2' }),
      [whole],
    );

    expect(codes(result)).toEqual([
      'address',
      'premise_number',
      'kind',
      'area',
      'claimant_not_owner',
      'shares_exceed_whole',
    ]);
  });
});

describe('areaWithinTolerance', () => {
  it('should allow 0.5 m² on a large premise, and not 0.51', () => {
    // 100 m²: 1 % would be 1 m², so the absolute half a metre is the tighter limit.
    expect(areaWithinTolerance(10_050, 10_000)).toBe(true);
    expect(areaWithinTolerance(9_950, 10_000)).toBe(true);
    expect(areaWithinTolerance(10_051, 10_000)).toBe(false);
    expect(areaWithinTolerance(9_949, 10_000)).toBe(false);
  });

  it('should allow 1 % on a small premise, and not a hundredth more', () => {
    // 20 m²: 1 % is 0.20 m², tighter than half a metre.
    expect(areaWithinTolerance(2_020, 2_000)).toBe(true);
    expect(areaWithinTolerance(2_021, 2_000)).toBe(false);
    expect(areaWithinTolerance(1_980, 2_000)).toBe(true);
    expect(areaWithinTolerance(1_979, 2_000)).toBe(false);
    // 4.20 m² storage: 1 % is 0.042 m², so only 0.04 passes.
    expect(areaWithinTolerance(424, 420)).toBe(true);
    expect(areaWithinTolerance(425, 420)).toBe(false);
  });

  it('should follow a configured tolerance', () => {
    const loose = { absoluteCenti: 200, relativeBasisPoints: 500 };

    expect(areaWithinTolerance(1_800, 1_530)).toBe(false);
    expect(areaWithinTolerance(1_600, 1_530, loose)).toBe(true);
    expect(areaWithinTolerance(1_531, 1_530, { absoluteCenti: 0, relativeBasisPoints: 0 })).toBe(
      false,
    );
    expect(areaWithinTolerance(1_530, 1_530, { absoluteCenti: 0, relativeBasisPoints: 0 })).toBe(
      true,
    );
  });
});

describe('isClaimantsRight', () => {
  const claimant = { nameKey: 'демидов павел андреевич', snilsDigest: 'digest-a' };

  it('should decide by СНИЛС when both sides have it', () => {
    expect(
      isClaimantsRight(
        right({ ownerSnilsDigest: 'digest-a', ownerNameKey: 'иная фамилия' }),
        claimant,
      ),
    ).toBe(true);
    expect(isClaimantsRight(right({ ownerSnilsDigest: 'digest-b' }), claimant)).toBe(false);
  });

  it('should fall back to the full name when either side lacks a СНИЛС', () => {
    expect(isClaimantsRight(right(), claimant)).toBe(true);
    expect(isClaimantsRight(right(), { ...claimant, snilsDigest: null })).toBe(true);
    expect(isClaimantsRight(right({ ownerNameKey: 'демидов павел' }), claimant)).toBe(false);
    expect(isClaimantsRight(right(), { nameKey: '', snilsDigest: null })).toBe(false);
  });

  it('should never take a company or municipal right for a person', () => {
    expect(isClaimantsRight(right({ ownerKind: 'company' }), claimant)).toBe(false);
    expect(isClaimantsRight(right({ ownerKind: 'municipality' }), claimant)).toBe(false);
  });
});
