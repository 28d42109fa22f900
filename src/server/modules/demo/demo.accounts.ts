/**
 * The demo sign-ins, one or more per audience. They are printed at the first start, listed in the
 * README and shown on the sign-in page while the demo is on. The password is public on purpose.
 */
export const DEMO_PASSWORD = 'demo-2026-mpdom';

export type DemoAudience = 'owner' | 'organisation' | 'authority' | 'platform';

export type DemoAccount = {
  key: string;
  login: string;
  audience: DemoAudience;
  person: { surname: string; name: string; patronymic: string };
  /** Where the account works: a platform role, or a role in a demo organisation. */
  role:
    | { platform: 'citizen' | 'platform_admin' | 'identity_operator' }
    | { organisation: 'managing' | 'hoa' | 'inspection' | 'municipality'; role: string };
  description: { ru: string; en: string };
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    key: 'owner',
    login: 'owner@mpdom.test',
    audience: 'owner',
    person: { surname: 'Демидова', name: 'Анна', patronymic: 'Сергеевна' },
    role: { platform: 'citizen' },
    description: {
      ru: 'Собственник: квартира в доме УК и доля в доме ТСЖ',
      en: 'Owner: a flat in a managed house and a share in an HOA house',
    },
  },
  {
    key: 'resident',
    login: 'resident@mpdom.test',
    audience: 'owner',
    person: { surname: 'Демидов', name: 'Павел', patronymic: 'Андреевич' },
    role: { platform: 'citizen' },
    description: {
      ru: 'Зарегистрирован в квартире собственника, сам не собственник',
      en: "Registered in the owner's flat, not an owner",
    },
  },
  {
    key: 'uk-admin',
    login: 'uk-admin@mpdom.test',
    audience: 'organisation',
    person: { surname: 'Орлова', name: 'Елена', patronymic: 'Викторовна' },
    role: { organisation: 'managing', role: 'organisation_admin' },
    description: { ru: 'Администратор управляющей компании', en: 'Management company admin' },
  },
  {
    key: 'dispatcher',
    login: 'dispatcher@mpdom.test',
    audience: 'organisation',
    person: { surname: 'Соколов', name: 'Игорь', patronymic: 'Петрович' },
    role: { organisation: 'managing', role: 'dispatcher' },
    description: { ru: 'Диспетчер управляющей компании', en: 'Management company dispatcher' },
  },
  {
    key: 'accountant',
    login: 'accountant@mpdom.test',
    audience: 'organisation',
    person: { surname: 'Лебедева', name: 'Ольга', patronymic: 'Ивановна' },
    role: { organisation: 'managing', role: 'accountant' },
    description: { ru: 'Бухгалтер управляющей компании', en: 'Management company accountant' },
  },
  {
    key: 'hoa-chair',
    login: 'tsj@mpdom.test',
    audience: 'organisation',
    person: { surname: 'Волков', name: 'Николай', patronymic: 'Юрьевич' },
    role: { organisation: 'hoa', role: 'organisation_admin' },
    description: { ru: 'Председатель ТСЖ', en: 'Chair of the homeowners association' },
  },
  {
    key: 'inspector',
    login: 'inspector@mpdom.test',
    audience: 'authority',
    person: { surname: 'Зайцева', name: 'Мария', patronymic: 'Олеговна' },
    role: { organisation: 'inspection', role: 'inspector' },
    description: { ru: 'Инспектор жилищной инспекции', en: 'Housing inspector' },
  },
  {
    key: 'clerk',
    login: 'clerk@mpdom.test',
    audience: 'authority',
    person: { surname: 'Морозов', name: 'Андрей', patronymic: 'Сергеевич' },
    role: { organisation: 'municipality', role: 'department_clerk' },
    description: { ru: 'Специалист департамента администрации', en: 'Municipal department clerk' },
  },
  {
    key: 'admin',
    login: 'admin@mpdom.test',
    audience: 'platform',
    person: { surname: 'Кузнецов', name: 'Дмитрий', patronymic: 'Иванович' },
    role: { platform: 'platform_admin' },
    description: { ru: 'Администратор платформы', en: 'Platform administrator' },
  },
  {
    key: 'operator',
    login: 'operator@mpdom.test',
    audience: 'platform',
    person: { surname: 'Соколова', name: 'Ирина', patronymic: 'Андреевна' },
    role: { platform: 'identity_operator' },
    description: {
      ru: 'Оператор подтверждения личности; читает демо-исходящие',
      en: 'Identity operator; reads the demo outbox',
    },
  },
  {
    key: 'executor',
    login: 'master@mpdom.test',
    audience: 'organisation',
    person: { surname: 'Белов', name: 'Сергей', patronymic: 'Николаевич' },
    role: { organisation: 'managing', role: 'executor' },
    description: {
      ru: 'Слесарь-сантехник управляющей компании: исполнитель заявок',
      en: 'Management company plumber: carries out requests',
    },
  },
];
