import { describe, expect, it } from 'vitest';

import {
  checkBankAccount,
  checkCadastralNumber,
  checkDepartmentCode,
  checkInn,
  checkOgrn,
  checkPassport,
  checkSnils,
  formatSnils,
} from './checksums.js';

describe('checkInn', () => {
  it.each(['7707083893', '7830002293', '500100732259', '7736 207543'])(
    'should accept %s',
    (inn) => {
      expect(checkInn(inn).valid).toBe(true);
    },
  );

  it('should tell a checksum error from a format error', () => {
    // C05: a sample ИНН from a real QR string that fails its check digit.
    expect(checkInn('7707083894')).toEqual({ valid: false, reason: 'checksum' });
    expect(checkInn('500100732250')).toEqual({ valid: false, reason: 'checksum' });
    expect(checkInn('77070838')).toEqual({ valid: false, reason: 'format' });
    expect(checkInn('77070838ab')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('checkOgrn', () => {
  it('should check companies by mod 11 and sole traders by mod 13', () => {
    expect(checkOgrn('1027700132195').valid).toBe(true);
    expect(checkOgrn('1027700132196')).toEqual({ valid: false, reason: 'checksum' });
    expect(checkOgrn('304500116000157').valid).toBe(true);
    expect(checkOgrn('304500116000158')).toEqual({ valid: false, reason: 'checksum' });
    expect(checkOgrn('2027700132195')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('checkSnils', () => {
  it('should accept valid numbers in any notation', () => {
    expect(checkSnils('112-233-445 95')).toEqual({ valid: true, value: '11223344595' });
    expect(checkSnils('11223344595').valid).toBe(true);
  });

  it('should apply the 100/101 and mod 101 rules', () => {
    // 087-654-303 00: weighted sum 202 → 202 mod 101 = 0 → control 00.
    expect(checkSnils('087-654-303 00').valid).toBe(true);
    expect(checkSnils('112-233-445 96')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('should refuse numbers up to 001-001-998 and malformed input', () => {
    expect(checkSnils('001-001-998 00')).toEqual({ valid: false, reason: 'range' });
    expect(checkSnils('112-233-445')).toEqual({ valid: false, reason: 'format' });
  });

  it('should format digits', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });
});

describe('passport and other formats', () => {
  it('should check passport series/number and department code', () => {
    expect(checkPassport('65 04 123456')).toEqual({ valid: true, value: '6504123456' });
    expect(checkPassport('65 04 12345')).toEqual({ valid: false, reason: 'format' });
    expect(checkDepartmentCode('660001')).toEqual({ valid: true, value: '660-001' });
    expect(checkDepartmentCode('66-0001').valid).toBe(false);
  });

  it('should check cadastral numbers: 6–7 digit quarter, any object number', () => {
    expect(checkCadastralNumber('66:41:0704012:1234').valid).toBe(true);
    expect(checkCadastralNumber('66:41:070401:5').valid).toBe(true);
    expect(checkCadastralNumber('66:41:0704012').valid).toBe(false);
    expect(checkCadastralNumber('66:41:07040:12').valid).toBe(false);
  });
});

describe('checkBankAccount', () => {
  it('should validate a client account against its БИК', () => {
    expect(checkBankAccount('40702810900000000001', '044525225').valid).toBe(false);
    expect(checkBankAccount('40702810038000017240', '044525225').valid).toBe(true);
  });

  it('should validate the correspondent account of a bank', () => {
    expect(checkBankAccount('30101810400000000225', '044525225', 'correspondent').valid).toBe(true);
    expect(checkBankAccount('30101810400000000226', '044525225', 'correspondent').valid).toBe(
      false,
    );
  });
});
