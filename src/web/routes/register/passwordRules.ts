import { DEFAULT_PASSWORD_POLICY } from '../../../domain/identity/password-policy.js';

export type PasswordRule = 'length' | 'distinct';

export type PasswordRuleState = { rule: PasswordRule; met: boolean };

/**
 * The rules a browser can check while the person types: 8–128 characters and at least 4
 * different ones, counted as the server counts them (code points, NFC). Whether the password is
 * on the common-passwords list only the server knows; it answers `password_common`.
 */
export function passwordRuleStates(password: string): PasswordRuleState[] {
  const characters = Array.from(password.normalize('NFC'));
  const policy = DEFAULT_PASSWORD_POLICY;

  return [
    {
      rule: 'length',
      met: characters.length >= policy.minLength && characters.length <= policy.maxLength,
    },
    { rule: 'distinct', met: new Set(characters).size >= policy.minDistinct },
  ];
}

export const PASSWORD_LIMITS = {
  min: DEFAULT_PASSWORD_POLICY.minLength,
  max: DEFAULT_PASSWORD_POLICY.maxLength,
  distinct: DEFAULT_PASSWORD_POLICY.minDistinct,
};
