import { describe, expect, it } from 'vitest';

import { isPremiseNumber } from './premise-number.js';

describe('isPremiseNumber', () => {
  it('should accept the numbers houses use', () => {
    for (const number of ['12', '12А', 'Н-3', '1/2', 'П.4', 'К-1', 'М 7', '١٢']) {
      expect(isPremiseNumber(number), number).toBe(true);
    }
  });

  it('should refuse symbols, emoji, a leading separator and more than 20 characters', () => {
    for (const number of ['🏠', '-1', '/2', "1'; DROP--", '12\u0000', '', 'x'.repeat(21)]) {
      expect(isPremiseNumber(number), number).toBe(false);
    }
  });
});
