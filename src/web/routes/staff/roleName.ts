import type { i18n as I18n, TFunction } from 'i18next';

/** A role's name in the interface language; an unknown role (added later) shows its code. */
export function roleName(role: string, t: TFunction, i18n: I18n): string {
  const key = `roles.${role}`;

  return i18n.exists(key) ? t(key as 'roles.owner') : role;
}
