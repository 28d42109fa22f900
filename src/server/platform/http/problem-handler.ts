import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

import { AppError, pickLocale, toProblem, type FieldError } from '../errors.js';

export function requestLocale(request: FastifyRequest) {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = typeof query?.lang === 'string' ? query.lang : request.cookies?.lang;

  return pickLocale(request.headers['accept-language'], explicit);
}

/** Sends an AppError as RFC 9457 problem+json in the caller's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const problem = toProblem(error, requestLocale(request), {
    instance: request.url.split('?')[0],
    requestId: request.id,
  });

  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Maps anything thrown in a handler to an AppError; unknown errors become a logged 500. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) {
    return error;
  }

  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldError[] = error.validation.map((issue) => {
      const where = error.validationContext ?? 'body';
      const field = [where, ...issue.instancePath.split('/').filter(Boolean)].join('.');

      return { field, rule: String(issue.keyword), message: issue.message ?? 'invalid' };
    });

    return new AppError('validation_failed', { errors });
  }

  const fastifyError = error as FastifyError;

  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', { cause: error });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('payload_too_large', { cause: error });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_BAD_URL':
      return new AppError('malformed_request', { cause: error });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('path_too_long', { cause: error });
    default:
      break;
  }

  if (fastifyError.statusCode === 429) {
    return new AppError('rate_limited', { cause: error });
  }

  if (error instanceof SyntaxError || fastifyError.statusCode === 400) {
    return new AppError('malformed_request', {
      cause: error,
      detail: { ru: `Не удалось разобрать запрос: ${error.message}`, en: error.message },
    });
  }

  return new AppError('internal_error', { cause: error });
}

/**
 * Renders every error as problem+json. With `spaFallback`, a GET for a page (not under `/api`)
 * that matches no route is answered with the SPA's index.html so the client router can take it.
 */
export function installProblemHandlers(
  app: FastifyInstance,
  options: { spaFallback: () => boolean },
) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);

    if (appError.isReportable) {
      request.log.error({ err: error, code: appError.code }, 'request failed');
    } else {
      request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    }

    return sendProblem(request, reply, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api');

    if (isPage && options.spaFallback()) {
      return reply.type('text/html').sendFile('index.html');
    }

    return sendProblem(request, reply, new AppError('route_not_found'));
  });
}
