import { describe, expect, it } from 'vitest';

import { passwordRuleStates } from './passwordRules.js';

function met(password: string) {
  return Object.fromEntries(passwordRuleStates(password).map((state) => [state.rule, state.met]));
}

describe('passwordRuleStates', () => {
  it('follows C26: aaaaaaa1 is long enough but too simple, Qwerty12 meets both', () => {
    expect(met('aaaaaaa1')).toEqual({ length: true, distinct: false });
    expect(met('Qwerty12')).toEqual({ length: true, distinct: true });
  });

  it('refuses 7 and 129 characters and accepts 8 and 128', () => {
    expect(met('abcdefg').length).toBe(false);
    expect(met('abcdefgh').length).toBe(true);
    expect(met('abcd'.repeat(32)).length).toBe(true);
    expect(met('abcd'.repeat(32) + 'e').length).toBe(false);
  });

  it('counts characters as a person sees them, not UTF-16 units', () => {
    // Seven emoji are 14 UTF-16 units but 7 characters: still too short.
    expect(met('🙂🙃😀😁😂🤣😃').length).toBe(false);
    expect(met('пароль🙂!').length).toBe(true);
  });

  it('an empty password meets nothing', () => {
    expect(met('')).toEqual({ length: false, distinct: false });
  });
});
