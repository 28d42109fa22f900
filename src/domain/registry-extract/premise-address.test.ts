import { describe, expect, it } from 'vitest';

import { houseMatchKey, splitPremiseAddress } from './premise-address.js';

const HOUSE = 'обл. Свердловская, г. Екатеринбург, ул. Малышева, д. 15';

describe('splitPremiseAddress', () => {
  it('should take the premise number off the tail of the address', () => {
    expect(splitPremiseAddress(`${HOUSE}, кв. 12`)).toEqual({ house: HOUSE, premiseNumber: '12' });
    expect(splitPremiseAddress(`${HOUSE}, квартира №7а`)).toEqual({
      house: HOUSE,
      premiseNumber: '7а',
    });
    expect(splitPremiseAddress(`${HOUSE}, пом. Н1`)).toEqual({ house: HOUSE, premiseNumber: 'Н1' });
    expect(splitPremiseAddress(`${HOUSE}, машино-место М-7`)).toEqual({
      house: HOUSE,
      premiseNumber: 'М-7',
    });
    expect(splitPremiseAddress(`${HOUSE}, кладовая К-1`)).toEqual({
      house: HOUSE,
      premiseNumber: 'К-1',
    });
    expect(splitPremiseAddress(`${HOUSE} кв 3`)).toEqual({ house: HOUSE, premiseNumber: '3' });
  });

  it('should leave an address without a premise alone, quarters included', () => {
    expect(splitPremiseAddress(HOUSE)).toEqual({ house: HOUSE, premiseNumber: null });
    expect(splitPremiseAddress('г. Екатеринбург, квартал 5')).toEqual({
      house: 'г. Екатеринбург, квартал 5',
      premiseNumber: null,
    });
  });

  it('should match the house part the way houses are searched', () => {
    expect(
      houseMatchKey('Свердловская область, г. Екатеринбург, ул. Малышева, д. 15, кв. 12'),
    ).toBe('свердловская екатеринбург малышева 15');
    expect(houseMatchKey(`${HOUSE}, кв. 12`)).toBe(houseMatchKey(HOUSE));
  });
});
