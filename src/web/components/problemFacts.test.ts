import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { ApiError } from '../api/client.js';
import en from '../i18n/en.json';
import ru from '../i18n/ru.json';
import { problemFacts } from './problemFacts.js';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'ru',
    resources: { ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});

const NOW = Date.parse('2026-12-03T19:30:00Z');

function problem(code: string, extensions: Record<string, unknown>) {
  return new ApiError({ status: 429, code, detail: 'detail', extensions });
}

describe('problemFacts', () => {
  it('names the limit that was hit and when it resets', () => {
    const facts = problemFacts(
      problem('otp_limit', { limit: 'phone_daily', resetsAt: '2026-12-03T21:00:00Z' }),
      i18n.t,
      'ru',
      NOW,
    );

    expect(facts[0]).toBe('Достигнут дневной лимит кодов на этот номер телефона.');
    expect(facts[1]).toMatch(/^Лимит сбросится: .*2026/);
  });

  it('counts attempts left with the Russian plural and the seconds to wait', () => {
    const facts = problemFacts(
      problem('otp_invalid', { attemptsLeft: 9, retryAt: '2026-12-03T19:30:02Z' }),
      i18n.t,
      'ru',
      NOW,
    );

    expect(facts).toEqual(['Осталось 9 попыток.', 'Следующая попытка — через 2 секунды.']);
  });

  it('drops the wait once it has passed and says nothing of attempts when they are spent', () => {
    const facts = problemFacts(
      problem('otp_exhausted', { attemptsLeft: 0, retryAt: '2026-12-03T19:29:00Z' }),
      i18n.t,
      'ru',
      NOW,
    );

    expect(facts).toEqual([]);
  });

  it('writes the end of a lock in the interface language', async () => {
    const locked = problem('account_locked', { lockedUntil: '2026-12-03T19:40:00Z' });

    expect(problemFacts(locked, i18n.t, 'ru', NOW)[0]).toMatch(/^Вход заблокирован до .*2026/);

    await i18n.changeLanguage('en');
    expect(problemFacts(locked, i18n.t, 'en', NOW)[0]).toMatch(/^Sign-in is locked until .*Dec/);
    await i18n.changeLanguage('ru');
  });

  it('ignores an unknown limit and members of the wrong type', () => {
    expect(
      problemFacts(
        problem('otp_limit', { limit: 'moon_phase', attemptsLeft: '3' }),
        i18n.t,
        'ru',
        NOW,
      ),
    ).toEqual([]);
    expect(problemFacts(new Error('boom'), i18n.t, 'ru', NOW)).toEqual([]);
  });
});
