/** Every role of the platform. Where each comes from decides where it applies. */
export const PLATFORM_ROLES = ['platform_admin', 'identity_operator'] as const;

/** Roles held inside an organisation (memberships), assigned by its admin. */
export const ORGANISATION_ROLES = [
  'organisation_admin',
  'accountant',
  'dispatcher',
  'executor',
  'inspector',
  'department_clerk',
  'department_head',
] as const;

/** Roles that follow from the registries: ownership, registration, a power of attorney. */
export const DERIVED_ROLES = ['owner', 'resident', 'representative'] as const;

export const ROLES = [...PLATFORM_ROLES, ...ORGANISATION_ROLES, ...DERIVED_ROLES] as const;

export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, { ru: string; en: string }> = {
  platform_admin: { ru: 'Администратор платформы', en: 'Platform admin' },
  identity_operator: { ru: 'Оператор подтверждения личности', en: 'Identity operator' },
  organisation_admin: { ru: 'Администратор организации', en: 'Organisation admin' },
  accountant: { ru: 'Бухгалтер', en: 'Accountant' },
  dispatcher: { ru: 'Диспетчер', en: 'Dispatcher' },
  executor: { ru: 'Исполнитель', en: 'Executor' },
  inspector: { ru: 'Инспектор', en: 'Inspector' },
  department_clerk: { ru: 'Специалист отдела', en: 'Department clerk' },
  department_head: { ru: 'Начальник отдела', en: 'Department head' },
  owner: { ru: 'Собственник', en: 'Owner' },
  resident: { ru: 'Житель', en: 'Resident' },
  representative: { ru: 'Представитель по доверенности', en: 'Representative' },
};

export function isOrganisationRole(role: string): role is OrganisationRole {
  return (ORGANISATION_ROLES as readonly string[]).includes(role);
}

export function isPlatformRole(role: string): role is PlatformRole {
  return (PLATFORM_ROLES as readonly string[]).includes(role);
}
