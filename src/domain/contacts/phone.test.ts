import { describe, expect, it } from 'vitest';

import { normalizeEmail, normalizeRussianPhone } from './phone.js';

describe('normalizeRussianPhone', () => {
  it.each([
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 3456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['+7 (343) 123-45-67', '+73431234567'],
  ])('should fold %s to %s', (input, expected) => {
    expect(normalizeRussianPhone(input)).toBe(expected);
  });

  it.each(['', 'ivan@example.ru', '12345', '+1 202 555 0100', '8912345678901', '9123456789; DROP'])(
    'should refuse %j',
    (input) => {
      expect(normalizeRussianPhone(input)).toBeNull();
    },
  );
});

describe('normalizeEmail', () => {
  it('should fold case and trim', () => {
    expect(normalizeEmail('  Ivan.Petrov@Example.RU ')).toBe('ivan.petrov@example.ru');
  });

  it.each(['ivan', 'ivan@', '@example.ru', 'a b@example.ru', `${'x'.repeat(250)}@example.ru`])(
    'should refuse %j',
    (input) => {
      expect(normalizeEmail(input)).toBeNull();
    },
  );
});
