import { describe, expect, it } from 'vitest';

import { redactedChanges } from './changes.js';
import { canonicalJson } from './canonical.js';
import { isPersonalField, looksPersonal, REDACTED, redactValue } from './redaction.js';

const PERSON = {
  surname: 'Иванова',
  name: 'Мария',
  patronymic: 'Петровна',
  phone: '+79001234567',
  email: 'maria@example.ru',
  passportSeriesNumber: '4509 123456',
  snils: '112-233-445 95',
  birthDate: '1980-02-03',
  address: 'г. Екатеринбург, ул. Ленина, д. 1, кв. 5',
  passwordHash: '$argon2id$v=19$m=19456$abc',
  status: 'active',
};

describe('isPersonalField', () => {
  it('should recognise personal and secret fields in any spelling', () => {
    for (const field of ['snils', 'SNILS', 'passport_series_number', 'birth-date', 'Phone']) {
      expect(isPersonalField(field), field).toBe(true);
    }

    for (const field of ['passwordHash', 'otpCode', 'csrf_token', 'totpSecret', 'tokenHash']) {
      expect(isPersonalField(field), field).toBe(true);
    }

    for (const field of ['status', 'level', 'role', 'createdAt', 'houseId']) {
      expect(isPersonalField(field), field).toBe(false);
    }
  });

  it("should keep a house's or organisation's name and address, but not a person's", () => {
    expect(isPersonalField('address', 'person')).toBe(true);
    expect(isPersonalField('address', 'house')).toBe(false);
    expect(isPersonalField('name', 'organisation')).toBe(false);
    expect(isPersonalField('name', 'user')).toBe(true);
  });
});

describe('looksPersonal', () => {
  it('should catch phones, e-mails, СНИЛС and passport numbers in free text', () => {
    expect(looksPersonal('позвоните +7 (900) 123-45-67')).toBe(true);
    expect(looksPersonal('8 900 123 45 67')).toBe(true);
    expect(looksPersonal('mail: a.b@c.ru')).toBe(true);
    expect(looksPersonal('112-233-445 95')).toBe(true);
    expect(looksPersonal('паспорт 45 09 123456')).toBe(true);
  });

  it('should leave ordinary values and row ids alone', () => {
    expect(looksPersonal('approved')).toBe(false);
    expect(looksPersonal('2026-12-03T19:13:49.123Z')).toBe(false);
    expect(looksPersonal('550e8400-e29b-41d4-a716-446655440000')).toBe(false);
  });
});

describe('redactValue', () => {
  it('should hide personal fields at any depth and personal-looking strings anywhere', () => {
    const redacted = redactValue({
      person: PERSON,
      note: 'звонить на 89001234567',
      contacts: [{ kind: 'phone', value: '+79001234567' }],
      count: 3,
    }) as Record<string, unknown>;
    const text = JSON.stringify(redacted);

    expect(text).not.toContain('9001234567');
    expect(text).not.toContain('123456');
    expect(text).not.toContain('Иванова');
    expect(text).not.toContain('maria@');
    expect(redacted.count).toBe(3);
    expect((redacted.person as Record<string, unknown>).status).toBe('active');
  });

  it('should shorten long strings and long lists', () => {
    const list = redactValue(Array.from({ length: 60 }, (_, i) => i)) as unknown[];

    expect(list).toHaveLength(51);
    expect(list[50]).toBe('… 10 more');
    expect(redactValue('я'.repeat(500))).toBe(`${'я'.repeat(200)}…`);
  });

  it('should hide long numbers that are likely phones or document numbers', () => {
    expect(redactValue(79001234567)).toBe(REDACTED);
    expect(redactValue(42)).toBe(42);
  });
});

describe('redactedChanges', () => {
  it('should list changed personal fields without their values', () => {
    const after = { ...PERSON, phone: '+79007654321', status: 'blocked' };
    const changes = redactedChanges(PERSON, after, 'person');

    expect(changes).toEqual([
      { field: 'phone', redacted: true },
      { field: 'status', before: 'active', after: 'blocked' },
    ]);
    expect(canonicalJson(changes)).not.toContain('765');
  });

  it('should treat a created object as every field changed, personal ones redacted', () => {
    const changes = redactedChanges(undefined, { snils: '112-233-445 95', level: 'standard' });

    expect(changes).toEqual([
      { field: 'level', after: 'standard' },
      { field: 'snils', redacted: true },
    ]);
  });

  it('should flatten nested objects and redact everything under a personal field', () => {
    const changes = redactedChanges(
      { settings: { theme: 'dark' }, passport: { series: '4509', number: '123456' } },
      { settings: { theme: 'light' }, passport: { series: '4510', number: '654321' } },
    );

    expect(changes).toEqual([
      { field: 'passport.number', redacted: true },
      { field: 'passport.series', redacted: true },
      { field: 'settings.theme', before: 'dark', after: 'light' },
    ]);
  });

  it('should report nothing for equal values and a whole-value change for scalars', () => {
    expect(redactedChanges({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual([]);
    expect(redactedChanges('pending', 'approved')).toEqual([
      { field: '$', before: 'pending', after: 'approved' },
    ]);
    expect(redactedChanges(undefined, '+79001234567')).toEqual([{ field: '$', after: REDACTED }]);
  });
});
