import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { ApiError } from '../../api/client.js';
import { enTranslation, ruTranslation } from '../../i18n/resources.js';
import { changeFieldError, changeProblemText } from './changeProblems.js';

describe('change-of-owner problems', () => {
  const t = i18next.createInstance();

  beforeAll(async () => {
    await t.init({
      lng: 'ru',
      resources: { ru: { translation: ruTranslation }, en: { translation: enTranslation } },
    });
  });

  const refused = new ApiError({
    status: 400,
    code: 'validation_failed',
    errors: [
      { field: 'body.date', rule: 'future', message: 'the change cannot be dated after today' },
      { field: 'body.starting', rule: 'transfer_mismatch', message: 'in a transfer …' },
      { field: 'body.reason', rule: 'invalid_value', message: 'server words' },
    ],
  });

  it('should put the server’s rules into the visitor’s language, field by field', async () => {
    expect(changeFieldError(refused, 'date', t.t)).toBe('Дата не может быть позже сегодняшней');
    expect(changeFieldError(refused, 'starting', t.t)).toMatch(/новые доли/);

    await t.changeLanguage('en');
    expect(changeFieldError(refused, 'date', t.t)).toBe('The date cannot be after today');
    await t.changeLanguage('ru');
  });

  it('should keep the server’s words for a rule the form does not know, and nothing for others', () => {
    expect(changeProblemText(refused.fieldErrors[2]!, t.t)).toBe('server words');
    expect(changeFieldError(refused, 'ending', t.t)).toBeUndefined();
    expect(changeFieldError(new Error('x'), 'date', t.t)).toBeUndefined();
  });
});
