/**
 * One error type for the whole platform. Each code is stable (clients and tests match on it), maps
 * to exactly one HTTP status, and has a message in Russian and English. Responses render it as RFC
 * 9457 `application/problem+json`.
 */

import { metersErrorCodes } from '../modules/meters/meters.errors.js';
import { billingErrorCodes } from '../modules/billing/billing.errors.js';
import { serviceRequestsErrorCodes } from '../modules/service-requests/service-requests.errors.js';
import { meetingsErrorCodes } from '../modules/meetings/meetings.errors.js';
import { documentsErrorCodes } from '../modules/documents/documents.errors.js';

export type Locale = 'ru' | 'en';

export type CodeSpec = { status: number; ru: string; en: string };

const PLATFORM_CODES = {
  /** The request body, query or path failed validation; `errors` names each field and rule. */
  validation_failed: {
    status: 400,
    ru: 'Запрос содержит ошибки',
    en: 'The request is invalid',
  },
  /** The body is not parseable (broken JSON, wrong content type). */
  malformed_request: {
    status: 400,
    ru: 'Не удалось разобрать запрос',
    en: 'The request could not be parsed',
  },
  /** No valid session or token. */
  unauthenticated: { status: 401, ru: 'Требуется вход', en: 'Sign-in required' },
  /** Sign-in failed; deliberately silent about whether the account exists. */
  invalid_credentials: {
    status: 401,
    ru: 'Неверный логин или пароль',
    en: 'Wrong login or password',
  },
  /** Signed in, but the role or scope does not allow the action. */
  forbidden: { status: 403, ru: 'Недостаточно прав', en: 'Not allowed' },
  /** The CSRF token of a cookie-authenticated write is missing or wrong. */
  csrf_failed: {
    status: 403,
    ru: 'Сессия устарела, обновите страницу',
    en: 'The session token is stale; reload the page',
  },
  not_found: { status: 404, ru: 'Не найдено', en: 'Not found' },
  route_not_found: { status: 404, ru: 'Адрес не существует', en: 'No such endpoint' },
  method_not_allowed: { status: 405, ru: 'Метод не поддерживается', en: 'Method not allowed' },
  conflict: { status: 409, ru: 'Конфликт с текущим состоянием', en: 'Conflicts with the state' },
  payload_too_large: { status: 413, ru: 'Файл слишком большой', en: 'The file is too large' },
  unsupported_media_type: {
    status: 415,
    ru: 'Тип файла не поддерживается',
    en: 'Unsupported file type',
  },
  /** The file's content does not match the type its name or declared type claims. */
  file_type_mismatch: {
    status: 415,
    ru: 'Содержимое файла не соответствует его типу',
    en: 'The file content does not match its type',
  },
  /** An image that cannot be decoded (damaged, truncated, or far too many pixels). */
  image_unreadable: {
    status: 422,
    ru: 'Не удалось прочитать изображение',
    en: 'The image could not be read',
  },
  /** A path segment longer than the router takes (an id or token cannot be that long). */
  path_too_long: { status: 414, ru: 'Слишком длинный адрес', en: 'The address is too long' },
  /** An upload with no bytes at all. */
  empty_file: { status: 400, ru: 'Файл пустой', en: 'The file is empty' },
  /** An import file is missing, unreadable, damaged or lacks the columns the import needs. */
  import_file_invalid: {
    status: 422,
    ru: 'Файл импорта не удалось прочитать',
    en: 'The import file cannot be read',
  },
  /** The password was right and the account has TOTP on: send a code with `challengeId`. */
  second_factor_required: {
    status: 401,
    ru: 'Введите код из приложения-аутентификатора',
    en: 'Enter the code from your authenticator app',
  },
  /** The second-factor challenge is unknown, expired, used up or already spent. */
  second_factor_challenge_invalid: {
    status: 401,
    ru: 'Время на ввод кода истекло, войдите заново',
    en: 'The sign-in attempt has expired; sign in again',
  },
  /** A TOTP or recovery code did not match; `attemptsLeft` says how many tries remain. */
  totp_invalid: { status: 400, ru: 'Неверный код', en: 'Wrong code' },
  /** A TOTP code that was already accepted once; each code works a single time. */
  totp_code_used: {
    status: 400,
    ru: 'Этот код уже использован, дождитесь следующего',
    en: 'This code has already been used; wait for the next one',
  },
  /** The action needs TOTP, and the account has none (or it is not confirmed yet). */
  totp_not_enabled: {
    status: 409,
    ru: 'Вход по коду из приложения не включён',
    en: 'Authenticator app sign-in is not enabled',
  },
  totp_already_enabled: {
    status: 409,
    ru: 'Вход по коду из приложения уже включён',
    en: 'Authenticator app sign-in is already enabled',
  },
  /** The current password given to change it is wrong. */
  current_password_invalid: {
    status: 400,
    ru: 'Текущий пароль указан неверно',
    en: 'The current password is wrong',
  },
  /** A passkey sign-in failed: unknown key, bad signature, stale challenge or cloned key. */
  passkey_invalid: {
    status: 401,
    ru: 'Ключ доступа не подошёл',
    en: 'The passkey was not accepted',
  },
  /** A passkey registration could not be verified. */
  passkey_registration_failed: {
    status: 400,
    ru: 'Не удалось добавить ключ доступа',
    en: 'The passkey could not be added',
  },
  /** A one-time code that does not match; `attemptsLeft` and `retryAt` say what remains. */
  otp_invalid: { status: 400, ru: 'Неверный код', en: 'Wrong code' },
  /** The code's lifetime is over: ask for a new one (C26), not "wrong code". */
  otp_expired: {
    status: 410,
    ru: 'Срок действия кода истёк, запросите код повторно',
    en: 'The code has expired; request a new one',
  },
  /** Every attempt of this code is spent; even the right code is refused now. */
  otp_exhausted: {
    status: 429,
    ru: 'Попытки ввода кода исчерпаны, запросите новый код',
    en: 'No attempts left for this code; request a new one',
  },
  /** Too soon after a wrong code; `retryAt` says when to try. */
  otp_pause: {
    status: 429,
    ru: 'Подождите немного перед следующей попыткой',
    en: 'Wait a moment before the next attempt',
  },
  /** The code was already used once. */
  otp_used: {
    status: 409,
    ru: 'Этот код уже использован, запросите новый',
    en: 'This code has already been used; request a new one',
  },
  /** A sending limit (`limit`: phone_daily, email_daily, ip_daily, resend_pause) until `resetsAt`. */
  otp_limit: {
    status: 429,
    ru: 'Превышен лимит отправки кодов',
    en: 'Code sending limit reached',
  },
  password_too_short: {
    status: 422,
    ru: 'Пароль короче 8 символов',
    en: 'The password is shorter than 8 characters',
  },
  password_too_long: {
    status: 422,
    ru: 'Пароль длиннее 128 символов',
    en: 'The password is longer than 128 characters',
  },
  password_too_simple: {
    status: 422,
    ru: 'В пароле должно быть не меньше 4 разных символов',
    en: 'The password needs at least 4 different characters',
  },
  password_common: {
    status: 422,
    ru: 'Этот пароль слишком распространён, придумайте другой',
    en: 'This password is too common; choose another',
  },
  /** Too many wrong passwords for this login; `lockedUntil` says until when. */
  account_locked: {
    status: 423,
    ru: 'Вход временно заблокирован',
    en: 'Sign-in is temporarily locked',
  },
  registration_not_found: {
    status: 404,
    ru: 'Регистрация не найдена или устарела, начните заново',
    en: 'The registration is unknown or expired; start again',
  },
  /** A step was taken before the ones it depends on (`missing` lists them). */
  registration_incomplete: {
    status: 409,
    ru: 'Сначала завершите предыдущие шаги регистрации',
    en: 'Finish the previous registration steps first',
  },
  recovery_not_found: {
    status: 404,
    ru: 'Восстановление не найдено или устарело, начните заново',
    en: 'The recovery is unknown or expired; start again',
  },
  /** The phone or e-mail address already belongs to an account. */
  contact_taken: {
    status: 409,
    ru: 'Этот телефон или адрес уже зарегистрирован, воспользуйтесь восстановлением доступа',
    en: 'This phone or address is already registered; use access recovery',
  },
  /** Consent was given to a text version that is no longer current. */
  legal_text_outdated: {
    status: 409,
    ru: 'Текст соглашения обновился, ознакомьтесь с новой редакцией',
    en: 'The text has been updated; read the current version',
  },
  /** Signed in, but the person's identity level is below what the action needs. */
  assurance_required: {
    status: 403,
    ru: 'Нужен более высокий уровень подтверждения личности',
    en: 'A higher identity assurance level is required',
  },
  /** A СНИЛС that fails the format or the check digits. */
  snils_invalid: { status: 422, ru: 'СНИЛС указан неверно', en: 'The SNILS is invalid' },
  /** Passport series and number, issue date or department code are malformed. */
  passport_invalid: {
    status: 422,
    ru: 'Паспортные данные указаны неверно',
    en: 'The passport details are invalid',
  },
  /** The СНИЛС belongs to another account whose identity is already verified. */
  snils_taken: {
    status: 409,
    ru: 'Этот СНИЛС уже подтверждён в другой учётной записи: войдите в неё или обратитесь в поддержку',
    en: 'This SNILS is already verified on another account; sign in to it or contact support',
  },
  /** A verification request is already waiting for an operator. */
  verification_pending: {
    status: 409,
    ru: 'Заявка на подтверждение личности уже рассматривается',
    en: 'A verification request is already pending',
  },
  /** A wrong, expired or used in-person verification code. */
  in_person_code_invalid: {
    status: 422,
    ru: 'Код неверен или устарел; получите новый код в офисе',
    en: 'The code is wrong or expired; get a new code at the office',
  },
  /** An invitation token that is unknown, expired, already used or meant for someone else. */
  invitation_invalid: {
    status: 410,
    ru: 'Приглашение недействительно или устарело',
    en: 'The invitation is invalid or expired',
  },
  /** A cadastral number that is not `district:area:quarter:object` (66:41:0702013:1234). */
  cadastral_number_invalid: {
    status: 422,
    ru: 'Кадастровый номер указан неверно: нужен вид 66:41:0702013:1234',
    en: 'The cadastral number is malformed; expected the form 66:41:0702013:1234',
  },
  /** A share of ownership that is not a fraction above zero and at most one (3/2, 0, «half»). */
  share_invalid: {
    status: 422,
    ru: 'Доля указана неверно: нужна дробь больше нуля и не больше единицы, например 1/2',
    en: 'The share is invalid; it must be a fraction above zero and at most one, e.g. 1/2',
  },
  /** The person already has a live claim for this object, or already owns it on the platform. */
  property_claim_duplicate: {
    status: 409,
    ru: 'Заявка на этот объект уже подана',
    en: 'A claim for this property has already been made',
  },
  /** A file id that is unknown or was uploaded by someone else; which of the two is not told. */
  claim_file_unavailable: {
    status: 422,
    ru: 'Файл не найден среди ваших загрузок; загрузите скан заново',
    en: 'The file is not among your uploads; upload the scan again',
  },
  /** The claim was already decided, confirmed or withdrawn; it cannot change any more. */
  property_claim_closed: {
    status: 409,
    ru: 'Заявка уже рассмотрена или отозвана',
    en: 'The claim has already been decided or withdrawn',
  },
  /** Recording the ownership would make the owners' shares of the premise add up to more than one. */
  shares_exceed_whole: {
    status: 409,
    ru: 'Сумма долей собственников превысила бы единицу',
    en: "The owners' shares would add up to more than one",
  },
  /** A management contract whose period meets another contract of the same house. */
  management_contract_overlap: {
    status: 409,
    ru: 'Период договора управления пересекается с другим договором этого дома',
    en: 'The management contract overlaps another contract of this house',
  },
  /** The management contract has already been ended. */
  management_contract_ended: {
    status: 409,
    ru: 'Договор управления уже расторгнут',
    en: 'The management contract has already been ended',
  },
  /** Nobody manages the house today, so there is no organisation to bill a new account. */
  house_unmanaged: {
    status: 409,
    ru: 'У дома нет управляющей организации на сегодня',
    en: 'The house has no managing organisation today',
  },
  /** The payer already has an open account for this premise with this organisation. */
  personal_account_duplicate: {
    status: 409,
    ru: 'У этого плательщика уже есть открытый лицевой счёт по этому помещению',
    en: 'This payer already has an open account for this premise',
  },
  /** The personal account is closed already. */
  personal_account_closed: {
    status: 409,
    ru: 'Лицевой счёт уже закрыт',
    en: 'The personal account is already closed',
  },
  rate_limited: {
    status: 429,
    ru: 'Слишком много запросов, попробуйте позже',
    en: 'Too many requests; try later',
  },
  internal_error: {
    status: 500,
    ru: 'Внутренняя ошибка, мы уже разбираемся',
    en: 'Internal error; we are looking into it',
  },
  database_unavailable: {
    status: 503,
    ru: 'База данных недоступна',
    en: 'The database is unavailable',
  },
} as const satisfies Record<string, CodeSpec>;

/** The platform's codes and each domain module's own, kept in the module's `*.errors.ts`. */
export const ERROR_CODES = {
  ...PLATFORM_CODES,
  ...metersErrorCodes,
  ...billingErrorCodes,
  ...serviceRequestsErrorCodes,
  ...meetingsErrorCodes,
  ...documentsErrorCodes,
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldError = { field: string; rule: string; message: string };

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly options: {
      /** Overrides the generic message of the code, per language. */
      detail?: { ru: string; en: string };
      errors?: FieldError[];
      cause?: unknown;
      /** Extra members of the problem document (e.g. `retryAfter`). */
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(options.detail?.en ?? ERROR_CODES[code].en, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_CODES[code].status;
  }

  /** Server-side faults are reported; the caller's mistakes are not. */
  get isReportable(): boolean {
    return this.status >= 500;
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
};

export function toProblem(
  error: AppError,
  locale: Locale,
  context: { instance?: string; requestId?: string } = {},
): Problem {
  const spec = ERROR_CODES[error.code];

  return {
    ...error.options.extra,
    type: `https://mpdom.ru/problems/${error.code.replaceAll('_', '-')}`,
    title: spec[locale],
    status: spec.status,
    detail: error.options.detail?.[locale] ?? spec[locale],
    code: error.code,
    ...(context.instance ? { instance: context.instance } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(error.options.errors ? { errors: error.options.errors } : {}),
  };
}

/** Picks Russian unless the caller clearly prefers English. */
export function pickLocale(acceptLanguage: string | undefined, explicit?: string): Locale {
  if (explicit === 'en' || explicit === 'ru') {
    return explicit;
  }

  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';

  return first.startsWith('en') ? 'en' : 'ru';
}
