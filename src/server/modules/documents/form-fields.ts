import type { z } from 'zod';

import { AppError } from '../../platform/errors.js';

/** Validates the text fields of a multipart form, failing as a JSON body would. */
export function parseFields<Schema extends z.ZodType>(
  schema: Schema,
  fields: Record<string, unknown>,
): z.infer<Schema> {
  const parsed = schema.safeParse(fields);

  if (!parsed.success) {
    throw new AppError('validation_failed', {
      errors: parsed.error.issues.map((issue) => ({
        field: `body.${issue.path.join('.')}`,
        rule: issue.code,
        message: issue.message,
      })),
    });
  }

  return parsed.data;
}
