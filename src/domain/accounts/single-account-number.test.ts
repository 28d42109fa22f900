import { describe, expect, it } from 'vitest';

import {
  checkSingleAccountNumber,
  issueSingleAccountNumber,
  serviceIdentifier,
} from './single-account-number.js';

describe('single account number (ЕЛС)', () => {
  it('should accept the state format in any case and with look-alike Cyrillic letters', () => {
    expect(checkSingleAccountNumber('75da533315')).toEqual({ valid: true, value: '75DA533315' });
    expect(checkSingleAccountNumber('75 ВА 533315')).toEqual({ valid: true, value: '75BA533315' });
  });

  it('should refuse other shapes', () => {
    for (const bad of ['75d533315', '75DA53331', '7DDA533315', 'ЖЖ12345678', '', '75DA5333150']) {
      expect(checkSingleAccountNumber(bad)).toEqual({ valid: false, reason: 'format' });
    }
  });

  it('should issue valid numbers for a region and build service identifiers', () => {
    let seed = 0.1;
    const random = () => (seed = (seed * 9301 + 0.49297) % 1);
    const issued = issueSingleAccountNumber('66', random);

    expect(checkSingleAccountNumber(issued)).toEqual({ valid: true, value: issued });
    expect(issued.startsWith('66')).toBe(true);
    expect(issued).not.toMatch(/[IO]/);
    expect(serviceIdentifier('75DA533315', 1)).toBe('75DA533315-01');
    expect(() => serviceIdentifier('75DA533315', 100)).toThrow(RangeError);
    expect(() => issueSingleAccountNumber('6', random)).toThrow(RangeError);
  });
});
