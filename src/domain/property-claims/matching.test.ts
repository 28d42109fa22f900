import { describe, expect, it } from 'vitest';

import { premiseNumberKey } from './matching.js';

describe('premiseNumberKey', () => {
  it('should give one key to the usual spellings of one number', () => {
    const keys = ['К-1', 'к1', 'K-1', 'К 1', 'К.1', 'К—1'].map(premiseNumberKey);

    expect(new Set(keys)).toEqual(new Set(['К1']));
  });

  it('should drop the word for a flat or premise', () => {
    expect(premiseNumberKey('кв. 12')).toBe('12');
    expect(premiseNumberKey('Квартира 12')).toBe('12');
    expect(premiseNumberKey('пом. 3Н')).toBe('3Н');
    expect(premiseNumberKey('№ 5')).toBe('5');
  });

  it('should keep numbers that differ apart', () => {
    expect(premiseNumberKey('12')).not.toBe(premiseNumberKey('12А'));
    expect(premiseNumberKey('М-7')).not.toBe(premiseNumberKey('М-17'));
    expect(premiseNumberKey('К-1')).not.toBe(premiseNumberKey('М-1'));
  });
});
