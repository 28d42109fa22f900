import type { FastifyInstance } from 'fastify';

import { AppError, type FieldError } from '../errors.js';

// Deep enough for any body the API takes; deeper nesting is not walked, not refused.
const MAX_DEPTH = 32;

/**
 * PostgreSQL text cannot hold the NUL character, so a string carrying one would fail deep in a
 * query as a 500. Every request's body, query and path are checked before validation instead,
 * and such a request is refused as invalid, naming each field.
 */
export function installNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const errors: FieldError[] = [];

    collect(request.params, 'params', errors, 0);
    collect(request.query, 'querystring', errors, 0);
    collect(request.body, 'body', errors, 0);

    if (errors.length > 0) {
      throw new AppError('validation_failed', { errors });
    }
  });
}

function collect(value: unknown, field: string, errors: FieldError[], depth: number): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      errors.push({ field, rule: 'nul_character', message: 'must not contain the NUL character' });
    }

    return;
  }

  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') {
    return;
  }

  // Only what JSON and query parsing make is walked: multipart parts, streams and buffers are
  // files, whose content is checked where they are stored.
  if (!Array.isArray(value) && !isPlainObject(value)) {
    return;
  }

  for (const [key, item] of Object.entries(value)) {
    collect(item, `${field}.${key}`, errors, depth + 1);
  }
}

// Plain objects, including the prototype-less kinds fastify makes for params and the query.
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as object | null;

  return (
    prototype === null ||
    prototype === Object.prototype ||
    Object.getPrototypeOf(prototype) === null
  );
}
