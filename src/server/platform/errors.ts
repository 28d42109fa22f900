/**
 * One error type for the whole platform. Each code is stable (clients and tests match on it), maps
 * to exactly one HTTP status, and has a message in Russian and English. Responses render it as RFC
 * 9457 `application/problem+json`.
 */

export type Locale = 'ru' | 'en';

type CodeSpec = { status: number; ru: string; en: string };

export const ERROR_CODES = {
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
