import { describe, expect, it } from 'vitest';

import { departmentCodeOk, documentHints, issueDateHint } from './documentFormats.js';

const TODAY = new Date('2026-12-03T12:00:00Z');

const VALID = {
  passportSeriesNumber: '65 12 123456',
  passportIssuedOn: '2015-06-01',
  departmentCode: '660-001',
  // The textbook example: weights 9…1 give 95, which is its check number.
  snils: '112-233-445 95',
};

describe('documentHints', () => {
  it('a well-formed set has no hints', () => {
    expect(documentHints(VALID, TODAY)).toEqual({});
  });

  it('names the field and the reason for each malformed value', () => {
    expect(
      documentHints(
        {
          passportSeriesNumber: '65 12 12345',
          passportIssuedOn: '2030-01-01',
          departmentCode: '66-001',
          snils: '112-233-445 96',
        },
        TODAY,
      ),
    ).toEqual({
      passportSeriesNumber: 'format',
      passportIssuedOn: 'future',
      departmentCode: 'format',
      snils: 'checksum',
    });
  });

  it('leaves empty fields to the required check', () => {
    expect(
      documentHints(
        { passportSeriesNumber: ' ', passportIssuedOn: '', departmentCode: '', snils: '' },
        TODAY,
      ),
    ).toEqual({});
  });

  it('refuses СНИЛС numbers from before check digits existed', () => {
    expect(documentHints({ ...VALID, snils: '001-001-998 00' }, TODAY).snils).toBe('range');
  });
});

describe('issueDateHint and departmentCodeOk', () => {
  it('accepts today and refuses passports older than the 1997 form', () => {
    expect(issueDateHint('2026-12-03', TODAY)).toBeNull();
    expect(issueDateHint('1996-12-31', TODAY)).toBe('tooOld');
    expect(issueDateHint('2026-13-01', TODAY)).toBe('format');
    expect(issueDateHint('01.06.2015', TODAY)).toBe('format');
  });

  it('takes the department code with or without the dash', () => {
    expect(departmentCodeOk('660-001')).toBe(true);
    expect(departmentCodeOk('660001')).toBe(true);
    expect(departmentCodeOk('660-0011')).toBe(false);
    expect(departmentCodeOk('абв-где')).toBe(false);
  });
});
