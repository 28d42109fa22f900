import { describe, expect, it } from 'vitest';

import { accountRegionCode, DEFAULT_ACCOUNT_REGION } from './account-region.js';

describe('accountRegionCode', () => {
  it('should take the cadastral district of the first number that has one', () => {
    expect(accountRegionCode('66:41:0702013:1234')).toBe('66');
    expect(accountRegionCode(null, '77:01:0001001:77')).toBe('77');
    expect(accountRegionCode('50:21:0010101:5', '66:41:0702013:1')).toBe('50');
  });

  it('should fall back to the default region for missing or malformed numbers', () => {
    expect(accountRegionCode()).toBe(DEFAULT_ACCOUNT_REGION);
    expect(accountRegionCode(null, undefined, '')).toBe('66');
    expect(accountRegionCode('6641070201312')).toBe('66');
    expect(accountRegionCode('00:00:0000000:1')).toBe('66');
  });
});
