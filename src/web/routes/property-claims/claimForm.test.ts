import { describe, expect, it } from 'vitest';

import { ApiError } from '../../api/client.js';
import ru from '../../i18n/features/property.ru.json';
import { serverProblems } from './claimForm.js';

const refused = (errors: { field: string; rule: string; message: string }[]) =>
  new ApiError({ status: 400, code: 'validation_failed', errors });

describe('serverProblems', () => {
  it('should give every share and area rule of the server a translated key that exists', () => {
    const rules = [
      ['body.share', 'format'],
      ['body.share', 'zero'],
      ['body.share', 'above_one'],
      ['body.share', 'too_large'],
      ['body.area', 'format'],
      ['body.area', 'zero'],
      ['body.area', 'too_large'],
    ];
    const problems = serverProblems(
      refused(rules.map(([field, rule]) => ({ field: field!, rule: rule!, message: 'en' }))),
    );
    const errors = ru.add.errors as Record<string, string>;

    for (const problem of problems) {
      expect(problem.key, `${problem.field}`).toBeDefined();
      expect(errors[problem.key!], problem.key).toMatch(/[А-Яа-я]/);
    }
  });

  it('should fall back to the server’s own text for a rule the form has no words for', () => {
    const [problem] = serverProblems(
      refused([{ field: 'body.area', rule: 'above_one', message: 'server text' }]),
    );

    expect(problem).toEqual({ field: 'area', key: undefined, text: 'server text' });
  });
});
