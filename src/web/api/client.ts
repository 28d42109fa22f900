import type { FieldError, Problem } from './types.js';

/**
 * The one way the UI talks to the API. Every failure becomes an ApiError: a problem+json answer
 * keeps its localized `detail`; a dead network or a non-problem answer gets a code the UI
 * translates itself, because then there is no server text to show.
 */

export type ClientErrorCode = 'network_error' | 'unexpected_response';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Server-written, already in the language the request asked for; absent for client faults. */
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];
  /** Extension members of the problem (RFC 9457 §3.2), e.g. `lockedUntil`, `attemptsLeft`. */
  readonly extensions: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    detail?: string;
    requestId?: string;
    errors?: FieldError[];
    extensions?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(init.detail ?? init.code, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.errors ?? [];
    this.extensions = init.extensions ?? {};
  }

  /** An extension member as a string, or undefined when absent or of another type. */
  text(name: string): string | undefined {
    const value = this.extensions[name];

    return typeof value === 'string' ? value : undefined;
  }

  /** An extension member as a number, or undefined when absent or of another type. */
  number(name: string): number | undefined {
    const value = this.extensions[name];

    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  /** True when the fault is the client's own (no answer, or an answer we cannot read). */
  get isClientSide(): boolean {
    return this.code === 'network_error' || this.code === 'unexpected_response';
  }
}

type ClientState = { language: string; csrfToken: string | undefined };

const state: ClientState = { language: 'ru', csrfToken: undefined };

/** Problem messages come back in this language (sent as Accept-Language). */
export function setRequestLanguage(language: string) {
  state.language = language;
}

/** Remembered from the session so cookie-authenticated writes can prove they come from us. */
export function setCsrfToken(token: string | undefined) {
  state.csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
};

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();

  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }

  const search = params.toString();

  return search ? `${path}?${search}` : path;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) {
    return false;
  }

  const candidate = value as Record<string, unknown>;

  return typeof candidate.status === 'number' && typeof candidate.code === 'string';
}

const PROBLEM_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'code',
  'instance',
  'requestId',
  'errors',
]);

/** The members a problem carries beyond RFC 9457's own (`lockedUntil`, `limit`, `retryAt`…). */
function extensionsOf(problem: Problem): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(problem as Record<string, unknown>).filter(([key]) => !PROBLEM_MEMBERS.has(key)),
  );
}

/** Turns a failed response into an ApiError, reading problem+json when the server sent it. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  const requestId = response.headers.get('x-request-id') ?? undefined;

  if (type.includes('json')) {
    const body: unknown = await response.json().catch(() => undefined);

    if (isProblem(body)) {
      return new ApiError({
        extensions: extensionsOf(body),
        status: body.status,
        code: body.code,
        detail: typeof body.detail === 'string' ? body.detail : body.title,
        requestId: body.requestId ?? requestId,
        errors: Array.isArray(body.errors) ? body.errors : [],
      });
    }
  }

  return new ApiError({ status: response.status, code: 'unexpected_response', requestId });
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': state.language,
  };

  // A FormData body (a file upload) sets its own multipart content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;

  if (options.body !== undefined && !isForm) {
    headers['content-type'] = 'application/json';
  }

  if (method !== 'GET' && state.csrfToken) {
    headers['x-csrf-token'] = state.csrfToken;
  }

  let response: Response;

  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    // An abort is the caller's own decision (a newer search replaced this one): pass it on as is.
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }

    throw new ApiError({ status: 0, code: 'network_error', cause });
  }

  if (!response.ok) {
    throw await errorFromResponse(response);
  }

  if (response.status === 204) {
    return undefined as T;
  }

  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new ApiError({ status: response.status, code: 'unexpected_response', cause });
  }
}
