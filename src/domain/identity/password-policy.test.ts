import { describe, expect, it } from 'vitest';

import { checkPassword, listForms } from './password-policy.js';

const listed = new Set(['qwerty12', 'qwerty123', 'password', 'йцукен123']);
const lists = [listed];

describe('checkPassword', () => {
  it('should refuse aaaaaaa1 as too simple and accept Qwerty12 (C26 case 4)', () => {
    expect(checkPassword('aaaaaaa1', lists)).toEqual({
      ok: false,
      code: 'password_too_simple',
      minDistinct: 4,
    });
    expect(checkPassword('Qwerty12', lists)).toEqual({ ok: true });
  });

  it('should take 8 and 128 characters and refuse 7 and 129', () => {
    const base = 'Kx7#mPq2';

    expect(checkPassword(base.slice(0, 7), lists)).toMatchObject({ code: 'password_too_short' });
    expect(checkPassword(base, lists)).toEqual({ ok: true });
    expect(checkPassword(base.repeat(16), lists)).toEqual({ ok: true });
    expect(checkPassword(`${base.repeat(16)}x`, lists)).toEqual({
      ok: false,
      code: 'password_too_long',
      maxLength: 128,
    });
  });

  it('should count characters as people see them, not UTF-16 units', () => {
    // 7 emoji are 14 UTF-16 units but 7 characters.
    expect(checkPassword('🙂🙃😀😁😂🤣😅', lists)).toMatchObject({ code: 'password_too_short' });
    expect(checkPassword('пароль🙂🙃', lists)).toEqual({ ok: true });
  });

  it('should refuse listed passwords typed in one case, Cyrillic included', () => {
    expect(checkPassword('qwerty123', lists)).toEqual({ ok: false, code: 'password_common' });
    expect(checkPassword('QWERTY123', lists)).toEqual({ ok: false, code: 'password_common' });
    expect(checkPassword('ЙЦУКЕН123', lists)).toEqual({ ok: false, code: 'password_common' });
    expect(checkPassword('PASSWORD', lists)).toMatchObject({ code: 'password_common' });
  });

  it('should compare mixed-case passwords as typed', () => {
    expect(listForms('Qwerty12')).toEqual(['Qwerty12']);
    expect(listForms('ЙЦУКЕН123')).toEqual(['йцукен123']);
  });
});
