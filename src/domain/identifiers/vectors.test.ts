import { describe, expect, it } from 'vitest';

import { normalizeRussianPhone } from '../contacts/phone.js';
import {
  checkBankAccount,
  checkBik,
  checkCadastralNumber,
  checkDepartmentCode,
  checkInn,
  checkKpp,
  checkOgrn,
  checkPassport,
  checkSnils,
} from './checksums.js';

/**
 * The identifiers against the worked examples of domain-rules §4 and the field cases C05 and C07.
 * Each expected value was computed independently of this code (by hand or with a separate script),
 * so a vector here is a fact, not a snapshot of what the code happens to answer.
 */

const FORMAT = { valid: false, reason: 'format' };

describe('ИНН (C05)', () => {
  it.each([
    ['6200098765', false],
    ['564567867444', false],
    ['7713457897', false],
    ['7802532605', true],
    ['6229990334', true],
    ['4346026874', true],
  ])('should judge the field-case value %s valid: %s', (inn, valid) => {
    expect(checkInn(inn)).toEqual(valid ? { valid, value: inn } : { valid, reason: 'checksum' });
  });

  it('should check both control digits of a 12-digit ИНН', () => {
    // 500100732259: d11 = 148 mod 11 mod 10 = 5, d12 = 141 mod 11 mod 10 = 9.
    expect(checkInn('500100732259').valid).toBe(true);
    // The 11th digit alone wrong, then the 12th alone wrong.
    expect(checkInn('500100732269')).toEqual({ valid: false, reason: 'checksum' });
    expect(checkInn('500100732258')).toEqual({ valid: false, reason: 'checksum' });
  });

  it('should refuse 11 digits and a 10-digit company number padded to 12', () => {
    expect(checkInn('77070838931')).toEqual({ valid: false, reason: 'format' });
    expect(checkInn('007707083893')).toEqual({ valid: false, reason: 'checksum' });
  });
});

describe('ОГРН and ОГРНИП', () => {
  it('should take the remainder mod 11 and then mod 10 for a company', () => {
    // 102770013224 mod 11 = 10, so the control digit is 0, not "10".
    expect(checkOgrn('1027700132240').valid).toBe(true);
    expect(checkOgrn('1027700132241')).toEqual({ valid: false, reason: 'checksum' });
    expect(checkOgrn('1027739609391').valid).toBe(true);
  });

  it.each([
    // Remainders 10, 11 and 12 of mod 13 give control digits 0, 1 and 2.
    ['304500116000180', true],
    ['304500116000191', true],
    ['304500116000202', true],
    ['316861700133226', true],
    ['304500116000181', false],
    // 31686170013322 mod 11 = 0: what a validator using the company rule would expect.
    ['316861700133220', false],
  ])('should check the sole trader number %s by mod 13: %s', (ogrnip, valid) => {
    expect(checkOgrn(ogrnip).valid).toBe(valid);
  });

  it('should refuse an ОГРНИП that does not start with 3 and a 14-digit number', () => {
    expect(checkOgrn('404500116000157')).toEqual({ valid: false, reason: 'format' });
    expect(checkOgrn('30450011600015')).toEqual({ valid: false, reason: 'format' });
  });
});

describe('СНИЛС', () => {
  it.each([
    // Sum 65 is below 100: the control number is the sum itself.
    ['001-001-999 65', true],
    // Sum exactly 100 and exactly 101: control 00.
    ['001-508-815 00', true],
    ['001-437-544 00', true],
    // Sum 201: 201 mod 101 = 100, which also becomes 00.
    ['006-996-682 00', true],
    // The classic example: sum 95.
    ['112-233-445 95', true],
    // A validator that writes "100" or "01" for these sums gets them wrong.
    ['001-508-815 01', false],
    ['006-996-682 99', false],
  ])('should apply the control rules to %s: %s', (snils, valid) => {
    expect(checkSnils(snils).valid).toBe(valid);
  });

  it('should start checking right above 001-001-998', () => {
    expect(checkSnils('001-001-998 64')).toEqual({ valid: false, reason: 'range' });
    expect(checkSnils('001-001-999 65')).toEqual({ valid: true, value: '00100199965' });
  });
});

describe('КПП', () => {
  it.each([
    ['773601001', '773601001'],
    ['7736AB001', '7736AB001'],
    ['7736ab001', '7736AB001'],
    [' 7736 01 001 ', '773601001'],
  ])('should accept %j as %s', (input, value) => {
    expect(checkKpp(input)).toEqual({ valid: true, value });
  });

  it.each(['77360100', '7736010011', 'A73601001', '7736АБ001', '773601A01', '7736-01-001'])(
    'should refuse %j',
    (input) => {
      expect(checkKpp(input)).toEqual({ valid: false, reason: 'format' });
    },
  );
});

describe('БИК and the account key (ЦБ № 515)', () => {
  it('should accept only 9 digits starting with 04', () => {
    expect(checkBik('044525225').valid).toBe(true);
    expect(checkBik('144525225').valid).toBe(false);
    expect(checkBik('04452522').valid).toBe(false);
  });

  it.each([
    ['30101810400000000225', '044525225'],
    ['30101810700000000187', '044525187'],
    ['30101810200000000593', '044525593'],
  ])('should accept the correspondent account %s of %s', (account, bik) => {
    expect(checkBankAccount(account, bik, 'correspondent').valid).toBe(true);
    // Checked as a client account it takes another key and fails.
    expect(checkBankAccount(account, bik, 'client').valid).toBe(false);
  });

  it('should replace a currency letter in position 6 before the key', () => {
    // 40702810038000017240 is valid for 044525225; «Т» stands for the 8 in position 6.
    expect(checkBankAccount('40702Т10038000017240', '044525225').valid).toBe(true);
    expect(checkBankAccount('30101Т10400000000225', '044525225', 'correspondent').valid).toBe(true);
    // The same letter typed on a Latin keyboard, and in lower case.
    expect(checkBankAccount('40702T10038000017240', '044525225').valid).toBe(true);
    expect(checkBankAccount('40702т10038000017240', '044525225').valid).toBe(true);
    // Another letter means another digit, so the key no longer matches.
    expect(checkBankAccount('40702Х10038000017240', '044525225')).toEqual({
      valid: false,
      reason: 'checksum',
    });
    // A letter that is no currency code, or a letter elsewhere, is a format error.
    expect(checkBankAccount('40702Ж10038000017240', '044525225')).toEqual(FORMAT);
    expect(checkBankAccount('4070Т810038000017240', '044525225')).toEqual(FORMAT);
  });

  it('should refuse an account with a malformed БИК', () => {
    expect(checkBankAccount('40702810038000017240', '14452522')).toEqual(FORMAT);
  });
});

describe('cadastral number (C07)', () => {
  it.each([
    ['77:01:0001013:4915', '77:01:0001013:4915'],
    ['47:14:1203001:12', '47:14:1203001:12'],
    ['50:21:123456:1', '50:21:123456:1'],
    [' 50 : 45 : 1234567 : 890 ', '50:45:1234567:890'],
  ])('should accept %j as %s', (input, value) => {
    expect(checkCadastralNumber(input)).toEqual({ valid: true, value });
  });

  it.each([
    ['77:01:ABC1013:12', 'letters in the quarter'],
    ['77:01:0001013', 'only three parts: a quarter, not an object'],
    ['77-01-0001013-4915', 'wrong separator'],
    ['77:01:00010 13:12', 'a space inside a part'],
    ['77:01:12345:1', 'a 5-digit quarter'],
    ['77:01:12345678:1', 'an 8-digit quarter'],
    ['77:01:0001013:', 'no object number'],
    ['77:01:0001013:12:5', 'five parts'],
  ])('should refuse %j (%s)', (input) => {
    expect(checkCadastralNumber(input)).toEqual({ valid: false, reason: 'format' });
  });
});

describe('passport and department code', () => {
  it('should take the series and number however they are spaced', () => {
    expect(checkPassport('6504 123456')).toEqual({ valid: true, value: '6504123456' });
    expect(checkPassport('65-04-123456')).toEqual({ valid: true, value: '6504123456' });
    expect(checkPassport('65 04 1234567').valid).toBe(false);
    expect(checkPassport('65 О4 123456').valid).toBe(false);
  });

  it('should print the department code as 999-999', () => {
    expect(checkDepartmentCode(' 660-001 ')).toEqual({ valid: true, value: '660-001' });
    expect(checkDepartmentCode('660-01').valid).toBe(false);
  });
});

describe('phone', () => {
  it.each([
    ['+7 912 345-67-89', '+79123456789'],
    ['8 912 345 67 89', '+79123456789'],
    ['8 (343) 371-00-00', '+73433710000'],
  ])('should fold %j to +7 and ten digits', (input, expected) => {
    expect(normalizeRussianPhone(input)).toBe(expected);
  });

  it.each(['+7 912 345-67-8', '+7 912 345-67-890', '+44 20 7946 0958'])(
    'should refuse %j',
    (input) => {
      expect(normalizeRussianPhone(input)).toBeNull();
    },
  );
});
